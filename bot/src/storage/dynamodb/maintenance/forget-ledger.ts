import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { LedgerId } from '../../../core/ledger/ledger-id';
import { DynamoTable } from '../dynamodb-tables';
import { keys } from '../item-keys';
import { ledgerPartition } from '../ledger-catalog';
import { batchWrite, remove } from './batch-write';

export interface ForgottenLedger {
  readonly items: number;
  readonly events: number;
  readonly expenses: number;
  readonly memberLinks: number;
  readonly directoryEntries: number;
}

/**
 * Every item of one ledger: its partition (events, read models, delivery records, members), the
 * directory entry of its conversation, and each member's identity link to it.
 */
export async function forgetLedger(table: DynamoTable, ledger: LedgerId): Promise<ForgottenLedger> {
  const items: Record<string, unknown>[] = [];
  for await (const item of ledgerPartition(table, ledger)) items.push(item);
  const meta = items.find((i) => i.sk === keys.meta);
  const conversation = typeof meta?.conversation === 'string' ? meta.conversation : undefined;
  const links = items.filter((i) => String(i.sk).startsWith(keys.memberPrefix) && typeof i.identity === 'string' && conversation);
  await batchWrite(table, [
    ...links.map((i) => remove(keys.identity(String(i.identity)), keys.membership(conversation!))),
    ...items.map((i) => remove(String(i.pk), String(i.sk))),
  ]);
  let directoryEntries = 0;
  if (conversation) {
    // Only the entry that still leads to this ledger.
    await table.doc.send(new DeleteCommand({
      TableName: table.tableName,
      Key: { pk: keys.conversation(conversation), sk: keys.conversationLedger },
      ConditionExpression: 'attribute_not_exists(pk) OR ledger = :ledger',
      ExpressionAttributeValues: { ':ledger': ledger },
    })).catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
    directoryEntries = 1;
  }
  return {
    items: items.length,
    events: items.filter((i) => String(i.sk).startsWith(keys.eventPrefix)).length,
    expenses: items.filter((i) => String(i.sk).startsWith(keys.expensePrefix)).length,
    memberLinks: links.length,
    directoryEntries,
  };
}
