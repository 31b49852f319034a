import { randomUUID } from 'node:crypto';
import { startTestServer, TestServer } from '../../test/support/test-server';
import { addDays, dateInZone } from '../../bot/src/core/calendar/local-date';
import { LocalDynamoConnection } from '../../bot/src/storage/dynamodb/dynamodb-local';
import { CostTotal, TableShape, totalCost } from './capacity';
import { capacityInspector } from './capacity-inspector';
import { AddShape, shapeOf } from './add-shape';
import { post } from './load';
import { recordWire, WireCall } from './wire-recorder';
import { SNAPSHOT_EVERY } from '../../bot/src/storage/dynamodb/ledger-head';

/**
 * Counting runs: the real service (composition and HTTP, as the tests start it) in this process, its
 * DynamoDB client's every request recorded on the wire and billed as AWS would. Nothing here is timed.
 */

const CATEGORIES = ['food', 'transport', 'groceries', 'housing', 'fun', 'health', 'travel', 'other'];

export interface CountedService {
  readonly server: TestServer;
  say(user: string, text: string): Promise<string>;
  /** Records what `work` sends and bills it, with the inspector's extra reads. */
  count(work: () => Promise<unknown>): Promise<{ calls: WireCall[]; total: CostTotal }>;
  close(): Promise<void>;
}

/** The service on `connection`, limits as given (off by default), table `tableName` (fresh by default). */
export async function countedService(connection: LocalDynamoConnection, env: Record<string, string> = {}): Promise<CountedService> {
  // startTestServer reaches the run's DynamoDB Local through this variable, as jest's global setup sets it.
  process.env.SPENDWISE_TEST_DYNAMODB = connection.endpoint;
  const server = await startTestServer({ SCHEDULER: 'off', ...env });
  const inspector = capacityInspector(connection);
  const shape: TableShape = await inspector.shapeOf(server.services.table.tableName);
  return {
    server,
    async say(user, text) {
      const res = await post(server.url, { path: '/local/chat', body: JSON.stringify({ user, text }) });
      if (res.status !== 200) throw new Error(`local chat answered ${res.status}: ${res.body}`);
      return (JSON.parse(res.body) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
    },
    async count(work) {
      const recorder = recordWire(server.services.table.doc, inspector.inspect);
      recorder.askConsumedCapacity = true;
      try {
        await work();
        return { calls: recorder.calls, total: totalCost(shape, recorder.calls) };
      } finally {
        recorder.remove();
      }
    },
    async close() {
      inspector.close();
      await server.close();
    },
  };
}

/** A whole round of state snapshots (one every SNAPSHOT_EVERY versions), so the average carries its share. */
const ADDS_COUNTED = SNAPSHOT_EVERY;
const LINES_PER_MESSAGE = 5;

export interface AddCount {
  /** Per add, averaged over several plain quick adds in an existing personal ledger. */
  readonly perAdd: CostTotal;
  readonly shape: AddShape;
  readonly calls: WireCall[];
}

/** A plain quick add in a personal ledger that already has a few expenses: what it sends and bills. */
export async function countAdds(service: CountedService): Promise<AddCount> {
  const user = `cost-add-${randomUUID().slice(0, 6)}`;
  for (let i = 0; i < 3; i += 1) await service.say(user, `${i + 3} coffee`);
  const runs: { calls: WireCall[]; total: CostTotal }[] = [];
  for (let i = 0; i < ADDS_COUNTED; i += 1) {
    runs.push(await service.count(async () => {
      const reply = await service.say(user, `${12 + i}.50 lunch`);
      if (!reply.startsWith('✅')) throw new Error(`add failed: ${reply}`);
    }));
  }
  const last = runs.at(-1)!.calls;
  return { perAdd: averageOf(runs.map((r) => r.total)), shape: shapeOf(last), calls: last };
}

/** The mean of several counts, figure by figure. */
export function averageOf(totals: readonly CostTotal[]): CostTotal {
  const sum = (k: keyof CostTotal) => totals.reduce((n, t) => n + t[k], 0) / totals.length;
  return { requests: sum('requests'), reads: sum('reads'), writes: sum('writes'), failed: sum('failed'), tableWrite: sum('tableWrite'), indexWrite: sum('indexWrite'), transactionWrite: sum('transactionWrite'), tableRead: sum('tableRead'), localSaid: sum('localSaid') };
}

/** Writes `expenses` expenses into `user`'s personal ledger, several lines a message, over the last year (the bot asks about older dates), in ≤ 10 categories. */
export async function seedHistory(service: CountedService, user: string, expenses: number): Promise<void> {
  const today = dateInZone(new Date(), 'UTC');
  const lines = Array.from({ length: expenses }, (_, k) => `${(k % 40) + 1}.25 item${k % 30} #${CATEGORIES[k % CATEGORIES.length]} ${addDays(today, -(k % 360))}`);
  // Five lines a message: a message of 20 (the most the bot takes) with distinct days and categories
  // makes one transaction of more than 100 items, which DynamoDB refuses (reported; not the bench's to fix).
  const messages: string[] = [];
  for (const line of lines) {
    const last = messages.at(-1);
    if (last !== undefined && last.split('\n').length < LINES_PER_MESSAGE && last.length + line.length + 1 <= 500) messages[messages.length - 1] = `${last}\n${line}`;
    else messages.push(line);
  }
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    // One ledger: the service queues them anyway; four in flight keep it busy.
    while (next < messages.length) {
      const reply = await service.say(user, messages[next++]!);
      if (!reply.includes('✅')) throw new Error(`seeding failed: ${reply.slice(0, 300)}`);
    }
  }));
}


/** A month report (text, insights, chart) on a ledger of `expenses` expenses over a year: what it reads. */
export async function countReport(service: CountedService, expenses: number): Promise<CostTotal> {
  const user = `cost-report-${expenses}-${randomUUID().slice(0, 4)}`;
  await seedHistory(service, user, expenses);
  await service.say(user, 'report month'); // once before counting: anything a first report caches is not what every report costs
  const { total } = await service.count(async () => {
    const reply = await service.say(user, 'report month');
    if (!reply.includes('Spending in')) throw new Error(`report failed: ${reply.slice(0, 300)}`);
  });
  return total;
}

export interface HotLedgerRun {
  readonly processes: number;
  readonly adds: number;
  readonly seconds: number;
  /** TransactWriteItems sent per add (1 when no write lost a race). */
  readonly transactionsPerAdd: number;
  /** Transactions DynamoDB cancelled (a version conflict, or another writer's transaction in progress) per add. */
  readonly conflictsPerAdd: number;
  readonly errors: number;
  readonly expensesFound: number;
  /** The sum the ledger's totals (read model) hold, and the sum of the expenses themselves. */
  readonly totalFound: number;
  readonly expensesTotal: number;
  readonly totalExpected: number;
}

/**
 * A busy group chat: `adds` adds at once to ONE group ledger, through the HTTP servers of
 * `processes` service instances in this process on one table (each with its own composition and
 * write queue, so they race as separate tasks would).
 * Conflicts are counted on the wire: every TransactWriteItems sent, and those DynamoDB cancelled.
 */
export async function hotLedger(connection: LocalDynamoConnection, processes: number, adds: number): Promise<HotLedgerRun> {
  const table = `hot-${randomUUID().slice(0, 8)}`;
  const services: CountedService[] = [];
  for (let p = 0; p < processes; p += 1) services.push(await countedService(connection, { SPENDWISE_TABLE: table }));
  const members = 10;
  const say = (s: CountedService, user: string, text: string) =>
    post(s.server.url, { path: '/local/chat', body: JSON.stringify({ user, group: 'hot', text }) });
  try {
    for (let m = 0; m < members; m += 1) await say(services[0]!, `member${m}`, 'help');
    const recorders = services.map((s) => recordWire(s.server.services.table.doc));
    const started = performance.now();
    const replies = await Promise.all(Array.from({ length: adds }, (_, i) => say(services[i % processes]!, `member${i % members}`, `${i + 1} snack`)));
    const seconds = (performance.now() - started) / 1000;
    const transactions = recorders.flatMap((r) => r.calls.filter((c) => c.operation === 'TransactWriteItems'));
    recorders.forEach((r) => r.remove());
    const errors = replies.filter((r) => r.status !== 200 || !(JSON.parse(r.body) as { replies: { text: string }[] }).replies[0]?.text.startsWith('✅')).length;
    const { localInbound } = await import('../../bot/src/channels/local/local-inbound');
    const { conversationKey, identityKey } = await import('../../bot/src/core/conversation/inbound-message');
    const message = localInbound({ user: 'member0', group: 'hot', content: { kind: 'text', text: '' }, id: 'x' }, new Date());
    const core = services[0]!.server.services.core;
    const found = await core.directory.find(conversationKey(message), identityKey(message.sender));
    const today = dateInZone(new Date(), 'UTC');
    const month = { from: addDays(today, -40), to: addDays(today, 40) };
    const expenses = found.ledger ? await core.expenses.between(found.ledger.id, month.from, month.to) : [];
    const totals = found.ledger ? await core.totals.totals(found.ledger.id, month.from, month.to) : [];
    return {
      processes, adds, seconds,
      transactionsPerAdd: transactions.length / adds,
      conflictsPerAdd: transactions.filter((c) => c.error).length / adds,
      errors,
      expensesFound: expenses.length,
      totalFound: totals.reduce((n, t) => n + t.minor, 0),
      expensesTotal: expenses.reduce((n, e) => n + e.amount.minor, 0),
      totalExpected: (adds * (adds + 1) / 2) * 100,
    };
  } finally {
    for (const s of services) await s.close();
  }
}
