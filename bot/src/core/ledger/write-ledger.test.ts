import { chat, ledgerOf } from '../../../../test/support/chat';
import { inMemoryCore } from '../../../../test/support/in-memory-core';
import { LedgerWriter } from '../ports/ledger-store.port';

test('a ledger other processes keep changing answers "busy, try again" with a code, and writes nothing', async () => {
  const core = inMemoryCore();
  await chat(core.deps, 'ana').say('5 tea');
  const { ledger } = await ledgerOf(core.deps, 'ana');
  let attempts = 0;
  // Another process wins every race: each append finds the ledger moved on.
  const losing: LedgerWriter = { ...core.store.writer, append: async () => ((attempts += 1), 'conflict') };
  const replies = await chat({ ...core.deps, writer: losing, retryForMs: 200 }, 'ana').say('6 cake');
  expect(replies).toBe('⏳ This ledger is busy with other changes right now, so nothing was saved. Please try again in a moment.');
  expect(attempts).toBeGreaterThan(1);
  expect(core.errors).toEqual([expect.objectContaining({ code: 'ledger.busy' })]);
  expect(await core.deps.expenses.recent(ledger, 10)).toHaveLength(1);
});

test('writes to one ledger from one process queue instead of racing: 50 adds, 50 appends, no conflicts', async () => {
  const core = inMemoryCore();
  await chat(core.deps, 'ana').say('help');
  const outcomes: string[] = [];
  const counting: LedgerWriter = { ...core.store.writer, append: async (a) => { const o = await core.store.writer.append(a); outcomes.push(o); return o; } };
  const deps = { ...core.deps, writer: counting };
  const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => chat(deps, 'ana').say(`${i + 1} snack`)));
  expect(replies.every((r) => r.startsWith('✅'))).toBe(true);
  expect(outcomes).toEqual(Array(50).fill('written'));
});

test('the outcome says whether a message changed its ledger: an add does, a question or a first contact does not', async () => {
  const { handleMessageOutcome } = await import('../conversation/handle-message');
  const { inbound } = await import('../../../../test/support/chat');
  const core = inMemoryCore();
  const say = (text: string) => handleMessageOutcome(inbound('outcome', { kind: 'text', text }, { hints: { timeZone: 'UTC' } }), core.deps);
  expect((await say('help')).changedLedger).toBe(false);
  expect((await say('5 tea')).changedLedger).toBe(true);
  expect((await say('list')).changedLedger).toBe(false);
  expect((await say('delete 9')).changedLedger).toBe(false);
});
