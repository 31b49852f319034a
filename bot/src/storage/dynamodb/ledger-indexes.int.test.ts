import { chat, ledgerOf } from '../../../../test/support/chat';
import { ledgerTestBed } from '../../../../test/support/test-ledger';
import { verifyLedger } from './maintenance/read-models';
import { createLedgerIndexes, NO_MARK } from './ledger-indexes';
import { indexChanges, mergeChanges } from './projections';
import { ledgerEvents } from './ledger-catalog';

// The indexes follow the ledger's transaction: what happens when that step fails or runs twice.
const bed = ledgerTestBed('indexes');

/** Runs `work` while every write outside a transaction (the indexes' step) fails. */
async function whileIndexWritesFail<T>(work: () => Promise<T>): Promise<T> {
  bed.table.doc.middlewareStack.add((next, context) => async (args) => {
    if (/^(PutItem|UpdateItem)Command$/.test(context.commandName ?? '')) throw new Error('indexes step lost');
    return next(args);
  }, { step: 'initialize', name: 'failIndexWrites' });
  try {
    return await work();
  } finally {
    bed.table.doc.middlewareStack.remove('failIndexWrites');
  }
}

test('an add whose indexes step failed is answered; the next write brings them up, and totals are exact', async () => {
  const { say } = chat(bed.deps, 'lost-step');
  await say('3 tea');
  expect(await whileIndexWritesFail(() => say('4.50 flat white'))).toContain('Recorded #2');
  expect(bed.deps.errors).toContainEqual(expect.objectContaining({ code: 'indexes.behind' }));
  const { ledger } = await ledgerOf(bed.deps, 'lost-step');
  expect((await verifyLedger(bed.table, ledger)).drift.length).toBeGreaterThan(0);
  expect(await say('search white')).not.toContain('#2');

  expect(await say('5 flat white')).toContain('Recorded #3');
  expect((await verifyLedger(bed.table, ledger)).drift).toEqual([]);
  expect(await say('search white')).toMatch(/#3[\s\S]*#2/);
});

test('the same events applied twice (two writers catching up at once) count once', async () => {
  const { say } = chat(bed.deps, 'twice');
  await say('12 lunch');
  await say('edit 1 amount 15');
  await say('8 lunch');
  const { ledger } = await ledgerOf(bed.deps, 'twice');
  const updates = [];
  for await (const e of ledgerEvents(bed.table, ledger)) updates.push({ version: e.version, changes: mergeChanges(indexChanges(e.event)) });
  const indexes = createLedgerIndexes(bed.table);
  await Promise.all([indexes.bringUpToDate(ledger, 0, updates), indexes.bringUpToDate(ledger, 0, updates.slice(1))]);
  expect((await verifyLedger(bed.table, ledger)).drift).toEqual([]);
  expect(await say('report month')).toContain('23.00');
});

test('several lines of one message: the category memory is what the last line gave, as the log says', async () => {
  const { say } = chat(bed.deps, 'lines');
  await say('4.50 flat white #drinks');
  expect(await say('1 flat white #treats\n2 flat white')).toContain('Recorded 2 expenses');
  // The second line took the remembered category (drinks) and so it stays remembered.
  expect(await say('3 flat white')).toContain('· drinks ·');
  const { ledger } = await ledgerOf(bed.deps, 'lines');
  expect((await verifyLedger(bed.table, ledger)).drift).toEqual([]);
});

test('while the indexes are behind, a write remembers categories as the log says, and catching up leaves them so', async () => {
  const { say } = chat(bed.deps, 'behind-memo');
  await say('4.50 flat white #drinks');
  await whileIndexWritesFail(() => say('4 flat white #treats'));
  expect(await say('3 flat white')).toContain('· treats ·');
  expect(await say('2 flat white')).toContain('· treats ·');
  const { ledger } = await ledgerOf(bed.deps, 'behind-memo');
  expect((await verifyLedger(bed.table, ledger)).drift).toEqual([]);
});

test('a write that read no mark while another write put one is a conflict, not a mark moved back', async () => {
  const { say } = chat(bed.deps, 'marked');
  await say('3 tea');
  const { ledger } = await ledgerOf(bed.deps, 'marked');
  const loaded = await bed.deps.writer.load(ledger, { forAppend: true });
  const expense = { ref: 2, amount: { minor: 400, currency: 'USD' }, category: 'drinks', description: 'tea', date: '2026-11-22', recordedAt: '2026-11-22T10:00:00.000Z', recordedBy: 'mb_0000000000000000' };
  const append = { ledger, expectedVersion: loaded.head.version, events: [{ type: 'ExpenseRecorded', data: { expense, alerts: [] } }] as never, state: loaded.head.state, actor: 'mb_0000000000000000' as never, at: new Date('2026-11-22T10:00:00Z'), replies: [] };
  expect(await bed.deps.writer.append({ ...append, indexedUpTo: NO_MARK })).toBe('conflict');
  expect((await verifyLedger(bed.table, ledger)).drift).toEqual([]);
  expect(await bed.deps.writer.append({ ...append, indexedUpTo: loaded.indexedUpTo! })).toBe('written');
  expect((await verifyLedger(bed.table, ledger)).drift).toEqual([]);
});
