import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get';
import { LedgerDirectory } from '../../core/directory/ledger-directory.port';
import { MemberId } from '../../core/ledger/ledger-id';
import { DynamoTable } from './dynamodb-tables';
import { conversationItemSchema, memberItemSchema, membershipItemSchema } from './item-schemas';
import { keys } from './item-keys';

/** The directory on the table: one batched read finds the conversation's ledger and the person's membership. */
export function createDynamoLedgerDirectory(table: DynamoTable): LedgerDirectory {
  const { doc, tableName } = table;
  return {
    async find(conversationKey, identityKey) {
      const conversation = { pk: keys.conversation(conversationKey), sk: keys.conversationLedger };
      const link = { pk: keys.identity(identityKey), sk: keys.membership(conversationKey) };
      const found = await batchGet(table, [conversation, link]);
      const ledgerItem = found.find((i) => i.pk === conversation.pk);
      const memberItem = found.find((i) => i.pk === link.pk);
      const ledger = ledgerItem ? conversationItemSchema.parse(ledgerItem) : undefined;
      const membership = memberItem ? membershipItemSchema.parse(memberItem) : undefined;
      return {
        ...(ledger ? { ledger: { id: ledger.ledger, scope: ledger.scope } } : {}),
        ...(membership ? { member: membership.member, ...(membership.name ? { memberName: membership.name } : {}) } : {}),
      };
    },
    async memberNames(ledger) {
      const names = new Map<MemberId, string>();
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':prefix': keys.memberPrefix },
          ExclusiveStartKey: start,
        }));
        for (const raw of out.Items ?? []) {
          const item = memberItemSchema.parse(raw);
          names.set(item.sk.slice(keys.memberPrefix.length) as MemberId, item.name);
        }
        start = out.LastEvaluatedKey;
      } while (start);
      return names;
    },
  };
}
