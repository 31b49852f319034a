/**
 * npm run bench: figures against one in-memory DynamoDB Local.
 *  0. the cost of an add side by side (bench/cost/run.ts: capacity units, CPU, the same-shape floor);
 *  1. adds per second through the core, against a floor of one plain PutItem per add;
 *  2. the month report's latency and DynamoDB reads (text and insights; with its chart) and search,
 *     for ledgers of 100 and of 100,000 expenses;
 *  3. export all of 1,000 and of 100,000 expenses: time, zip size, peak memory while exporting;
 *  4. chart drawing, in fresh processes: where the first chart's memory and time go; the first chart
 *     apart from warm ones (p50/p95), peak memory and its growth over 200 charts, and how long the
 *     main thread is held up, in the service's worker thread and on the main thread;
 *  then the chat benches, the operator's walks, the scheduler over 10,000 due items, receipts, and
 *  chat accuracy per locale.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { handleMessage } from '../bot/src/core/conversation/handle-message';
import { CoreDeps } from '../bot/src/core/core-deps';
import { createOutbound } from '../bot/src/channels/outbound';
import { inbound, textOf } from '../test/support/chat';
import { systemClock } from '../bot/src/core/ports/clock.port';
import { addDays, dateInZone } from '../bot/src/core/calendar/local-date';
import { LedgerId } from '../bot/src/core/ledger/ledger-id';
import { seedLedger } from '../test/support/seed-ledger';
import { coreOnTable } from '../bot/src/composition';
import { createWorkerChartRenderer } from '../bot/src/charts/worker-chart-renderer';
import { startDynamoDbLocal } from '../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable, DynamoTable } from '../bot/src/storage/dynamodb/dynamodb-tables';
import { ensureTable } from '../bot/src/storage/dynamodb/ensure-table';
import { benchTelegramWebhook } from './telegram-webhook';
import { benchSlackCommands } from './slack-commands';
import { benchMaintenance } from './maintenance';
import { benchScheduler } from './scheduler';
import { benchReceipts } from './receipts';
import { benchChatAccuracy } from './chat-accuracy';
import { benchCharts } from './charts';
import { percentile } from './percentile';
import { benchExportAll } from './export-all';
import { benchCost } from './cost/run';

const ADDS = Number(process.env.BENCH_ADDS ?? 400);
const CONCURRENCY = 8;
const REPORT_RUNS = 30;
const CHAT_MESSAGES = Number(process.env.BENCH_CHAT_MESSAGES ?? 400);
const OPS_EVENTS = Number(process.env.BENCH_OPS_EVENTS ?? 100_000);
const BIG_LEDGER = Number(process.env.BENCH_BIG_LEDGER ?? 100_000);
const DUE_ITEMS = Number(process.env.BENCH_DUE_ITEMS ?? 10_000);

interface RequestCounter { requests: number; items: number; writes: number; writtenItems: number; reset(): void }

/** Counts what DynamoDB is asked: read requests and the items they return, write requests and their items. */
function countRequests(table: DynamoTable): RequestCounter {
  const counter: RequestCounter = {
    requests: 0, items: 0, writes: 0, writtenItems: 0,
    reset() { this.requests = 0; this.items = 0; this.writes = 0; this.writtenItems = 0; },
  };
  table.doc.middlewareStack.remove('benchRequestCounter');
  table.doc.middlewareStack.add((next, context) => async (args) => {
    const result = await next(args);
    const command = context.commandName ?? '';
    if (/^(Get|BatchGet|Query|Scan|TransactGet)/.test(command)) {
      counter.requests += 1;
      const out = result.output as { Items?: unknown[]; Item?: unknown; Responses?: Record<string, unknown[]> };
      counter.items += out.Items?.length ?? (out.Item ? 1 : 0) + Object.values(out.Responses ?? {}).reduce((n, r) => n + r.length, 0);
    } else if (/^(Put|Update|Delete|BatchWrite|TransactWrite)/.test(command)) {
      counter.writes += 1;
      const input = args.input as { TransactItems?: unknown[] };
      counter.writtenItems += input.TransactItems?.length ?? 1;
    }
    return result;
  }, { step: 'initialize', name: 'benchRequestCounter' });
  return counter;
}

/** One chart worker for every core the bench makes, as the service has one. */
const charts = createWorkerChartRenderer();

function coreOn(table: DynamoTable): CoreDeps {
  return coreOnTable(table, systemClock, { error: (details, message) => console.error(message, details) }, createOutbound({}), charts);
}

/** What `user` says in their private chat, as an adapter would hand it to the core. */
async function say(core: CoreDeps, user: string, text: string, key?: string): Promise<string> {
  const replies = await handleMessage(inbound(user, { kind: 'text', text }, key ? { key } : {}), core);
  return textOf(replies);
}

/** The ledger id the directory gave `user`'s private chat. */
async function personalLedger(core: CoreDeps, user: string): Promise<LedgerId> {
  const found = await core.directory.find(`person:local:${user}`, `local:${user}`);
  if (!found.ledger) throw new Error(`no ledger for ${user}`);
  return found.ledger.id;
}

async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await work(next++);
  }));
  return Number(process.hrtime.bigint() - started) / 1e9;
}


async function benchAdds(table: DynamoTable): Promise<void> {
  const core = coreOn(table);
  // The floor: the least any add could cost, one unconditional PutItem of an expense-sized item.
  const floorSeconds = await inParallel(ADDS, CONCURRENCY, async (i) => {
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { pk: `FLOOR#${i % CONCURRENCY}`, sk: `E#${i}`, amount: 1250, currency: 'USD', category: 'food', description: 'lunch', date: '2026-11-22' } }));
  });
  // Through the core: resolve the ledger, parse, read the head, decide, one TransactWriteItems with every
  // read model. Spread over as many ledgers as workers. The ledgers are opened before counting.
  for (let w = 0; w < CONCURRENCY; w += 1) await say(core, `adds-${w}`, 'help');
  const requests = countRequests(table);
  const coreSeconds = await inParallel(ADDS, CONCURRENCY, async (i) => {
    const reply = await say(core, `adds-${i % CONCURRENCY}`, `${(i % 50) + 1}.50 lunch #food`, `add-${i}`);
    if (!reply.startsWith('✅')) throw new Error(`add failed: ${reply}`);
  });
  const floorRate = ADDS / floorSeconds;
  const coreRate = ADDS / coreSeconds;
  console.log(`\nAdds (${ADDS} over ${CONCURRENCY} ledgers, ${CONCURRENCY} at a time)`);
  console.log(`  plain PutItem floor      ${floorRate.toFixed(0).padStart(6)} /s`);
  console.log(`  through the core         ${coreRate.toFixed(0).padStart(6)} /s`);
  console.log(`  ratio core / floor       ${(coreRate / floorRate).toFixed(2).padStart(6)}`);
  console.log(`  DynamoDB per add: ${(requests.requests / ADDS).toFixed(2)} reads, ${(requests.writes / ADDS).toFixed(2)} transactions of ${(requests.writtenItems / requests.writes).toFixed(1)} items`);
}

async function benchReport(table: DynamoTable, expenses: number): Promise<void> {
  const reads = countRequests(table);
  const core = coreOn(table);
  const user = `report-${expenses}`;
  const seedStarted = Date.now();
  await say(core, user, 'help');
  const ledger = await personalLedger(core, user);
  if (expenses <= 1000) {
    for (let i = 0; i < expenses; i += 1) {
      await say(core, user, `${(i % 40) + 1}.25 item${i % 30} #cat${i % 8} ${addDays(dateInZone(new Date(), 'UTC'), -(i % 60))}`);
    }
  } else {
    await seedLedger(table, ledger, expenses, dateInZone(new Date(), 'UTC'), { concurrency: CONCURRENCY });
  }
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const { charts: _charts, ...textOnly } = core;
  const timedRuns = async (deps: CoreDeps, text: string, expected: string) => {
    const latencies: number[] = [];
    let lastReads = { requests: 0, items: 0 };
    for (let run = 0; run < REPORT_RUNS; run += 1) {
      reads.reset();
      const started = process.hrtime.bigint();
      const reply = await say(deps, user, text);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (!reply.includes(expected)) throw new Error(`${text} failed: ${reply}`);
      lastReads = { requests: reads.requests, items: reads.items };
    }
    return `latency p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms; DynamoDB reads ${lastReads.requests} requests, ${lastReads.items} items`;
  };
  console.log(`\nMonth report, ledger of ${expenses.toLocaleString('en-US')} expenses (seeded in ${seedSeconds.toFixed(1)} s, ${REPORT_RUNS} runs)`);
  console.log(`  text and insights  ${await timedRuns(textOnly, 'report month', 'Spending in')}`);
  console.log(`  with its chart     ${await timedRuns(core, 'report month', 'Spending in')}`);
  // Search through the word index: one word in 1 expense of 500; one word in every expense (counted up to its cap).
  console.log(`  search "item 7"    ${await timedRuns(textOnly, 'search item 7', 'match')}`);
  console.log(`  search "item"      ${await timedRuns(textOnly, 'search item', 'match')}`);
}

async function main(): Promise<void> {
  console.log(`Spendwise bench — node ${process.version}, DynamoDB Local in memory`);
  const db = await startDynamoDbLocal();
  const table = createDynamoTable('bench', db.connection);
  try {
    await ensureTable(table);
    await benchCost(db);
    await benchAdds(table);
    await benchReport(table, 100);
    await benchReport(table, BIG_LEDGER);
    await charts.close(); // its memory would count in the figures below
    await benchExportAll(db.endpoint, [1_000, BIG_LEDGER]);
    await benchCharts();
    await benchTelegramWebhook(db.endpoint, CHAT_MESSAGES, CONCURRENCY);
    await benchSlackCommands(db.endpoint, CHAT_MESSAGES, CONCURRENCY);
    await benchMaintenance(db.endpoint, OPS_EVENTS);
    await benchScheduler(db.endpoint, DUE_ITEMS);
    await benchReceipts();
    await benchChatAccuracy();
  } finally {
    table.doc.destroy();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
