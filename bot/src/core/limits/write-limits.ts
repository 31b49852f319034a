/**
 * How many chat writes a person, and a group, may make: at most `perMinute` in each minute and
 * `perDay` in each day (0 turns that limit off). Windows are fixed and aligned to UTC (10:31:00 to
 * 10:32:00; midnight to midnight UTC), so every task counts into the same window without talking to
 * the others. Pure: counts and instants in, a decision out.
 */
export interface WriteLimits {
  readonly perMinute: number;
  readonly perDay: number;
}

export const DEFAULT_WRITE_LIMITS: WriteLimits = { perMinute: 30, perDay: 2000 };

export type WindowKind = 'minute' | 'day';

export interface LimitWindow {
  readonly kind: WindowKind;
  readonly start: Date;
  readonly end: Date;
  readonly limit: number;
}

/** Whose count: the sender's own (across every ledger), or the group's (whoever in it writes). */
export type Counted = 'person' | 'group';

export interface WindowCount {
  readonly counted: Counted;
  readonly window: LimitWindow;
  /** How many writes the window holds, this one included. */
  readonly count: number;
}

export type WriteDecision =
  | { readonly kind: 'allowed' }
  | {
      readonly kind: 'refused';
      /** When every window this write went over has ended. */
      readonly retryAt: Date;
      /** The window that ends last, and whose it is: what the notice speaks of. */
      readonly window: LimitWindow;
      readonly counted: Counted;
      /**
       * True for the write that first went over that window: it alone gets the notice, the writes
       * after it in the same window get no answer (a flood gets no flood of replies back).
       */
      readonly tell: boolean;
    };

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

function windowOf(kind: WindowKind, length: number, now: Date, limit: number): LimitWindow {
  const start = Math.floor(now.getTime() / length) * length;
  return { kind, start: new Date(start), end: new Date(start + length), limit };
}

/** The windows `now` falls in, for the limits that are on. */
export function windowsAt(now: Date, limits: WriteLimits): LimitWindow[] {
  return [
    ...(limits.perMinute > 0 ? [windowOf('minute', MINUTE_MS, now, limits.perMinute)] : []),
    ...(limits.perDay > 0 ? [windowOf('day', DAY_MS, now, limits.perDay)] : []),
  ];
}

/**
 * Allowed while every count, this write included, is within its limit. Over one, the write is
 * refused until the last window it went over has ended; the one that went over first is told so.
 */
export function decideWrite(counts: readonly WindowCount[]): WriteDecision {
  const over = counts.filter((c) => c.count > c.window.limit);
  if (over.length === 0) return { kind: 'allowed' };
  const retryAt = Math.max(...over.map((c) => c.window.end.getTime()));
  const last = over.filter((c) => c.window.end.getTime() === retryAt);
  // The person's own limit is what they can act on; the group's is named only when it alone is reached.
  const named = last.find((c) => c.counted === 'person') ?? last[0]!;
  return {
    kind: 'refused',
    retryAt: new Date(retryAt),
    window: named.window,
    counted: named.counted,
    tell: last.some((c) => c.count === c.window.limit + 1),
  };
}
