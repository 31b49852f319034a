import { randomUUID } from 'node:crypto';
import { startFakeSlack, FakeSlack } from '../../test/support/fake-slack';
import { startFakeTelegram, FakeTelegram } from '../../test/support/fake-telegram';
import { testEndpoint } from '../../test/support/test-ledger';
import { startTestServer, TestServer } from '../../test/support/test-server';
import { COMMANDS } from '../../bot/src/core/commands/command-registry';
import { runOps } from './run-ops';

// The ops commands that talk to Slack, Telegram and a deployed service, against loopback stand-ins.
let telegram: FakeTelegram;
let slack: FakeSlack;
let env: Record<string, string>;

beforeAll(async () => {
  telegram = await startFakeTelegram({ token: '123456:OPS' });
  slack = await startFakeSlack();
  env = {
    AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(), SPENDWISE_TABLE: `ops-p-${randomUUID().slice(0, 8)}`, LOG_LEVEL: 'silent',
    TELEGRAM_BOT_TOKEN: '123456:OPS', TELEGRAM_WEBHOOK_SECRET: 'tg-secret', TELEGRAM_API_ROOT: telegram.url,
    SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'slack-secret', SLACK_API_URL: slack.apiUrl,
  };
  await runOps(['table', 'create'], env);
}, 60_000);
afterAll(async () => {
  await telegram.close();
  await slack.close();
});

test('telegram webhook set points Telegram at /telegram/webhook with the secret; commands set uses the help list', async () => {
  const set = await runOps(['telegram', 'webhook', 'set', '--url', 'https://spendwise.example.com/'], env);
  expect(set.code).toBe(0);
  const call = telegram.calls.filter((c) => c.method === 'setWebhook').at(-1)!;
  expect(call.payload).toMatchObject({ url: 'https://spendwise.example.com/telegram/webhook', secret_token: 'tg-secret', allowed_updates: ['message', 'callback_query', 'my_chat_member'] });
  expect((await runOps(['telegram', 'webhook', 'set', '--url', 'http://insecure.example.com'], env)).code).toBe(2);
  expect((await runOps(['telegram', 'commands', 'set'], env)).code).toBe(0);
  expect((telegram.calls.filter((c) => c.method === 'setMyCommands').at(-1)!.payload.commands as { command: string }[]).map((c) => c.command)).toEqual(COMMANDS.map((c) => c.name));
  expect((await runOps(['telegram', 'webhook', 'delete'], env)).code).toBe(0);
  // No token, no Telegram: a usage error naming what to set.
  const { TELEGRAM_BOT_TOKEN: _t, TELEGRAM_WEBHOOK_SECRET: _s, TELEGRAM_API_ROOT: _r, ...withoutTelegram } = env;
  expect((await runOps(['telegram', 'webhook', 'info'], withoutTelegram)).stderr).toContain('TELEGRAM_BOT_TOKEN is not set');
});

test('doctor: a table of checks, JSON for scripts, exit 1 when one fails; no secret is ever printed', async () => {
  const healthy = await runOps(['--json', 'doctor'], env);
  const checks = JSON.parse(healthy.stdout) as { check: string; ok: boolean; detail: string }[];
  expect(checks.map((c) => c.check)).toEqual(['configuration', 'dynamodb table', 'dynamodb ttl', 'slack auth.test', 'telegram getMe', 'telegram webhook']);
  expect(checks.find((c) => c.check === 'slack auth.test')).toMatchObject({ ok: true, detail: expect.stringContaining('team T111') });
  expect(checks.find((c) => c.check === 'telegram getMe')).toMatchObject({ ok: true, detail: '@spendwise_bot, webhook' });
  // The stand-in has no webhook set: that check fails, and so does doctor.
  expect(checks.find((c) => c.check === 'telegram webhook')!.ok).toBe(false);
  expect(healthy.code).toBe(1);
  const unreachable = await runOps(['doctor'], { ...env, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
  expect(unreachable.code).toBe(1);
  expect(unreachable.stdout).toMatch(/telegram getMe\s+false/);
  for (const output of [healthy.stdout, healthy.stderr, unreachable.stdout, unreachable.stderr]) {
    expect(output).not.toMatch(/123456:OPS|tg-secret|slack-secret|xoxb-test/);
  }
});

test('slack manifest: ready to paste, with the Request URLs under the given base', async () => {
  const manifest = JSON.parse((await runOps(['slack', 'manifest', '--url', 'https://spendwise.example.com'], env)).stdout);
  expect(manifest.settings.event_subscriptions.request_url).toBe('https://spendwise.example.com/slack/events');
  expect(manifest.features.slash_commands[0].command).toBe('/spend');
  expect((await runOps(['slack', 'manifest'], env)).code).toBe(2);
});

test('smoke: health, readiness, a signed Slack request, the Telegram webhook with and without its secret', async () => {
  const server: TestServer = await startTestServer({
    TELEGRAM_BOT_TOKEN: '123456:OPS', TELEGRAM_WEBHOOK_SECRET: 'tg-secret', TELEGRAM_API_ROOT: telegram.url,
    SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'slack-secret', SLACK_API_URL: slack.apiUrl,
  });
  try {
    const passing = await runOps(['--json', 'smoke', '--url', server.url], env);
    expect(passing.code).toBe(0);
    expect((JSON.parse(passing.stdout) as { check: string; ok: boolean }[]).map((c) => [c.check, c.ok])).toEqual([
      ['healthz', true], ['readyz', true], ['slack signed request', true], ['slack unsigned request refused', true],
      ['telegram webhook without the secret refused', true], ['telegram webhook with the secret', true],
    ]);
    // An operator holding the wrong secrets sees exactly which checks fail.
    const wrong = await runOps(['smoke', '--url', server.url], { ...env, SLACK_SIGNING_SECRET: 'not-it', TELEGRAM_WEBHOOK_SECRET: 'not-it-either' });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/slack signed request\s+false/);
    expect(wrong.stdout).toMatch(/telegram webhook with the secret\s+false\s+HTTP 401/);
  } finally {
    await server.close();
  }
  const down = await runOps(['smoke', '--url', 'http://127.0.0.1:9'], env);
  expect(down.code).toBe(1);
  expect(down.stdout).toMatch(/healthz\s+false/);
});

test('doctor checks that Textract answers AnalyzeExpense for these credentials, when receipts use it', async () => {
  const { createServer } = await import('node:http');
  let answer = { status: 400, type: 'UnsupportedDocumentException' };
  const targets: string[] = [];
  const textract = createServer((req, res) => {
    targets.push(String(req.headers['x-amz-target']));
    req.resume();
    req.on('end', () => {
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: answer.type, message: 'from the stand-in' }));
    });
  });
  await new Promise<void>((resolve) => textract.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(textract.address() as { port: number }).port}`;
  const withTextract = {
    AWS_ENDPOINT_URL_DYNAMODB: env.AWS_ENDPOINT_URL_DYNAMODB!, SPENDWISE_TABLE: env.SPENDWISE_TABLE!, LOG_LEVEL: 'silent',
    RECEIPT_OCR: 'textract', AWS_ENDPOINT_URL_TEXTRACT: url, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example-secret',
  };
  try {
    const reachable = JSON.parse((await runOps(['--json', 'doctor'], withTextract)).stdout) as { check: string; ok: boolean; detail: string }[];
    expect(reachable.find((c) => c.check === 'textract')).toMatchObject({ ok: true, detail: expect.stringContaining('reachable and permitted') });
    expect(targets).toEqual(['Textract.AnalyzeExpense']);
    answer = { status: 400, type: 'AccessDeniedException' };
    const denied = await runOps(['--json', 'doctor'], withTextract);
    expect(denied.code).toBe(1);
    expect((JSON.parse(denied.stdout) as { check: string; ok: boolean; detail: string }[]).find((c) => c.check === 'textract')).toMatchObject({ ok: false, detail: expect.stringContaining('AccessDeniedException') });
    expect(denied.stdout).not.toContain('example-secret');
  } finally {
    textract.close();
  }
});
