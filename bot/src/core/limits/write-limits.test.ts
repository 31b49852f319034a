import { limitNotice } from './limit-notice';
import { Counted, decideWrite, DEFAULT_WRITE_LIMITS, windowsAt, WriteDecision, WriteLimits } from './write-limits';

/** Given how many writes the windows already hold at `now`, when one more comes: the decision. */
function given(now: string, before: { minute?: number; day?: number; group?: { minute?: number; day?: number } }, limits: WriteLimits = DEFAULT_WRITE_LIMITS) {
  const at = new Date(now);
  const windows = windowsAt(at, limits);
  const counts = (counted: Counted, held: { minute?: number; day?: number }) =>
    windows.map((window) => ({ counted, window, count: (held[window.kind] ?? 0) + 1 }));
  return {
    when: () => decideWrite([...counts('person', before), ...(before.group ? counts('group', before.group) : [])]),
    at,
  };
}
const refused = (d: WriteDecision) => {
  if (d.kind !== 'refused') throw new Error(`expected a refusal, got ${d.kind}`);
  return d;
};

test('windows are fixed and UTC-aligned: the minute and the day that hold the instant', () => {
  expect(windowsAt(new Date('2026-11-22T10:31:42.500Z'), DEFAULT_WRITE_LIMITS)).toEqual([
    { kind: 'minute', start: new Date('2026-11-22T10:31:00Z'), end: new Date('2026-11-22T10:32:00Z'), limit: 30 },
    { kind: 'day', start: new Date('2026-11-22T00:00:00Z'), end: new Date('2026-11-23T00:00:00Z'), limit: 2000 },
  ]);
});

test('a limit of 0 is off: no window is counted for it', () => {
  expect(windowsAt(new Date('2026-11-22T10:00:00Z'), { perMinute: 0, perDay: 2000 }).map((w) => w.kind)).toEqual(['day']);
  expect(windowsAt(new Date('2026-11-22T10:00:00Z'), { perMinute: 0, perDay: 0 })).toEqual([]);
});

test('the 30th write of a minute is allowed; the 31st is refused until the minute ends, and told so', () => {
  expect(given('2026-11-22T10:00:40Z', { minute: 29, day: 29 }).when()).toEqual({ kind: 'allowed' });
  const decision = refused(given('2026-11-22T10:00:40Z', { minute: 30, day: 30 }).when());
  expect(decision).toMatchObject({ retryAt: new Date('2026-11-22T10:01:00Z'), counted: 'person', tell: true });
  expect(decision.window.kind).toBe('minute');
});

test('writes after the first refused one in the same window are refused in silence', () => {
  expect(refused(given('2026-11-22T10:00:50Z', { minute: 31, day: 31 }).when()).tell).toBe(false);
  expect(refused(given('2026-11-22T10:00:59Z', { minute: 90, day: 90 }).when()).tell).toBe(false);
});

test('a new minute starts afresh', () => {
  expect(given('2026-11-22T10:01:00Z', { minute: 0, day: 95 }).when()).toEqual({ kind: 'allowed' });
});

test('the 2,001st write of a UTC day is refused until midnight UTC, whatever the minute holds', () => {
  const decision = refused(given('2026-11-22T17:00:00Z', { minute: 3, day: 2000 }).when());
  expect(decision).toMatchObject({ retryAt: new Date('2026-11-23T00:00:00Z'), tell: true });
  expect(decision.window.kind).toBe('day');
  expect(refused(given('2026-11-22T17:05:00Z', { minute: 0, day: 2001 }).when()).tell).toBe(false);
  expect(given('2026-11-23T00:00:00Z', { minute: 0, day: 0 }).when()).toEqual({ kind: 'allowed' });
});

test('over both limits, the day decides when to come back, and it is told once', () => {
  const decision = refused(given('2026-11-22T17:00:10Z', { minute: 30, day: 2000 }).when());
  expect(decision).toMatchObject({ retryAt: new Date('2026-11-23T00:00:00Z'), tell: true });
  // Already told of the day: going over a fresh minute as well says nothing new.
  expect(refused(given('2026-11-22T17:09:10Z', { minute: 30, day: 2100 }).when()).tell).toBe(false);
});

test('in a group, the group’s own limit refuses a person who is within theirs', () => {
  const decision = refused(given('2026-11-22T10:00:40Z', { minute: 2, day: 2, group: { minute: 30, day: 30 } }).when());
  expect(decision).toMatchObject({ counted: 'group', tell: true, retryAt: new Date('2026-11-22T10:01:00Z') });
  expect(given('2026-11-22T10:00:40Z', { minute: 2, day: 2, group: { minute: 29, day: 29 } }).when()).toEqual({ kind: 'allowed' });
});

test('configured limits are the ones applied', () => {
  const limits = { perMinute: 2, perDay: 5 };
  expect(given('2026-11-22T10:00:00Z', { minute: 1, day: 1 }, limits).when()).toEqual({ kind: 'allowed' });
  expect(refused(given('2026-11-22T10:00:00Z', { minute: 2, day: 2 }, limits).when()).window.limit).toBe(2);
  expect(refused(given('2026-11-22T10:05:00Z', { minute: 0, day: 5 }, limits).when()).window.limit).toBe(5);
});

test('the notice says which limit, whose, and when to try again (in the ledger’s time zone for the day)', () => {
  const minute = given('2026-11-22T10:00:35Z', { minute: 30, day: 30 });
  expect(limitNotice(refused(minute.when()), minute.at, 'Europe/Paris')).toBe(
    '⏳ You have made 30 changes in one minute, the most I take, so I did not save this one. Please try again in 25 seconds. Until then I stay quiet about further changes.',
  );
  const day = given('2026-11-22T17:00:00Z', { minute: 0, day: 2000, group: { day: 2000 } });
  const notice = limitNotice(refused(day.when()), day.at, 'Asia/Ho_Chi_Minh');
  expect(notice).toContain('You have made 2,000 changes today');
  expect(notice).toContain('Please try again after 07:00 (in about 7 hours).');
  const group = given('2026-11-22T10:00:00Z', { group: { minute: 30 } });
  expect(limitNotice(refused(group.when()), group.at, 'Not/AZone')).toMatch(/^⏳ This group has made 30 changes in one minute.*in 60 seconds/);
  const groupDay = given('2026-11-22T22:30:00Z', { group: { day: 2000 } });
  expect(limitNotice(refused(groupDay.when()), groupDay.at, 'Not/AZone')).toContain('after 00:00 UTC (in 90 minutes)');
});
