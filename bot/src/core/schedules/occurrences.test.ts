import fc from 'fast-check';
import { addDays, daysInMonth, LocalDate, parts, weekday } from '../calendar/local-date';
import { LocalTime } from '../calendar/zoned-time';
import { dueOccurrences, occurrenceAfter, occurrenceOnOrAfter } from './occurrences';
import { Recurrence } from './schedule';

const d = (text: string) => text as LocalDate;
const series = (r: Recurrence, from: string, n: number) => {
  const out: string[] = [occurrenceOnOrAfter(r, d(from))];
  while (out.length < n) out.push(occurrenceAfter(r, d(out.at(-1)!)));
  return out;
};

describe('occurrences of a recurrence', () => {
  test('monthly on the 31st falls on the last day of shorter months, and comes back to the 31st', () => {
    expect(series({ every: 'month', day: 31 }, '2027-01-01', 5)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
  });

  test('monthly on the 29th and 30th in February: the 29th in a leap year, else the 28th', () => {
    expect(series({ every: 'month', day: 30 }, '2028-01-31', 3)).toEqual(['2028-02-29', '2028-03-30', '2028-04-30']);
    expect(series({ every: 'month', day: 29 }, '2027-02-01', 2)).toEqual(['2027-02-28', '2027-03-29']);
  });

  test('an occurrence on the day itself counts (an item added for today runs today)', () => {
    expect(occurrenceOnOrAfter({ every: 'month', day: 22 }, d('2026-11-22'))).toBe('2026-11-22');
    expect(occurrenceOnOrAfter({ every: 'month', day: 21 }, d('2026-11-22'))).toBe('2026-12-21');
    expect(occurrenceOnOrAfter({ every: 'month', day: 1 }, d('2026-12-02'))).toBe('2027-01-01');
  });

  test('yearly on 29 February: the 28th in common years, the 29th in leap years', () => {
    expect(series({ every: 'year', month: 2, day: 29 }, '2026-03-01', 4)).toEqual(['2027-02-28', '2028-02-29', '2029-02-28', '2030-02-28']);
    expect(series({ every: 'year', month: 3, day: 15 }, '2026-03-15', 2)).toEqual(['2026-03-15', '2027-03-15']);
  });

  test('weekly on a weekday', () => {
    expect(series({ every: 'week', weekday: 1 }, '2026-11-22', 3)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(occurrenceOnOrAfter({ every: 'week', weekday: 0 }, d('2026-11-22'))).toBe('2026-11-22');
  });

  test('every occurrence is the first day on or after the start that the rule names (any rule, any date)', () => {
    const recurrence = fc.oneof(
      fc.constant<Recurrence>({ every: 'day' }),
      fc.integer({ min: 0, max: 6 }).map((weekday): Recurrence => ({ every: 'week', weekday })),
      fc.integer({ min: 1, max: 31 }).map((day): Recurrence => ({ every: 'month', day })),
      fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([month, day]): Recurrence => ({ every: 'year', month, day: Math.min(day, daysInMonth(2028, month)) })),
    );
    const date = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays(d('2000-01-01'), n));
    const names = (r: Recurrence, x: LocalDate) => {
      const { year, month, day } = parts(x);
      if (r.every === 'day') return true;
      if (r.every === 'week') return weekday(x) === r.weekday;
      if (r.every === 'month') return day === Math.min(r.day, daysInMonth(year, month));
      return month === r.month && day === Math.min(r.day, daysInMonth(year, month));
    };
    fc.assert(fc.property(recurrence, date, (r, from) => {
      const found = occurrenceOnOrAfter(r, from);
      expect(found >= from).toBe(true);
      expect(names(r, found)).toBe(true);
      for (let x = from; x < found; x = addDays(x, 1)) expect(names(r, x)).toBe(false);
    }));
  });
});

describe('what is due at an instant, in the ledger\'s timezone', () => {
  const rent = { at: '00:00' as LocalTime, next: d('2026-12-01'), recurrence: { every: 'month', day: 1 } as Recurrence };

  test('a day begins at local midnight: not due a minute before, due at it', () => {
    // Midnight of 1 December in Ho Chi Minh City is 17:00 UTC the day before.
    expect(dueOccurrences(rent, 'Asia/Ho_Chi_Minh', new Date('2026-11-30T16:59:00Z'), 12).due).toEqual([]);
    expect(dueOccurrences(rent, 'Asia/Ho_Chi_Minh', new Date('2026-11-30T17:00:00Z'), 12)).toEqual({ due: ['2026-12-01'], next: '2027-01-01' });
    expect(dueOccurrences(rent, 'America/Los_Angeles', new Date('2026-12-01T07:59:00Z'), 12).due).toEqual([]);
  });

  test('after downtime every missed occurrence is due, oldest first, up to the limit', () => {
    expect(dueOccurrences(rent, 'UTC', new Date('2027-03-15T00:00:00Z'), 12)).toEqual({ due: ['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01'], next: '2027-04-01' });
    expect(dueOccurrences(rent, 'UTC', new Date('2028-03-15T00:00:00Z'), 12)).toMatchObject({ next: '2027-12-01' });
  });

  test('a reminder at 02:30 on the night Paris skips it comes at 03:30, once', () => {
    const reminder = { at: '02:30' as LocalTime, next: d('2026-03-29'), recurrence: { every: 'day' } as Recurrence };
    expect(dueOccurrences(reminder, 'Europe/Paris', new Date('2026-03-29T01:29:00Z'), 10).due).toEqual([]);
    expect(dueOccurrences(reminder, 'Europe/Paris', new Date('2026-03-29T01:30:00Z'), 10)).toEqual({ due: ['2026-03-29'], next: '2026-03-30' });
  });
});
