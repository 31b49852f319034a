import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { testEndpoint } from '../support/test-ledger';
import { ROOT, Started, startService, waitForLog } from '../support/service-process';

test('outside production the HTTP port answers this machine only, unless HOST says otherwise', async () => {
  const { accepts, nonLoopbackAddress } = await import('../support/network');
  const lan = nonLoopbackAddress();
  if (!lan) {
    console.log('skipped: this machine has no non-loopback IPv4 address to try the port from');
    return;
  }
  const env = { AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(), SPENDWISE_TABLE: `host-${randomUUID().slice(0, 8)}` };
  const loopback = startService(env);
  const listening = await waitForLog(loopback, 'listening');
  expect(listening.host).toBe('127.0.0.1');
  expect(await accepts('127.0.0.1', Number(listening.port))).toBe(true);
  expect(await accepts(lan, Number(listening.port))).toBe(false);
  loopback.child.kill('SIGTERM');
  expect(await loopback.exit).toBe(0);

  const everywhere = startService({ ...env, HOST: '0.0.0.0' });
  const open = await waitForLog(everywhere, 'listening');
  expect(await accepts(lan, Number(open.port))).toBe(true);
  everywhere.child.kill('SIGTERM');
  expect(await everywhere.exit).toBe(0);
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
  const say = async (text: string) => {
    const res = await fetch(`${base}/local/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'b', text }) });
    return ((await res.json()) as { replies: { text: string; image?: { mimeType: string; base64: string } }[] }).replies;
  };
  expect((await say('5 tea'))[0]!.text).toContain('Recorded #1');
  // The chart is drawn by the bundle's own worker file (dist/chart-worker.js).
  const [, chart] = await say('report');
  expect(chart?.image?.mimeType).toBe('image/png');
  expect(Buffer.from(chart!.image!.base64, 'base64').subarray(1, 4).toString()).toBe('PNG');
  expect(started.lines().filter((l) => String(l.code).startsWith('chart.'))).toEqual([]);
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

test('the bundle as the image runs it: uid 1000, production, only the /tmp volume writable, Slack’s credentials absent — it serves and is ready', async () => {
  if (process.getuid?.() !== 0) {
    console.log('skipped: running the bundle as uid 1000 needs root to switch user');
    return;
  }
  const { existsSync, mkdtempSync, chmodSync, rmSync, readdirSync } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const { tmpdir } = await import('node:os');
  const { freshTable } = await import('../support/test-ledger');
  const { LOCAL_REGION } = await import('../../bot/src/storage/dynamodb/dynamodb-local');
  if (!existsSync(resolve(ROOT, 'dist/main.js'))) expect(spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' }).status).toBe(0);
  // The image's /tmp (1777), which Fargate keeps only because the Dockerfile declares VOLUME there;
  // the rest (the working directory, HOME) is not writable by uid 1000, like the read-only root.
  const volume = mkdtempSync(resolve(tmpdir(), 'spendwise-tmp-volume-'));
  chmodSync(volume, 0o1777);
  const asImage = { uid: 1000, gid: 1000 };
  // The image's files are readable by everyone; a checkout inside a private folder (mktemp's 0700) is not.
  const readable = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(resolve(ROOT, 'dist/main.js'))}, require('fs').constants.R_OK)`], { ...asImage, cwd: '/' });
  if (readable.status !== 0) {
    console.log(`skipped: uid 1000 cannot read ${ROOT} (a folder above it is private), so the bundle cannot run as the image's user here`);
    rmSync(volume, { recursive: true, force: true });
    return;
  }
  try {
    const probe = (dir: string) => spawnSync(process.execPath, ['-e', `require('fs').writeFileSync(require('path').join(${JSON.stringify(dir)}, 'probe-' + process.pid), 'x')`], { ...asImage, cwd: ROOT });
    expect([probe(volume).status, probe(ROOT).status]).toEqual([0, 1]);

    const table = await freshTable('as-image');
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('SPENDWISE_') && !k.startsWith('SLACK_')));
    const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
      ...asImage, cwd: ROOT, stdio: 'pipe',
      env: {
        ...clean, HOME: '/nonexistent', TMPDIR: volume, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1',
        AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(), AWS_REGION: LOCAL_REGION, SPENDWISE_TABLE: table.tableName,
        TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_SECRET: 'hook', TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      },
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const started: Started = { child, lines: () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>), stdout: () => out, stderr: () => '', exit };
    const base = `http://127.0.0.1:${(await waitForLog(started, 'listening')).port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/slack/events`, { method: 'POST' })).status).toBe(404); // Slack is simply off
    expect(started.lines().filter((l) => (l.level as number) >= 60)).toEqual([]);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(readdirSync(ROOT).filter((f) => f.startsWith('probe-'))).toEqual([]);
  } finally {
    rmSync(volume, { recursive: true, force: true });
  }
}, 60_000);
