import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoTable } from './dynamodb-tables';

export type ItemKey = { readonly pk: string; readonly sk: string };

/** Strongly consistent batch read of up to 100 keys, retrying what DynamoDB left unprocessed. */
export async function batchGet(table: DynamoTable, wanted: readonly ItemKey[]): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let pending: Record<string, unknown>[] = wanted.map((k) => ({ pk: k.pk, sk: k.sk }));
  for (let round = 0; pending.length > 0; round += 1) {
    if (round > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** round)));
    const out = await table.doc.send(new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: pending, ConsistentRead: true } } }));
    found.push(...(out.Responses?.[table.tableName] ?? []));
    pending = (out.UnprocessedKeys?.[table.tableName]?.Keys ?? []) as Record<string, unknown>[];
  }
  return found;
}
