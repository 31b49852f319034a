import { chat, choicesOf, textOf } from '../../../../test/support/chat';
import { inMemoryCore } from '../../../../test/support/in-memory-core';
import { FORGET_ACTIONS, FORGET_PHRASE } from './forget-me';

// "Forget me" on in-memory ports; the same on DynamoDB Local is in forget-me.int.test.ts.
let core: ReturnType<typeof inMemoryCore>;
beforeEach(() => {
  core = inMemoryCore();
});
const alone = (user: string) => chat(core.deps, user, { platform: 'telegram', displayName: user });
const inGroup = (user: string) => chat(core.deps, user, { platform: 'telegram', group: '-100300', displayName: user });

test('given a person with no data, when they ask to be forgotten, then they are asked first and nothing is opened for them', async () => {
  const [asked] = await alone('7').sendText('forget me');
  expect(textOf([asked!])).toContain('deletes your personal ledger');
  expect(textOf([asked!])).toContain(FORGET_PHRASE);
  expect(choicesOf(asked).map((c) => c.action)).toEqual([FORGET_ACTIONS.confirm, FORGET_ACTIONS.keep]);
  expect(await alone('7').press(FORGET_ACTIONS.confirm)).toBe('I hold nothing about you: there was nothing to forget.');
  expect((await core.deps.personalData.locate('telegram:7')).personalLedgers).toEqual([]);
});

test('given Ana’s personal ledger and her entries in a group, when she confirms, then her ledger is gone and the group keeps its totals without her name', async () => {
  await alone('1').say('12.50 lunch #food');
  await alone('1').say('3 coffee');
  await inGroup('1').say('60 team dinner');
  await inGroup('2').say('40 taxi');
  const groupReportBefore = await inGroup('2').say('report');

  expect(await alone('1').press(FORGET_ACTIONS.keep)).toBe('👍 Nothing was deleted.');
  expect(await alone('1').say('list')).toContain('lunch');

  const done = await alone('1').say(FORGET_PHRASE);
  expect(done).toContain('your personal ledger: 2 expenses');
  expect(done).toContain('1 group ledger');
  expect(done).toContain('point-in-time recovery keeps 35 days');

  expect(await inGroup('2').say('report')).toBe(groupReportBefore);
  const list = await inGroup('2').say('list');
  expect(list).toContain('team dinner · Sun 22 Nov 2026 · by a former member');
  expect(list).toContain('taxi · Sun 22 Nov 2026 · by 2');
  expect(await alone('1').say('forget me for good')).toBe('I hold nothing about you: there was nothing to forget.');
  // Coming back is starting again.
  expect(await alone('1').say('list')).toContain('No expenses yet');
});

test('given a group, when someone asks there, then the question and the answer are theirs alone', async () => {
  await inGroup('3').say('5 tea');
  const [asked] = await inGroup('3').sendText('/forget me');
  expect(asked).toMatchObject({ audience: 'sender' });
  const [done] = await inGroup('3').send({ kind: 'press', action: FORGET_ACTIONS.confirm });
  expect(done).toMatchObject({ audience: 'sender', replacesPressed: true });
  expect(textOf([done!])).toContain('1 group ledger');
  expect(await inGroup('4').say('list')).toContain('by a former member');
  expect(await alone('3').say('forget')).toContain('send "forget me"');
});
