import { TransactWriteCommand, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { Reply, storableReplies } from '../../core/conversation/reply';
import { LedgerId } from '../../core/ledger/ledger-id';
import { MemberLink } from '../../core/directory/ledger-directory.port';
import { AppendOutcome, LedgerAppend, LedgerWriter, LoadedLedger, LoadOptions } from '../../core/ports/ledger-store.port';
import { batchGet } from './batch-get';
import { fitsOneUnit, loadHead, snapshotDue } from './ledger-head';
import { DynamoTable } from './dynamodb-tables';
import { memoryItemSchema, repliesSchema } from './item-schemas';
import { keys } from './item-keys';
import { mergeChanges, readModelChanges, ReadModelChange } from './projections';
import { appendedUpdates, createLedgerIndexes, indexedItem, NO_MARK } from './ledger-indexes';
import { addExpression } from './add-expression';
import { IDEMPOTENCY_TTL_SECONDS } from './table-spec';
import { dueChanges } from '../../core/schedules/due-entries';
import { dueItem } from './dynamodb-due-schedules';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type IndexLog = { error(details: object, message: string): void };

const EVENT_SCHEMA_VERSION = 1;
/** DynamoDB's limit of items in one TransactWriteItems. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * Appends a ledger's events with everything they change in ONE transaction: the events (each on the
 * condition that its version is free; now and then the last one with a snapshot of the state, see
 * ledger-head.ts), the idempotency record and the read models; then brings the indexes up to date.
 * Either all of it is written or none of it.
 */
export function createDynamoLedgerWriter(table: DynamoTable, options: { log?: IndexLog } = {}): LedgerWriter {
  const { doc, tableName } = table;
  const indexes = createLedgerIndexes(table);

  async function load(ledger: LedgerId, options: LoadOptions): Promise<LoadedLedger> {
    const pk = keys.ledger(ledger);
    const descriptions = [...new Set(options.descriptionKeys ?? [])];
    const wanted = [...descriptions.map(keys.memory)];
    if (options.idempotencyKey) wanted.push(keys.idempotency(options.idempotencyKey));
    if (options.forAppend) wanted.push(keys.indexed);
    const [head, items] = await Promise.all([loadHead(table, ledger), wanted.length > 0 ? itemsBySk(pk, wanted) : new Map<string, Record<string, unknown>>()]);
    const idem = options.idempotencyKey ? items.get(keys.idempotency(options.idempotencyKey)) : undefined;
    const remembered = Object.fromEntries(descriptions.flatMap((key) => {
      const memo = items.get(keys.memory(key));
      return memo ? [[key, memoryItemSchema.parse(memo).category]] : [];
    }));
    if (!options.forAppend) return { head, remembered, ...(idem ? { priorReplies: parseReplies(idem) } : {}) };
    const mark = items.get(keys.indexed);
    const indexedUpTo = mark ? Number(mark.version) : NO_MARK;
    // Indexes behind the log (a write's index step failed or is still running): the memory as the log says it.
    const since = mark && indexedUpTo < head.version && descriptions.length > 0 ? await indexes.rememberedSince(ledger, indexedUpTo, descriptions) : {};
    return { head, remembered: { ...remembered, ...since }, indexedUpTo, ...(idem ? { priorReplies: parseReplies(idem) } : {}) };
  }

  async function itemsBySk(pk: string, sks: string[]): Promise<Map<string, Record<string, unknown>>> {
    const items = await batchGet(table, sks.map((sk) => ({ pk, sk })));
    return new Map(items.map((item) => [item.sk as string, item]));
  }

  async function append(a: LedgerAppend): Promise<AppendOutcome> {
    const pk = keys.ledger(a.ledger);
    const version = a.expectedVersion + a.events.length;
    const idemItem: TransactItem[] = a.idempotencyKey
      ? [{
          Put: {
            TableName: tableName,
            Item: {
              pk, sk: keys.idempotency(a.idempotencyKey), type: 'Idempotency', version,
              replies: JSON.stringify(storableReplies(a.replies)),
              expiresAt: Math.floor(a.at.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }]
      : [];
    const events: TransactItem[] = a.events.map((event, i) => {
      const item: Record<string, unknown> = {
        pk, sk: keys.event(a.expectedVersion + i + 1), type: event.type, data: event.data,
        schemaVersion: EVENT_SCHEMA_VERSION, actor: a.actor, at: a.at.toISOString(),
      };
      const last = i === a.events.length - 1;
      const withState = { ...item, state: a.state };
      return { Put: { TableName: tableName, Item: last && (snapshotDue(a.expectedVersion, version) || fitsOneUnit(withState)) ? withState : item, ConditionExpression: 'attribute_not_exists(pk)' } };
    });
    const at = a.at.toISOString();
    const readModels = mergeChanges(a.events.flatMap((e) => readModelChanges(e, a.ledger, at)))
      .map((c) => toTransactItem(pk, withOwner(c, a.members ?? [])));
    // A ledger without the mark (new, or written before the indexes left the transaction): its indexes
    // are as its events, and the mark says so, only if no other write put one meanwhile.
    const indexedUpTo = a.indexedUpTo ?? await indexes.indexedUpTo(a.ledger);
    const indexed: TransactItem[] = indexedUpTo === NO_MARK
      ? [{ Put: { TableName: tableName, Item: indexedItem(a.ledger, a.expectedVersion), ConditionExpression: 'attribute_not_exists(pk)' } }]
      : [];
    const members = (a.members ?? []).flatMap((m): TransactItem[] => [
      {
        Put: {
          TableName: tableName,
          Item: { pk: keys.identity(m.identityKey), sk: keys.membership(m.conversationKey), type: 'Membership', ledger: m.ledger, member: m.member, name: m.displayName },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      // The identity beside the name lets "forget" find the person's links from the ledger's side.
      { Put: { TableName: tableName, Item: { pk: keys.ledger(m.ledger), sk: keys.member(m.member), type: 'Member', name: m.displayName, identity: m.identityKey } } },
    ]);
    const due = dueChanges(a.events, a.state).map((c): TransactItem => (c.kind === 'put'
      ? { Put: { TableName: tableName, Item: dueItem(a.ledger, c.schedule, c.occurrence, c.dueAt) } }
      : { Delete: { TableName: tableName, Key: { pk, sk: keys.due(c.schedule) } } }));
    const items = [...idemItem, ...events, ...readModels, ...indexed, ...members, ...due];
    // Not reached by a chat message (20 lines at most); a guard for larger appends.
    if (items.length > MAX_TRANSACTION_ITEMS) return 'tooLarge';
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (idemItem.length > 0 && reasons[0]?.Code === 'ConditionalCheckFailed') return 'duplicate';
      if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) return 'conflict';
      throw error;
    }
    // Written is written: indexes left behind are brought up by the next write to this ledger.
    await indexes.bringUpToDate(a.ledger, indexedUpTo === NO_MARK ? a.expectedVersion : indexedUpTo, appendedUpdates(a.expectedVersion, a.events, a.remembered))
      .catch((error: Error) => options.log?.error({ err: error, code: 'indexes.behind' }, 'ledger indexes left behind; the next write brings them up'));
    return 'written';
  }

  function toTransactItem(pk: string, change: ReadModelChange): TransactItem {
    switch (change.kind) {
      case 'put':
        return {
          Put: {
            TableName: tableName,
            Item: { pk: change.pk ?? pk, sk: change.sk, ...change.item },
            ...(change.ifAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
          },
        };
      case 'delete':
        return { Delete: { TableName: tableName, Key: { pk: change.pk ?? pk, sk: change.sk } } };
      case 'add':
        return { Update: { TableName: tableName, Key: { pk: change.pk ?? pk, sk: change.sk }, ...addExpression(change) } };
    }
  }

  async function priorReplies(ledger: LedgerId, idempotencyKey: string): Promise<readonly Reply[] | undefined> {
    const items = await itemsBySk(keys.ledger(ledger), [keys.idempotency(idempotencyKey)]);
    const item = items.get(keys.idempotency(idempotencyKey));
    return item ? parseReplies(item) : undefined;
  }

  return { load, append, priorReplies };
}

/**
 * A personal ledger's directory entry also names its one person (their member link copied): the
 * directory then finds a private conversation with one item read instead of two. Not from the events
 * (they hold no names), so a rebuild leaves it out and the directory reads the membership instead.
 */
function withOwner(change: ReadModelChange, members: readonly MemberLink[]): ReadModelChange {
  if (change.kind !== 'put' || change.sk !== keys.conversationLedger || change.item.scope !== 'personal') return change;
  const owner = members.find((m) => change.pk === keys.conversation(m.conversationKey) && m.conversationKey === personalConversation(m.identityKey));
  return owner ? { ...change, item: { ...change.item, member: owner.member, name: owner.displayName } } : change;
}

/** The conversation key of a person's private chat with the bot (see conversationKey). */
export const personalConversation = (identityKey: string) => `person:${identityKey}`;

function parseReplies(item: Record<string, unknown>): readonly Reply[] {
  return repliesSchema.parse(JSON.parse(String(item.replies)));
}
