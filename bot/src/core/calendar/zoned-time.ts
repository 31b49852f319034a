import { dateInZone, LocalDate, parts } from './local-date';

/** A time of day on the wall clock, "HH:MM" (24-hour). */
export type LocalTime = string & { readonly __brand: 'LocalTime' };

export function parseLocalTime(text: string): LocalTime | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [hour, minute] = [Number(m[1]), Number(m[2] ?? 0)];
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` as LocalTime;
}

export const MIDNIGHT = '00:00' as LocalTime;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at `instantMs`, in milliseconds (the zone rules come from Intl). */
function offsetAt(instantMs: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const get = (type: string) => Number(f!.formatToParts(instantMs).find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instantMs / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The instant the zone's wall clock shows `time` on `date`. Like Temporal's "compatible": a time the
 * clocks skip (spring forward) is moved on by the gap (02:30 → 03:30), a time they show twice (fall
 * back) is the first of the two.
 */
export function instantAt(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const { year, month, day } = parts(date);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const fits = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t).sort((a, b) => a - b);
  return new Date(fits[0] ?? wall - before);
}

/** The wall-clock time of `instant` in the zone, "HH:MM". */
export function timeInZone(instant: Date, timeZone: string): LocalTime {
  const wall = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  return `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}` as LocalTime;
}

export { dateInZone };
