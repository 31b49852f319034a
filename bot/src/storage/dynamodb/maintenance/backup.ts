import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { isLedgerId, LedgerId } from '../../../core/ledger/ledger-id';
import { DynamoTable } from '../dynamodb-tables';
import { keys } from '../item-keys';
import { ledgerEvents, ledgerMembers, listLedgers } from '../ledger-catalog';
import { batchWrite, put } from './batch-write';

/**
 * A backup is JSON lines: a header, then per ledger its events and its member links (the links are
 * the only thing not in the events, DECISIONS "What a backup holds"). Read models are rebuilt.
 */
const header = z.object({ kind: z.literal('spendwise-backup'), format: z.literal(1), at: z.string() });
const eventLine = z.object({
  kind: z.literal('event'), ledger: z.string().refine(isLedgerId), version: z.number().int().positive(),
  type: z.string(), data: z.unknown(), actor: z.string(), at: z.string(), schemaVersion: z.number().int(),
});
const memberLine = z.object({ kind: z.literal('member'), ledger: z.string().refine(isLedgerId), member: z.string(), name: z.string(), identity: z.string().optional() });
const line = z.discriminatedUnion('kind', [eventLine, memberLine]);

export interface BackupCounts {
  ledgers: number;
  events: number;
  members: number;
}

/** Writes every ledger's events and member links through `write`, one JSON line at a time. */
export async function writeBackup(table: DynamoTable, write: (line: string) => Promise<void> | void, now: Date, onLedger?: (counts: BackupCounts) => void): Promise<BackupCounts> {
  const counts: BackupCounts = { ledgers: 0, events: 0, members: 0 };
  await write(JSON.stringify({ kind: 'spendwise-backup', format: 1, at: now.toISOString() }));
  for await (const ledger of listLedgers(table)) {
    for await (const e of ledgerEvents(table, ledger)) {
      await write(JSON.stringify({ kind: 'event', ledger, version: e.version, type: e.event.type, data: e.event.data, actor: e.actor, at: e.at, schemaVersion: e.schemaVersion }));
      counts.events += 1;
    }
    for await (const item of ledgerMembers(table, ledger, { consistent: true })) {
      await write(JSON.stringify({ kind: 'member', ledger, member: String(item.sk).slice(keys.memberPrefix.length), name: item.name, ...(item.identity ? { identity: item.identity } : {}) }));
      counts.members += 1;
    }
    counts.ledgers += 1;
    onLedger?.(counts);
  }
  return counts;
}

export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
}

/**
 * Restores a backup into an empty table: events and member links (with the identity links that
 * let people find their ledgers again). The read models are then rebuilt from the events.
 */
export async function restoreBackup(table: DynamoTable, openLines: () => AsyncIterable<string>): Promise<{ counts: BackupCounts; ledgers: LedgerId[] }> {
  const probe = await table.doc.send(new ScanCommand({ TableName: table.tableName, Limit: 1 }));
  if ((probe.Items ?? []).length > 0) throw new RestoreRefusedError(`table ${table.tableName} is not empty: restore only into an empty table`);
  // Every line is checked before anything is written: a damaged file leaves the table empty.
  let checked = 0;
  for await (const text of openLines()) {
    checked += 1;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new RestoreRefusedError(`line ${checked} is not JSON: nothing was restored`);
    }
    if (checked === 1 ? !header.safeParse(json).success : !line.safeParse(json).success) {
      throw new RestoreRefusedError(checked === 1 ? 'not a Spendwise backup (its first line is not the backup header)' : `line ${checked} is not a backup record: nothing was restored`);
    }
  }
  const counts: BackupCounts = { ledgers: 0, events: 0, members: 0 };
  const conversations = new Map<string, string>();
  const ledgers = new Set<LedgerId>();
  let pending: ReturnType<typeof put>[] = [];
  const flush = async () => {
    await batchWrite(table, pending);
    pending = [];
  };
  let number = 0;
  // Opened only now (a second time): a line reader started earlier would run ahead of this loop.
  for await (const text of openLines()) {
    number += 1;
    if (text.trim() === '') continue;
    const json = JSON.parse(text) as unknown;
    if (number === 1) {
      if (!header.safeParse(json).success) throw new RestoreRefusedError('not a Spendwise backup (its first line is not the backup header)');
      continue;
    }
    const parsed = line.safeParse(json);
    if (!parsed.success) throw new RestoreRefusedError(`line ${number} is not a backup record`);
    const record = parsed.data;
    const ledger = record.ledger as LedgerId;
    ledgers.add(ledger);
    if (record.kind === 'event') {
      if (record.type === 'LedgerOpened') conversations.set(ledger, String((record.data as { conversation: string }).conversation));
      pending.push(put({ pk: keys.ledger(ledger), sk: keys.event(record.version), type: record.type, data: record.data, actor: record.actor, at: record.at, schemaVersion: record.schemaVersion }));
      counts.events += 1;
    } else {
      pending.push(put({ pk: keys.ledger(ledger), sk: `${keys.memberPrefix}${record.member}`, type: 'Member', name: record.name, ...(record.identity ? { identity: record.identity } : {}) }));
      const conversation = conversations.get(ledger);
      if (record.identity && conversation) {
        pending.push(put({ pk: keys.identity(record.identity), sk: keys.membership(conversation), type: 'Membership', ledger, member: record.member, name: record.name }));
      }
      counts.members += 1;
    }
    if (pending.length >= 100) await flush();
  }
  await flush();
  counts.ledgers = ledgers.size;
  return { counts, ledgers: [...ledgers] };
}
