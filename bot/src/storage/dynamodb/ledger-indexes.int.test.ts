import { chat, ledgerOf } from '../../../../test/support/chat';
import { ledgerTestBed } from '../../../../test/support/test-ledger';
import { verifyLedger } from './maintenance/read-models';
import { createLedgerIndexes } from './ledger-indexes';
import { indexChanges, mergeChanges } from './projections';
import { ledgerEvents } from './ledger-catalog';

// The indexes follow the ledger's transaction: what happens when that step fails or runs twice.
const bed = ledgerTestBed('indexes');

/** Fails every write outside a transaction (the indexes' step) while `failing` is on. */
function failIndexWrites() {
  const state = { failing: true };
  bed.table.doc.middlewareStack.add((next, context) => async (args) => {
    if (state.failing && /^(PutItem|UpdateItem)Command$/.test(context.commandName ?? '')) throw new Error('indexes step lost');
    return next(args);
  }, { step: 'initialize', name: 'failIndexWrites' });
  return { stop: () => bed.table.doc.middlewareStack.remove('failIndexWrites') };
}

test('an add whose indexes step failed is answered; the next write brings them up, and totals are exact', async () => {
  const { say } = chat(bed.deps, 'lost-step');
  await say('3 tea');
  const failing = failIndexWrites();
  try {
    expect(await say('4.50 flat white')).toContain('Recorded #2');
  } finally {
    failing.stop();
  }
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
