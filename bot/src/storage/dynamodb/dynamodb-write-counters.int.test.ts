import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { freshTable, testEndpoint } from '../../../../test/support/test-ledger';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './dynamodb-local';
import { createDynamoTable } from './dynamodb-tables';
import { windowsAt } from '../../core/limits/write-limits';
import { describeWriteCountersContract } from '../write-counters.contract';
import { createDynamoWriteCounters } from './dynamodb-write-counters';

describeWriteCountersContract('DynamoDB', async () => {
  const table = await freshTable('counters');
  return { counters: createDynamoWriteCounters(table), close: () => table.doc.destroy() };
});

describe('DynamoDB write counters', () => {
  test('hold no platform identity, expire by TTL, and two tasks (two clients) share the day’s key', async () => {
    const table = await freshTable('counters-keyed');
    const other = await freshTable('counters-keyed-unused');
    try {
      const windows = windowsAt(new Date('2026-11-22T10:00:00Z'), { perMinute: 30, perDay: 2000 });
      const first = createDynamoWriteCounters(table);
      const secondClient = createDynamoTable(table.tableName, { endpoint: testEndpoint(), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
      const second = createDynamoWriteCounters(secondClient);
      const counters = windows.map((window) => ({ subject: 'person:telegram:424242', window }));
      const [a, b] = await Promise.all([first.add(counters), second.add(counters)]);
      secondClient.doc.destroy();
      expect([a, b].map((c) => c[0]).sort()).toEqual([1, 2]);
      const items = (await table.doc.send(new ScanCommand({ TableName: table.tableName }))).Items ?? [];
      expect(JSON.stringify(items)).not.toContain('424242');
      expect(items.filter((i) => i.type === 'WriteCount')).toHaveLength(2);
      expect(items.filter((i) => i.type === 'WriteCountsKey')).toHaveLength(1);
      // Every item goes by itself: the minute's soon after its window, the key the day after its day.
      for (const item of items) expect(item.expiresAt).toBeGreaterThan(Date.parse('2026-11-22T10:00:00Z') / 1000);
      expect(Math.max(...items.map((i) => Number(i.expiresAt)))).toBeLessThanOrEqual(Date.parse('2026-11-24T00:00:00Z') / 1000);
      // The same subject on another table (another day's or another service's secret) is another hash.
      await createDynamoWriteCounters(other).add(counters);
      const otherItems = (await other.doc.send(new ScanCommand({ TableName: other.tableName }))).Items ?? [];
      const counted = (list: Record<string, unknown>[]) => new Set(list.filter((i) => i.type === 'WriteCount').map((i) => i.pk));
      expect([...counted(otherItems)].some((pk) => counted(items).has(pk))).toBe(false);
    } finally {
      for (const t of [table, other]) t.doc.destroy();
    }
  });
});
