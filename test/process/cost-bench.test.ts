import { spawn } from 'node:child_process';
import { ROOT } from '../support/service-process';

/** The cost bench end to end on a tiny load, so it cannot rot: it prints its tables with numbers. Speeds are not asserted. */
test('the cost bench runs end to end and prints every table with figures', async () => {
  const tiny = {
    BENCH_COST_WARMUP_S: '1', BENCH_COST_MEASURE_S: '1', BENCH_COST_CLIENTS: '4', BENCH_COST_LEDGERS: '5', BENCH_COST_SLACK_RATE: '5', BENCH_COST_ROUNDS: '2',
    BENCH_COST_SMALL_LEDGER: '5', BENCH_COST_BIG_LEDGER: '15', BENCH_COST_HOT_ADDS: '10',
  };
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('SPENDWISE_') && !k.startsWith('BENCH_')));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/cost/run.ts'], { cwd: ROOT, env: { ...clean, ...tiny }, stdio: 'pipe' });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`the cost bench exited with ${code}:\n${out}\n${err}`);

  const figure = (name: string) => {
    const row = out.split('\n').find((l) => l.trimStart().startsWith(name));
    if (!row) throw new Error(`no "${name}" row in:\n${out}`);
    return row.slice(row.indexOf(name) + name.length);
  };
  const number = /\d+(\.\d+)?/;
  for (const name of ['add: write units, the ledger\'s transaction', 'add: write units, its indexes', 'add: write units, all', 'add: read units', 'add: rate-limit counters', 'month report, 5 expenses: read units', 'month report, 15 expenses: read units',
    'service: adds/s', 'service: server CPU per add', 'service: DynamoDB Local CPU per add', 'same-shape floor: adds/s', 'same-shape floor: server CPU per add',
    'one PutItem: adds/s', 'throughput service / floor', 'CPU per add service / floor', 'ack p99, open loop 5/s', 'ack p99, saturated (4 back to back)',
    'time to finish, one service instance', 'transactions per add, 2 service instances on one table', 'start to /healthz', 'RSS idle', 'RSS under load']) {
    expect(figure(name)).toMatch(number);
  }
  // The budget is printed beside its figure (met: the layout decides it, not the machine's speed),
  // and the hot ledger's result is checked, not just timed.
  expect(figure('add: write units, the ledger\'s transaction')).toMatch(/≤ 10 ✓/);
  expect(figure('month report, 15 expenses: read units')).toMatch(/≤ 5 [✓✗]/);
  expect(figure('result, one service instance')).toMatch(/^\s+exact/);
  expect(figure('result, 2 service instances on one table')).toMatch(/^\s+exact/);
  expect(out).toContain('What one add sends');
  expect(out).toMatch(/TransactWriteItems of \d+ items/);
}, 300_000);
