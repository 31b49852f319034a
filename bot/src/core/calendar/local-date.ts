/** A calendar date in a ledger's timezone, "YYYY-MM-DD". */
export type LocalDate = string & { readonly __brand: 'LocalDate' };
/** A calendar month, "YYYY-MM". */
export type YearMonth = string & { readonly __brand: 'YearMonth' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function localDate(year: number, month: number, day: number): LocalDate | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}` as LocalDate;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parts(date: LocalDate): { year: number; month: number; day: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

const toUtc = (date: LocalDate) => {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day);
};
const fromUtc = (ms: number) => {
  const d = new Date(ms);
  return localDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) as LocalDate;
};

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtc(toUtc(date) + days * 86_400_000);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function yearMonthOf(date: LocalDate): YearMonth {
  return date.slice(0, 7) as YearMonth;
}

export function firstOfMonth(ym: YearMonth): LocalDate {
  return `${ym}-01` as LocalDate;
}

export function lastOfMonth(ym: YearMonth): LocalDate {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return localDate(y, m, daysInMonth(y, m)) as LocalDate;
}

export function addMonths(ym: YearMonth, months: number): YearMonth {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}` as YearMonth;
}

export function parseYearMonth(text: string): YearMonth | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  return localDate(Number(m[1]), Number(m[2]), 1) ? (text as YearMonth) : undefined;
}

export function parseIsoDate(text: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? localDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `instant` in the IANA `timeZone`. */
export function dateInZone(instant: Date, timeZone: string): LocalDate {
  // A zone's date changes only on a whole minute, and formatting is the costly part: one per zone and minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastDates.get(timeZone);
  if (last?.minute === minute) return last.date;
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const date = localDate(get('year'), get('month'), get('day')) as LocalDate;
  lastDates.set(timeZone, { minute, date });
  return date;
}
const lastDates = new Map<string, { minute: number; date: LocalDate }>();

export function isValidTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name) && name !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The usual spelling of a valid zone as typed ("asia/ho_chi_minh" → "Asia/Ho_Chi_Minh"). */
export function canonicalTimeZone(name: string): string {
  if (name.toUpperCase() === 'UTC') return 'UTC';
  const titled = name.replace(/[A-Za-z]+/g, (w) => (w.length <= 3 && w === w.toUpperCase() ? w : w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
  return isValidTimeZone(titled) ? titled : name;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 4 Mar 2026" */
export function formatDate(date: LocalDate): string {
  const { year, month, day } = parts(date);
  return `${WEEKDAYS[weekday(date)]} ${day} ${MONTHS[month - 1]} ${year}`;
}

/** "November 2026" */
export function formatYearMonth(ym: YearMonth): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${y}`;
}
