import { chat as chatWith, choicesOf, inbound, textOf } from '../../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';
import { coreOn, unreachableTable } from '../../../../test/support/test-ledger';
import { handleMessage } from './handle-message';
import { readFile } from './reply';

// The core, through handleMessage, on in-memory ports (the contract suite keeps them honest).
const bed = { clock: fixedClock('2026-11-22T10:00:00Z'), deps: inMemoryCore().deps };
beforeEach(() => {
  bed.clock = fixedClock('2026-11-22T10:00:00Z');
  bed.deps = inMemoryCore(bed.clock).deps;
});
const chat = (deps: typeof bed.deps, user: string) => chatWith(deps, user);

test('a quick add answers with the amount, category, date and reference, and offers Undo and Change category', async () => {
  const { sendText } = chat(bed.deps, 'quick');
  const [reply] = await sendText('12.50 lunch #food');
  expect(textOf([reply!])).toBe('✅ Recorded #1 · $12.50 · food · lunch · Sun 22 Nov 2026');
  expect(choicesOf(reply).map((c) => c.label)).toEqual(['Undo', 'Edit', 'Change category']);
  const [second] = await sendText('₫120.000 groceries');
  expect(textOf([second!])).toBe('✅ Recorded #2 · ₫120,000 · groceries · groceries · Sun 22 Nov 2026');
});

test('category: the ledger’s own history first, then keywords, else other', async () => {
  const { say } = chat(bed.deps, 'memory');
  expect(await say('coffee 3.20 #treats')).toContain('treats');
  expect(await say('Coffee 4')).toContain('· treats · Coffee');
  expect(await say('taxi 23')).toContain('· transport ·');
  expect(await say('widget 5')).toContain('· other ·');
  // another ledger does not share the memory
  expect(await chat(bed.deps, 'memory-other').say('coffee 4')).toContain('· food ·');
});

test('list shows the latest expenses newest date first', async () => {
  const { say } = chat(bed.deps, 'lister');
  await say('10 older 2026-11-01');
  await say('20 newest');
  await say('30 middle 2026-11-10');
  const text = await say('list');
  const lines = text.split('\n').slice(1);
  expect(lines.map((l) => l.split(' · ')[3])).toEqual(['newest', 'middle', 'older']);
  expect((await say('list 1')).split('\n')).toHaveLength(2);
  expect(await say('list 0')).toContain('between 1 and 50');
});

test('report: totals per category and currency, the previous month beside them, daily average', async () => {
  const { say } = chat(bed.deps, 'reporter');
  await say('40 dinner 2026-10-15 #food');
  await say('12.50 lunch #food');
  await say('7.50 bus #transport');
  await say('coffee 3 EUR');
  const report = await say('report');
  expect(report).toContain('Spending in November 2026');
  expect(report).toContain('USD: $20.00 in 2 expenses (October 2026: $40.00, -50%)');
  expect(report).toContain('• food: $12.50 (before: $40.00)');
  expect(report).toContain('• transport: $7.50');
  expect(report).toContain('Daily average: $0.91 over 22 days');
  expect(report).toContain('EUR: €3.00 in 1 expense');
  expect(await say('report 2026-10')).toContain('USD: $40.00 in 1 expense (September 2026: $0.00)');
  expect(await say('report year')).toContain('USD: $60.00 in 3 expenses');
  const week = await say('report week');
  expect(week).toContain('the week of 2026-11-16');
  expect(week).toContain('USD: $20.00');
  expect(await say('report fortnight')).toContain('not a period I know');
});

test('budgets: the reply says so once at 80% and once at 100%', async () => {
  const { say } = chat(bed.deps, 'budgeter');
  expect(await say('budget food 100')).toContain('Monthly food budget set to $100.00');
  expect(await say('50 lunch #food')).not.toContain('budget');
  const at85 = await say('35 dinner #food');
  expect(at85).toContain('🟠 Your food spending has passed 80% of its monthly budget: $85.00 of $100.00 (85%).');
  expect(await say('5 snack #food')).not.toContain('budget');
  expect(await say('20 brunch #food')).toContain('🔴 Your food spending is over its monthly budget: $110.00 of $100.00 (110%).');
  expect(await say('1 candy #food')).not.toContain('budget');
  // other months are budgeted separately
  expect(await say('95 feast #food 2026-10-03')).toContain('passed 80%');
  const budgets = await say('budgets');
  expect(budgets).toContain('🔴 food: $111.00 of $100.00 (111%), $11.00 over');
  expect(await say('budget total 150')).toContain('total: $111.00 of $150.00 (74%)');
  expect(await say('budget food off')).toContain('Removed the food budget');
  expect(await say('budgets')).not.toContain('food:');
});

test('one expense that jumps past both thresholds announces once, and an edit can cross too', async () => {
  const { say } = chat(bed.deps, 'jumper');
  await say('budget transport 50');
  expect(await say('taxi 60')).toContain('is over its monthly budget');
  expect(await say('taxi 1')).not.toContain('budget');
  await say('budget food 100');
  await say('10 lunch #food');
  expect(await say('edit 3 amount 90')).toContain('has passed 80% of its monthly budget: $90.00');
});

test('undo, delete and edit keep the totals right', async () => {
  const { say } = chat(bed.deps, 'editor');
  await say('10 a #food');
  await say('20 b #food');
  await say('30 c #fun');
  expect(await say('undo')).toContain('Deleted #3 · $30.00 · fun · c');
  expect(await say('delete 1')).toContain('Deleted #1 · $10.00');
  expect(await say('delete 1')).toContain('There is no expense #1');
  expect(await say('edit 2 amount 25.5')).toContain('Updated #2 · $25.50 · food · b');
  expect(await say('edit 2 category travel')).toContain('· travel ·');
  expect(await say('edit 2 date 2026-10-31')).toContain('Sat 31 Oct 2026');
  expect(await say('edit 2 note the b trip')).toContain('the b trip');
  expect(await say('report')).toContain('no expenses recorded');
  const october = await say('report 2026-10');
  expect(october).toContain('USD: $25.50 in 1 expense');
  expect(october).toContain('• travel: $25.50');
  expect(await say('edit 2 colour red')).toContain('I can edit the amount, category, date or note');
  expect(await say('edit 99 amount 5')).toContain('There is no expense #99');
  expect(await say('undo')).toContain('Deleted #2');
  expect(await say('undo')).toContain('nothing to undo');
});

test('export: an RFC 4180 CSV with the documented header', async () => {
  const { sendText, say } = chat(bed.deps, 'exporter');
  await say('12.50 lunch, with "Sam" #food 2026-11-03');
  await say('₫120.000 groceries 2026-11-05');
  await say('1.250 KWD =SUM(A1) 2026-11-04');
  await say('99 old 2026-10-30');
  const [reply] = await sendText('export');
  expect(reply!.file?.name).toBe('spendwise-2026-11-01-to-2026-11-30.csv');
  expect(reply!.file?.mimeType).toBe('text/csv');
  expect((await readFile(reply!.file!)).toString('utf8')).toBe(
    'date,amount,currency,category,description,reference\r\n' +
    '2026-11-03,12.50,USD,food,"lunch, with ""Sam""",#1\r\n' +
    "2026-11-04,1.250,KWD,other,'=SUM(A1),#3\r\n" +
    '2026-11-05,120000,VND,groceries,groceries,#2\r\n',
  );
  const [october] = await sendText('export 2026-10');
  expect((await readFile(october!.file!)).toString('utf8')).toContain('2026-10-30,99.00,USD,other,old,#4');
});

test('settings: currency and timezone change what an add means', async () => {
  const { say } = chat(bed.deps, 'settler');
  expect(await say('currency vnd')).toContain('now in VND');
  expect(await say('pho 50k')).toContain('₫50,000');
  expect(await say('currency XYZ')).toContain('not an ISO 4217 currency code');
  bed.clock.set('2026-11-22T20:00:00Z');
  expect(await say('timezone asia/ho_chi_minh')).toContain('Asia/Ho_Chi_Minh');
  // 20:00 UTC is already the 23rd in Ho Chi Minh City
  expect(await say('tea 20000')).toContain('Mon 23 Nov 2026');
  expect(await say('timezone Mars/Olympus')).toContain('not a timezone I know');
  expect(await say('dates mdy')).toContain('mdy');
  expect(await say('taxi 30000 04/03')).toContain('Fri 3 Apr 2026');
  expect(await say('categories')).toContain('Yours: food, transport');
});

test('bad input is answered with an example and writes nothing', async () => {
  const { say } = chat(bed.deps, 'careless');
  await say('10 lunch');
  const before = await say('report');
  for (const text of ['12 ABC', '0 lunch', '-3 tea', '1234567890123 yacht', 'taxi 5 31/02', 'x'.repeat(501), 'delete 42', 'edit 42 amount 3', 'budget food', '/frobnicate']) {
    const answer = await say(text);
    expect(answer).toMatch(/^⚠️ .+\nFor example: .+/s);
  }
  expect(await say('report')).toBe(before);
  expect(await say('list')).toContain('Latest 1:');
});

test('the same idempotency key twice records once and answers the same', async () => {
  const { say } = chat(bed.deps, 'redelivered');
  const first = await say('12.50 lunch', 'update-1');
  const again = await say('12.50 lunch', 'update-1');
  expect(again).toBe(first);
  expect((await say('list')).split('\n')).toHaveLength(2);
  await say('9 other lunch', 'update-2');
  expect((await say('list')).split('\n')).toHaveLength(3);
});

test('choices: Undo removes that expense, Change category offers categories and sets one', async () => {
  const { sendText, send, press, say } = chat(bed.deps, 'presser');
  const [added] = await sendText('8 cinema');
  const undo = choicesOf(added).find((c) => c.label === 'Undo')!;
  expect(await press(undo.action)).toContain('Deleted #1');
  expect(await press(undo.action)).toContain('There is no expense #1');
  const [other] = await sendText('8 cinema');
  const [picker] = await send({ kind: 'press', action: choicesOf(other).find((c) => c.label === 'Change category')!.action });
  expect(textOf([picker!])).toContain('now entertainment');
  const travel = choicesOf(picker).find((c) => c.label === 'travel')!;
  expect(await press(travel.action)).toContain('Updated #2 · $8.00 · travel');
  expect(await press('frobnicate:1')).toContain('not one I know');
  expect(await say('list')).toContain('travel');
});

test('a ledger is reachable only by its own identity', async () => {
  const alice = chat(bed.deps, 'alice-iso');
  const bob = chat(bed.deps, 'bob-iso');
  await alice.say('12 lunch');
  expect(await bob.say('delete 1')).toContain('There is no expense #1');
  expect(await bob.press('undo:1')).toContain('There is no expense #1');
  expect(await bob.say('list')).toContain('No expenses yet');
  expect(await alice.say('list')).toContain('#1 · $12.00');
});

test('when DynamoDB does not answer, the user is told to try again and the process keeps going', async () => {
  const dead = unreachableTable();
  const offline = coreOn(dead, bed.clock);
  const replies = await handleMessage(inbound('offline', { kind: 'text', text: '12 lunch' }), offline);
  expect(textOf(replies)).toContain('nothing was saved. Please try again');
  expect(offline.errors).toHaveLength(1);
  dead.doc.destroy();
});

test('an address leads back to the directory key of the conversation it came from', async () => {
  const { inbound } = await import('../../../../test/support/chat');
  const { addressOf, conversationKey, conversationKeyOf } = await import('./inbound-message');
  for (const message of [
    inbound('ana', { kind: 'text', text: '' }),
    inbound('U1', { kind: 'text', text: '' }, { platform: 'slack', workspace: 'T1' }),
    inbound('U1', { kind: 'text', text: '' }, { platform: 'slack', workspace: 'T1', group: 'C9', groupWorkspace: 'T2' }),
    inbound('42', { kind: 'text', text: '' }, { platform: 'telegram', group: '-100' }),
  ]) expect(conversationKeyOf(addressOf(message))).toBe(conversationKey(message));
});
