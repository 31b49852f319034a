import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { chat, ledgerTestBed } from '../../../../test/support/test-ledger';
import { LedgerId } from '../../core/ledger/ledger-id';
import { EMPTY_LEDGER, evolve } from '../../core/ledger/ledger-state';
import { LedgerEvent } from '../../core/ledger/ledger-events';
import { CurrencyCode } from '../../core/money/currencies';
import { createDynamoLedgerWriter } from './dynamodb-ledger-writer';
import { keys } from './item-keys';

const bed = ledgerTestBed('store');

async function itemsOf(ledger: string) {
  const out = await bed.table.doc.send(new QueryCommand({
    TableName: bed.table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.ledger(ledger as LedgerId) }, ConsistentRead: true,
  }));
  return out.Items ?? [];
}

test('50 concurrent adds to one ledger give 50 expenses and totals equal to their sum', async () => {
  const { say } = chat(bed.deps, 'crowd');
  const amounts = Array.from({ length: 50 }, (_, i) => i + 1);
  const replies = await Promise.all(amounts.map((n) => say(`${n}.25 snack #food`, `crowd-${n}`)));
  expect(replies.every((r) => r.startsWith('✅ Recorded #'))).toBe(true);
  const refs = replies.map((r) => Number(/#(\d+)/.exec(r)![1]));
  expect(new Set(refs).size).toBe(50);
  expect(Math.max(...refs)).toBe(50);
  const sum = amounts.reduce((s, n) => s + n * 100 + 25, 0);
  const report = await say('report');
  expect(report).toContain(`*USD*: $${(sum / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} in 50 expenses`);
  const items = await itemsOf('local:crowd');
  expect(items.filter((i) => String(i.sk).startsWith('EV#'))).toHaveLength(50);
  expect(items.filter((i) => String(i.sk).startsWith('EXP#'))).toHaveLength(50);
  const head = items.find((i) => i.sk === 'HEAD')!;
  expect(head.version).toBe(50);
});

test('the same delivery racing itself is recorded once', async () => {
  const { say } = chat(bed.deps, 'racer');
  const replies = await Promise.all(Array.from({ length: 10 }, () => say('7 pizza', 'slack:event:Ev123')));
  expect(new Set(replies).size).toBe(1);
  const items = await itemsOf('local:racer');
  expect(items.filter((i) => String(i.sk).startsWith('EXP#'))).toHaveLength(1);
  expect(items.filter((i) => String(i.sk).startsWith('IDEM#'))).toHaveLength(1);
});

test('idempotency records expire by TTL', async () => {
  await chat(bed.deps, 'ttl').say('7 pizza', 'telegram:update:1');
  const [idem] = (await itemsOf('local:ttl')).filter((i) => String(i.sk).startsWith('IDEM#'));
  const inSevenDays = Date.parse('2026-11-29T10:00:00Z') / 1000;
  expect(idem!.expiresAt).toBe(inSevenDays);
});

test('a transaction that fails leaves nothing behind', async () => {
  const writer = createDynamoLedgerWriter(bed.table);
  const ledger = 'local:stale' as LedgerId;
  await chat(bed.deps, 'stale').say('5 first');
  const before = await itemsOf(ledger);
  const expense = {
    ref: 2, amount: { minor: 999, currency: 'USD' as CurrencyCode }, category: 'food', description: 'ghost',
    date: '2026-11-22', recordedAt: '2026-11-22T10:00:00.000Z', recordedBy: 'x',
  } as never;
  const events: LedgerEvent[] = [{ type: 'ExpenseRecorded', data: { expense, alerts: [] } }];
  // A writer that read version 0 lost the race to the first add: everything it meant to write is refused.
  const outcome = await writer.append({
    ledger, expectedVersion: 0, events, state: events.reduce(evolve, EMPTY_LEDGER), actor: 'x', at: new Date(), replies: [], idempotencyKey: 'ghost',
  });
  expect(outcome).toBe('conflict');
  expect(await itemsOf(ledger)).toEqual(before);
});

test('a redelivered key is refused as a duplicate without touching anything', async () => {
  const writer = createDynamoLedgerWriter(bed.table);
  const ledger = 'local:dup' as LedgerId;
  await chat(bed.deps, 'dup').say('5 first', 'key-1');
  const before = await itemsOf(ledger);
  const head = await writer.load(ledger, {});
  const outcome = await writer.append({
    ledger, expectedVersion: head.head.version, events: [{ type: 'SettingsChanged', data: { timeZone: 'Europe/Paris' } }],
    state: head.head.state, actor: 'x', at: new Date(), replies: [], idempotencyKey: 'key-1',
  });
  expect(outcome).toBe('duplicate');
  expect(await itemsOf(ledger)).toEqual(before);
});

test('events are kept in order with who did what, and read models agree with them', async () => {
  const { say } = chat(bed.deps, 'audit');
  await say('10 a #food');
  await say('edit 1 amount 12');
  await say('delete 1');
  const items = await itemsOf('local:audit');
  const events = items.filter((i) => String(i.sk).startsWith('EV#'));
  expect(events.map((e) => e.type)).toEqual(['ExpenseRecorded', 'ExpenseAmended', 'ExpenseDeleted']);
  expect(events.every((e) => e.actor === 'audit' && e.schemaVersion === 1)).toBe(true);
  const totals = items.filter((i) => /^T[MD]#/.test(String(i.sk)));
  expect(totals.map((t) => [t.sk, t.minor, t.count])).toEqual([
    ['TD#2026-11-22#USD#food', 0, 0],
    ['TM#2026-11#USD#food', 0, 0],
  ]);
  expect(items.filter((i) => String(i.sk).startsWith('EXP#'))).toHaveLength(0);
});
