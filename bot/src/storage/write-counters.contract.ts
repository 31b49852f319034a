import { randomUUID } from 'node:crypto';
import { WriteCounters } from '../core/limits/write-counters.port';
import { windowsAt } from '../core/limits/write-limits';

/** What every store of write counts must do; run against memory and DynamoDB Local. */
export function describeWriteCountersContract(name: string, make: () => Promise<{ counters: WriteCounters; close?: () => void }>): void {
  describe(`${name}: write counters contract`, () => {
    let counters: WriteCounters;
    let close: (() => void) | undefined;
    beforeAll(async () => {
      ({ counters, close } = await make());
    });
    afterAll(() => close?.());
    const at = (iso: string) => windowsAt(new Date(iso), { perMinute: 30, perDay: 2000 });
    const subject = () => `person:telegram:${randomUUID()}`;

    test('each add counts one more in each window it names, and answers the counts in order', async () => {
      const ana = subject();
      const [minute, day] = at('2026-11-22T10:00:10Z');
      expect(await counters.add([{ subject: ana, window: minute! }, { subject: ana, window: day! }])).toEqual([1, 1]);
      expect(await counters.add([{ subject: ana, window: minute! }, { subject: ana, window: day! }])).toEqual([2, 2]);
      expect(await counters.add([{ subject: ana, window: day! }])).toEqual([3]);
    });

    test('subjects and windows count apart: a new minute starts from one, the day keeps counting', async () => {
      const ana = subject();
      const ben = subject();
      const [minute, day] = at('2026-11-22T10:00:59Z');
      await counters.add([{ subject: ana, window: minute! }, { subject: ana, window: day! }]);
      await counters.add([{ subject: ana, window: minute! }, { subject: ana, window: day! }]);
      expect(await counters.add([{ subject: ben, window: minute! }])).toEqual([1]);
      const [nextMinute, sameDay] = at('2026-11-22T10:01:00Z');
      expect(await counters.add([{ subject: ana, window: nextMinute! }, { subject: ana, window: sameDay! }])).toEqual([1, 3]);
      const [, nextDay] = at('2026-11-23T00:00:00Z');
      expect(await counters.add([{ subject: ana, window: nextDay! }])).toEqual([1]);
    });

    test('a count taken back is counted again by the next add', async () => {
      const ana = subject();
      const [minute, day] = at('2026-11-22T10:02:00Z');
      await counters.add([{ subject: ana, window: minute! }, { subject: ana, window: day! }]);
      await counters.add([{ subject: ana, window: minute! }, { subject: ana, window: day! }]);
      await counters.takeBack([{ subject: ana, window: day! }]);
      expect(await counters.add([{ subject: ana, window: minute! }, { subject: ana, window: day! }])).toEqual([3, 2]);
    });

    test('adds at the same moment never get the same count (what lets tasks share a limit)', async () => {
      const ana = subject();
      const [minute] = at('2026-11-22T11:00:00Z');
      const counts = await Promise.all(Array.from({ length: 12 }, () => counters.add([{ subject: ana, window: minute! }])));
      expect(counts.map(([n]) => n).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });
  });
}
