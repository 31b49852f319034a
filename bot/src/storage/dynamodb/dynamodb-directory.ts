import { batchGet } from './batch-get';
import { LedgerDirectory } from '../../core/directory/ledger-directory.port';
import { MemberId } from '../../core/ledger/ledger-id';
import { DynamoTable } from './dynamodb-tables';
import { conversationItemSchema, memberItemSchema, membershipItemSchema } from './item-schemas';
import { keys } from './item-keys';
import { personalConversation } from './dynamodb-ledger-writer';
import { ledgerMembers } from './ledger-catalog';

/**
 * The directory on the table: one batched read finds the conversation's ledger and the person's
 * membership. A private conversation's entry names its person too: one item read (one read unit
 * less on every message of a personal ledger), the membership read only when the entry does not.
 */
export function createDynamoLedgerDirectory(table: DynamoTable): LedgerDirectory {
  return {
    async find(conversationKey, identityKey) {
      const conversation = { pk: keys.conversation(conversationKey), sk: keys.conversationLedger };
      const link = { pk: keys.identity(identityKey), sk: keys.membership(conversationKey) };
      const own = conversationKey === personalConversation(identityKey);
      let found = await batchGet(table, own ? [conversation] : [conversation, link]);
      const entry = found.find((i) => i.pk === conversation.pk);
      // An entry written before it named its person; with no entry there is no ledger to be a member of.
      if (own && entry && entry.member === undefined) found = [...found, ...(await batchGet(table, [link]))];
      const ledgerItem = found.find((i) => i.pk === conversation.pk);
      const memberItem = found.find((i) => i.pk === link.pk);
      const ledger = ledgerItem ? conversationItemSchema.parse(ledgerItem) : undefined;
      const membership = memberItem ? membershipItemSchema.parse(memberItem) : ledger?.member ? { member: ledger.member, name: ledger.name } : undefined;
      return {
        ...(ledger ? { ledger: { id: ledger.ledger, scope: ledger.scope, ...(ledger.unreachable ? { unreachable: true as const } : {}) } } : {}),
        ...(membership ? { member: membership.member, ...(membership.name ? { memberName: membership.name } : {}) } : {}),
      };
    },
    async memberNames(ledger) {
      const names = new Map<MemberId, string>();
      for await (const raw of ledgerMembers(table, ledger)) {
        const item = memberItemSchema.parse(raw);
        names.set(item.sk.slice(keys.memberPrefix.length) as MemberId, item.name);
      }
      return names;
    },
  };
}
