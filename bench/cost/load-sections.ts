import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { RunningDynamoDbLocal } from '../../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable } from '../../bot/src/storage/dynamodb/dynamodb-tables';
import { ensureTable } from '../../bot/src/storage/dynamodb/ensure-table';
import { FakeSlack, startFakeSlack } from '../../test/support/fake-slack';
import { slackHeaders, slashCommandForm } from '../../test/support/slack-requests';
import { AddShape } from './add-shape';
import { closedLoop, LoadResult, measured, openLoop, percentile, Post, rssMbOf } from './load';
import { ROOT, ServerProcess, startServerProcess, TSX_IMPORT } from './server-process';

/** How long and how hard the load runs: the defaults are the bench's, the smoke test makes them tiny. */
export interface LoadSettings {
  readonly warmupSeconds: number;
  readonly measureSeconds: number;
  readonly clients: number;
  readonly ledgers: number;
  readonly slackRate: number;
  /** A folder for the service's --cpu-prof output, when profiling. */
  readonly profileDir?: string;
}

export interface Measured {
  readonly name: string;
  readonly load: LoadResult;
  readonly serverCpuMs: number;
  readonly dynamoCpuMs: number;
  readonly peakRssMb: number;
}

const SLACK_SECRET = 'bench-signing-secret';

/** The service's environment for the load: rate limits off, Slack on (to a stand-in), logs as in production (info). */
function serviceEnv(endpoint: string, slack: FakeSlack, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_DYNAMODB: endpoint, SPENDWISE_TABLE: `cost-${randomUUID().slice(0, 8)}`,
    RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_PER_DAY: '0', RECEIPTS_DIR: mkdtempSync(join(tmpdir(), 'cost-receipts-')),
    SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: slack.apiUrl, ...extra,
  };
}

const localAdd = (ledgers: number) => (i: number): Post => ({ path: '/local/chat', body: JSON.stringify({ user: `u${i % ledgers}`, text: `${(i % 40) + 1}.50 lunch` }) });
const recorded = (status: number, body: string) => status === 200 && body.includes('Recorded');
const floorAdd = (ledgers: number) => (i: number): Post => ({ path: '/add', body: JSON.stringify({ user: `u${i % ledgers}` }) });
const ok = (status: number) => status === 200;

/** Warm a server up with the load, then measure the same load on it. */
async function warmThenMeasure(name: string, server: ServerProcess, dynamoPid: number | undefined, settings: LoadSettings, next: (i: number) => Post, check: (s: number, b: string) => boolean): Promise<Measured> {
  const warm = await closedLoop(server.url, settings.clients, settings.warmupSeconds, next, check);
  if (warm.failures > 0) throw new Error(`${name}: ${warm.failures} wrong answers while warming up, first: ${warm.firstFailure}`);
  let offset = warm.requests;
  const run = await measured({ server: server.pid, ...(dynamoPid ? { dynamo: dynamoPid } : {}) }, () =>
    closedLoop(server.url, settings.clients, settings.measureSeconds, (i) => next(offset + i), check));
  offset += run.result.requests;
  if (run.result.failures > 0) throw new Error(`${name}: ${run.result.failures} wrong answers, first: ${run.result.firstFailure}`);
  return { name, load: run.result, serverCpuMs: run.serverCpuMs, dynamoCpuMs: run.dynamoCpuMs, peakRssMb: run.peakRssMb };
}

export interface ThroughputResults {
  readonly service: Measured;
  readonly floor: Measured;
  readonly put: Measured;
  readonly slackOpen: LoadResult;
  readonly slackSaturated: LoadResult;
}

/**
 * Adds through the real service's HTTP server, the same-shape floor and one PutItem, each in a
 * process of its own on the same DynamoDB Local; then the Slack ack, open loop and saturated.
 */
export async function throughput(db: RunningDynamoDbLocal, shape: AddShape, settings: LoadSettings): Promise<ThroughputResults> {
  const slack = await startFakeSlack();
  const floorEnv = (mode: string) => ({ AWS_ENDPOINT_URL_DYNAMODB: db.endpoint, COST_FLOOR: mode, COST_FLOOR_SHAPE: JSON.stringify(shape), COST_FLOOR_USERS: String(settings.ledgers), COST_FLOOR_TABLE: `cost-floor-${mode}-${randomUUID().slice(0, 6)}` });
  const service = await startServerProcess(['bot/src/main.ts'], serviceEnv(db.endpoint, slack, { NODE_ENV: 'development' }), { nodeFlags: TSX_IMPORT });
  const floor = await startServerProcess(['bench/cost/floor-server.ts'], floorEnv('shape'), { nodeFlags: TSX_IMPORT });
  const put = await startServerProcess(['bench/cost/floor-server.ts'], floorEnv('put'), { nodeFlags: TSX_IMPORT });
  try {
    const serviceRun = await warmThenMeasure('service', service, db.pid, settings, localAdd(settings.ledgers), recorded);
    const floorRun = await warmThenMeasure('same-shape floor', floor, db.pid, settings, floorAdd(settings.ledgers), ok);
    const putRun = await warmThenMeasure('one PutItem', put, db.pid, settings, floorAdd(settings.ledgers), ok);
    const slackOpen = await slackAcks(service.url, slack, (next, check) => openLoop(service.url, settings.slackRate, settings.measureSeconds, next, check), settings.ledgers);
    const slackSaturated = await slackAcks(service.url, slack, (next, check) => closedLoop(service.url, settings.clients, settings.measureSeconds, next, check), settings.ledgers);
    return { service: serviceRun, floor: floorRun, put: putRun, slackOpen, slackSaturated };
  } finally {
    await Promise.all([service.stop(), floor.stop(), put.stop()]);
    await slack.close();
  }
}

/**
 * The add load again on a service of its own under --cpu-prof (so profiling slows no measured
 * figure): the profile is written into `profileDir` when it stops.
 */
export async function profileAdds(db: RunningDynamoDbLocal, settings: LoadSettings & { profileDir: string }): Promise<void> {
  const slack = await startFakeSlack();
  const profiled = await startServerProcess(['bot/src/main.ts'], serviceEnv(db.endpoint, slack, { NODE_ENV: 'development' }), {
    nodeFlags: [...TSX_IMPORT, '--cpu-prof', `--cpu-prof-dir=${settings.profileDir}`],
  });
  try {
    await warmThenMeasure('profiled service', profiled, undefined, settings, localAdd(settings.ledgers), recorded);
  } finally {
    await profiled.stop();
    await slack.close();
  }
}

let slackRun = 0;

/** Signed /spend adds under `drive`; the ack is the HTTP answer. Waits until every add has been answered on its response_url. */
async function slackAcks(url: string, slack: FakeSlack, drive: (next: (i: number) => Post, check: (s: number) => boolean) => Promise<LoadResult>, people: number): Promise<LoadResult> {
  const prefix = `cost-${(slackRun += 1)}-`;
  const mark = slack.mark();
  const result = await drive((i) => {
    const body = slashCommandForm({ user: `UC${i % people}`, text: `${(i % 40) + 1}.50 lunch`, responseUrl: slack.responseUrl(`${prefix}${i}`) });
    return { path: '/slack/events', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders(SLACK_SECRET, body) } };
  }, ok);
  const answered = () => slack.since(mark).filter((c) => c.path.startsWith(`/response/${prefix}`)).length;
  // Acks come first and the adds queue behind them: at saturation the queue takes a while to drain.
  const deadline = Date.now() + 120_000 + 5_000 * result.seconds;
  while (answered() < result.requests && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (answered() < result.requests) throw new Error(`slack: ${result.requests - answered()} adds never answered on their response_url`);
  return result;
}

export interface ProductionPath {
  readonly node: string;
  readonly msToHealthy: number;
  readonly idleRssMb: number;
  readonly loadedRssMb: number;
  readonly adds: number;
}

/**
 * What the image runs: `npm run build`, then `node dist/main.js` with NODE_ENV=production (its table
 * made first, as the infrastructure would), its start to /healthz timed (DynamoDB Local already up),
 * its memory idle and under Slack adds at saturation (production has no local chat).
 */
export async function productionPath(db: RunningDynamoDbLocal, settings: LoadSettings): Promise<ProductionPath> {
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
  const slack = await startFakeSlack();
  const env = serviceEnv(db.endpoint, slack, { NODE_ENV: 'production', AWS_REGION: db.connection.region });
  const table = createDynamoTable(env.SPENDWISE_TABLE!, db.connection);
  await ensureTable(table);
  table.doc.destroy();
  const server = await startServerProcess(['dist/main.js'], env);
  try {
    await new Promise((r) => setTimeout(r, 2_000));
    const idleRssMb = rssMbOf(server.pid);
    const run = await measured({ server: server.pid }, () =>
      slackAcks(server.url, slack, (next, check) => closedLoop(server.url, settings.clients, settings.measureSeconds, next, check), settings.ledgers));
    return { node: process.version, msToHealthy: server.msToHealthy, idleRssMb, loadedRssMb: run.peakRssMb, adds: run.result.requests };
  } finally {
    await server.stop();
    await slack.close();
  }
}

export const p = percentile;
