import {
  addDays, addMonths, daysBetween, firstOfMonth, formatYearMonth, lastOfMonth, LocalDate, parseIsoDate, parseYearMonth,
  weekday, yearMonthOf, YearMonth,
} from '../calendar/local-date';
import { userError, UserError } from '../user-error';
import { WeekStart } from '../ledger/ledger-events';

export interface Period {
  readonly label: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export interface ReportPeriod extends Period {
  readonly previous: Period;
  /** Days of the period up to today, for the daily average of a period still running. */
  readonly daysSoFar: number;
}

export const PERIOD_WORDS = 'week, month, year, YYYY-MM, YYYY or two dates (YYYY-MM-DD YYYY-MM-DD)';
/** The longest span of days a report covers (a little over a year). */
export const MAX_RANGE_DAYS = 400;

/** The words of a command that name its period: one word, or two dates for a range of days. */
export function parsePeriodWords(words: readonly string[], today: LocalDate, weekStart: WeekStart = 'monday'): ReportPeriod | UserError {
  if (words.length === 2) return parseRange(words[0]!, words[1]!, today);
  if (words.length > 2) return userError('period.unknown', `"${words.join(' ')}" is not a period I know: use ${PERIOD_WORDS}.`, 'report 2026-03-01 2026-03-15');
  return parsePeriod(words[0], today, weekStart);
}

/** From one date to another, both included, beside the same number of days just before. */
function parseRange(fromText: string, toText: string, today: LocalDate): ReportPeriod | UserError {
  const example = 'report 2026-03-01 2026-03-15';
  const [from, to] = [parseIsoDate(fromText), parseIsoDate(toText)];
  if (!from || !to) return userError('period.unknown', `"${fromText} ${toText}" is not a period I know: use ${PERIOD_WORDS}.`, example);
  if (to < from) return userError('period.range', `The range ends (${to}) before it starts (${from}).`, example);
  const days = daysBetween(from, to) + 1;
  if (days > MAX_RANGE_DAYS) return userError('period.range', `A range covers at most ${MAX_RANGE_DAYS} days; ask for a year instead.`, 'report 2025');
  return withPrevious({ label: `${from} to ${to}`, from, to }, today, () => ({
    label: `${addDays(from, -days)} to ${addDays(from, -1)}`,
    from: addDays(from, -days),
    to: addDays(from, -1),
  }));
}

/** The first day of the week `date` is in. */
export function weekStartOf(date: LocalDate, weekStart: WeekStart = 'monday'): LocalDate {
  return addDays(date, -((weekday(date) + (weekStart === 'monday' ? 6 : 7)) % 7));
}

/** Reads "week" (from the ledger's first day of the week), "month", "year", "2026-03" or "2026"; the current month by default. */
export function parsePeriod(text: string | undefined, today: LocalDate, weekStart: WeekStart = 'monday'): ReportPeriod | UserError {
  const word = (text ?? 'month').toLowerCase();
  if (word === 'week') {
    const from = weekStartOf(today, weekStart);
    return withPrevious({ label: `the week of ${from}`, from, to: addDays(from, 6) }, today, (p) => ({
      label: `the week of ${addDays(p.from, -7)}`,
      from: addDays(p.from, -7),
      to: addDays(p.from, -1),
    }));
  }
  if (word === 'month') return monthPeriod(yearMonthOf(today), today);
  if (word === 'year') return yearPeriod(Number(today.slice(0, 4)), today);
  const month = parseYearMonth(word);
  if (month) return monthPeriod(month, today);
  if (/^\d{4}$/.test(word) && Number(word) >= 1900 && Number(word) <= 2999) return yearPeriod(Number(word), today);
  return userError('period.unknown', `"${text}" is not a period I know: use ${PERIOD_WORDS}.`, 'report 2026-03');
}

function monthPeriod(month: YearMonth, today: LocalDate): ReportPeriod {
  const of = (m: YearMonth): Period => ({ label: formatYearMonth(m), from: firstOfMonth(m), to: lastOfMonth(m) });
  return withPrevious(of(month), today, () => of(addMonths(month, -1)));
}

function yearPeriod(year: number, today: LocalDate): ReportPeriod {
  const of = (y: number): Period => ({ label: String(y), from: `${y}-01-01` as LocalDate, to: `${y}-12-31` as LocalDate });
  return withPrevious(of(year), today, () => of(year - 1));
}

function withPrevious(period: Period, today: LocalDate, previous: (p: Period) => Period): ReportPeriod {
  const end = today < period.to ? today : period.to;
  return { ...period, previous: previous(period), daysSoFar: Math.max(0, daysBetween(period.from, end) + 1) };
}

/** Whether a period is exactly one calendar month. */
export function wholeMonth(period: Period): boolean {
  const month = yearMonthOf(period.from);
  return period.from === firstOfMonth(month) && period.to === lastOfMonth(month);
}

/** Whether a period is whole calendar months (a month, a year). */
export function wholeMonths(period: Pick<Period, 'from' | 'to'>): boolean {
  return period.from === firstOfMonth(yearMonthOf(period.from)) && period.to === lastOfMonth(yearMonthOf(period.to));
}
