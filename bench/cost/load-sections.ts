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
import { closedLoop, LoadResult, measured, openLoop, Post, rssMbOf } from './load';
import { ROOT, ServerProcess, startServerProcess, TSX_IMPORT } from './server-process';
import { TRY_AGAIN } from '../../bot/src/core/conversation/handle-message';

/** How long and how hard the load runs: the defaults are the bench's, the smoke test makes them tiny. */
export interface LoadSettings {
  readonly warmupSeconds: number;
  readonly measureSeconds: number;
  /** The measured seconds are split into this many turns per server, taken in rotation. */
  readonly rounds: number;
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

/** One server under the load: what it answers, how to ask it, and what it has been measured at so far. */
interface Contender {
  readonly name: string;
  readonly server: ServerProcess;
  readonly next: (i: number) => Post;
  readonly check: (s: number, b: string) => boolean;
  sent: number;
  slices: { result: LoadResult; serverCpuMs: number; dynamoCpuMs: number; peakRssMb: number }[];
}

/** Runs the load on one contender for `seconds`, measured or not; wrong answers stop the bench. */
async function slice(c: Contender, settings: LoadSettings, seconds: number, dynamoPid: number | undefined, measure: boolean): Promise<void> {
  const offset = c.sent;
  const drive = () => closedLoop(c.server.url, settings.clients, seconds, (i) => c.next(offset + i), c.check);
  const run = measure ? await measured({ server: c.server.pid, ...(dynamoPid ? { dynamo: dynamoPid } : {}) }, drive) : { result: await drive(), serverCpuMs: 0, dynamoCpuMs: 0, peakRssMb: 0 };
  c.sent += run.result.requests;
  if (run.result.failures > 0) throw new Error(`${c.name}: ${run.result.failures} wrong answers, first: ${run.result.firstFailure}`);
  if (measure) c.slices.push(run);
}

/**
 * Warms every contender up, then measures them in turns, `rounds` slices each: on a shared machine
 * the other work drifts over minutes, and taking turns spreads that drift over all of them alike.
 */
async function warmThenMeasure(contenders: Contender[], dynamoPid: number | undefined, settings: LoadSettings): Promise<Measured[]> {
  for (const c of contenders) await slice(c, settings, settings.warmupSeconds, dynamoPid, false);
  const rounds = Math.max(1, settings.rounds);
  for (let r = 0; r < rounds; r += 1) {
    for (const c of contenders) await slice(c, settings, settings.measureSeconds / rounds, dynamoPid, true);
  }
  return contenders.map((c) => ({
    name: c.name,
    load: {
      requests: c.slices.reduce((n, s) => n + s.result.requests, 0),
      seconds: c.slices.reduce((n, s) => n + s.result.seconds, 0),
      latenciesMs: c.slices.flatMap((s) => s.result.latenciesMs),
      failures: 0,
    },
    serverCpuMs: c.slices.reduce((n, s) => n + s.serverCpuMs, 0),
    dynamoCpuMs: c.slices.reduce((n, s) => n + s.dynamoCpuMs, 0),
    peakRssMb: Math.max(...c.slices.map((s) => s.peakRssMb)),
  }));
}

const contender = (name: string, server: ServerProcess, next: (i: number) => Post, check: (s: number, b: string) => boolean): Contender => ({ name, server, next, check, sent: 0, slices: [] });

export interface ThroughputResults {
  readonly service: Measured;
  readonly floor: Measured;
  readonly put: Measured;
  readonly slackOpen: LoadResult & { readonly refused: number };
  readonly slackSaturated: LoadResult & { readonly refused: number };
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
    const [serviceRun, floorRun, putRun] = (await warmThenMeasure([
      contender('service', service, localAdd(settings.ledgers), recorded),
      contender('same-shape floor', floor, floorAdd(settings.ledgers), ok),
      contender('one PutItem', put, floorAdd(settings.ledgers), ok),
    ], db.pid, settings)) as [Measured, Measured, Measured];
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
    await warmThenMeasure([contender('profiled service', profiled, localAdd(settings.ledgers), recorded)], undefined, settings);
  } finally {
    await profiled.stop();
    await slack.close();
  }
}

let slackRun = 0;

/** A /spend command the service answered "busy" in its ack (more work behind its acks than it takes on): nothing to answer later. */
const BUSY_ACK = TRY_AGAIN['service.busy'];

/**
 * Signed /spend adds under `drive`; the ack is the HTTP answer. Waits until every add taken has been
 * answered on its response_url; `refused` counts those answered "busy" in the ack instead.
 */
async function slackAcks(url: string, slack: FakeSlack, drive: (next: (i: number) => Post, check: (s: number, body: string) => boolean) => Promise<LoadResult>, people: number): Promise<LoadResult & { refused: number }> {
  const prefix = `cost-${(slackRun += 1)}-`;
  const mark = slack.mark();
  let refused = 0;
  const result = await drive((i) => {
    const body = slashCommandForm({ user: `UC${i % people}`, text: `${(i % 40) + 1}.50 lunch`, responseUrl: slack.responseUrl(`${prefix}${i}`) });
    return { path: '/slack/events', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders(SLACK_SECRET, body) } };
  }, (status, body) => {
    if (status === 200 && body.includes(BUSY_ACK)) refused += 1;
    return ok(status);
  });
  const answered = () => slack.since(mark).filter((c) => c.path.startsWith(`/response/${prefix}`)).length;
  // Acks come first and the adds queue behind them: at saturation the queue takes a while to drain.
  const deadline = Date.now() + 120_000 + 5_000 * result.seconds;
  while (answered() < result.requests - refused && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (answered() < result.requests - refused) throw new Error(`slack: ${result.requests - refused - answered()} adds taken were never answered on their response_url`);
  return { ...result, refused };
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
  // The image's build, into a folder of the bench's own (inside the checkout, so the bundle finds
  // node_modules): a test building dist/ at the same moment never runs a half-written file.
  const outdir = '.spendwise/bench-dist';
  const build = spawnSync('npm', ['run', 'build', '--', `--outdir=${outdir}`], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
  const slack = await startFakeSlack();
  const env = serviceEnv(db.endpoint, slack, { NODE_ENV: 'production', AWS_REGION: db.connection.region });
  const table = createDynamoTable(env.SPENDWISE_TABLE!, db.connection);
  await ensureTable(table);
  table.doc.destroy();
  const server = await startServerProcess([`${outdir}/main.js`], env);
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

