import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { MemberId } from '../../core/ledger/ledger-id';
import { PENDING_LINE_TTL_SECONDS, PendingLines } from '../../core/expenses/pending-lines.port';
import { DynamoTable } from './dynamodb-tables';
import { keys } from './item-keys';

const pendingSchema = z.object({ text: z.string(), member: z.string(), createdAt: z.string(), expiresAt: z.number() });

/** Pending lines as items of the ledger's partition (`PEND#<id>`), gone by TTL after a day. */
export function createDynamoPendingLines(table: DynamoTable, now: () => Date): PendingLines {
  return {
    async save(ledger, id, line) {
      await table.doc.send(new PutCommand({
        TableName: table.tableName,
        Item: { pk: keys.ledger(ledger), sk: keys.pendingLine(id), type: 'PendingLine', ...line, expiresAt: Math.floor(now().getTime() / 1000) + PENDING_LINE_TTL_SECONDS },
      }));
    },
    async get(ledger, id) {
      const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: keys.ledger(ledger), sk: keys.pendingLine(id) }, ConsistentRead: true }));
      if (!out.Item) return undefined;
      const item = pendingSchema.parse(out.Item);
      // DynamoDB removes expired items only eventually.
      if (item.expiresAt <= now().getTime() / 1000) return undefined;
      return { text: item.text, member: item.member as MemberId, createdAt: item.createdAt };
    },
  };
}
