import { addDays, dateInZone, daysInMonth, LocalDate, localDate, parts, weekday } from '../calendar/local-date';
import { instantAt } from '../calendar/zoned-time';
import { Recurrence, Schedule } from './schedule';

/** The first day on or after `from` that the recurrence names. */
export function occurrenceOnOrAfter(recurrence: Recurrence, from: LocalDate): LocalDate {
  const { year, month } = parts(from);
  switch (recurrence.every) {
    case 'day':
      return from;
    case 'week':
      return addDays(from, (recurrence.weekday - weekday(from) + 7) % 7);
    case 'month': {
      const inMonth = (y: number, m: number) => localDate(y, m, Math.min(recurrence.day, daysInMonth(y, m)))!;
      const here = inMonth(year, month);
      return here >= from ? here : month === 12 ? inMonth(year + 1, 1) : inMonth(year, month + 1);
    }
    case 'year': {
      const inYear = (y: number) => localDate(y, recurrence.month, Math.min(recurrence.day, daysInMonth(y, recurrence.month)))!;
      const here = inYear(year);
      return here >= from ? here : inYear(year + 1);
    }
  }
}

/** The occurrence after `date`. */
export const occurrenceAfter = (recurrence: Recurrence, date: LocalDate) => occurrenceOnOrAfter(recurrence, addDays(date, 1));

/** When a schedule's occurrence on `date` is due: its time of day there, in the ledger's timezone. */
export const dueAt = (schedule: Pick<Schedule, 'at'>, date: LocalDate, timeZone: string) => instantAt(date, schedule.at, timeZone);

/**
 * The occurrences of a schedule due at `now`, from its `next` on, oldest first (at most `limit`),
 * and the first one not due yet.
 */
export function dueOccurrences(schedule: Pick<Schedule, 'at' | 'next' | 'recurrence'>, timeZone: string, now: Date, limit: number): { due: LocalDate[]; next: LocalDate } {
  const due: LocalDate[] = [];
  let date = schedule.next;
  while (due.length < limit && dueAt(schedule, date, timeZone) <= now) {
    due.push(date);
    date = occurrenceAfter(schedule.recurrence, date);
  }
  return { due, next: date };
}

/** The first occurrence whose time has not come yet at `now` (a digest set at 10:00 on a Monday starts next week). */
export function upcomingOccurrence(schedule: Pick<Schedule, 'at' | 'recurrence'>, now: Date, timeZone: string): LocalDate {
  const first = occurrenceOnOrAfter(schedule.recurrence, dateInZone(now, timeZone));
  return dueAt(schedule, first, timeZone) > now ? first : occurrenceAfter(schedule.recurrence, first);
}
