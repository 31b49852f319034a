import { Telegram, TelegramError } from 'telegraf';
import { startFakeTelegram } from '../../../../test/support/fake-telegram';
import { line } from '../../core/conversation/formatted-text';
import { fileFromBytes } from '../../core/conversation/reply';
import { callBotApi, deliverReplies, redactToken } from './telegram-replies';

const logged: object[] = [];
const log = { warn: (details: object) => logged.push(details), info: (details: object) => logged.push(details) };
beforeEach(() => (logged.length = 0));

test('a network failure is logged without the token its URL carries', async () => {
  const failing = async () => { throw new Error('request to https://api.telegram.org/bot123456:AAHk-secret_Part/sendMessage failed, reason: ECONNREFUSED'); };
  expect(await callBotApi('sendMessage', failing, log)).toBe('failed');
  expect(JSON.stringify(logged)).not.toContain('AAHk-secret_Part');
  expect(JSON.stringify(logged)).toContain('bot<token>/sendMessage');
  expect(redactToken('bot42:abc_DEF-1 and bot7:x')).toBe('bot<token> and bot<token>');
});

test('"message is not modified" is success; 403 and other refusals are logged, never thrown', async () => {
  const refuse = (code: number, description: string) => async () => { throw new TelegramError({ error_code: code, description }); };
  expect(await callBotApi('editMessageText', refuse(400, 'Bad Request: message is not modified'), log)).toBeUndefined();
  expect(await callBotApi('sendMessage', refuse(403, 'Forbidden: bot was blocked by the user'), log)).toBe('failed');
  expect(await callBotApi('sendMessage', refuse(400, 'Bad Request: chat not found'), log)).toBe('failed');
  expect(logged).toHaveLength(2);
});

test('a 429 asking for longer than a request can wait is not waited for', async () => {
  let calls = 0;
  const busy = async () => { calls += 1; throw new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 60 } }); };
  const started = Date.now();
  expect(await callBotApi('sendMessage', busy, log)).toBe('failed');
  expect(calls).toBe(1);
  expect(Date.now() - started).toBeLessThan(1000);
});

test('an image whose caption is too long for Telegram: the text first, then the image still as a photo', async () => {
  const fake = await startFakeTelegram({ token: '42:T' });
  try {
    const telegram = new Telegram('42:T', { apiRoot: fake.url });
    const caption = Array.from({ length: 80 }, (_, i) => line(`line ${i} of a long report`));
    await deliverReplies(telegram, { chatId: 7 }, [{ text: caption, image: fileFromBytes('chart.png', 'image/png', Buffer.from('\x89PNG fake')) }], log);
    const calls = fake.since(0).filter((c) => c.method !== 'getMe');
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendPhoto']);
    expect(calls[1]!.payload.photo).toMatchObject({ filename: 'chart.png' });
  } finally {
    await fake.close();
  }
});
