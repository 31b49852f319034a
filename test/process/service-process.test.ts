import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { testEndpoint } from '../support/test-ledger';
import { ROOT, startService, waitForLog } from '../support/service-process';

test('SIGTERM: stops accepting, finishes, exits 0; logs are JSON lines', async () => {
  const started = startService({ AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(), SPENDWISE_TABLE: `proc-${randomUUID().slice(0, 8)}` });
  const listening = await waitForLog(started, 'listening');
  const base = `http://127.0.0.1:${listening.port}`;
  const res = await fetch(`${base}/local/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'p', text: '5 tea' }) });
  expect(res.status).toBe(200);
  started.child.kill('SIGTERM');
  expect(await started.exit).toBe(0);
  expect(started.lines().map((l) => l.msg)).toEqual(expect.arrayContaining(['table ready', 'listening', 'request', 'stopped']));
  expect(started.lines().every((l) => l.level !== undefined && l.time !== undefined)).toBe(true);
});

test('in production a missing table is a clear start-up error', async () => {
  const started = startService({ NODE_ENV: 'production', AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(), SPENDWISE_TABLE: 'no-such-table', AWS_REGION: 'us-east-1' });
  expect(await started.exit).toBe(1);
  const fatal = started.lines().find((l) => l.level === 60);
  expect(String(fatal?.msg)).toContain('DynamoDB table "no-such-table" does not exist');
});

test('a bad setting stops start-up with a message naming the variable', async () => {
  const started = startService({ PORT: 'eighty', TELEGRAM_MODE: 'carrier-pigeon' });
  expect(await started.exit).toBe(2);
  expect(started.stderr()).toContain('PORT:');
  expect(started.stderr()).toContain('TELEGRAM_MODE:');
});

test('with no AWS configuration it runs its own DynamoDB Local, and a restart keeps the ledger', async () => {
  const { existsSync, mkdtempSync, rmSync, statSync } = await import('node:fs');
  const { runOps } = await import('../../ops/test/run-ops');
  const { tmpdir } = await import('node:os');
  const dataDir = mkdtempSync(resolve(tmpdir(), 'spendwise-data-'));
  try {
    const say = async (port: unknown, text: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/local/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'keeper', text }) });
      return ((await res.json()) as { replies: { text: string }[] }).replies[0]!.text;
    };
    const first = startService({ SPENDWISE_DATA_DIR: dataDir });
    expect((await waitForLog(first, 'started DynamoDB Local', 30_000)).dataDir).toBe(dataDir);
    const port1 = (await waitForLog(first, 'listening')).port;
    expect(await say(port1, '42 books')).toContain('Recorded #1');
    // ops --local talks to the running service's DynamoDB Local, found through its endpoint file.
    const endpointFile = resolve(dataDir, 'endpoint.json');
    expect(statSync(endpointFile).mode & 0o777).toBe(0o600);
    const whileRunning = await runOps(['--local', '--json', 'stats'], { SPENDWISE_DATA_DIR: dataDir });
    expect(JSON.parse(whileRunning.stdout)).toMatchObject({ ledgers: 1, perMonth: [{ expenses: 1 }] });
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(existsSync(endpointFile)).toBe(false);
    // With the service stopped, ops --local opens the same folder itself.
    const stopped = await runOps(['--local', '--json', 'stats'], { SPENDWISE_DATA_DIR: dataDir });
    expect(JSON.parse(stopped.stdout)).toMatchObject({ ledgers: 1 });

    const second = startService({ SPENDWISE_DATA_DIR: dataDir });
    expect((await waitForLog(second, 'table ready', 30_000)).status).toBe('exists');
    const port2 = (await waitForLog(second, 'listening')).port;
    expect(await say(port2, 'list')).toContain('#1 · $42.00 · shopping · books');
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);

test('the bundle the Docker image ships (npm run build → node dist/main.js) serves and stops cleanly', async () => {
  const { spawnSync } = await import('node:child_process');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status).toBe(0);
  const started = startService(
    { AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(), SPENDWISE_TABLE: `bundle-${randomUUID().slice(0, 8)}` },
    [process.execPath, 'dist/main.js'],
  );
  const base = `http://127.0.0.1:${(await waitForLog(started, 'listening')).port}`;
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
  const res = await fetch(`${base}/local/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'b', text: '5 tea' }) });
  expect(((await res.json()) as { replies: { text: string }[] }).replies[0]!.text).toContain('Recorded #1');
  started.child.kill('SIGTERM');
  expect(await started.exit).toBe(0);
}, 60_000);

test('without Java, npm start says what to install instead of crashing obscurely', async () => {
  const { mkdtempSync, symlinkSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const bin = mkdtempSync(resolve(tmpdir(), 'spendwise-nojava-'));
  symlinkSync(process.execPath, resolve(bin, 'node'));
  try {
    const started = startService({ PATH: bin, SPENDWISE_DATA_DIR: resolve(bin, 'data') }, [process.execPath, resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'bot/src/main.ts']);
    expect(await started.exit).toBe(1);
    const fatal = started.lines().find((l) => l.level === 60);
    expect(String(fatal?.msg)).toContain('DynamoDB Local needs Java 17 or newer');
    expect(String(fatal?.msg)).toContain('AWS_ENDPOINT_URL_DYNAMODB');
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});
