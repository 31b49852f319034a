import { chat, choicesOf, textOf } from '../../../../test/support/chat';
import { inMemoryCore } from '../../../../test/support/in-memory-core';

let me: ReturnType<typeof chat>;
beforeEach(() => {
  me = chat(inMemoryCore().deps, 'editor');
});

test('given an expense, when Edit is pressed, then a form holds its current values and the text says what to type', async () => {
  const [added] = await me.sendText('12.50 EUR lunch #food 2026-11-20');
  const [reply] = await me.send({ kind: 'press', action: choicesOf(added).find((c) => c.label === 'Edit')!.action });
  expect(reply!.form).toMatchObject({ title: 'Edit #1', submit: { label: 'Save', action: 'editform:1' } });
  expect(reply!.form!.fields.map((f) => [f.name, f.value])).toEqual([['amount', '12.50 EUR'], ['category', 'food'], ['date', '2026-11-20'], ['note', 'lunch']]);
  expect(textOf([reply!])).toContain('edit 1 amount 15.90');
  // A form opens beside the message; it does not replace it.
  expect(reply!.replacesPressed).toBeUndefined();
});

test('when a submission has wrong fields, then each field says what is wrong and nothing changes', async () => {
  await me.say('12.50 lunch #food');
  const [reply] = await me.submit('editform:1', { amount: 'lots', category: 'not a category', date: '31/02', note: 'fine' });
  expect(reply!.audience).toBe('sender');
  const errors = Object.fromEntries(reply!.form!.fields.map((f) => [f.name, f.error]));
  expect(errors.amount).toMatch(/amount/i);
  expect(errors.category).toContain('not a category I can use');
  expect(errors.date).toBeDefined();
  expect(errors.note).toBeUndefined();
  // What the person typed is kept, so they fix only what was wrong.
  expect(reply!.form!.fields.find((f) => f.name === 'amount')!.value).toBe('lots');
  expect(textOf([reply!])).toContain('#1 was not changed');
  expect(await me.say('list')).toContain('#1 · $12.50 · food · lunch');
});

test('when a submission is right, then every changed field is applied in one amendment', async () => {
  await me.say('12.50 lunch #food 2026-11-20');
  const replies = await me.submit('editform:1', { amount: '15.90', category: 'treats', date: '2026-11-21', note: 'lunch with Sam' });
  expect(textOf(replies)).toBe('✏️ Updated #1 · $15.90 · treats · lunch with Sam · Sat 21 Nov 2026');
  expect(await me.say('report')).toContain('treats: $15.90');
  expect(await me.submit('editform:1', { amount: '15.90 USD', category: 'treats', date: '2026-11-21', note: 'lunch with Sam' }).then(textOf)).toContain('Nothing to change');
});

test('a submission for a form I do not know, or an expense that is gone, is answered and changes nothing', async () => {
  expect(textOf(await me.submit('frobnicate:1', { amount: '1' }))).toContain('not one I know');
  expect(textOf(await me.submit('editform:9', { amount: '1' }))).toContain('There is no expense #9');
});
