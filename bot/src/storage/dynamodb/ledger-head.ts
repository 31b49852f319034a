import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LedgerId } from '../../core/ledger/ledger-id';
import { EMPTY_LEDGER, evolve, LedgerState } from '../../core/ledger/ledger-state';
import { LedgerHead } from '../../core/ports/ledger-store.port';
import { DynamoTable } from './dynamodb-tables';
import { headItemSchema, ledgerStateSchema } from './item-schemas';
import { keys } from './item-keys';
import { latestEvents, ledgerEvents, StoredEvent } from './ledger-catalog';

/**
 * How often an event carries a snapshot of the ledger's state (`state`, the state after it): the
 * last event of an append that reaches a multiple of this. The newest SNAPSHOT_EVERY events then
 * always hold one, so a load reads them in one query and folds in the few after the snapshot.
 */
export const SNAPSHOT_EVERY = 8;

/** Whether an append from `expectedVersion` to `version` carries a snapshot on its last event. */
export const snapshotDue = (expectedVersion: number, version: number) =>
  Math.floor(expectedVersion / SNAPSHOT_EVERY) !== Math.floor(version / SNAPSHOT_EVERY);

const EMPTY_HEAD: LedgerHead = { version: 0, state: EMPTY_LEDGER };

const fold = (from: LedgerHead, events: readonly StoredEvent[]): LedgerHead =>
  events.reduce((head, e) => ({ version: e.version, state: evolve(head.state, e.event) }), from);

/**
 * A ledger's version and state. A ledger younger than SNAPSHOT_EVERY folds its few events; one whose
 * newest events hold no snapshot (written before snapshots moved into events, or restored from a
 * backup) starts from its HEAD item (each rebuild writes one) or, without one, from its first event.
 */
export async function loadHead(table: DynamoTable, ledger: LedgerId): Promise<LedgerHead> {
  const recent = await latestEvents(table, ledger, SNAPSHOT_EVERY);
  const newest = [...recent].reverse().find((e) => e.snapshot !== undefined);
  if (newest) return fold({ version: newest.version, state: ledgerStateSchema.parse(newest.snapshot) as LedgerState }, recent.filter((e) => e.version > newest.version));
  const oldest = recent[0]?.version ?? 1;
  if (oldest === 1) return fold(EMPTY_HEAD, recent);
  const from = await storedHead(table, ledger);
  if (from.version >= oldest - 1) return fold(from, recent.filter((e) => e.version > from.version));
  const after: StoredEvent[] = [];
  for await (const e of ledgerEvents(table, ledger, from.version)) after.push(e);
  return fold(from, after);
}

async function storedHead(table: DynamoTable, ledger: LedgerId): Promise<LedgerHead> {
  const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: keys.ledger(ledger), sk: keys.head }, ConsistentRead: true }));
  return out.Item ? headItemSchema.parse(out.Item) as LedgerHead : EMPTY_HEAD;
}
