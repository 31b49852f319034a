import { randomUUID } from 'node:crypto';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { Telegraf } from 'telegraf';
import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createServices, httpDepsFor } from '../bot/src/composition';
import { loadConfig } from '../bot/src/config/config';
import { createHttpApp } from '../bot/src/http/server';
import { createLogger } from '../bot/src/logger';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable } from '../bot/src/storage/dynamodb/dynamodb-tables';
import { ensureTable } from '../bot/src/storage/dynamodb/ensure-table';
import { startFakeTelegram } from '../test/support/fake-telegram';
import { textUpdate } from '../test/support/telegram-updates';

const SECRET = 'bench-secret';
const TOKEN = '123456:BENCH';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

const listen = (app: express.Express) => new Promise<Server>((done) => {
  const server = app.listen(0, '127.0.0.1', () => done(server));
});

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
 * one transaction of seven items) and answers with one sendMessage, with none of Spendwise's
 * parsing, deciding or rendering.
 */
async function bareTelegrafFloor(endpoint: string, apiRoot: string): Promise<{ url: string; close(): Promise<void> }> {
  const table = createDynamoTable(`bench-floor-${randomUUID().slice(0, 6)}`, { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  await ensureTable(table);
  const bot = new Telegraf(TOKEN, { telegram: { apiRoot, webhookReply: false } });
  bot.botInfo = { id: 123456789, is_bot: true, first_name: 'Spendwise', username: 'spendwise_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
  let n = 0;
  bot.on('text', async (ctx) => {
    const pk = `FLOOR#${ctx.chat.id}`;
    const { tableName } = table;
    await table.doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [{ pk, sk: 'A' }, { pk, sk: 'B' }], ConsistentRead: true } } }));
    await table.doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [{ pk, sk: 'HEAD' }, { pk, sk: 'C' }, { pk, sk: 'D' }], ConsistentRead: true } } }));
    n += 1;
    const item = { amount: 1250, currency: 'USD', category: 'food', description: ctx.message.text, date: '2026-11-22' };
    await table.doc.send(new TransactWriteCommand({
      TransactItems: Array.from({ length: 7 }, (_, i) => ({ Put: { TableName: tableName, Item: { pk, sk: `ITEM#${n}#${i}`, ...item } } })),
    }));
    await ctx.reply(`Recorded ${ctx.message.text}`);
  });
  const app = express();
  app.post('/telegram/webhook', (req, res, next) => (req.get('x-telegram-bot-api-secret-token') === SECRET ? next() : res.sendStatus(401)), express.json(), async (req, res) => {
    await bot.handleUpdate(req.body);
    res.sendStatus(200);
  });
  const server = await listen(app);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      server.close();
      table.doc.destroy();
    },
  };
}

export async function benchTelegramWebhook(endpoint: string, count: number, concurrency: number): Promise<void> {
  const fake = await startFakeTelegram();
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', AWS_ENDPOINT_URL_DYNAMODB: endpoint, SPENDWISE_TABLE: `bench-tg-${randomUUID().slice(0, 6)}`,
    TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url,
  });
  const log = createLogger('silent');
  const services = await createServices(config, log);
  const server = await listen(createHttpApp(httpDepsFor(config, services, log)));
  const ours = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    server.closeAllConnections();
    server.close();
    await services.close();
    await fake.close();
  }
}
