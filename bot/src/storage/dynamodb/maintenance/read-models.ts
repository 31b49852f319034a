import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { LedgerId } from '../../../core/ledger/ledger-id';
import { EMPTY_LEDGER, evolve, LedgerState } from '../../../core/ledger/ledger-state';
import { DynamoTable } from '../dynamodb-tables';
import { keys } from '../item-keys';
import { latestEvents, ledgerEvents, ledgerPartition, StoredEvent } from '../ledger-catalog';
import { APPLIED_VERSION, INDEX_ITEM, indexedItem } from '../ledger-indexes';
import { EMPTY_HEAD, fold } from '../ledger-head';
import { allReadModelChanges, withAdded } from '../projections';
import { dueChanges } from '../../../core/schedules/due-entries';
import { dueItem } from '../dynamodb-due-schedules';
import { batchWrite, put, remove } from './batch-write';

type Item = Record<string, unknown> & { pk: string; sk: string };

/** The items of a ledger's partition that are read models: everything but its events, delivery records and member links (TM#: the month totals of an earlier layout, so a rebuild clears them). */
const READ_MODEL = /^(HEAD|META|INDEXED|EXP#|TD#|TM#|MS#|DS#|AMT#|W#|MEMO#|RCPT#|DUE#)/;
const id = (item: { pk: string; sk: string }) => `${item.pk}|${item.sk}`;

/** What the read models of a ledger must be, computed from its events alone (the same projections the live writes use). */
export function expectedReadModels(ledger: LedgerId, events: readonly StoredEvent[]): Map<string, Item> {
  const pk = keys.ledger(ledger);
  const items = new Map<string, Item>();
  let state = EMPTY_LEDGER;
  for (const { event, at } of events) {
    state = evolve(state, event);
    for (const change of allReadModelChanges(event, ledger, at)) {
      const key = { pk: change.pk ?? pk, sk: change.sk };
      if (change.kind === 'put') items.set(id(key), { ...key, ...change.item });
      else if (change.kind === 'delete') items.delete(id(key));
      else {
        items.set(id(key), withAdded(items.get(id(key)) ?? { ...key }, change));
      }
    }
  }
  // Each active schedule's due entry, as the live write leaves it.
  for (const change of dueChanges([], state, { all: true })) {
    if (change.kind === 'put') items.set(id({ pk, sk: keys.due(change.schedule) }), dueItem(ledger, change.schedule, change.occurrence, change.dueAt));
  }
  const last = events.at(-1);
  if (last) {
    items.set(id({ pk, sk: keys.head }), headItem(ledger, last, state));
    // The indexes hold every event: a mark behind (an index step that failed) shows as drift.
    items.set(id({ pk, sk: keys.indexed }), indexedItem(ledger, last.version));
  }
  return items;
}

function headItem(ledger: LedgerId, at: StoredEvent, state: LedgerState): Item {
  return { pk: keys.ledger(ledger), sk: keys.head, type: 'LedgerHead', version: at.version, state, updatedAt: at.at };
}

/**
 * The HEAD item is a snapshot a rebuild writes (live appends keep theirs on events, see
 * ledger-head.ts): one that is there must hold the state at its own version; none is no drift.
 */
function driftOf(ledger: LedgerId, events: readonly StoredEvent[], expected: Map<string, Item>, stored: Map<string, Item>): Drift[] {
  const key = id({ pk: keys.ledger(ledger), sk: keys.head });
  const version = Number(stored.get(key)?.version);
  const upTo = events.filter((e) => e.version <= version);
  const adjusted = new Map(expected);
  if (upTo.length > 0) adjusted.set(key, headItem(ledger, upTo.at(-1)!, fold(EMPTY_HEAD, upTo).state));
  else adjusted.delete(key);
  return compare(adjusted, stored);
}

const SUMS = new Set(['Total', 'MonthSummary']);
/** A sum that went back to zero is the same as none; the live writes leave such items and fields behind. */
const isEmptyTotal = (item: Record<string, unknown>) => SUMS.has(String(item.type)) && Object.values(item).every((v) => typeof v !== 'number' || v === 0);

/** A canonical JSON (sorted keys), so two items compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface Drift {
  readonly key: string;
  readonly kind: 'missing' | 'unexpected' | 'different';
}

export interface LedgerCheck {
  readonly ledger: LedgerId;
  readonly events: number;
  readonly drift: readonly Drift[];
}

async function storedReadModels(table: DynamoTable, ledger: LedgerId, expected: Map<string, Item>): Promise<Map<string, Item>> {
  const stored = new Map<string, Item>();
  for await (const raw of ledgerPartition(table, ledger)) {
    // An index entry an event removed may linger as a tombstone; what it holds is not a read model.
    const { [APPLIED_VERSION]: _applied, ...item } = raw as Item;
    if (READ_MODEL.test(item.sk) && !item.gone) stored.set(id(item), item);
  }
  // Read models in other partitions (the conversation's directory entry) are found from the expected ones.
  for (const item of expected.values()) {
    if (item.pk === keys.ledger(ledger)) continue;
    const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }));
    if (out.Item) stored.set(id(out.Item as Item), out.Item as Item);
  }
  return stored;
}

function compare(expected: Map<string, Item>, stored: Map<string, Item>): Drift[] {
  const drift: Drift[] = [];
  for (const [key, item] of expected) {
    const found = stored.get(key);
    if (!found) {
      if (!isEmptyTotal(item)) drift.push({ key, kind: 'missing' });
    } else if (canonical(comparable(found)) !== canonical(comparable(item))) drift.push({ key, kind: 'different' });
  }
  for (const [key, item] of stored) if (!expected.has(key) && !isEmptyTotal(item)) drift.push({ key, kind: 'unexpected' });
  return drift;
}

/** Sums compare without their zero fields; a directory entry without the person it names (not in the events); a claimed due entry has its instant moved to the claim's end: what it is due for is what must agree. */
function comparable(item: Item): Record<string, unknown> {
  if (SUMS.has(String(item.type))) return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== 0));
  if (item.type === 'Conversation') {
    const { member: _member, name: _name, ...rest } = item;
    return rest;
  }
  if (item.type !== 'ScheduleDue') return item;
  const { claims: _claims, kindSort, ...rest } = item;
  return { ...rest, kindSort: String(kindSort).split('|').slice(1).join('|') };
}

async function eventsOf(table: DynamoTable, ledger: LedgerId): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const e of ledgerEvents(table, ledger)) events.push(e);
  return events;
}

/** Recomputes a ledger's read models from its events and reports every difference from what is stored. */
export async function verifyLedger(table: DynamoTable, ledger: LedgerId): Promise<LedgerCheck> {
  const events = await eventsOf(table, ledger);
  const expected = expectedReadModels(ledger, events);
  const stored = await storedReadModels(table, ledger, expected);
  return { ledger, events: events.length, drift: driftOf(ledger, events, expected, stored) };
}

export class LedgerMovedError extends Error {
  override readonly name = 'LedgerMovedError';
}

const moved = (ledger: LedgerId) => new LedgerMovedError(`${ledger} changed while it was rebuilt; run the rebuild again`);

/**
 * Rewrites a ledger's read models from its events: stale ones deleted, the rest put as computed.
 * The head goes last and only if nobody appended meanwhile (LedgerMovedError: run it again).
 */
export async function rebuildLedger(table: DynamoTable, ledger: LedgerId, options: { dryRun?: boolean } = {}): Promise<LedgerCheck> {
  const events = await eventsOf(table, ledger);
  const expected = expectedReadModels(ledger, events);
  const stored = await storedReadModels(table, ledger, expected);
  const drift = driftOf(ledger, events, expected, stored);
  if (options.dryRun || events.length === 0) return { ledger, events: events.length, drift };
  const head = expected.get(id({ pk: keys.ledger(ledger), sk: keys.head }))!;
  const stale = [...stored.values()].filter((item) => !expected.has(id(item)));
  // A personal conversation's entry keeps the person it names: the events cannot say it again.
  for (const [key, item] of expected) {
    const found = stored.get(key);
    if (item.type === 'Conversation' && found?.member !== undefined) expected.set(key, { ...item, member: found.member, name: found.name });
  }
  await batchWrite(table, [
    ...stale.map((item) => remove(item.pk, item.sk)),
    ...[...expected.values()].filter((item) => item !== head && !isEmptyTotal(item))
      .map((item) => put(INDEX_ITEM.test(item.sk) ? { ...item, [APPLIED_VERSION]: head.version } : item)),
  ]);
  try {
    await table.doc.send(new PutCommand({
      TableName: table.tableName,
      Item: head,
      ConditionExpression: 'attribute_not_exists(pk) OR version <= :v',
      ExpressionAttributeValues: { ':v': head.version },
    }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw moved(ledger);
    throw error;
  }
  // Appends write no head most of the time: one that came meanwhile shows as a newer event.
  if ((await latestEvents(table, ledger, 1))[0]?.version !== head.version) throw moved(ledger);
  return { ledger, events: events.length, drift };
}
