import { chat, choicesOf, ledgerOf, textOf } from '../../../../test/support/chat';
import { inMemoryCore } from '../../../../test/support/in-memory-core';

// A group ledger: everyone records, only the person who recorded an expense may change it.
let core: ReturnType<typeof inMemoryCore>;
beforeEach(() => {
  core = inMemoryCore();
});
const inGroup = (user: string, displayName = user) => chat(core.deps, user, { platform: 'telegram', group: '-100200', displayName });

test('given an expense Ana recorded in the group, when Ben presses its Undo, then only Ben is told and nothing changes', async () => {
  const [added] = await inGroup('1', 'Ana').sendText('60 team lunch');
  expect(textOf([added!])).toBe('✅ Recorded #1 · $60.00 · food · team lunch · Sun 22 Nov 2026 · by Ana');
  const undo = choicesOf(added).find((c) => c.label === 'Undo')!;
  const [refused] = await inGroup('2', 'Ben').send({ kind: 'press', action: undo.action });
  expect(refused).toMatchObject({ audience: 'sender' });
  expect(textOf([refused!])).toContain('Only the person who recorded #1 can change or delete it.');
  expect(refused!.replacesPressed).toBeUndefined();
  expect(await inGroup('2', 'Ben').say('list')).toContain('#1 · $60.00 · food · team lunch · Sun 22 Nov 2026 · by Ana');
  const [undone] = await inGroup('1', 'Ana').send({ kind: 'press', action: undo.action });
  expect(textOf([undone!])).toContain('Deleted #1');
  expect(undone).toMatchObject({ replacesPressed: true });
});

test('given expenses of two people, when each types undo, then each removes their own last one', async () => {
  await inGroup('1', 'Ana').say('10 a');
  await inGroup('2', 'Ben').say('20 b');
  await inGroup('1', 'Ana').say('30 c');
  await inGroup('2', 'Ben').say('40 d');
  expect(await inGroup('1', 'Ana').say('undo')).toContain('Deleted #3 · $30.00');
  expect(await inGroup('1', 'Ana').say('undo')).toContain('Deleted #1 · $10.00');
  expect(await inGroup('1', 'Ana').say('undo')).toContain('You have no expense in this ledger to undo');
  const left = await inGroup('2', 'Ben').say('list');
  expect(left).toContain('#4 · $40.00');
  expect(left).toContain('#2 · $20.00');
});

test('given Ana’s expense, when Ben types delete, edit, or presses Edit or Change category, then he is refused privately', async () => {
  const [added] = await inGroup('1', 'Ana').sendText('12 pizza');
  const ben = inGroup('2', 'Ben');
  for (const replies of [
    await ben.sendText('delete 1'),
    await ben.sendText('edit 1 amount 99'),
    await ben.send({ kind: 'press', action: choicesOf(added).find((c) => c.label === 'Edit')!.action }),
    await ben.send({ kind: 'press', action: choicesOf(added).find((c) => c.label === 'Change category')!.action }),
    await ben.send({ kind: 'press', action: 'setcat:1:travel' }),
    await ben.submit('editform:1', { amount: '1' }),
  ]) {
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ audience: 'sender' });
    expect(textOf(replies)).toContain('Only the person who recorded #1');
  }
  expect(await ben.say('list')).toContain('#1 · $12.00 · food · pizza');
});

test('in a personal ledger every expense is the owner’s, and the confirmation names nobody', async () => {
  const me = chat(core.deps, 'solo');
  expect((await me.say('5 tea')).split('\n')[0]).toBe('✅ Recorded #1 · $5.00 · food · tea · Sun 22 Nov 2026');
  expect(await me.say('undo')).toContain('Deleted #1');
});

test('a member’s name is kept beside the events, and the events name them only by member id', async () => {
  await inGroup('1', 'Ana').say('10 a');
  const { ledger, member } = await ledgerOf(core.deps, '1', { platform: 'telegram', group: '-100200' });
  const events = core.store.events(ledger);
  expect(events.map((e) => e.event.type)).toEqual(['LedgerOpened', 'MemberJoined', 'ExpenseRecorded']);
  expect(events.every((e) => e.actor === member)).toBe(true);
  expect(JSON.stringify(events)).not.toContain('Ana');
  expect((await core.deps.directory.memberNames(ledger)).get(member!)).toBe('Ana');
});

test('given lines people say to each other in a group, only a confident expense is recorded; the rest gets no answer', async () => {
  const overheard = (text: string) => inGroup('1', 'Ana').send({ kind: 'text', text, overheard: true });
  expect(await overheard('see you at 5')).toEqual([]);
  expect(await overheard('5')).toEqual([]);
  expect(await overheard('report')).toEqual([]);
  expect(await overheard('12 lunch 15 dinner')).toEqual([]);
  expect(await overheard('help')).toEqual([]);
  expect(textOf(await overheard('60 team lunch'))).toContain('✅ Recorded #1 · $60.00');
  expect(await inGroup('1', 'Ana').say('list')).toContain('Latest 1');
});

test('where no receipt reader is set up, a photo’s caption is read as text', async () => {
  const file = { name: 'r.jpg', mimeType: 'image/jpeg', size: 4, bytes: async () => new Uint8Array(4) };
  const me = chat(core.deps, 'caption', { hints: { timeZone: 'UTC' } });
  expect(textOf(await me.send({ kind: 'files', files: [file], caption: '12.50 lunch #food' }))).toContain('Recorded #1 · $12.50 · food');
  expect(textOf(await me.send({ kind: 'files', files: [file] }))).toContain('I cannot read receipt photos here yet');
});

test('two people whose clients happen to send the same delivery id are both recorded', async () => {
  const key = 'client-chosen-1';
  expect(textOf(await inGroup('2', 'Ben').send({ kind: 'text', text: '7 cake' }, key))).toContain('Recorded #1 · $7.00 · other · cake');
  expect(textOf(await inGroup('1', 'Ana').send({ kind: 'text', text: '9 pie' }, key))).toContain('Recorded #2 · $9.00 · other · pie');
  // The same person sending it again is a redelivery: answered the same, recorded once.
  expect(textOf(await inGroup('1', 'Ana').send({ kind: 'text', text: '9 pie' }, key))).toContain('Recorded #2');
  expect(await inGroup('1', 'Ana').say('list')).toContain('Latest 2');
});

test('a Slack Connect channel is one ledger for both organisations', async () => {
  await chat(core.deps, 'U1', { platform: 'slack', workspace: 'T1', group: 'C123', groupWorkspace: 'T1' }).say('5 tea');
  await chat(core.deps, 'U9', { platform: 'slack', workspace: 'T2', group: 'C123', groupWorkspace: 'T1' }).say('6 tea');
  const a = await ledgerOf(core.deps, 'U1', { platform: 'slack', workspace: 'T1', group: 'C123', groupWorkspace: 'T1' });
  const b = await ledgerOf(core.deps, 'U9', { platform: 'slack', workspace: 'T2', group: 'C123', groupWorkspace: 'T1' });
  expect(b.ledger).toBe(a.ledger);
});
