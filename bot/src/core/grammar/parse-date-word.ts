import { addDays, LocalDate, localDate, parseIsoDate, parts, weekday } from '../calendar/local-date';
import { userError, UserError } from '../user-error';
import {
  DATE_JOINERS, DATE_PREPOSITIONS, DateWord, DAYS_BACK, MINGGU_AS_WEEK, MONTH_FIRST_LANGUAGE_WORDS, MONTH_NAMES,
  VIETNAMESE_MONTH_WORD, WEEKDAY_NAMES,
} from './date-words';
import { foldText, languageOf } from './fold-text';

export type DateOrder = 'dmy' | 'mdy';

/** A date phrase found in a line of chat. */
export interface DateAt {
  /** How many tokens, from the index asked about, the phrase takes ("el viernes": 2). */
  readonly length: number;
  /** The date, or why the phrase, plainly meant as a date, is not one that exists ("31/02"). */
  readonly date: LocalDate | UserError;
  /**
   * The phrase's number could also be the expense's amount: "5.10" (5 October, or 5.10), "nov 18".
   * Take such a date only when another amount remains in the line.
   */
  readonly couldBeAmount: boolean;
}

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
const ISO_LIKE = /^\d{4}-\d{1,2}-\d{1,2}$/;
/** "15.11", "15.11.", "15.11.2026", "15.11.26". */
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})(\.|\.(\d{2}|\d{4}))?$/;
/** "15-11", "15-11-2026". */
const DASHED_DATE = /^(\d{1,2})-(\d{1,2})(?:-(\d{2}|\d{4}))?$/;
/** A day of the month as written before or after a month name: "15", "15.", "15th", "1er", "1º", "15,". */
const DAY_NUMBER = /^(\d{1,2})(?:st|nd|rd|th|er|\.|º|°|ª)?,?$/;
const YEAR_NUMBER = /^(\d{4}),?$/;
/** Punctuation that ends a word in chat without belonging to it: "ayer,", "viernes.", "(hoy)". */
const EDGE_PUNCTUATION = /^[("'«]+|[)"'»,;:!?.]+$/gu;

/**
 * The date phrase that starts at `tokens[index]`, or undefined when none does. Tokens are the line's
 * whitespace-separated words as typed; case and accents do not matter. A bare number is never a date.
 * Words that are dates in one language and something else in another count only for the ledger's
 * language (see date-words.ts); without a locale, only the words that are dates in every language count.
 * Weekdays are the most recent one strictly before today; a day and month without a year the most
 * recent such date (today included).
 */
export function dateAt(tokens: readonly string[], index: number, today: LocalDate, order: DateOrder, locale?: string): DateAt | undefined {
  const language = languageOf(locale);
  const words = tokens.map((t) => foldText(t));
  const here = relativeOrWeekday(words, index, today, language) ?? calendarDate(tokens, words, index, today, order, language);
  if (here) return here;
  if (DATE_PREPOSITIONS.has(bare(words[index]))) {
    const after = weekdayAt(words, index + 1, today, language) ?? calendarDate(tokens, words, index + 1, today, order, language);
    if (after) return { ...after, length: after.length + 1 };
  }
  return undefined;
}

/** True when the token alone is meant as a date, whether or not the date exists ("yesterday", "31/02", "15.11"). */
export function looksLikeDate(token: string, locale?: string): boolean {
  return dateAt([token], 0, '2000-01-01' as LocalDate, 'dmy', locale)?.length === 1;
}

/**
 * Reads a whole text as one date: "today", "hôm qua", "el viernes", an ISO date, day/month[/year] (month/day
 * when the ledger says so), "15 mar", "3 de noviembre"… An impossible or unreadable one is a user error.
 */
export function parseDateWord(text: string, today: LocalDate, order: DateOrder, locale?: string): LocalDate | UserError {
  const tokens = text.trim().split(/\s+/u).filter(Boolean);
  const found = tokens.length > 0 ? dateAt(tokens, 0, today, order, locale) : undefined;
  return found && found.length === tokens.length ? found.date : impossible(text);
}

const bare = (word: string | undefined) => (word ?? '').replace(EDGE_PUNCTUATION, '');

const counts = (word: DateWord, language: string | undefined) =>
  !word.languages || (language !== undefined && word.languages.includes(language));

/** How many words of `phrase` match at `index` (0 when it does not); the last may carry punctuation. */
function matchLength(words: readonly string[], index: number, phrase: DateWord, language: string | undefined): number {
  if (!counts(phrase, language)) return 0;
  const n = phrase.words.length;
  for (let k = 0; k < n; k += 1) {
    const word = words[index + k];
    if (word === undefined) return 0;
    const w = k === n - 1 ? bare(word) : word;
    if (w !== phrase.words[k]) return 0;
  }
  return n;
}

/** The longest phrase of the lists matching at `index`, with the list's position. */
function longestMatch(words: readonly string[], index: number, lists: readonly (readonly DateWord[])[], language: string | undefined) {
  let best: { at: number; length: number } | undefined;
  lists.forEach((list, at) => {
    for (const phrase of list) {
      const length = matchLength(words, index, phrase, language);
      if (length > 0 && length > (best?.length ?? 0)) best = { at, length };
    }
  });
  return best;
}

function relativeOrWeekday(words: readonly string[], index: number, today: LocalDate, language: string | undefined): DateAt | undefined {
  const relative = longestMatch(words, index, DAYS_BACK.map((d) => d.phrases), language);
  const weekdayFound = weekdayAt(words, index, today, language);
  if (relative && relative.length >= (weekdayFound?.length ?? 0)) {
    return { length: relative.length, date: addDays(today, -DAYS_BACK[relative.at]!.back), couldBeAmount: false };
  }
  return weekdayFound;
}

function weekdayAt(words: readonly string[], index: number, today: LocalDate, language: string | undefined): DateAt | undefined {
  const found = longestMatch(words, index, WEEKDAY_NAMES, language);
  if (!found) return undefined;
  if (bare(words[index]) === 'minggu' && found.length === 1 && MINGGU_AS_WEEK.has(bare(words[index + 1]))) return undefined;
  const back = (weekday(today) - found.at + 7) % 7 || 7;
  return { length: found.length, date: addDays(today, -back), couldBeAmount: false };
}

function monthAt(words: readonly string[], index: number, language: string | undefined, monthFirst: boolean): { month: number; length: number } | undefined {
  const word = bare(words[index]);
  if (!monthFirst && word === VIETNAMESE_MONTH_WORD) {
    const n = /^(\d{1,2})$/.exec(bare(words[index + 1]));
    const month = n ? Number(n[1]) : 0;
    return month >= 1 && month <= 12 ? { month, length: 2 } : undefined;
  }
  if (monthFirst && !MONTH_FIRST_LANGUAGE_WORDS.has(word)) return undefined;
  const found = longestMatch(words.map(bare), index, MONTH_NAMES, language);
  return found ? { month: found.at + 1, length: found.length } : undefined;
}

/** "2025" after a date, when it reads as a recent year rather than an amount ("3 ноября 1800": 1800 is the amount). */
function yearAt(words: readonly string[], index: number, today: LocalDate): number | undefined {
  const m = YEAR_NUMBER.exec(words[index] ?? '');
  const year = m ? Number(m[1]) : undefined;
  const thisYear = parts(today).year;
  return year !== undefined && year >= thisYear - 9 && year <= thisYear ? year : undefined;
}

function calendarDate(
  tokens: readonly string[], words: readonly string[], index: number, today: LocalDate, order: DateOrder, language: string | undefined,
): DateAt | undefined {
  const token = tokens[index];
  if (token === undefined) return undefined;
  return numericDate(token.replace(/[,;:!?)]+$/u, ''), today, order) ?? dayThenMonth(words, index, today, language) ?? monthThenDay(words, index, today, language);
}

/** "15/11", "2026-11-15", "15.11.", "15-11-2026": one token, all digits. */
function numericDate(token: string, today: LocalDate, order: DateOrder): DateAt | undefined {
  if (ISO_LIKE.test(token)) return { length: 1, date: parseIsoDate(token) ?? impossible(token), couldBeAmount: false };
  const slash = SLASH_DATE.exec(token);
  if (slash) return { length: 1, date: dayMonthYear(slash[1]!, slash[2]!, slash[3], today, order) ?? impossible(token), couldBeAmount: false };
  const dotted = DOTTED_DATE.exec(token);
  // Day.month is how day-first languages write a date; in a month-first ledger "3.20" is only money.
  if (dotted && (order === 'dmy' || dotted[3])) {
    const date = dayMonthYear(dotted[1]!, dotted[2]!, dotted[4], today, order);
    // "5.10" is 5 October or 5.10 of money; "31.02" is only money. "15.11." and "31.02.2026" are meant as dates.
    if (!dotted[3]) return date ? { length: 1, date, couldBeAmount: true } : undefined;
    return { length: 1, date: date ?? impossible(token), couldBeAmount: false };
  }
  const dashed = DASHED_DATE.exec(token);
  if (dashed) {
    const date = dayMonthYear(dashed[1]!, dashed[2]!, dashed[3], today, order);
    if (!dashed[3]) return date ? { length: 1, date, couldBeAmount: false } : undefined;
    return { length: 1, date: date ?? impossible(token), couldBeAmount: false };
  }
  return undefined;
}

function dayMonthYear(first: string, second: string, year: string | undefined, today: LocalDate, order: DateOrder): LocalDate | undefined {
  const [a, b] = [Number(first), Number(second)];
  const [day, month] = order === 'dmy' ? [a, b] : [b, a];
  if (year === undefined) return mostRecent(month, day, today);
  return localDate(year.length === 2 ? 2000 + Number(year) : Number(year), month, day);
}

/** "15 mar", "15. März", "3 de noviembre", "15 марта", "15 tháng 3", "1er novembre 2025". */
function dayThenMonth(words: readonly string[], index: number, today: LocalDate, language: string | undefined): DateAt | undefined {
  const day = DAY_NUMBER.exec(words[index] ?? '');
  if (!day) return undefined;
  let next = index + 1;
  const joined = DATE_JOINERS.has(words[next] ?? '');
  if (joined) next += 1;
  const month = monthAt(words, next, language, false);
  if (!month) return undefined;
  // "15 mar" alone may be 15 of money spent on something called "mar"; "15. März", "3 de marzo", "15 tháng 3" may not.
  const bareDay = !/\D/.test(words[index]!) && !joined && bare(words[next]) !== VIETNAMESE_MONTH_WORD;
  next += month.length;
  return withYear(words, index, next, Number(day[1]), month.month, today, bareDay);
}

/** "nov 18", "March 5th", "nov 18 2025". */
function monthThenDay(words: readonly string[], index: number, today: LocalDate, language: string | undefined): DateAt | undefined {
  const month = monthAt(words, index, language, true);
  if (!month) return undefined;
  const day = DAY_NUMBER.exec(words[index + month.length] ?? '');
  if (!day) return undefined;
  return withYear(words, index, index + month.length + 1, Number(day[1]), month.month, today, !/\D/.test(words[index + month.length]!));
}

function withYear(words: readonly string[], start: number, next: number, day: number, month: number, today: LocalDate, couldBeAmount: boolean): DateAt {
  const joined = DATE_JOINERS.has(words[next] ?? '') || words[next] === 'nam' ? 1 : 0;
  const year = yearAt(words, next + joined, today);
  const phrase = words.slice(start, year === undefined ? next : next + joined + 1).join(' ');
  if (year !== undefined) {
    return { length: next + joined + 1 - start, date: localDate(year, month, day) ?? impossible(phrase), couldBeAmount: false };
  }
  return { length: next - start, date: mostRecent(month, day, today) ?? impossible(phrase), couldBeAmount };
}

/** The most recent date with this month and day, today included; 29 February: the last leap year's when needed. */
function mostRecent(month: number, day: number, today: LocalDate): LocalDate | undefined {
  const thisYear = parts(today).year;
  for (let year = thisYear; year >= thisYear - 8; year -= 1) {
    const candidate = localDate(year, month, day);
    if (candidate && candidate <= today) return candidate;
  }
  return undefined;
}

function impossible(text: string): UserError {
  return userError('date.impossible', `"${text}" is not a date that exists.`, 'taxi 23 2026-03-04  or  taxi 23 04/03');
}
