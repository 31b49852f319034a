import { QueryCommand, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { LedgerEvent } from '../../core/ledger/ledger-events';
import { isLedgerId, LedgerId, MemberId } from '../../core/ledger/ledger-id';
import { DynamoTable } from './dynamodb-tables';
import { keys, RANGE_END } from './item-keys';
import { BY_KIND_INDEX } from './table-spec';

/** An event as the table keeps it. */
export interface StoredEvent {
  readonly version: number;
  readonly event: LedgerEvent;
  readonly actor: MemberId;
  readonly at: string;
  readonly schemaVersion: number;
  /** The ledger's state after this event, on every few events (see ledger-head.ts). */
  readonly snapshot?: unknown;
}

/** Every page of a query, item by item. */
export async function* queryItems(table: DynamoTable, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): AsyncGenerator<Record<string, unknown>> {
  let start: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(new QueryCommand({ ...input, TableName: table.tableName, ExclusiveStartKey: start }));
    yield* out.Items ?? [];
    start = out.LastEvaluatedKey;
  } while (start);
}

const SHARDS = '0123456789abcdef'.split('');

/** Every ledger, through the sparse listing index (16 partitions, oldest first in each). */
export async function* listLedgers(table: DynamoTable): AsyncGenerator<LedgerId> {
  for (const shard of SHARDS) {
    for await (const item of queryItems(table, {
      IndexName: BY_KIND_INDEX,
      KeyConditionExpression: 'kindKey = :k',
      ExpressionAttributeValues: { ':k': keys.ledgerListing(`lg_${shard}` as LedgerId) },
    })) {
      const ledger = String(item.pk).slice('L#'.length);
      if (isLedgerId(ledger)) yield ledger;
    }
  }
}

/** A ledger's events in order (after `after`, when given). */
export async function* ledgerEvents(table: DynamoTable, ledger: LedgerId, after = 0): AsyncGenerator<StoredEvent> {
  for await (const item of queryItems(table, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':from': keys.event(after + 1), ':to': `${keys.eventPrefix}${RANGE_END}` },
    ConsistentRead: true,
  })) {
    yield storedEvent(item);
  }
}

/** A ledger's newest `count` events, oldest first (see ledger-head.ts). */
export async function latestEvents(table: DynamoTable, ledger: LedgerId, count: number): Promise<StoredEvent[]> {
  const out = await table.doc.send(new QueryCommand({
    TableName: table.tableName,
    // BETWEEN, not begins_with: the same range, and DynamoDB Local walks the whole partition for begins_with.
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':from': keys.eventPrefix, ':to': `${keys.eventPrefix}${RANGE_END}` },
    ScanIndexForward: false,
    Limit: count,
    ConsistentRead: true,
  }));
  return (out.Items ?? []).map(storedEvent).reverse();
}

function storedEvent(item: Record<string, unknown>): StoredEvent {
  return {
    version: Number(String(item.sk).slice(keys.eventPrefix.length)),
    event: { type: item.type, data: item.data } as LedgerEvent,
    actor: item.actor as MemberId,
    at: String(item.at),
    schemaVersion: Number(item.schemaVersion),
    ...(item.state !== undefined ? { snapshot: item.state } : {}),
  };
}

/** Every item in a ledger's own partition. */
export function ledgerPartition(table: DynamoTable, ledger: LedgerId): AsyncGenerator<Record<string, unknown>> {
  return queryItems(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.ledger(ledger) }, ConsistentRead: true });
}

/** A ledger's member items (MEMBER#…): names for reports, links for backups. */
export function ledgerMembers(table: DynamoTable, ledger: LedgerId, options: { consistent?: boolean } = {}): AsyncGenerator<Record<string, unknown>> {
  return queryItems(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
    ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':member': keys.memberPrefix },
    ...(options.consistent ? { ConsistentRead: true } : {}),
  });
}
