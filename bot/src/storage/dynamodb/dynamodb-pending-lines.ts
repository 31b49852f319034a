import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { LocalDate } from '../../core/calendar/local-date';
import { Category } from '../../core/expenses/categories';
import { MemberId } from '../../core/ledger/ledger-id';
import { CurrencyCode } from '../../core/money/currencies';
import { PENDING_LINE_TTL_SECONDS, PendingLine, PendingLines } from '../../core/expenses/pending-lines.port';
import { DynamoTable } from './dynamodb-tables';
import { keys } from './item-keys';
import { queryItems } from './ledger-catalog';

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

/** A stored question, or undefined once expired (DynamoDB removes expired items only eventually). */
function pendingLineOf(raw: Record<string, unknown>, now: Date): PendingLine | undefined {
  const item = pendingSchema.parse(raw);
  if (item.expiresAt <= now.getTime() / 1000) return undefined;
  return {
    member: item.member as MemberId, createdAt: item.createdAt, key: item.key, all: item.all,
    readings: item.readings.map((r) => ({
      amount: { minor: r.amount.minor, currency: r.amount.currency as CurrencyCode }, date: r.date as LocalDate, description: r.description,
      ...(r.category ? { category: r.category as Category } : {}),
    })),
  };
}

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
      return out.Item ? pendingLineOf(out.Item, now()) : undefined;
    },
    async remove(ledger, id) {
      await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: Key(ledger, id) }));
    },
    async asked(ledger, member) {
      const found: PendingLine[] = [];
      for await (const item of queryItems(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ...(member ? { FilterExpression: '#member = :member', ExpressionAttributeNames: { '#member': 'member' } } : {}),
        ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':prefix': keys.pendingLinePrefix, ...(member ? { ':member': member } : {}) },
        ConsistentRead: true,
      })) {
        const line = pendingLineOf(item, now());
        if (line) found.push(line);
      }
      return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
  };
}
