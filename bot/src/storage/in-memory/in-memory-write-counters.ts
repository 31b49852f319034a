import { CounterKey, WriteCounters } from '../../core/limits/write-counters.port';

/**
 * Write counters in this process only, for fast tests of the core. Not for the service: its tasks
 * must share counts (the DynamoDB counters). Windows that have ended are dropped as counts are added.
 */
export function createInMemoryWriteCounters(): WriteCounters {
  const counts = new Map<string, { count: number; end: number }>();
  const keyOf = ({ subject, window }: CounterKey) => `${subject}|${window.kind}|${window.start.toISOString()}`;
  return {
    async add(counters) {
      const latestStart = Math.max(...counters.map((c) => c.window.start.getTime()));
      for (const [key, { end }] of counts) if (end <= latestStart) counts.delete(key);
      return counters.map((counter) => {
        const key = keyOf(counter);
        const entry = counts.get(key) ?? { count: 0, end: counter.window.end.getTime() };
        entry.count += 1;
        counts.set(key, entry);
        return entry.count;
      });
    },
    async takeBack(counters) {
      for (const counter of counters) {
        const entry = counts.get(keyOf(counter));
        if (entry) entry.count -= 1;
      }
    },
  };
}
