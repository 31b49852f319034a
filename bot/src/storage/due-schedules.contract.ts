import { fixedClock } from '../../../test/support/in-memory-core';
import { chat } from '../../../test/support/chat';
import { personWithSchedule } from '../../../test/support/schedules';
import { CoreDeps } from '../core/core-deps';
import { DueSchedules } from '../core/ports/due-schedules.port';
import { createScheduler } from '../core/schedules/scheduler';
import { runSchedule } from '../core/schedules/run-schedule';

export type DueFactory = (clock: ReturnType<typeof fixedClock>) => Promise<{ deps: CoreDeps; due: DueSchedules; close?: () => void }>;

/** What every due index must do; the same cases run in memory and on DynamoDB Local. */
export function describeDueSchedulesContract(name: string, make: DueFactory): void {
  describe(`${name}: due schedules contract`, () => {
    const clock = fixedClock('2026-11-30T12:00:00Z');
    let deps: CoreDeps;
    let due: DueSchedules;
    let close: (() => void) | undefined;
    beforeAll(async () => {
      ({ deps, due, close } = await make(clock));
    });
    afterAll(() => close?.());
    let n = 0;
    const someone = () => `due-person${(n += 1)}`;
    const mine = async (ledger: string, at: string) => (await due.due(new Date(at), 1000)).filter((d) => d.ledger === ledger);

    test('an entry is due from the instant its day begins in the ledger\'s timezone, not before', async () => {
      clock.set('2026-11-30T12:00:00Z');
      const { ledger, schedule } = await personWithSchedule(deps, someone(), { next: '2026-12-01' }, 'Asia/Ho_Chi_Minh');
      expect(await mine(ledger, '2026-11-30T16:59:59Z')).toEqual([]);
      expect(await mine(ledger, '2026-11-30T17:00:00Z')).toEqual([
        { ledger, schedule: schedule.id, occurrence: '2026-12-01', dueAt: '2026-11-30T17:00:00.000Z' },
      ]);
    });

    test('of any number of claims on one entry exactly one wins; the entry comes back when the claim lapses', async () => {
      const { ledger } = await personWithSchedule(deps, someone(), { next: '2026-12-01' });
      const [entry] = await mine(ledger, '2026-12-01T00:00:00Z');
      const claims = await Promise.all(Array.from({ length: 6 }, () => due.claim(entry!, new Date('2026-12-01T00:05:00Z'))));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await mine(ledger, '2026-12-01T00:04:59Z')).toEqual([]);
      const back = await mine(ledger, '2026-12-01T00:05:00Z');
      expect(back).toEqual([{ ...entry, dueAt: '2026-12-01T00:05:00.000Z' }]);
      expect(await due.claim(entry!, new Date('2026-12-01T00:10:00Z'))).toBeUndefined(); // the old sighting no longer claims
      expect(await due.claim(back[0]!, new Date('2026-12-01T00:10:00Z'))).toBe(2); // the second attempt at this occurrence
    });

    test('the claim holder can postpone its claim, which counts no attempt; a stale sighting cannot', async () => {
      const { ledger } = await personWithSchedule(deps, someone(), { next: '2026-12-01' });
      const [entry] = await mine(ledger, '2026-12-01T00:00:00Z');
      expect(await due.claim(entry!, new Date('2026-12-01T00:05:00Z'))).toBe(1);
      expect(await due.postpone(entry!, new Date('2026-12-01T02:00:00Z'))).toBe(false);
      expect(await due.postpone({ ...entry!, dueAt: '2026-12-01T00:05:00.000Z' }, new Date('2026-12-01T02:00:00Z'))).toBe(true);
      expect(await mine(ledger, '2026-12-01T01:59:59Z')).toEqual([]);
      const [back] = await mine(ledger, '2026-12-01T02:00:00Z');
      expect(await due.claim(back!, new Date('2026-12-01T02:05:00Z'))).toBe(2);
    });

    test('a run moves the entry to the next occurrence in the same write; a timezone change moves its instant', async () => {
      const user = someone();
      const { ledger, schedule } = await personWithSchedule(deps, user, { next: '2026-12-01' });
      clock.set('2026-12-01T00:00:30Z');
      const scheduler = createScheduler({ due, run: (r) => runSchedule(r, deps), clock, intervalMs: 60_000, log: { error: () => undefined } });
      expect((await scheduler.tick()).claimed).toBeGreaterThanOrEqual(1);
      expect((await deps.expenses.recent(ledger, 10)).map((e) => [e.description, e.date])).toEqual([['rent', '2026-12-01']]);
      expect(await mine(ledger, '2027-01-01T00:00:00Z')).toEqual([{ ledger, schedule: schedule.id, occurrence: '2027-01-01', dueAt: '2027-01-01T00:00:00.000Z' }]);
      await chat(deps, user).say('timezone Asia/Tokyo');
      expect(await mine(ledger, '2026-12-31T14:59:59Z')).toEqual([]);
      expect(await mine(ledger, '2026-12-31T15:00:00Z')).toEqual([{ ledger, schedule: schedule.id, occurrence: '2027-01-01', dueAt: '2026-12-31T15:00:00.000Z' }]);
      clock.set('2026-11-30T12:00:00Z');
    });

    test('forgetting the person takes the due entries of their ledger with it', async () => {
      const user = someone();
      const { ledger } = await personWithSchedule(deps, user, { next: '2026-12-01' });
      expect(await mine(ledger, '2026-12-02T00:00:00Z')).toHaveLength(1);
      await deps.personalData.forget(`local:${user}`);
      expect(await mine(ledger, '2026-12-02T00:00:00Z')).toEqual([]);
    });
  });
}
