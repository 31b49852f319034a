import { randomUUID } from 'node:crypto';
import { createInMemoryLocalMailbox } from '../bot/src/channels/local/in-memory-local-mailbox';
import { createOutbound } from '../bot/src/channels/outbound';
import { coreOnTable } from '../bot/src/composition';
import { dateInZone } from '../bot/src/core/calendar/local-date';
import { MIDNIGHT } from '../bot/src/core/calendar/zoned-time';
import { Category } from '../bot/src/core/expenses/categories';
import { MemberId, newLedgerId, newMemberId } from '../bot/src/core/ledger/ledger-id';
import { EMPTY_LEDGER, LedgerState } from '../bot/src/core/ledger/ledger-state';
import { CurrencyCode } from '../bot/src/core/money/currencies';
import { systemClock } from '../bot/src/core/ports/clock.port';
import { dueAt } from '../bot/src/core/schedules/occurrences';
import { runSchedule } from '../bot/src/core/schedules/run-schedule';
import { Schedule } from '../bot/src/core/schedules/schedule';
import { createScheduler } from '../bot/src/core/schedules/scheduler';
import { createDynamoDueSchedules, dueItem } from '../bot/src/storage/dynamodb/dynamodb-due-schedules';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable, DynamoTable } from '../bot/src/storage/dynamodb/dynamodb-tables';
import { ensureTable } from '../bot/src/storage/dynamodb/ensure-table';
import { indexedItem } from '../bot/src/storage/dynamodb/ledger-indexes';
import { keys } from '../bot/src/storage/dynamodb/item-keys';
import { batchWrite, put } from '../bot/src/storage/dynamodb/maintenance/batch-write';

/** Capacity units DynamoDB reports it consumed (every request asks for them), and the requests made. */
function countUnits(table: DynamoTable) {
  const counter = { read: 0, write: 0, requests: 0 };
  table.doc.middlewareStack.add((next, context) => async (args) => {
    const input = args.input as Record<string, unknown>;
    input.ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    counter.requests += 1;
    const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
    const units = ([consumed].flat() as ({ CapacityUnits?: number } | undefined)[]).reduce((sum, c) => sum + (c?.CapacityUnits ?? 0), 0);
    if (/^(Get|BatchGet|Query|Scan|TransactGet)/.test(context.commandName ?? '')) counter.read += units;
    else counter.write += units;
    return result;
  }, { step: 'initialize', name: 'benchUnitCounter' });
  return counter;
}

/**
 * The scheduler over `count` due items, one recurring expense in each of `count` ledgers, seeded
 * straight as one event with its state and due entries: items per second for one task, and DynamoDB units per item.
 */
export async function benchScheduler(endpoint: string, count: number): Promise<void> {
  const table = createDynamoTable(`bench-sched-${randomUUID().slice(0, 6)}`, { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await ensureTable(table);
    const now = new Date();
    const today = dateInZone(now, 'UTC');
    const seeds = Array.from({ length: count }, () => {
      const ledger = newLedgerId();
      const by = newMemberId() as MemberId;
      const schedule: Schedule = {
        id: 's1', ref: 1, at: MIDNIGHT, next: today, by, recurrence: { every: 'month', day: Number(today.slice(8)) },
        task: { kind: 'expense', amount: { minor: 120000, currency: 'USD' as CurrencyCode }, description: 'rent', category: 'housing' as Category },
      };
      const state: LedgerState = { ...EMPTY_LEDGER, address: { platform: 'local', conversationId: `u:${ledger}` }, schedules: { s1: schedule }, nextScheduleRef: 2 };
      return [
        // One event, the schedule's, carrying the state as a load finds it (see ledger-head.ts).
        put({ pk: keys.ledger(ledger), sk: keys.event(1), type: 'ScheduleSet', data: { schedule }, schemaVersion: 1, actor: by, at: now.toISOString(), state }),
        put(indexedItem(ledger, 1)),
        put(dueItem(ledger, 's1', today, dueAt(schedule, today, 'UTC').toISOString())),
      ];
    });
    const seedStarted = Date.now();
    await batchWrite(table, seeds.flat());
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const mailbox = createInMemoryLocalMailbox();
    const core = coreOnTable(table, systemClock, { error: (details, message) => console.error(message, details) }, createOutbound({ local: mailbox }));
    const units = countUnits(table);
    const scheduler = createScheduler({
      due: createDynamoDueSchedules(table), run: (run) => runSchedule(run, core), clock: systemClock, intervalMs: 60_000,
      concurrency: 16, pageSize: 200, log: { error: (details, message) => console.error(message, details) },
    });
    const started = process.hrtime.bigint();
    const { claimed, failed } = await scheduler.tick();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const leftOver = await createDynamoDueSchedules(table).due(now, 10);
    if (claimed !== count || failed > 0 || leftOver.length > 0) throw new Error(`scheduler bench: ${claimed} of ${count} run, ${failed} failed, ${leftOver.length} still due`);
    console.log(`\nScheduler, ${count.toLocaleString('en-US')} due recurring expenses in as many ledgers (seeded in ${seedSeconds.toFixed(1)} s; one task, 16 runs at a time)`);
    console.log(`  throughput               ${(count / seconds).toFixed(0).padStart(6)} items/s (${seconds.toFixed(1)} s)`);
    console.log(`  DynamoDB per item: ${(units.read / count).toFixed(2)} read units, ${(units.write / count).toFixed(2)} write units, ${(units.requests / count).toFixed(2)} requests`);
  } finally {
    table.doc.destroy();
  }
}
