import { addDays, LocalDate, localDate, parseIsoDate, parts, weekday } from '../calendar/local-date';
import { userError, UserError } from '../user-error';

export type DateOrder = 'dmy' | 'mdy';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
const ISO_LIKE = /^\d{4}-\d{1,2}-\d{1,2}$/;

/** True when the token is meant as a date, whether or not the date exists. */
export function looksLikeDate(token: string): boolean {
  const t = token.toLowerCase();
  return t === 'today' || t === 'yesterday' || WEEKDAYS.includes(t) || SLASH_DATE.test(t) || ISO_LIKE.test(t);
}

/**
 * Reads "today", "yesterday", a weekday name (the most recent one strictly before today), an ISO date,
 * or day/month[/year] (month/day when the ledger says so; without a year, the most recent such date).
 */
export function parseDateWord(token: string, today: LocalDate, order: DateOrder): LocalDate | UserError {
  const t = token.toLowerCase();
  if (t === 'today') return today;
  if (t === 'yesterday') return addDays(today, -1);
  const wd = WEEKDAYS.indexOf(t);
  if (wd >= 0) {
    const back = (weekday(today) - wd + 7) % 7 || 7;
    return addDays(today, -back);
  }
  if (ISO_LIKE.test(t)) {
    return parseIsoDate(t) ?? impossible(token);
  }
  const m = SLASH_DATE.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    if (m[3]) {
      const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      return localDate(year, month, day) ?? impossible(token);
    }
    const thisYear = parts(today).year;
    const candidate = localDate(thisYear, month, day) ?? (month === 2 && day === 29 ? localDate(thisYear - 1, 2, 29) : undefined);
    if (!candidate && !(month === 2 && day === 29)) return impossible(token);
    if (candidate && candidate <= today) return candidate;
    return localDate(thisYear - 1, month, day) ?? localDate(lastLeapYearBefore(thisYear), month, day) ?? impossible(token);
  }
  return impossible(token);
}

function lastLeapYearBefore(year: number): number {
  let y = year - 1;
  while (!localDate(y, 2, 29)) y -= 1;
  return y;
}

function impossible(token: string): UserError {
  return userError('date.impossible', `"${token}" is not a date that exists.`, 'taxi 23 2026-03-04  or  taxi 23 04/03');
}
