import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Category } from '../../core/expenses/categories';
import { LedgerEvent } from '../../core/ledger/ledger-events';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { LedgerId } from '../../core/ledger/ledger-id';
import { DynamoTable } from './dynamodb-tables';
import { keys } from './item-keys';
import { ledgerEvents } from './ledger-catalog';
import { indexChanges, mergeChanges, ReadModelChange } from './projections';
import { addExpression } from './add-expression';

/** The items `indexChanges` writes, by their sort keys. */
export const INDEX_ITEM = /^(TD|DS|AMT|W|MEMO)#/;
/** The attribute an index item keeps the version of the last event applied to it in. */
export const APPLIED_VERSION = 'iv';
/** Long past any write in flight: a writer that late has long given up. */
const TOMBSTONE_SECONDS = 24 * 60 * 60;

/** One event's changes to the indexes, with the event's version. */
export interface IndexUpdate {
  readonly version: number;
  readonly changes: readonly ReadModelChange[];
}

/**
 * The ledger's indexes (see `indexChanges`), brought up to date right after each append, outside its
 * transaction (a transaction bills every item twice), and exact all the same:
 *  - events are applied in version order, and each index item keeps the version of the last event
 *    applied to it: an event is applied to an item only if it is newer, so an event applied twice
 *    (two writers catching up at once) counts once;
 *  - an entry an event removes becomes a tombstone that keeps the version (for a day), so a late
 *    writer cannot put back what a newer event removed; readers skip tombstones;
 *  - the ledger's INDEXED item holds the version up to which every event was applied: a writer that
 *    finds it behind applies the missing events first, from the log; one that fails leaves it behind
 *    for the next write (or `ops projections rebuild`).
 */
export function createLedgerIndexes(table: DynamoTable) {
  const { doc, tableName } = table;

  /** Applies what the events after `indexedUpTo` and up to the appended ones change, then moves the mark. */
  async function bringUpToDate(ledger: LedgerId, indexedUpTo: number, appended: readonly IndexUpdate[]): Promise<void> {
    const first = appended[0]?.version;
    if (first === undefined) return;
    const missing: IndexUpdate[] = [];
    if (indexedUpTo < first - 1) {
      for await (const e of ledgerEvents(table, ledger, indexedUpTo)) {
        if (e.version >= first) break;
        missing.push({ version: e.version, changes: mergeChanges(indexChanges(e.event)) });
      }
    }
    const updates = [...missing, ...appended.filter((u) => u.version > indexedUpTo)];
    for (const update of updates) await Promise.all(update.changes.map((change) => apply(keys.ledger(ledger), update.version, change)));
    const last = updates.at(-1)?.version;
    if (last !== undefined) await mark(ledger, last);
  }

  async function apply(pk: string, version: number, change: ReadModelChange): Promise<void> {
    const names = { '#iv': APPLIED_VERSION };
    const newer = 'attribute_not_exists(#iv) OR #iv < :iv';
    const key = { pk: change.pk ?? pk, sk: change.sk };
    await ifNewer(async () => {
      switch (change.kind) {
        case 'put':
          await doc.send(new PutCommand({
            TableName: tableName, Item: { ...key, ...change.item, [APPLIED_VERSION]: version },
            ConditionExpression: newer, ExpressionAttributeNames: names, ExpressionAttributeValues: { ':iv': version },
          }));
          return;
        case 'delete':
          await doc.send(new PutCommand({
            TableName: tableName,
            Item: { ...key, type: 'Removed', gone: true, [APPLIED_VERSION]: version, expiresAt: Math.floor(Date.now() / 1000) + TOMBSTONE_SECONDS },
            ConditionExpression: newer, ExpressionAttributeNames: names, ExpressionAttributeValues: { ':iv': version },
          }));
          return;
        case 'add': {
          const expression = addExpression(change, { [APPLIED_VERSION]: version });
          await doc.send(new UpdateCommand({
            TableName: tableName, Key: key, UpdateExpression: expression.UpdateExpression, ConditionExpression: newer,
            ExpressionAttributeNames: { ...expression.ExpressionAttributeNames, ...names },
            ExpressionAttributeValues: { ...expression.ExpressionAttributeValues, ':iv': version },
          }));
        }
      }
    });
  }

  /**
   * A plain put: a late writer may move the mark back, which only makes the next write apply again
   * events the versions then skip; it never moves past what was applied.
   */
  async function mark(ledger: LedgerId, version: number): Promise<void> {
    await doc.send(new PutCommand({ TableName: tableName, Item: indexedItem(ledger, version) }));
  }

  /** Up to which version the ledger's indexes were brought; NO_MARK for a ledger that has no mark yet. */
  async function indexedUpTo(ledger: LedgerId): Promise<number> {
    const out = await doc.send(new GetCommand({ TableName: tableName, Key: { pk: keys.ledger(ledger), sk: keys.indexed }, ConsistentRead: true }));
    return out.Item ? Number(out.Item.version) : NO_MARK;
  }

  /**
   * The category each of `descriptionKeys` was last given by the events after `indexedUpTo` (those
   * with one): what the memory items will say once the indexes catch up with the log.
   */
  async function rememberedSince(ledger: LedgerId, after: number, descriptionKeys: readonly string[]): Promise<Record<string, Category>> {
    const wanted = new Set(descriptionKeys.map(keys.memory));
    const found: Record<string, Category> = {};
    for await (const e of ledgerEvents(table, ledger, after)) {
      for (const change of indexChanges(e.event)) {
        if (isMemory(change) && wanted.has(change.sk)) found[change.sk.slice(MEMORY_PREFIX.length)] = change.item.category as Category;
      }
    }
    return found;
  }

  return { bringUpToDate, indexedUpTo, rememberedSince };
}

/** The mark a ledger has before its first write under the indexes' layout (new, or written before it). */
export const NO_MARK = -1;

const MEMORY_PREFIX = keys.memory('');

/**
 * What an append's events change in the indexes, event by event; a category memory only from the
 * last event of the append that sets it (several lines of one message may), and not at all when it
 * stores what the write loaded (`remembered`: as the log says, see the writer's load).
 */
export function appendedUpdates(expectedVersion: number, events: readonly LedgerEvent[], remembered: Readonly<Record<string, Category>> = {}): IndexUpdate[] {
  const changes = events.map((event) => mergeChanges(indexChanges(event)));
  const lastSetting = new Map<string, number>();
  changes.forEach((list, i) => list.forEach((c) => { if (isMemory(c)) lastSetting.set(c.sk, i); }));
  return changes.map((list, i) => ({
    version: expectedVersion + i + 1,
    changes: list.filter((c) => !isMemory(c) || (lastSetting.get(c.sk) === i && remembered[c.sk.slice(MEMORY_PREFIX.length)] !== c.item.category)),
  }));
}

const isMemory = (c: ReadModelChange): c is Extract<ReadModelChange, { kind: 'put' }> => c.kind === 'put' && c.pk === undefined && c.sk.startsWith(MEMORY_PREFIX);

/** A write refused because a newer event got there first: already done. */
async function ifNewer(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** The item that says up to which version the indexes were brought, as the ledger's transaction first writes it. */
export const indexedItem = (ledger: LedgerId, version: number) => ({ pk: keys.ledger(ledger), sk: keys.indexed, type: 'Indexed', version });
