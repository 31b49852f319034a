import { chat, ledgerOf } from '../support/chat';
import { coreOn, fixedClock, freshTable } from '../support/test-ledger';
import { DynamoTable } from '../../bot/src/storage/dynamodb/dynamodb-tables';
import { LocalDate, YearMonth } from '../../bot/src/core/calendar/local-date';
import { CurrencyCode } from '../../bot/src/core/money/currencies';
import { verifyLedger } from '../../bot/src/storage/dynamodb/maintenance/read-models';

const NOVEMBER: [LocalDate, LocalDate] = ['2026-11-01' as LocalDate, '2026-11-30' as LocalDate];
let table: DynamoTable;
beforeAll(async () => {
  table = await freshTable('hot');
});
afterAll(() => table.doc.destroy());

test('a busy group chat: 50 adds at once to one ledger from two service tasks all land, once each, with exact totals', async () => {
  const clock = fixedClock('2026-11-22T10:00:00Z');
  // Two tasks of the service: one table, each with its own write queue, so their writes really race.
  const tasks = [coreOn(table, clock), coreOn(table, clock)];
  const members = Array.from({ length: 10 }, (_, m) => `hot${m}`);
  for (const m of members) await chat(tasks[0]!, m, { group: 'busy' }).say('help');

  const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => chat(tasks[i % 2]!, members[i % 10]!, { group: 'busy' }).say(`${i + 1}.01 snack`)));

  expect(replies.filter((r) => !r.startsWith('✅'))).toEqual([]);
  const { ledger } = await ledgerOf(tasks[1]!, 'hot0', { group: 'busy' });
  const expenses = await tasks[1]!.expenses.between(ledger, ...NOVEMBER);
  expect(expenses).toHaveLength(50);
  expect(new Set(expenses.map((e) => e.ref)).size).toBe(50);
  // 1.01 + 2.01 + ... + 50.01
  const expected = (50 * 51) / 2 * 100 + 50;
  expect(expenses.reduce((n, e) => n + e.amount.minor, 0)).toBe(expected);
  const totals = await tasks[1]!.totals.totals(ledger, ...NOVEMBER);
  expect(totals.reduce((n, t) => n + t.minor, 0)).toBe(expected);
  expect(totals.reduce((n, t) => n + t.count, 0)).toBe(50);
  // The indexes follow each transaction outside it, both tasks catching up on each other's: still exact.
  const day = await tasks[0]!.totals.totals(ledger, '2026-11-22' as LocalDate, '2026-11-22' as LocalDate);
  expect(day.map((t) => [t.minor, t.count])).toEqual([[expected, 50]]);
  const described = await tasks[0]!.totals.byDescription(ledger, '2026-11' as YearMonth, '2026-11' as YearMonth);
  expect(described.map((t) => [t.description, t.minor, t.count])).toEqual([['snack', expected, 50]]);
  expect((await tasks[0]!.expenses.search(ledger, ['snack'], {}, 100)).hits).toHaveLength(50);
  expect((await tasks[0]!.totals.largest(ledger, '2026-11' as YearMonth, 'USD' as CurrencyCode, 3)).map((e) => e.minor)).toEqual([5001, 4901, 4801]);
  expect((await verifyLedger(table, ledger)).drift).toEqual([]);
  expect([...tasks[0]!.errors, ...tasks[1]!.errors]).toEqual([]);
}, 60_000);
