import { LedgerId, MemberId } from '../../core/ledger/ledger-id';
import { PersonalData, PersonalDataPlaces } from '../../core/privacy/personal-data.port';
import { DynamoTable } from './dynamodb-tables';
import { keys } from './item-keys';
import { queryItems } from './ledger-catalog';
import { batchWrite, remove } from './maintenance/batch-write';
import { forgetLedger } from './maintenance/forget-ledger';

const PERSONAL = 'person:';

/** A person's data on the table, found from their identity partition (`ID#<identity>`). */
export function createDynamoPersonalData(table: DynamoTable): PersonalData {
  const identityItems = (identityKey: string) => queryItems(table, {
    KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.identity(identityKey) }, ConsistentRead: true,
  });

  /** One member's items of a kind in a ledger's partition (their drafts, their pending questions). */
  const membersItems = (ledger: LedgerId, member: MemberId, prefix: string) => queryItems(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: '#member = :member',
    ExpressionAttributeNames: { '#member': 'member' },
    ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':prefix': prefix, ':member': member },
    ConsistentRead: true,
  });

  async function locate(identityKey: string): Promise<PersonalDataPlaces> {
    const personalLedgers = new Set<LedgerId>();
    const groups: { ledger: LedgerId; member: MemberId }[] = [];
    for await (const item of identityItems(identityKey)) {
      const sk = String(item.sk);
      if (!sk.startsWith(keys.membership(''))) continue;
      const ledger = item.ledger as LedgerId;
      if (sk.slice(keys.membership('').length).startsWith(PERSONAL)) personalLedgers.add(ledger);
      else groups.push({ ledger, member: item.member as MemberId });
    }
    const groupDrafts: { ledger: LedgerId; receipt: string }[] = [];
    for (const { ledger, member } of groups) {
      for await (const draft of membersItems(ledger, member, keys.receiptDraftPrefix)) {
        groupDrafts.push({ ledger, receipt: String(draft.sk).slice(keys.receiptDraftPrefix.length) });
      }
    }
    return { personalLedgers: [...personalLedgers], groups, groupDrafts };
  }

  return {
    locate,
    async forget(identityKey) {
      const places = await locate(identityKey);
      let items = 0;
      let events = 0;
      let expenses = 0;
      for (const ledger of places.personalLedgers) {
        const forgotten = await forgetLedger(table, ledger);
        items += forgotten.items + forgotten.memberLinks + forgotten.directoryEntries;
        events += forgotten.events;
        expenses += forgotten.expenses;
      }
      // In a group, the name and the identity go; the member id in the events stays, so totals stay right.
      const inGroups = [
        ...places.groups.map((g) => remove(keys.ledger(g.ledger), keys.member(g.member))),
        ...places.groupDrafts.map((d) => remove(keys.ledger(d.ledger), keys.receiptDraft(d.receipt))),
      ];
      // Lines the person was asked about in a group hold their words.
      for (const { ledger, member } of places.groups) {
        for await (const pending of membersItems(ledger, member, keys.pendingLinePrefix)) inGroups.push(remove(String(pending.pk), String(pending.sk)));
      }
      // Whatever else the identity's partition holds (memberships left, and anything added later).
      const rest: ReturnType<typeof remove>[] = [];
      for await (const item of identityItems(identityKey)) rest.push(remove(String(item.pk), String(item.sk)));
      await batchWrite(table, [...inGroups, ...rest]);
      items += inGroups.length + rest.length;
      return { personalLedgers: places.personalLedgers.length, expenses, events, groupLedgers: places.groups.length, items };
    },
  };
}
