import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { LocalDate } from '../../core/calendar/local-date';
import { Category } from '../../core/expenses/categories';
import { MemberId } from '../../core/ledger/ledger-id';
import { CurrencyCode } from '../../core/money/currencies';
import { PENDING_LINE_TTL_SECONDS, PendingLines } from '../../core/expenses/pending-lines.port';
import { DynamoTable } from './dynamodb-tables';
import { keys } from './item-keys';

const reading = z.object({
  amount: z.object({ minor: z.number().int().positive(), currency: z.string() }),
  date: z.string(),
  description: z.string(),
  category: z.string().optional(),
});
const pendingSchema = z.object({
  member: z.string(), createdAt: z.string(), key: z.string(), all: z.boolean(), expiresAt: z.number(),
  readings: z.string().transform((json) => z.array(reading).parse(JSON.parse(json))),
});

/** Questions as items of the ledger's partition (`PEND#<id>`), gone by TTL after a day. */
export function createDynamoPendingLines(table: DynamoTable, now: () => Date): PendingLines {
  const Key = (ledger: Parameters<PendingLines['get']>[0], id: string) => ({ pk: keys.ledger(ledger), sk: keys.pendingLine(id) });
  return {
    async save(ledger, id, line) {
      await table.doc.send(new PutCommand({
        TableName: table.tableName,
        Item: {
          ...Key(ledger, id), type: 'PendingLine', member: line.member, createdAt: line.createdAt, key: line.key, all: line.all,
          readings: JSON.stringify(line.readings), expiresAt: Math.floor(now().getTime() / 1000) + PENDING_LINE_TTL_SECONDS,
        },
      }));
    },
    async get(ledger, id) {
      const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: Key(ledger, id), ConsistentRead: true }));
      if (!out.Item) return undefined;
      const item = pendingSchema.parse(out.Item);
      // DynamoDB removes expired items only eventually.
      if (item.expiresAt <= now().getTime() / 1000) return undefined;
      return {
        member: item.member as MemberId, createdAt: item.createdAt, key: item.key, all: item.all,
        readings: item.readings.map((r) => ({
          amount: { minor: r.amount.minor, currency: r.amount.currency as CurrencyCode }, date: r.date as LocalDate, description: r.description,
          ...(r.category ? { category: r.category as Category } : {}),
        })),
      };
    },
    async remove(ledger, id) {
      await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: Key(ledger, id) }));
    },
  };
}
