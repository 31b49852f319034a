import { LocalDate } from './local-date';
import { instantAt, LocalTime, parseLocalTime, timeInZone } from './zoned-time';

const at = (date: string, time: string, zone: string) => instantAt(date as LocalDate, time as LocalTime, zone).toISOString();

describe('a wall-clock time in a zone, as an instant', () => {
  test('ordinary days follow the zone offset, half-hour offsets included', () => {
    expect(at('2026-11-22', '09:00', 'Asia/Kolkata')).toBe('2026-11-22T03:30:00.000Z');
    expect(at('2026-11-22', '00:00', 'UTC')).toBe('2026-11-22T00:00:00.000Z');
    expect(at('2026-12-31', '23:59', 'Pacific/Kiritimati')).toBe('2026-12-31T09:59:00.000Z');
    expect(at('2026-07-01', '09:00', 'Europe/Paris')).toBe('2026-07-01T07:00:00.000Z');
    expect(at('2026-01-15', '09:00', 'Europe/Paris')).toBe('2026-01-15T08:00:00.000Z');
  });

  test('a time the clocks skip in spring is moved on by the gap', () => {
    expect(at('2026-03-29', '02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(at('2026-03-29', '01:59', 'Europe/Paris')).toBe('2026-03-29T00:59:00.000Z');
    expect(at('2026-03-08', '02:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(at('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe('2026-10-03T15:45:00.000Z'); // a 30-minute gap
  });

  test('midnight that does not exist (Chile moves its clocks at 00:00) is the first instant of the day', () => {
    expect(at('2026-09-06', '00:00', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(timeInZone(new Date('2026-09-06T04:00:00.000Z'), 'America/Santiago')).toBe('01:00');
  });

  test('a time the clocks show twice in autumn is the first of the two', () => {
    expect(at('2026-10-25', '02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-10-25', '03:00', 'Europe/Paris')).toBe('2026-10-25T02:00:00.000Z');
    expect(at('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  test('"09:00 local" stays 09:00 on the wall on both sides of a change', () => {
    for (const date of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']) {
      expect(timeInZone(new Date(at(date, '09:00', 'Europe/Paris')), 'Europe/Paris')).toBe('09:00');
    }
  });

  test('times of day are read as HH:MM, 24-hour', () => {
    expect(parseLocalTime('21:00')).toBe('21:00');
    expect(parseLocalTime('9:05')).toBe('09:05');
    expect(parseLocalTime('7')).toBe('07:00');
    expect(parseLocalTime('24:00')).toBeUndefined();
    expect(parseLocalTime('12:60')).toBeUndefined();
    expect(parseLocalTime('noon')).toBeUndefined();
  });
});
