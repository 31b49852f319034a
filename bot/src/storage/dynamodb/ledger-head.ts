import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LedgerId } from '../../core/ledger/ledger-id';
import { EMPTY_LEDGER, evolve, LedgerState } from '../../core/ledger/ledger-state';
import { LedgerHead } from '../../core/ports/ledger-store.port';
import { DynamoTable } from './dynamodb-tables';
import { headItemSchema, ledgerStateSchema } from './item-schemas';
import { keys } from './item-keys';
import { latestEvents, ledgerEvents, StoredEvent } from './ledger-catalog';

/**
 * Snapshots of the ledger's state (`state`, the state after the event) ride on events: on the last
 * event of every append while the state is small enough to share the event's kilobyte (it then costs
 * no write unit), and in any case on the last event of an append that reaches a multiple of
 * SNAPSHOT_EVERY. A load reads the newest event; when that one carries no snapshot, the newest
 * SNAPSHOT_EVERY events always hold one.
 */
export const SNAPSHOT_EVERY = 8;

/** Whether an append from `expectedVersion` to `version` must carry a snapshot on its last event. */
export const snapshotDue = (expectedVersion: number, version: number) =>
  Math.floor(expectedVersion / SNAPSHOT_EVERY) !== Math.floor(version / SNAPSHOT_EVERY);

/** An item's JSON is never smaller than DynamoDB's measure of it: within this, one write unit covers it. */
export const fitsOneUnit = (item: Record<string, unknown>) => Buffer.byteLength(JSON.stringify(item)) <= 1024;

export const EMPTY_HEAD: LedgerHead = { version: 0, state: EMPTY_LEDGER };

/** `from` with `events` folded in (they follow it, oldest first). */
export const fold = (from: LedgerHead, events: readonly StoredEvent[]): LedgerHead =>
  events.reduce((head, e) => ({ version: e.version, state: evolve(head.state, e.event) }), from);

/**
 * A ledger's version and state: usually the newest event's snapshot, one small query. A ledger
 * younger than SNAPSHOT_EVERY folds its few events; one whose newest events hold no snapshot (written before snapshots moved into events, or restored from a
 * backup) starts from its HEAD item (each rebuild writes one) or, without one, from its first event.
 */
export async function loadHead(table: DynamoTable, ledger: LedgerId): Promise<LedgerHead> {
  const [newest] = await latestEvents(table, ledger, 1);
  if (!newest) return EMPTY_HEAD;
  if (newest.snapshot !== undefined) return snapshotAt(newest);
  if (newest.version === 1) return fold(EMPTY_HEAD, [newest]);
  const recent = await latestEvents(table, ledger, SNAPSHOT_EVERY);
  const snapshot = [...recent].reverse().find((e) => e.snapshot !== undefined);
  if (snapshot) return fold(snapshotAt(snapshot), recent.filter((e) => e.version > snapshot.version));
  const oldest = recent[0]!.version;
  if (oldest === 1) return fold(EMPTY_HEAD, recent);
  const from = await storedHead(table, ledger);
  if (from.version >= oldest - 1) return fold(from, recent.filter((e) => e.version > from.version));
  const after: StoredEvent[] = [];
  for await (const e of ledgerEvents(table, ledger, from.version)) after.push(e);
  return fold(from, after);
}

const snapshotAt = (e: StoredEvent): LedgerHead => ({ version: e.version, state: ledgerStateSchema.parse(e.snapshot) as LedgerState });

async function storedHead(table: DynamoTable, ledger: LedgerId): Promise<LedgerHead> {
  const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: keys.ledger(ledger), sk: keys.head }, ConsistentRead: true }));
  return out.Item ? headItemSchema.parse(out.Item) as LedgerHead : EMPTY_HEAD;
}
