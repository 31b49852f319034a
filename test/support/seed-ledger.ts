import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, LocalDate } from '../../bot/src/core/calendar/local-date';
import { LedgerEvent } from '../../bot/src/core/ledger/ledger-events';
import { LedgerId, MemberId } from '../../bot/src/core/ledger/ledger-id';
import { evolve } from '../../bot/src/core/ledger/ledger-state';
import { CurrencyCode } from '../../bot/src/core/money/currencies';
import { createDynamoLedgerWriter } from '../../bot/src/storage/dynamodb/dynamodb-ledger-writer';
import { indexedItem } from '../../bot/src/storage/dynamodb/ledger-indexes';
import { DynamoTable } from '../../bot/src/storage/dynamodb/dynamodb-tables';
import { keys } from '../../bot/src/storage/dynamodb/item-keys';
import { allReadModelChanges, mergeChanges, withAdded } from '../../bot/src/storage/dynamodb/projections';

const CATEGORIES = ['food', 'transport', 'groceries', 'housing', 'fun', 'health', 'travel', 'other'];

export interface SeededExpense {
  readonly ref: number;
  readonly minor: number;
  readonly category: string;
  readonly description: string;
  readonly date: LocalDate;
}

/** The expense `ref` of a seeded ledger: amounts, categories and dates spread over two years before `today`. */
export function seededExpense(ref: number, today: LocalDate, describe: (ref: number) => string = (r) => `item ${r % 500}`): SeededExpense {
  return { ref, minor: 100 + ((ref * 7919) % 10_000), category: CATEGORIES[ref % CATEGORIES.length]!, description: describe(ref), date: addDays(today, -(ref % 730)) };
}

/**
 * Writes `count` expenses into an opened ledger that has none yet (its totals are written, not
 * added to) as the core would leave them, through the same
 * projections, with batch writes: a large ledger in seconds, for benches and tests of size.
 */
export async function seedLedger(
  table: DynamoTable, ledger: LedgerId, count: number, today: LocalDate,
  options: { describe?: (ref: number) => string; recordedBy?: MemberId; concurrency?: number } = {},
): Promise<void> {
  const pk = keys.ledger(ledger);
  const opened = await createDynamoLedgerWriter(table).load(ledger, {});
  let state = opened.head.state;
  const totals = new Map<string, Record<string, unknown>>();
  const puts: Record<string, unknown>[] = [];
  const first = opened.head.state.nextRef;
  let last: LedgerEvent | undefined;
  for (let ref = first; ref < first + count; ref += 1) {
    const seeded = seededExpense(ref, today, options.describe);
    const event: LedgerEvent = {
      type: 'ExpenseRecorded',
      data: {
        expense: {
          ref, amount: { minor: seeded.minor, currency: 'USD' as CurrencyCode }, category: seeded.category as never, description: seeded.description,
          date: seeded.date, recordedAt: new Date().toISOString(), recordedBy: options.recordedBy ?? ('mb_0000000000000000' as MemberId),
        },
        alerts: [],
      },
    };
    state = evolve(state, event);
    last = event;
    for (const change of mergeChanges(allReadModelChanges(event, ledger, new Date().toISOString()))) {
      if (change.kind === 'put') puts.push({ pk, sk: change.sk, ...change.item });
      if (change.kind === 'add') totals.set(change.sk, withAdded(totals.get(change.sk) ?? {}, change));
    }
  }
  puts.push(...[...totals].map(([sk, t]) => ({ pk, sk, ...t })));
  // Only the last expense's event is written, carrying the state as its snapshot: a load starts there.
  const version = opened.head.version + count;
  puts.push({ pk, sk: keys.event(version), type: last!.type, data: last!.data, schemaVersion: 1, actor: options.recordedBy ?? 'mb_0000000000000000', at: new Date().toISOString(), state });
  puts.push(indexedItem(ledger, version));
  const unique = [...new Map(puts.map((p) => [p.sk as string, p])).values()];
  const batches = Array.from({ length: Math.ceil(unique.length / 25) }, (_, i) => unique.slice(i * 25, i * 25 + 25));
  let next = 0;
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, async () => {
    while (next < batches.length) {
      let items = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
      while (items.length > 0) {
        const out = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: items } }));
        items = (out.UnprocessedItems?.[table.tableName] ?? []) as typeof items;
      }
    }
  }));
}
