import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { fixedClock } from '../../../test/support/in-memory-core';
import { postJson, startTestServer, TestServer } from '../../../test/support/test-server';

// Two service processes (two compositions, two HTTP servers) on one table: the limits are counted in
// the table, so a person cannot double them by landing on two tasks. 3 writes a minute, 5 a day.
const clock = fixedClock('2026-11-22T10:00:05Z');
const table = `limits-${randomUUID().slice(0, 8)}`;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  const env = { SPENDWISE_TABLE: table, RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_DAY: '5' };
  a = await startTestServer(env, { clock });
  b = await startTestServer(env, { clock });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

async function say(server: TestServer, text: string, id?: string, user = 'ana', group?: string): Promise<string[]> {
  const { status, json } = await postJson(`${server.url}/local/chat`, { user, text, timeZone: 'Europe/Paris', ...(id ? { id } : {}), ...(group ? { group } : {}) });
  expect(status).toBe(200);
  return (json.replies as { text: string }[]).map((r) => r.text);
}

test('limits hold across two processes; the notice comes once; a redelivery still answers; the minute and the day reset', async () => {
  // Given three writes this minute, spread over both tasks (the first is delivered with an id).
  const first = await say(a, '1 tea', 'delivery-1');
  expect(first.join()).toContain('Recorded #1');
  expect((await say(b, '2 bun')).join()).toContain('Recorded #2');
  expect((await say(a, '3 soup')).join()).toContain('Recorded #3');

  // When a fourth comes to the other task: one polite notice, and nothing is saved.
  clock.set('2026-11-22T10:00:45Z');
  expect(await say(b, '4 cake')).toEqual([
    '⏳ You have made 3 changes in one minute, the most I take, so I did not save this one. Please try again in 15 seconds. Until then I stay quiet about further changes.',
  ]);
  // A fifth, on either task, gets silence.
  expect(await say(a, '5 pie')).toEqual([]);
  // The platform redelivering the first write gets the first answer, not a refusal.
  expect(await say(b, '1 tea', 'delivery-1')).toEqual(first);
  // Reads still answer: three expenses, nothing more.
  expect((await say(a, 'list')).join('\n').match(/#\d/g)).toHaveLength(3);

  // Then the clock moves to the next minute: writes are taken again, up to the day's 5.
  clock.set('2026-11-22T10:01:00Z');
  expect((await say(b, '4 cake')).join()).toContain('Recorded #4');
  expect((await say(a, '5 pie')).join()).toContain('Recorded #5');
  clock.set('2026-11-22T10:02:00Z');
  const [dayNotice] = await say(b, '6 jam');
  expect(dayNotice).toContain('You have made 5 changes today');
  expect(dayNotice).toContain('Please try again after 01:00 (in about 14 hours).');
  expect(await say(a, '6 jam')).toEqual([]);

  // Someone else is not held back by Ana's limit.
  expect((await say(a, '9 lunch', undefined, 'ben')).join()).toContain('Recorded #1');

  // The next UTC day starts afresh.
  clock.set('2026-11-23T00:00:00Z');
  expect((await say(a, '6 jam')).join()).toContain('Recorded #6');
});

test('the counters in the table name no one', async () => {
  const items = (await a.services.table.doc.send(new ScanCommand({ TableName: table }))).Items ?? [];
  const counters = items.filter((i) => i.type === 'WriteCount' || i.type === 'WriteCountsKey');
  expect(counters.length).toBeGreaterThan(0);
  expect(JSON.stringify(counters)).not.toMatch(/ana|ben|local:/);
});
