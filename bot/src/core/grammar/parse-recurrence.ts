import { daysInMonth } from '../calendar/local-date';
import { Recurrence } from '../schedules/schedule';
import { userError, UserError } from '../user-error';
import { DateOrder } from './parse-date-word';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export const RECURRING_EXAMPLE = 'recurring add monthly 1 1200 rent #housing';

/** "mon", "Monday", "tues" → 1. */
export function parseWeekday(word: string | undefined): number | undefined {
  const w = (word ?? '').toLowerCase();
  const i = WEEKDAYS.findIndex((name) => w.length >= 3 && name.startsWith(w));
  return i >= 0 ? i : undefined;
}

/** "mar", "March", "sept" → the month's number. */
const monthOf = (word: string) => {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((name) => w.length >= 3 && name.startsWith(w));
  return i >= 0 ? i + 1 : undefined;
};
const dayNumber = (word: string | undefined) => {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(word ?? '');
  return m ? Number(m[1]) : undefined;
};

/**
 * The words after `recurring add`: how often, then which day ("monthly 1", "weekly mon",
 * "yearly 15/03" in the ledger's date order, or "15 mar" / "mar 15" always), and where the
 * expense itself starts.
 */
export function parseRecurrence(words: readonly string[], order: DateOrder): { recurrence: Recurrence; rest: string[] } | UserError {
  const [every = '', first, second] = words;
  switch (every.toLowerCase()) {
    case 'monthly': {
      const day = first?.toLowerCase() === 'last' ? 31 : dayNumber(first);
      if (!day || day > 31) return userError('recurring.day', 'Say which day of the month (1 to 31; a day a month lacks falls on its last day).', RECURRING_EXAMPLE);
      return { recurrence: { every: 'month', day }, rest: words.slice(2) };
    }
    case 'weekly': {
      const weekday = parseWeekday(first);
      if (weekday === undefined) return userError('recurring.weekday', 'Say which day of the week.', 'recurring add weekly mon 15 gym');
      return { recurrence: { every: 'week', weekday }, rest: words.slice(2) };
    }
    case 'yearly': {
      const slash = /^(\d{1,2})[/.](\d{1,2})$/.exec(first ?? '');
      const [a, b] = slash ? [Number(slash[1]), Number(slash[2])] : [0, 0];
      const date = slash ? (order === 'dmy' ? { day: a, month: b } : { day: b, month: a }) : namedDate(first, second);
      // Any year's calendar: 29 February exists in leap years.
      if (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(2028, date.month)) {
        return userError('recurring.date', `Say the date as ${order === 'dmy' ? 'day/month' : 'month/day'} or with the month's name.`, 'recurring add yearly 15 mar 99 domain');
      }
      return { recurrence: { every: 'year', ...date }, rest: words.slice(slash ? 2 : 3) };
    }
    default:
      return userError('recurring.every', 'Say how often: monthly, weekly or yearly.', RECURRING_EXAMPLE);
  }
}

/** "15 mar" or "mar 15", whatever the ledger's date order. */
function namedDate(first = '', second = ''): { month: number; day: number } | undefined {
  const [month, day] = monthOf(first) ? [monthOf(first), dayNumber(second)] : [monthOf(second), dayNumber(first)];
  return month && day ? { month, day } : undefined;
}

const ORDINAL = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "monthly on the 1st", "weekly on Monday", "yearly on 15 March", "daily". */
export function describeRecurrence(r: Recurrence): string {
  switch (r.every) {
    case 'day':
      return 'daily';
    case 'week':
      return `weekly on ${WEEKDAY_NAMES[r.weekday]}`;
    case 'month':
      return r.day === 31 ? 'monthly on the last day' : `monthly on the ${ORDINAL(r.day)}${r.day > 28 ? ' (or the month\'s last day)' : ''}`;
    case 'year':
      return `yearly on ${r.day} ${MONTH_NAMES[r.month - 1]}`;
  }
}
