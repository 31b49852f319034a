import { fixedClock } from '../../../../test/support/in-memory-core';
import { startFakeTelegram, FakeTelegram, BotApiCall } from '../../../../test/support/fake-telegram';
import { startTestServer, TestServer } from '../../../../test/support/test-server';
import { addedToGroupUpdate, ANA, BEN, imageDocumentUpdate, photoUpdate, pressUpdate, Person, sharedFixture, stickerUpdate, textUpdate } from '../../../../test/support/telegram-updates';
import { COMMANDS } from '../../core/commands/command-registry';
import { telegramFileFetcher } from './telegram-channel';

// Telegram through the real HTTP server: genuine Update JSON in, a Bot API stand-in on loopback out.
const SECRET = 'wh-s3cret_value';
let fake: FakeTelegram;
let server: TestServer;
const clock = fixedClock('2026-11-22T10:00:00Z');

beforeAll(async () => {
  fake = await startFakeTelegram({ token: '123456:TEST' });
  server = await startTestServer({ TELEGRAM_BOT_TOKEN: '123456:TEST', TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url }, { clock });
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

const post = (update: unknown, secret: string | null = SECRET) => fetch(`${server.url}/telegram/webhook`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(secret !== null ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}) },
  body: JSON.stringify(update),
});

/** Sends an update and returns the Bot API calls it caused. */
async function deliver(update: unknown): Promise<BotApiCall[]> {
  const mark = fake.mark();
  const res = await post(update);
  expect(res.status).toBe(200);
  return fake.since(mark).filter((c) => c.method !== 'getMe' && c.method !== 'setMyCommands');
}
/** A photo is answered 200 at once and read after: until its draft (or answer) has been sent. */
async function deliverPhoto(update: unknown, answers = 2): Promise<BotApiCall[]> {
  const mark = fake.mark();
  expect((await post(update)).status).toBe(200);
  const deadline = Date.now() + 30_000;
  const calls = () => fake.since(mark).filter((c) => c.method !== 'getMe' && c.method !== 'setMyCommands');
  while (calls().filter((c) => c.method === 'sendMessage').length < answers && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return calls();
}
const sent = (calls: BotApiCall[]) => calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
const say = async (person: Person, text: string, groupId?: number) => sent(await deliver(textUpdate(person, text, groupId ? { groupId } : {})));

test('a wrong or missing secret is 401, reaches neither the core nor the Bot API', async () => {
  const mark = fake.mark();
  for (const secret of ['wrong', null, `${SECRET}x`, '']) {
    const res = await post(textUpdate({ id: 6001, first_name: 'Eve' }, '5 tea'), secret);
    expect([secret, res.status]).toEqual([secret, 401]);
  }
  expect(fake.since(mark).filter((c) => c.method !== 'setMyCommands')).toEqual([]);
  expect(await say({ id: 6001, first_name: 'Eve' }, 'list')).toEqual([expect.stringContaining('No expenses yet')]);
});

test('the command menu is registered at start from the same list that writes help', async () => {
  const call = await fake.waitFor('setMyCommands');
  expect((call.payload.commands as { command: string }[]).map((c) => c.command)).toEqual(COMMANDS.map((c) => c.name));
});

test('a quick add in a private chat: escaped HTML, Undo / Edit / Change category, and the timezone asked once', async () => {
  const person = { id: 6002, first_name: 'Nadia', language_code: 'vi' };
  const calls = await deliver(textUpdate(person, '50k <b>pho</b> & tea'));
  const [recorded, question] = calls;
  expect(recorded).toMatchObject({ method: 'sendMessage', payload: { chat_id: 6002, parse_mode: 'HTML' } });
  // Telegram says she speaks Vietnamese: the ledger answers in Vietnamese.
  expect(recorded!.payload.text).toBe('✅ Đã ghi #1 · <b>$50,000.00</b> · food · &lt;b&gt;pho&lt;/b&gt; &amp; tea · Sun 22 Nov 2026');
  const keyboard = (recorded!.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
  expect(keyboard.flat().map((b) => b.text)).toEqual(['Hoàn tác', 'Sửa', 'Đổi danh mục']);
  expect(String(question!.payload.text)).toContain('Which timezone are you in?');
  expect(JSON.stringify(question!.payload.reply_markup)).toContain('tz:Asia/Ho_Chi_Minh');
  expect(sent(await deliver(textUpdate(person, '20k coffee')))).toHaveLength(1);
});

test('a redelivered update records nothing twice and answers the same', async () => {
  const person = { id: 6003, first_name: 'Rita' };
  const update = textUpdate(person, '12.50 lunch');
  const first = sent(await deliver(update));
  const again = sent(await deliver(update));
  expect(again).toEqual(first);
  expect((await say(person, 'list'))[0]).toContain('Latest 1');
});

test('commands with the bot_command entity work, /start introduces the bot', async () => {
  const person = { id: 6004, first_name: 'Omar' };
  expect((await say(person, '/start'))[0]).toContain('I keep track of what you spend');
  expect((await say(person, '/add 9.99 book #reading'))[0]).toContain('Recorded #1 · <b>$9.99</b> · reading · book');
  expect((await say(person, '/report'))[0]).toContain('<b>USD</b>: $9.99 in 1 expense');
  const genuine = sharedFixture('telegram/update.command-start.SCHEMA-DERIVED.json');
  if (genuine) expect(sent(await deliver(genuine))[0]).toContain('Recorded #1 · <b>$12.50</b> · food · lunch');
});

test('a button press answers its callback and edits the pressed message; a second press of it changes nothing', async () => {
  const person = { id: 6005, first_name: 'Pia' };
  const [recorded] = await deliver(textUpdate(person, '8 cinema'));
  const pressedMessageId = 4242;
  const calls = await deliver(pressUpdate(person, 'undo:1', pressedMessageId));
  expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
  expect(calls[1]!.payload).toMatchObject({ chat_id: 6005, message_id: pressedMessageId });
  expect(String(calls[1]!.payload.text)).toContain('🗑️ Deleted #1');
  expect(recorded).toBeDefined();
  const again = await deliver(pressUpdate(person, 'undo:1', pressedMessageId));
  expect(again.map((c) => c.method)).toEqual(['answerCallbackQuery']);
  expect(again[0]!.payload).toMatchObject({ show_alert: true, text: expect.stringContaining('There is no expense #1') });
});

test('in a group: commands addressed to the bot, mentions, and lines that read as expenses; each entry shows who paid', async () => {
  const group = -1001234;
  const replies = await deliver(textUpdate(ANA, '@spendwise_bot 60 team lunch', { groupId: group }));
  expect(replies[0]).toMatchObject({ method: 'sendMessage', payload: { chat_id: group, reply_parameters: { allow_sending_without_reply: true } } });
  expect(String(replies[0]!.payload.text)).toContain('Recorded #1 · <b>$60.00</b> · food · team lunch · Sun 22 Nov 2026 · by Ana');
  expect((await say(BEN, '/list@spendwise_bot', group))[0]).toContain('#1 · <b>$60.00</b> · food · team lunch · Sun 22 Nov 2026 · by Ana');
  expect(await say(BEN, '/list@other_bot', group)).toEqual([]);
  // Privacy mode off: people talking to each other are not answered; a plain expense line is recorded.
  expect(await say(BEN, 'see you at 5', group)).toEqual([]);
  expect((await say(BEN, '12 pizza', group))[0]).toContain('Recorded #2 · <b>$12.00</b> · food · pizza · Sun 22 Nov 2026 · by Ben');
  expect((await say(ANA, 'list', group))).toEqual([]);
  expect((await say(ANA, '/report', group))[0]).toContain('<b>USD</b>: $72.00 in 2 expenses');
  // The group's ledger is not Ana's own.
  expect((await say(ANA, 'list'))[0]).toContain('No expenses yet');
});

test('in a group, someone else pressing an expense’s Undo gets a private alert and nothing changes', async () => {
  const group = -1005678;
  await say(ANA, '/add 30 groceries', group);
  const calls = await deliver(pressUpdate(BEN, 'undo:1', 555, { groupId: group }));
  expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery']);
  expect(calls[0]!.payload).toMatchObject({ show_alert: true, text: expect.stringContaining('Only the person who recorded #1') });
  expect((await say(BEN, '/list', group))[0]).toContain('#1 · <b>$30.00</b>');
});

test('export sends the CSV as a document', async () => {
  const person = { id: 6006, first_name: 'Xu' };
  await say(person, '12.50 lunch, with "Sam" #food');
  const calls = await deliver(textUpdate(person, '/export'));
  const document = calls.find((c) => c.method === 'sendDocument')!;
  expect(document.payload.chat_id).toBe(6006);
  expect(String(document.payload.caption)).toContain('1 expense from');
  expect(document.payload.document).toMatchObject({ filename: 'spendwise-2026-11-01-to-2026-11-30.csv' });
  expect((document.payload.document as { text: string }).text).toContain('2026-11-22,12.50,USD,food,"lunch, with ""Sam""",#1');
});

test('report: the details as text, then the chart as a photo with a caption', async () => {
  const person = { id: 6016, first_name: 'Chi' };
  await say(person, '12.50 lunch #food');
  const calls = await deliver(textUpdate(person, '/report'));
  expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendPhoto']);
  expect(String(calls[0]!.payload.text)).toContain('Spending in <b>November 2026</b>');
  const photo = calls[1]!.payload;
  expect(photo).toMatchObject({ chat_id: 6016, caption: '📊 USD: spending in November 2026', parse_mode: 'HTML' });
  expect(photo.photo).toMatchObject({ filename: 'spendwise-2026-11-01-to-2026-11-30-USD.png' });
  expect([...(photo.photo as { bytes: Buffer }).bytes.subarray(1, 4)]).toEqual([...Buffer.from('PNG')]);
});

test('a genuine photo update with a caption: a receipt draft whose caption wins; a sticker gets a pointer; joining a group says hello', async () => {
  const photo = sharedFixture('telegram/update.message-photo-caption.SCHEMA-DERIVED.json');
  if (photo) {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    fake.setFileBytes(readFileSync(join(__dirname, '..', '..', 'receipts', 'local', 'fixtures', 'green-leaf-cafe.png')));
    photo.message.from.id = photo.message.chat.id = 6007;
    const [, draft] = sent(await deliverPhoto(photo));
    expect(draft).toContain('Total: <b>$12.50</b>');
    expect(draft).toContain('Category: food · note: lunch');
  }
  expect(sent(await deliver(stickerUpdate({ id: 6008, first_name: 'Lu' })))[0]).toContain('I read text, commands and receipt photos');
  expect(sent(await deliver(addedToGroupUpdate(ANA, -1009999)))[0]).toContain('I keep this group’s shared expenses');
});

test('an image file too big to read is refused from the size Telegram announces: never fetched', async () => {
  const calls = await deliverPhoto(imageDocumentUpdate({ id: 6012, first_name: 'Big' }, 30 * 1024 * 1024), 1);
  expect(sent(calls)[0]).toContain('That file is 30.0 MB; I read photos up to 20 MB.');
  expect(calls.map((c) => c.method)).not.toContain('getFile');
});

test('a long list is split into messages Telegram accepts, whole lines each', async () => {
  const person = { id: 6009, first_name: 'Long' };
  for (let i = 0; i < 50; i += 1) await say(person, `${i + 1} ${'very long description of a thing '.repeat(3)}${String.fromCharCode(97 + (i % 26))}`);
  const messages = await say(person, '/list 50');
  expect(messages.length).toBeGreaterThan(1);
  expect(messages.every((m) => m.length <= 4096)).toBe(true);
  expect(messages.join('\n').match(/^• #/gm)).toHaveLength(50);
});

test('Bot API failures: a short 429 is waited out, 403 and others are logged; the webhook still answers 200', async () => {
  const person = { id: 6010, first_name: 'Flo' };
  await say(person, 'help');
  fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
  const calls = await deliver(textUpdate(person, 'list'));
  expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage']);
  fake.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
  expect((await deliver(textUpdate(person, '5 tea'))).length).toBeGreaterThan(0);
  expect((await say(person, 'list'))[0]).toContain('Latest 1');
});

test('edits, channel posts and updates of other kinds are ignored on purpose: 200, no answer', async () => {
  const edited = { update_id: 990_001, edited_message: { message_id: 1, from: { id: 6011, is_bot: false, first_name: 'Ed' }, chat: { id: 6011, type: 'private' }, date: 1, edit_date: 2, text: '5 tea' } };
  const post = { update_id: 990_002, channel_post: { message_id: 2, chat: { id: -100777, type: 'channel' }, date: 1, text: '5 tea' } };
  expect(await deliver(edited)).toEqual([]);
  expect(await deliver(post)).toEqual([]);
  expect(await deliver({ update_id: 990_003, poll: { id: 'p' } })).toEqual([]);
});

test('a file is fetched from the address getFile leads to, under the configured API root', async () => {
  const { Telegram } = await import('telegraf');
  const fetchFile = telegramFileFetcher(new Telegram('123456:TEST', { apiRoot: fake.url }));
  fake.setFileBytes(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  expect([...(await fetchFile('AgACAgIAAxkBAAIBQ2ExampleXL'))]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
  expect(fake.calls.filter((c) => c.method === 'getFile').at(-1)!.payload).toEqual({ file_id: 'AgACAgIAAxkBAAIBQ2ExampleXL' });
});

test('when getMe fails the update is answered 503 (Telegram delivers it again), and the next try works', async () => {
  const fresh = await startFakeTelegram({ token: '123456:TEST' });
  const other = await startTestServer({ TELEGRAM_BOT_TOKEN: '123456:TEST', TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fresh.url }, { clock });
  try {
    fresh.failNext('getMe', { error_code: 502, description: 'Bad Gateway' });
    const update = textUpdate({ id: 6100, first_name: 'Gus' }, '4 tea');
    const send = () => fetch(`${other.url}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET }, body: JSON.stringify(update) });
    expect((await send()).status).toBe(503);
    expect((await send()).status).toBe(200);
    expect(String((await fresh.waitFor('sendMessage')).payload.text)).toContain('Recorded #1');
  } finally {
    await other.close();
    await fresh.close();
  }
});

test('a receipt photo: acknowledged at once, read from the largest size, a draft with Confirm; confirmed once', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  fake.setFileBytes(readFileSync(join(__dirname, '..', '..', 'receipts', 'local', 'fixtures', 'green-leaf-cafe.png')));
  const person = { id: 6200, first_name: 'Rae' };
  const calls = await deliverPhoto(photoUpdate(person));
  expect(calls.filter((c) => c.method === 'getFile').map((c) => c.payload.file_id)).toEqual([expect.stringMatching(/^large-/)]);
  const [ack, draft] = sent(calls);
  expect(ack).toBe('📷 Reading your receipt…');
  expect(draft).toContain('🧾 <b>Receipt: GREEN LEAF CAFE');
  expect(draft).toContain('Total: <b>$22.89</b>');
  const keyboard = calls.filter((c) => c.method === 'sendMessage').at(-1)!.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
  const confirm = keyboard.inline_keyboard.flat().find((b) => b.text === '✅ Confirm')!.callback_data;
  const confirmed = await deliver(pressUpdate(person, confirm, 77));
  expect(String(confirmed.find((c) => c.method === 'editMessageText')!.payload.text)).toContain('Recorded #1 · <b>$22.89</b> · food · GREEN LEAF CAFE');
  expect((await say(person, '/list'))[0]).toContain('Latest 1');
}, 60_000);

test('the same photo forwarded again (same file_unique_id) is known without fetching it: its draft, then the expense it became', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  fake.setFileBytes(Buffer.concat([readFileSync(join(__dirname, '..', '..', 'receipts', 'local', 'fixtures', 'green-leaf-cafe.png')), Buffer.from('forwarded')]));
  const person = { id: 6201, first_name: 'Fen' };
  const first = await deliverPhoto(photoUpdate(person, undefined, 'AQADForwarded1'));
  expect(sent(first)[1]).toContain('Total: <b>$22.89</b>');
  const again = await deliverPhoto(photoUpdate(person, undefined, 'AQADForwarded1'), 1);
  expect(again.filter((c) => c.method === 'getFile')).toEqual([]);
  expect(sent(again)).toEqual([expect.stringContaining('Total: <b>$22.89</b>')]);
  const keyboard = first.filter((c) => c.method === 'sendMessage').at(-1)!.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
  await deliver(pressUpdate(person, keyboard.inline_keyboard.flat().find((b) => b.text === '✅ Confirm')!.callback_data, 78));
  expect(sent(await deliverPhoto(photoUpdate(person, undefined, 'AQADForwarded1'), 1))).toEqual([expect.stringContaining('This receipt is already recorded')]);
}, 60_000);

test('the scheduler posts to the chat; a chat that blocked the bot pauses its schedules, and the next message there says so once', async () => {
  const person = { id: 6200, first_name: 'Sam' };
  try {
    expect((await say(person, '/recurring add monthly 22 9.99 music'))[0]).toContain('First: Sun 22 Nov 2026 (today).');
    await say(person, 'recurring add weekly mon 15 gym');
    const mark = fake.mark();
    await server.services.scheduler!.tick();
    const posted = fake.since(mark).filter((c) => c.method === 'sendMessage');
    expect(posted.map((c) => [c.payload.chat_id, String(c.payload.text).split(',')[0]])).toEqual([[6200, '🔁 Recorded r1']]);
    clock.set('2026-11-23T00:00:01Z');
    fake.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect((await server.services.scheduler!.tick()).claimed).toBe(1);
    const [list, notice] = await say(person, 'list');
    expect(list).toMatch(/gym · Mon 23 Nov 2026/); // recorded all the same
    expect(notice).toBe('⏸️ I could not post to this conversation, so I paused what I do here by myself. To start again:\n• <code>recurring resume r1</code>\n• <code>recurring resume r2</code>');
    expect(await say(person, 'recurring list')).toEqual([expect.stringMatching(/r1 .* · paused: I could not post to this conversation\n/)]);
    clock.set('2026-11-30T00:00:01Z');
    expect((await server.services.scheduler!.tick()).claimed).toBe(0);
    expect((await say(person, 'recurring resume r2'))[0]).toMatch(/^▶️ Resumed <b>r2 · .*<\/b>\. Next: Mon 30 Nov 2026\.$/);
  } finally {
    clock.set('2026-11-22T10:00:00Z');
  }
});
