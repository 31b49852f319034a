import { startFakeTelegram } from '../../../../test/support/fake-telegram';
import { startTestServer } from '../../../../test/support/test-server';
import { textUpdate } from '../../../../test/support/telegram-updates';

test('polling mode: long polls the Bot API (no busy loop), answers updates, and stops with the service', async () => {
  const fake = await startFakeTelegram();
  const server = await startTestServer({ TELEGRAM_BOT_TOKEN: '123456:TEST', TELEGRAM_MODE: 'polling', TELEGRAM_API_ROOT: fake.url });
  try {
    await fake.waitFor('deleteWebhook');
    const { update_id: _numberedByTheFake, ...update } = textUpdate({ id: 7001, first_name: 'Polly' }, '12.50 lunch #food');
    fake.push(update);
    const reply = await fake.waitFor('sendMessage');
    expect(reply.payload).toMatchObject({ chat_id: 7001, parse_mode: 'HTML' });
    expect(String(reply.payload.text)).toContain('Recorded #1 · <b>$12.50</b> · food · lunch');
    // Idle: each getUpdates is held until the stand-in's 1 s cap, so 2.5 s costs a handful of calls, not thousands.
    const before = fake.getUpdatesCalls;
    await new Promise((r) => setTimeout(r, 2500));
    expect(fake.getUpdatesCalls - before).toBeLessThanOrEqual(5);
    // The webhook route does not exist in polling mode.
    expect((await fetch(`${server.url}/telegram/webhook`, { method: 'POST' })).status).toBe(404);
  } finally {
    await server.close();
    const after = fake.getUpdatesCalls;
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.getUpdatesCalls - after).toBeLessThanOrEqual(1);
    await fake.close();
  }
});
