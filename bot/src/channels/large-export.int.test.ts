import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { startFakeSlack, FakeSlack } from '../../../test/support/fake-slack';
import { startFakeTelegram, FakeTelegram } from '../../../test/support/fake-telegram';
import { fixedClock } from '../../../test/support/in-memory-core';
import { seedLedger, seededExpense } from '../../../test/support/seed-ledger';
import { slackHarness } from '../../../test/support/slack-harness';
import { textUpdate } from '../../../test/support/telegram-updates';
import { postJson, startTestServer, TestServer } from '../../../test/support/test-server';
import { LocalDate } from '../core/calendar/local-date';
import { toDecimalString } from '../core/money/money';
import { CurrencyCode } from '../core/money/currencies';

// A ledger whose export is a zip of several hundred KB, through the real server on DynamoDB Local:
// it reaches Slack (the upload URL flow) and Telegram (a document) whole, and the spool is empty after.
const SECRET = 'slack-signing-secret';
const TELEGRAM_SECRET = 'wh-s3cret_value';
const EXPENSES = 4000;
const TODAY = '2026-11-22' as LocalDate;
let slack: FakeSlack;
let telegram: FakeTelegram;
let server: TestServer;
const spoolDir = join(mkdtempSync(join(tmpdir(), 'large-export-')), 'spool');

beforeAll(async () => {
  [slack, telegram] = await Promise.all([startFakeSlack(), startFakeTelegram({ token: '123456:TEST' })]);
  server = await startTestServer({
    SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl,
    TELEGRAM_BOT_TOKEN: '123456:TEST', TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET, TELEGRAM_API_ROOT: telegram.url,
    SPOOL_DIR: spoolDir,
  }, { clock: fixedClock(`${TODAY}T10:00:00Z`) });
});
afterAll(async () => {
  await server.close();
  await Promise.all([slack.close(), telegram.close()]);
});

const { command } = slackHarness(SECRET, () => ({ slack, server }));

/** 150 letters and digits no two expenses share: deflate cannot make them small, so the zip is large. */
function noise(ref: number): string {
  let x = ref * 2654435761 >>> 0;
  let text = '';
  for (let i = 0; i < 150; i += 1) {
    x = (x ^ (x << 13)) >>> 0; x = (x ^ (x >>> 17)) >>> 0; x = (x ^ (x << 5)) >>> 0;
    text += 'abcdefghijklmnopqrstuvwxyz0123456789'[x % 36];
  }
  return text;
}

/** A person's ledger, opened by their first message (no expense), then filled with EXPENSES seeded expenses. */
async function filledLedger(identity: string): Promise<void> {
  const { personalLedgers: [ledger] } = await server.services.core.personalData.locate(identity);
  await seedLedger(server.services.table, ledger!, EXPENSES, TODAY, { describe: noise });
}

/** The zip's expenses as rows by reference, checked against what was seeded. */
function expectEveryExpense(zip: Buffer): void {
  const files = unzipSync(new Uint8Array(zip));
  const rows = strFromU8(files['personal/expenses.csv']!).trim().split('\r\n').slice(1);
  expect(rows).toHaveLength(EXPENSES);
  const byRef = new Map(rows.map((row) => [Number(row.split(',').at(-1)!.slice(1)), row]));
  expect(byRef.size).toBe(EXPENSES);
  for (const ref of [1, 2, 1999, EXPENSES]) {
    const e = seededExpense(ref, TODAY, noise);
    expect(byRef.get(ref)).toBe(`${e.date},${toDecimalString({ minor: e.minor, currency: 'USD' as CurrencyCode })},USD,${e.category},${e.description},#${ref}`);
  }
}

const spooled = () => readdirSync(spoolDir);

test('Slack: a zip of several hundred KB is uploaded whole through the upload URL, to the person’s DM, and leaves nothing in the spool', async () => {
  await command('UBIG', 'currency USD');
  await filledLedger('slack:T111:UBIG');
  const sent = await command('UBIG', 'export all');

  const asked = sent.calls.find((c) => c.path === '/api/files.getUploadURLExternal')!;
  const complete = sent.calls.find((c) => c.path === '/api/files.completeUploadExternal')!;
  const [file] = complete.body.files as { id: string; title: string }[];
  const uploaded = slack.uploaded(file!.id)!;
  expect(uploaded.bytes!.byteLength).toBe(Number(asked.body.length));
  expect(uploaded.bytes!.byteLength).toBeGreaterThan(300 * 1024);
  expect(asked.body.filename).toBe(`spendwise-everything-${TODAY}.zip`);
  expect(complete.body).toMatchObject({ channel_id: 'D-UBIG', initial_comment: `📦 Everything I hold about you: ${EXPENSES} expenses in your ledger.` });
  expectEveryExpense(uploaded.bytes!);
  expect(spooled()).toEqual([]);
}, 120_000);

test('Telegram: the same size of zip arrives whole as a document, and leaves nothing in the spool', async () => {
  const post = (text: string) => fetch(`${server.url}/telegram/webhook`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': TELEGRAM_SECRET }, body: JSON.stringify(textUpdate(PERSON, text)),
  });
  const PERSON = { id: 5077, first_name: 'Bea', language_code: 'en' };
  expect((await post('currency USD')).status).toBe(200);
  await filledLedger('telegram:5077');
  const mark = telegram.mark();
  expect((await post('export all')).status).toBe(200);

  const document = (await telegram.waitFor('sendDocument', 60_000, mark)).payload.document as { filename: string; size: number; bytes: Buffer };
  expect(document.filename).toBe(`spendwise-everything-${TODAY}.zip`);
  expect(document.size).toBeGreaterThan(300 * 1024);
  expectEveryExpense(document.bytes);
  expect(spooled()).toEqual([]);
}, 120_000);

test('local chat: a zip too large to embed is a link the page downloads from (for an hour), and only that copy stays in the spool', async () => {
  const say = (text: string) => postJson(`${server.url}/local/chat`, { user: 'bigfile', text, timeZone: 'UTC' });
  await say('currency USD');
  await filledLedger('local:bigfile');
  const { json } = await say('export all');
  const file = json.replies[0].file;
  expect(file).toMatchObject({ name: `spendwise-everything-${TODAY}.zip`, mimeType: 'application/zip', url: expect.stringMatching(/^\/local\/files\/d-[0-9a-f-]{36}$/) });
  expect(file.base64).toBeUndefined();
  expect(file.size).toBeGreaterThan(300 * 1024);

  for (let time = 1; time <= 2; time += 1) {
    const res = await fetch(`${server.url}${file.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=spendwise-everything-${TODAY}.zip`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(file.size);
    expectEveryExpense(bytes);
  }
  // The kept copy and what it is called; the file the export wrote is gone.
  expect(spooled().sort()).toEqual([file.url.split('/').at(-1), `${file.url.split('/').at(-1)}.json`].sort());
  expect((await fetch(`${server.url}/local/files/d-00000000-0000-0000-0000-000000000000`)).status).toBe(404);
}, 120_000);
