import { chat, choicesOf, ledgerOf, textOf } from '../../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../../test/support/in-memory-core';

// Lines a person would think about are asked about, and nothing is written until a button is pressed.
let core: ReturnType<typeof inMemoryCore>;
beforeEach(() => {
  core = inMemoryCore();
});
const ana = () => chat(core.deps, 'ana', { hints: { timeZone: 'UTC' } });
const expenses = async () => (await ana().say('list')).match(/^• #/gm)?.length ?? 0;

test('given a greeting or a question, when it is sent, then a pointer to help comes back and nothing is written', async () => {
  for (const text of ['hello', 'thanks!', 'how much did I spend this month?']) {
    const answer = await ana().say(text);
    expect(answer).toContain('I keep track of what you spend');
    expect(answer).toContain('help');
  }
  expect(await expenses()).toBe(0);
});

test('given a number that counts something, when it is confirmed, then it is recorded once however often the button is pressed', async () => {
  const [question] = await ana().sendText('I have 2 meetings today');
  expect(textOf([question!])).toContain('Is that number an amount, or does it count something?');
  expect(choicesOf(question).map((c) => c.label)).toEqual(['✅ Record $2.00', '✏️ No, change it']);
  expect(await expenses()).toBe(0);
  const record = choicesOf(question)[0]!.action;
  const [recorded] = await ana().send({ kind: 'press', action: record });
  expect(textOf([recorded!])).toContain('✅ Recorded #1 · $2.00 · other · I have meetings');
  expect(recorded!.replacesPressed).toBe(true);
  expect(textOf(await ana().send({ kind: 'press', action: record }))).toContain('Recorded #1');
  expect(await expenses()).toBe(1);
});

test('given two plain amounts, when one is chosen, then that one is recorded; "none" records nothing', async () => {
  const [question] = await ana().sendText('taxi 50 100');
  expect(textOf([question!])).toContain('more than one amount');
  expect(choicesOf(question).map((c) => c.label)).toEqual(['$50.00', '$100.00', 'None of these']);
  expect(await ana().press(choicesOf(question)[1]!.action)).toContain('Recorded #1 · $100.00 · transport · taxi 50');
  const [again] = await ana().sendText('uber 20 30');
  expect(await ana().press(choicesOf(again).at(-1)!.action)).toContain('Nothing recorded');
  expect(await expenses()).toBe(1);
});

test('given two expenses in one line, an amount implausible for the currency, or a date years ago, then each is asked about', async () => {
  expect(await ana().say('lunch 12.50 and coffee 3')).toContain('more than one expense');
  expect(await ana().say('taxi 20 1/5/2019')).toContain('That date is far from today');
  await ana().say('currency VND');
  expect(await ana().say('phở 50')).toContain('That amount looks unusual for the currency');
  expect(await ana().say('phở 50k')).toContain('Recorded #1 · ₫50,000');
});

test('given a question in a group, when someone else presses its button, then they are refused and nothing is written', async () => {
  const inGroup = (user: string) => chat(core.deps, user, { group: 'g1' });
  const [question] = await inGroup('ana').sendText('bought 3 items');
  const [refused] = await inGroup('ben').send({ kind: 'press', action: choicesOf(question)[0]!.action });
  expect(refused).toMatchObject({ audience: 'sender' });
  expect(textOf([refused!])).toContain('Only the person who wrote that line can answer');
  expect(await inGroup('ana').say('list')).toContain('No expenses yet');
  // Overheard, the same line is not asked about: people talk to each other.
  expect(await chat(core.deps, 'ana', { group: 'g1' }).send({ kind: 'text', text: '2 meetings today', overheard: true })).toEqual([]);
});

describe('several expenses in one message, one per line', () => {
  test('given clean lines, when sent together, then one write records them all, and Undo all removes them all', async () => {
    await ana().say('budget food 30');
    const [reply] = await ana().sendText('12.50 lunch #food\ncoffee 3.20 yesterday\n\n20 dinner #food');
    expect(textOf([reply!])).toContain('✅ Recorded 3 expenses:');
    expect(textOf([reply!])).toContain('#1 · $12.50 · food · lunch');
    expect(textOf([reply!])).toContain('#3 · $20.00 · food · dinner');
    // The batch's own lines count towards the budget: 12.50 + 3.20 + 20 crosses 100% of 30.
    expect(textOf([reply!])).toContain('food spending is over its monthly budget: $35.70 of $30.00 (119%)');
    const { ledger } = await ledgerOf(core.deps, 'ana');
    expect(core.store.events(ledger).filter((e) => e.event.type === 'ExpenseRecorded')).toHaveLength(3);
    const undoAll = choicesOf(reply).find((c) => c.label === 'Undo all')!.action;
    const undone = await ana().press(undoAll);
    expect(undone).toContain('Deleted');
    expect(undone.match(/^• #/gm)).toHaveLength(3);
    expect(await expenses()).toBe(0);
  });

  test('given categories remembered for descriptions, when several lines are sent, then each line takes its own', async () => {
    await ana().say('4 flat white #treats');
    await ana().say('9 corner shop #snacks');
    const reply = await ana().say('3.80 flat white\n2 corner shop\n12 lunch');
    expect(reply).toMatch(/#3 · \$3\.80 · treats · flat white/);
    expect(reply).toMatch(/#4 · \$2\.00 · snacks · corner shop/);
    expect(reply).toMatch(/#5 · \$12\.00 · food · lunch/);
  });

  test('given a bad line among good ones, when sent, then nothing is written, the line is named by number, and one press records the others', async () => {
    const [reply] = await ana().sendText('12.50 lunch\nI have 2 meetings\n5 coffee\nhello');
    const text = textOf([reply!]);
    expect(text).toContain('Nothing recorded yet: 2 lines need a look.');
    expect(text).toContain('line 2 I have 2 meetings: the number may count something');
    expect(text).toContain('line 4 hello: no amount');
    expect(await expenses()).toBe(0);
    const record = choicesOf(reply).find((c) => c.label === '✅ Record the other 2')!.action;
    expect(await ana().press(record)).toContain('Recorded 2 expenses');
    expect(await ana().press(record)).toContain('Recorded 2 expenses');
    expect(await expenses()).toBe(2);
  });
});

describe('replies in the ledger’s language', () => {
  test.each([
    ['vi', 'phở 50k', '✅ Đã ghi #1', 'Hoàn tác', 'hello', 'Mình giúp bạn ghi lại chi tiêu'],
    ['es', 'taxi 15 ayer', '✅ Registrado #1', 'Deshacer', 'hola', 'Llevo la cuenta de lo que gastas'],
    ['ru', 'такси 450', '✅ Записано #1', 'Отменить', 'привет', 'Я веду учёт ваших расходов'],
  ])('given a %s ledger, the main replies and buttons are in its language', async (language, add, recorded, undo, greeting, pointer) => {
    const person = chat(core.deps, `speaker-${language}`, { hints: { timeZone: 'UTC', locale: language } });
    const [reply] = await person.sendText(add);
    expect(textOf([reply!])).toContain(recorded);
    expect(choicesOf(reply)[0]!.label).toBe(undo);
    expect(await person.say(greeting)).toContain(pointer);
  });

  test('given a Vietnamese ledger, several lines with a doubtful one are listed in Vietnamese, with its buttons; a stale button too', async () => {
    const person = chat(core.deps, 'speaker-vi-lines', { hints: { timeZone: 'UTC', locale: 'vi' } });
    const [reply] = await person.sendText('phở 50k\nxin chào\ncà phê 30k');
    const text = textOf([reply!]);
    expect(text).toContain('⚠️ Chưa ghi gì: 1 dòng cần xem lại.');
    expect(text).toContain('dòng 2 xin chào: không có số tiền');
    expect(choicesOf(reply).map((c) => c.label)).toEqual(['✅ Ghi 2 dòng còn lại', 'Hủy']);
    const cancel = choicesOf(reply)[1]!.action;
    expect(await person.press(cancel)).toContain('Chưa ghi gì. Gõ lại theo ý bạn');
    expect(await person.press(choicesOf(reply)[0]!.action)).toContain('Câu hỏi đó đã hết hạn');
  });

  test('given a Russian ledger, the count of lines to look at takes the right form', async () => {
    const person = chat(core.deps, 'speaker-ru-lines', { hints: { timeZone: 'UTC', locale: 'ru' } });
    expect(await person.say('такси 450\nпривет\nпока\nкофе 200')).toContain('нужно проверить 2 строки.');
  });

  test('given an English ledger, `language es` switches the replies, and a code that is no language is refused', async () => {
    expect(await ana().say('language es')).toBe('🌐 A partir de ahora respondo en español.');
    expect(await ana().say('cena 35,80 el viernes')).toContain('✅ Registrado #1 · $35.80 · food · cena · Fri 20 Nov 2026');
    expect(await ana().say('language 123!')).toContain('is not a language code I know');
    expect(await ana().say('language en')).toBe('🌐 I answer in English from now on.');
  });
});

test('given a dong ledger, a budget and an edit take the same amounts as an add: "budget food 1tr", "edit 1 amount 2 củ"', async () => {
  await ana().say('currency VND');
  expect(await ana().say('budget food 1tr')).toContain('₫1,000,000');
  await ana().say('phở 50k');
  expect(await ana().say('edit 1 amount 60 nghìn')).toContain('₫60,000');
});

describe('answering a question', () => {
  test('given the settings change before the press, then what the button showed is recorded, not a new reading', async () => {
    await ana().say('currency VND');
    const [question] = await ana().sendText('phở 50');
    expect(choicesOf(question)[0]!.label).toBe('✅ Record ₫50');
    await ana().say('currency USD');
    expect(await ana().press(choicesOf(question)[0]!.action)).toContain('Recorded #1 · ₫50');
  });

  test('given the message is redelivered after the press, then it answers what was recorded and records nothing more', async () => {
    const [question] = await ana().sendText('I have 2 meetings today', 'msg-7');
    expect(await ana().press(choicesOf(question)[0]!.action)).toContain('Recorded #1');
    expect(await ana().say('I have 2 meetings today', 'msg-7')).toContain('Recorded #1');
    expect(await ana().press(choicesOf(question)[0]!.action)).toContain('Recorded #1');
    expect(await expenses()).toBe(1);
  });

  test('given "no", then the question is closed: its other button records nothing', async () => {
    const [question] = await ana().sendText('bought 3 items');
    expect(await ana().press(choicesOf(question)[1]!.action)).toContain('Nothing recorded');
    expect(await ana().press(choicesOf(question)[0]!.action)).toContain('That question has expired');
    expect(await expenses()).toBe(0);
  });

  test('given a crafted "Undo all" over single expenses, then only the expenses of one message can go', async () => {
    const clock = fixedClock('2026-11-22T10:00:00Z');
    core = inMemoryCore(clock);
    await ana().say('10 a');
    clock.set('2026-11-22T10:00:05Z');
    await ana().say('20 b');
    expect(await ana().press('undoall:1-2')).toContain('#1 · $10.00');
    expect(await expenses()).toBe(1);
    expect(await ana().press('undoall:1-99')).toContain('That button is not one I know');
  });

  test('given "add" with several lines, then each line is an expense', async () => {
    expect(await ana().say('add 12 lunch\n5 coffee')).toContain('Recorded 2 expenses');
  });
});
