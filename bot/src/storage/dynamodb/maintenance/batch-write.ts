import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoTable } from '../dynamodb-tables';

type Request = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: { pk: string; sk: string } } };

/** Batches in flight at once: enough to keep DynamoDB busy, few enough to stay polite. */
const CONCURRENCY = 8;

/**
 * Puts and deletes in batches of 25 (several at a time), retrying what DynamoDB leaves unprocessed.
 * Operator tools only: the service writes through transactions.
 */
export async function batchWrite(table: DynamoTable, requests: readonly Request[]): Promise<void> {
  const batches: Request[][] = [];
  for (let i = 0; i < requests.length; i += 25) batches.push(requests.slice(i, i + 25));
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, batches.length) }, async () => {
    while (next < batches.length) {
      let pending = batches[next++]!;
      for (let round = 0; pending.length > 0; round += 1) {
        if (round > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 25 * 2 ** round)));
        const out = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[table.tableName] ?? []) as Request[];
      }
    }
  }));
}

export const put = (Item: Record<string, unknown>): Request => ({ PutRequest: { Item } });
export const remove = (pk: string, sk: string): Request => ({ DeleteRequest: { Key: { pk, sk } } });
