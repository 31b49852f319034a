import { floorStorage, percentile, serve, spendwiseServer } from './chat-floor';
import express from 'express';
import { Telegraf } from 'telegraf';
import { startFakeTelegram } from '../test/support/fake-telegram';
import { textUpdate } from '../test/support/telegram-updates';

const SECRET = 'bench-secret';
const TOKEN = '123456:BENCH';


/** Posts `count` text updates from `people` senders, `concurrency` at a time; per-request latency in ms. */
async function drive(url: string, count: number, concurrency: number, people: number): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const update = textUpdate({ id: 800_000 + (i % people), first_name: `P${i % people}` }, `${(i % 40) + 1}.50 lunch #food`);
      const t = process.hrtime.bigint();
      const res = await fetch(`${url}/telegram/webhook`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }));
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, latencies };
}

/**
 * The floor: a bare Telegraf webhook that does the DynamoDB work an add does (two batched reads,
 * one transaction of four items, then its index writes) and answers with one sendMessage, with none of Spendwise's
 * parsing, deciding or rendering.
 */
async function bareTelegrafFloor(endpoint: string, apiRoot: string): Promise<{ url: string; close(): Promise<void> }> {
  const storage = await floorStorage(endpoint);
  const bot = new Telegraf(TOKEN, { telegram: { apiRoot, webhookReply: false } });
  bot.botInfo = { id: 123456789, is_bot: true, first_name: 'Spendwise', username: 'spendwise_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
  bot.on('text', async (ctx) => {
    await storage.addWork(String(ctx.chat.id), ctx.message.text);
    await ctx.reply(`Recorded ${ctx.message.text}`);
  });
  const app = express();
  app.post('/telegram/webhook', (req, res, next) => (req.get('x-telegram-bot-api-secret-token') === SECRET ? next() : res.sendStatus(401)), express.json(), async (req, res) => {
    await bot.handleUpdate(req.body);
    res.sendStatus(200);
  });
  return serve(app, () => storage.close());
}

export async function benchTelegramWebhook(endpoint: string, count: number, concurrency: number): Promise<void> {
  const fake = await startFakeTelegram();
  const spendwise = await spendwiseServer(endpoint, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url });
  const ours = spendwise.url;
  const floor = await bareTelegrafFloor(endpoint, fake.url);
  try {
    // Warm both (connections, getMe, ledgers opened), then measure.
    await drive(ours, concurrency * 2, concurrency, concurrency);
    await drive(floor.url, concurrency * 2, concurrency, concurrency);
    const floorRun = await drive(floor.url, count, concurrency, concurrency);
    const ourRun = await drive(ours, count, concurrency, concurrency);
    const rate = (r: { seconds: number }) => count / r.seconds;
    console.log(`\nTelegram webhook adds (${count} updates from ${concurrency} people, ${concurrency} at a time, through HTTP with the secret)`);
    console.log(`  bare Telegraf floor      ${rate(floorRun).toFixed(0).padStart(6)} /s   p50 ${percentile(floorRun.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(floorRun.latencies, 0.99).toFixed(1)} ms`);
    console.log(`  Spendwise                ${rate(ourRun).toFixed(0).padStart(6)} /s   p50 ${percentile(ourRun.latencies, 0.5).toFixed(1)} ms, p99 ${percentile(ourRun.latencies, 0.99).toFixed(1)} ms`);
    console.log(`  ratio Spendwise / floor  ${(rate(ourRun) / rate(floorRun)).toFixed(2).padStart(6)}`);
  } finally {
    await floor.close();
    await spendwise.close();
    await fake.close();
  }
}
