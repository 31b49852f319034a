/**
 * The cost of an add, side by side (issue 15): `npx tsx bench/cost/run.ts` or `npm run bench:cost`,
 * and a section of `npm run bench`. On one DynamoDB Local:
 *  1. what an add and a month report send to DynamoDB and would bill on AWS on-demand, counted on the wire;
 *  2. adds/s, latency and CPU per add: the real service over HTTP, a bare server making the same
 *     DynamoDB calls (same counts and sizes, captured from the service), one PutItem; each warmed up;
 *  3. the Slack slash-command ack, open loop and at saturation;
 *  4. a hot ledger: concurrent adds to one group ledger, from one and from two service instances;
 *  5. the production bundle: start-up to /healthz and memory.
 * Durations and sizes come from BENCH_COST_* variables (see README, "The cost bench").
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WRITE_LIMITS } from '../../bot/src/core/limits/write-limits';
import { RunningDynamoDbLocal, startDynamoDbLocal } from '../../bot/src/storage/dynamodb/dynamodb-local';
import { describeShape } from './add-shape';
import { CostTotal } from './capacity';
import { countAdds, countedService, countReport, hotLedger } from './counting-runs';
import { summariseProfile } from './cpu-profile';
import { percentile } from './load';
import { LoadSettings, Measured, productionPath, profileAdds, throughput } from './load-sections';
import { fixed, goal, printTable, Row } from './table';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export function settingsFromEnv(): LoadSettings & { smallLedger: number; bigLedger: number; hotAdds: number } {
  const profile = process.env.BENCH_COST_PROFILE;
  return {
    warmupSeconds: env('BENCH_COST_WARMUP_S', 30),
    measureSeconds: env('BENCH_COST_MEASURE_S', 20),
    rounds: env('BENCH_COST_ROUNDS', 4),
    clients: env('BENCH_COST_CLIENTS', 16),
    ledgers: env('BENCH_COST_LEDGERS', 50),
    slackRate: env('BENCH_COST_SLACK_RATE', 20),
    smallLedger: env('BENCH_COST_SMALL_LEDGER', 100),
    bigLedger: env('BENCH_COST_BIG_LEDGER', 2000),
    hotAdds: env('BENCH_COST_HOT_ADDS', 50),
    ...(profile ? { profileDir: profile === '1' ? mkdtempSync(join(tmpdir(), 'cost-profile-')) : profile } : {}),
  };
}

const WRITE_BUDGET = 10;
const READ_BUDGET = 5;

/** The whole cost bench on a running DynamoDB Local. */
export async function benchCost(db: RunningDynamoDbLocal, settings = settingsFromEnv()): Promise<void> {
  console.log(`\nThe cost of an add (issue 15) — node ${process.version}; ${settings.clients} clients over ${settings.ledgers} ledgers, ${settings.warmupSeconds} s warm-up and ${settings.measureSeconds} s measured per server, in ${settings.rounds} turns`);

  // 1. Counting runs, in this process (not timed).
  const counted = await countedService(db.connection);
  const add = await countAdds(counted);
  const small = await countReport(counted, settings.smallLedger);
  const big = await countReport(counted, settings.bigLedger);
  await counted.close();
  const limited = await countedService(db.connection, { RATE_LIMIT_PER_MINUTE: String(DEFAULT_WRITE_LIMITS.perMinute), RATE_LIMIT_PER_DAY: String(DEFAULT_WRITE_LIMITS.perDay) });
  const withLimits = (await countAdds(limited)).perAdd;
  await limited.close();
  printCapacity(add.perAdd, withLimits, small, big, settings);
  console.log('\n  What one add sends (the same-shape floor replays it):');
  for (const line of describeShape(add.shape)) console.log(`    ${line}`);

  // 2-3. Load, each server in a process of its own.
  const load = await throughput(db, add.shape, settings);
  printThroughput(load.service, load.floor, load.put);
  const ack = (r: typeof load.slackOpen) => percentile(r.latenciesMs, 0.99);
  printTable(`Slack /spend acks (signed slash commands through the real server; every add then answered on its response_url)`, [
    { figure: `ack p99, open loop ${settings.slackRate}/s`, value: `${fixed(ack(load.slackOpen))} ms`, goal: goal('< 100 ms', ack(load.slackOpen) < 100), meaning: `${load.slackOpen.requests} commands sent at a fixed rate whatever the answers (latency from when each was due); p50 ${fixed(percentile(load.slackOpen.latenciesMs, 0.5))} ms` },
    { figure: `ack p99, saturated (${settings.clients} back to back)`, value: `${fixed(ack(load.slackSaturated))} ms`, goal: goal('< 1000 ms', ack(load.slackSaturated) < 1000), meaning: `${load.slackSaturated.requests} commands, ${fixed(load.slackSaturated.requests / load.slackSaturated.seconds, 0)}/s acked, ${load.slackSaturated.refused} of them answered "busy" (more work behind the acks than a task takes on); p50 ${fixed(percentile(load.slackSaturated.latenciesMs, 0.5))} ms` },
  ]);

  // 4. Hot ledger.
  const hot = [await hotLedger(db.connection, 1, settings.hotAdds), await hotLedger(db.connection, 2, settings.hotAdds)];
  printTable(`Hot ledger: ${settings.hotAdds} adds at once to ONE group ledger (10 members), through /local/chat`, hot.flatMap((h) => {
    const correct = h.errors === 0 && h.expensesFound === h.adds && h.totalFound === h.totalExpected && h.expensesTotal === h.totalExpected;
    const who = h.processes === 1 ? 'one service instance' : `${h.processes} service instances on one table`;
    return [
      { figure: `time to finish, ${who}`, value: `${fixed(h.seconds * 1000, 0)} ms`, meaning: 'from the first request sent to the last answer' },
      { figure: `transactions per add, ${who}`, value: fixed(h.transactionsPerAdd, 2), goal: 'low (1 = no retry)', meaning: `TransactWriteItems sent per add; ${fixed(h.conflictsPerAdd, 2)} per add cancelled by a conflict and retried after a re-read` },
      { figure: `result, ${who}`, value: correct ? 'exact' : 'WRONG', goal: goal('exact', correct), meaning: `${h.expensesFound}/${h.adds} expenses, totals ${h.totalFound} and expenses ${h.expensesTotal} of ${h.totalExpected} minor units, ${h.errors} errors` },
    ];
  }));

  // 5. The production bundle.
  const prod = await productionPath(db, settings);
  printTable(`Production path: npm run build, then node dist/main.js (NODE_ENV=production, node ${prod.node})`, [
    { figure: 'start to /healthz', value: `${fixed(prod.msToHealthy, 0)} ms`, goal: goal('≤ 1500 ms', prod.msToHealthy <= 1500), meaning: 'from spawning node to the first 200 (DynamoDB Local already running, table made)' },
    { figure: 'RSS idle', value: `${fixed(prod.idleRssMb, 0)} MB`, goal: goal('≤ 150 MB', prod.idleRssMb <= 150), meaning: 'resident memory 2 s after it is healthy' },
    { figure: 'RSS under load', value: `${fixed(prod.loadedRssMb, 0)} MB`, goal: goal('≤ 300 MB', prod.loadedRssMb <= 300), meaning: `peak while ${settings.clients} clients sent ${prod.adds} Slack /spend adds back to back` },
  ]);

  if (settings.profileDir) {
    await profileAdds(db, { ...settings, profileDir: settings.profileDir });
    const summary = summariseProfile(settings.profileDir);
    if (summary) {
      console.log(`\nService CPU profile (a service of its own under --cpu-prof, the same add load through /local/chat; ${fixed(summary.seconds, 1)} s of busy samples; ${summary.file})`);
      console.log('  self time by function:');
      for (const f of summary.functions) console.log(`    ${fixed(f.percent).padStart(5)}%  ${f.name}`);
      console.log('  self time by package:');
      for (const f of summary.packages) console.log(`    ${fixed(f.percent).padStart(5)}%  ${f.name}`);
    }
  }
}

function printCapacity(perAdd: CostTotal, withLimits: CostTotal, small: CostTotal, big: CostTotal, settings: { smallLedger: number; bigLedger: number }): void {
  const rows: Row[] = [
    { figure: 'add: DynamoDB requests', value: `${fixed(perAdd.requests)} (${fixed(perAdd.reads)} read, ${fixed(perAdd.writes)} write)`, meaning: 'round trips of a plain quick add in a personal ledger (rate limits off)' },
    { figure: 'add: write units, the ledger\'s transaction', value: fixed(perAdd.transactionWrite), goal: goal(`≤ ${WRITE_BUDGET}`, perAdd.transactionWrite <= WRITE_BUDGET), meaning: '1 per KB of each item (the larger of before and after), ×2 in a transaction, and the local index entry it adds (1 per KB)' },
    { figure: 'add: write units, its indexes', value: fixed(perAdd.tableWrite + perAdd.indexWrite - perAdd.transactionWrite), meaning: 'beside: the day, description, by-amount, search and memory entries written right after the transaction, and their mark (1 per KB each)' },
    { figure: 'add: write units, all', value: fixed(perAdd.tableWrite + perAdd.indexWrite), meaning: 'everything an add bills for writes (rate limits off)' },
    { figure: 'add: read units', value: fixed(perAdd.tableRead), meaning: '1 per 4 KB per item read (strongly consistent), a Query rounds its total once' },
    { figure: 'add: rate-limit counters', value: `${fixed(withLimits.writes - perAdd.writes)} writes, ${fixed(withLimits.tableWrite - perAdd.tableWrite)} units`, meaning: 'beside, not inside the budget: what the default write limits add per add' },
    { figure: 'add: DynamoDB Local says', value: `${fixed(perAdd.localSaid)} units`, meaning: 'ReturnConsumedCapacity from the emulator, for comparison: it does not bill as AWS does' },
    ...[[settings.smallLedger, small], [settings.bigLedger, big]].map(([n, c]) => {
      const cost = c as CostTotal;
      return { figure: `month report, ${(n as number).toLocaleString('en-US')} expenses: read units`, value: fixed(cost.tableRead), goal: goal(`≤ ${READ_BUDGET}`, cost.tableRead <= READ_BUDGET), meaning: `text, insights and chart; ${cost.requests} requests; Local says ${fixed(cost.localSaid)}` };
    }),
  ];
  printTable('DynamoDB capacity, billed as AWS on-demand would (computed from the requests actually sent)', rows);
}

function printThroughput(service: Measured, floor: Measured, put: Measured): void {
  const rate = (m: Measured) => m.load.requests / m.load.seconds;
  const per = (ms: number, m: Measured) => ms / m.load.requests;
  const line = (m: Measured, meaning: string): Row[] => [
    { figure: `${m.name}: adds/s`, value: fixed(rate(m), 0), meaning },
    { figure: `${m.name}: latency p50 / p99`, value: `${fixed(percentile(m.load.latenciesMs, 0.5))} / ${fixed(percentile(m.load.latenciesMs, 0.99))} ms`, meaning: 'client-side, per request' },
    { figure: `${m.name}: server CPU per add`, value: `${fixed(per(m.serverCpuMs, m), 2)} ms`, meaning: 'user+system CPU of the server process (/proc/<pid>/stat) over the measured run, per add' },
    { figure: `${m.name}: DynamoDB Local CPU per add`, value: `${fixed(per(m.dynamoCpuMs, m), 2)} ms`, meaning: 'the emulator\'s JVM CPU per add: how hard the requests are for the database' },
  ];
  const throughputRatio = rate(service) / rate(floor);
  const cpuRatio = per(service.serverCpuMs, service) / per(floor.serverCpuMs, floor);
  printTable('Adds under load (each server in its own process, warmed up, measured in turns, on the same DynamoDB Local)', [
    ...line(service, 'the real service: POST /local/chat, parsed, decided, written (rate limits off)'),
    ...line(floor, 'a bare node:http server making the same DynamoDB calls as the add (counts and sizes), nothing else'),
    ...line(put, 'a bare server making one PutItem per request'),
    { figure: 'throughput service / floor', value: fixed(throughputRatio, 2), goal: goal('≥ 0.8', throughputRatio >= 0.8), meaning: 'how close the service comes to its storage\'s own speed' },
    { figure: 'CPU per add service / floor', value: `${fixed(cpuRatio, 2)}×`, goal: goal('≤ 1.5×', cpuRatio <= 1.5), meaning: 'what our code costs on top of the same DynamoDB calls' },
  ]);
}

if (require.main === module) {
  (async () => {
    const db = await startDynamoDbLocal();
    try {
      await benchCost(db);
    } finally {
      await db.stop();
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
