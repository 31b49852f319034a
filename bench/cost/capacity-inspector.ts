import { BatchGetItemCommand, DescribeTableCommand, DynamoDBClient, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { LocalDynamoConnection } from '../../bot/src/storage/dynamodb/dynamodb-local';
import { ReadItems, TableShape, WrittenItem, itemSize } from './capacity';
import { Inspect, WireItem } from './wire-recorder';

type Target = { table: string; key: WireItem; kind: WrittenItem['kind'] };

/**
 * What billing needs beyond the request itself, read on a client of its own: the items a write
 * replaces and leaves (a write bills the larger), and the full size of what a read evaluated (a
 * projection or a filter does not make a read cheaper). Only for counting runs: it adds reads.
 */
export function capacityInspector(connection: LocalDynamoConnection) {
  const client = new DynamoDBClient({ endpoint: connection.endpoint, region: connection.region, credentials: connection.credentials });
  const shapes = new Map<string, Promise<TableShape>>();
  const shapeOf = (table: string) => {
    if (!shapes.has(table)) shapes.set(table, describe(client, table));
    return shapes.get(table)!;
  };

  async function keyOf(table: string, item: WireItem): Promise<WireItem> {
    const { keys } = await shapeOf(table);
    return Object.fromEntries(keys.map((k) => [k, item[k]!]));
  }

  async function writeTargets(operation: string, input: Record<string, any>): Promise<Target[]> {
    const one = async (kind: Target['kind'], table: string, keyOrItem: WireItem) => ({ table, kind, key: await keyOf(table, keyOrItem) });
    switch (operation) {
      case 'PutItem': return [await one('Put', input.TableName, input.Item)];
      case 'UpdateItem': return [await one('Update', input.TableName, input.Key)];
      case 'DeleteItem': return [await one('Delete', input.TableName, input.Key)];
      case 'TransactWriteItems':
        return Promise.all((input.TransactItems as Record<string, any>[]).map((t) => {
          const [kind, body] = Object.entries(t)[0] as [Target['kind'], Record<string, any>];
          return one(kind, body.TableName, body.Item ?? body.Key);
        }));
      case 'BatchWriteItem':
        return Promise.all(Object.entries(input.RequestItems as Record<string, Record<string, any>[]>).flatMap(([table, requests]) =>
          requests.map((r) => (r.PutRequest ? one('Put', table, r.PutRequest.Item) : one('Delete', table, r.DeleteRequest.Key)))));
      default: return [];
    }
  }

  /** The items at these keys now, strongly consistent, in the keys' order (undefined where absent). */
  async function itemsAt(targets: readonly { table: string; key: WireItem }[]): Promise<(WireItem | undefined)[]> {
    const found = new Map<string, WireItem>();
    const id = (table: string, key: WireItem) => `${table} ${JSON.stringify(Object.keys(key).sort().map((k) => key[k]))}`;
    for (let i = 0; i < targets.length; i += 100) {
      const chunk = targets.slice(i, i + 100);
      let request: Record<string, { Keys: WireItem[]; ConsistentRead: boolean }> = {};
      for (const t of chunk) {
        request[t.table] ??= { Keys: [], ConsistentRead: true };
        if (!request[t.table]!.Keys.some((k) => id(t.table, k) === id(t.table, t.key))) request[t.table]!.Keys.push(t.key);
      }
      while (Object.keys(request).length > 0) {
        const out = await client.send(new BatchGetItemCommand({ RequestItems: request as never }));
        for (const [table, items] of Object.entries(out.Responses ?? {})) {
          const { keys } = await shapeOf(table);
          for (const item of items as unknown as WireItem[]) found.set(id(table, Object.fromEntries(keys.map((k) => [k, item[k]!]))), item);
        }
        request = (out.UnprocessedKeys ?? {}) as unknown as typeof request;
      }
    }
    return targets.map((t) => found.get(id(t.table, t.key)));
  }

  async function fullRead(operation: string, input: Record<string, any>, output: Record<string, any>): Promise<ReadItems | undefined> {
    if (operation === 'GetItem' || operation === 'BatchGetItem' || operation === 'TransactGetItems') {
      const asked: { table: string; key: WireItem; consistent: boolean }[] =
        operation === 'GetItem' ? [{ table: input.TableName, key: input.Key, consistent: Boolean(input.ConsistentRead) }]
          : operation === 'TransactGetItems' ? (input.TransactItems as { Get: Record<string, any> }[]).map((t) => ({ table: t.Get.TableName, key: t.Get.Key, consistent: true }))
            : Object.entries(input.RequestItems as Record<string, { Keys: WireItem[]; ConsistentRead?: boolean }>).flatMap(([table, r]) => {
              const unprocessed = new Set(((output.UnprocessedKeys?.[table]?.Keys ?? []) as WireItem[]).map((k) => JSON.stringify(k)));
              return r.Keys.filter((k) => !unprocessed.has(JSON.stringify(k))).map((key) => ({ table, key, consistent: Boolean(r.ConsistentRead) }));
            });
      const items = await itemsAt(asked);
      return {
        perItem: true,
        consistent: asked.every((a) => a.consistent),
        sizes: items.filter((i): i is WireItem => i !== undefined).map(itemSize),
        missing: items.filter((i) => i === undefined).length,
      };
    }
    if (operation === 'Query' || operation === 'Scan') {
      // The same request without what does not lower the bill: the filter, the projection, COUNT.
      const { FilterExpression, ProjectionExpression, Select, ReturnConsumedCapacity, ExpressionAttributeNames, ExpressionAttributeValues, ...rest } = input;
      const expressions = [rest.KeyConditionExpression ?? ''].join(' ');
      const used = (placeholder: string) => new RegExp(`${placeholder.replace(/[#:]/, '\\$&')}(?![A-Za-z0-9_])`).test(expressions);
      const names = Object.fromEntries(Object.entries(ExpressionAttributeNames ?? {}).filter(([k]) => used(k)));
      const values = Object.fromEntries(Object.entries(ExpressionAttributeValues ?? {}).filter(([k]) => used(k)));
      const request = { ...rest, ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}), ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}) };
      const out = await client.send(operation === 'Query' ? new QueryCommand(request as never) : new ScanCommand(request as never));
      return { perItem: false, consistent: Boolean(input.ConsistentRead), sizes: ((out.Items ?? []) as unknown as WireItem[]).map(itemSize), missing: 0 };
    }
    return undefined;
  }

  const inspect: Inspect = {
    async before(operation, input) {
      const targets = await writeTargets(operation, input);
      return targets.length ? { targets, images: await itemsAt(targets) } : undefined;
    },
    async after(operation, input, output, before) {
      const written = before as { targets: Target[]; images: (WireItem | undefined)[] } | undefined;
      if (written) {
        const now = await itemsAt(written.targets);
        return written.targets.map((t, i): WrittenItem => ({ kind: t.kind, before: written.images[i], after: t.kind === 'Delete' ? undefined : t.kind === 'ConditionCheck' ? written.images[i] : now[i] }));
      }
      return fullRead(operation, input, output);
    },
  };
  return { inspect, shapeOf, close: () => client.destroy() };
}

async function describe(client: DynamoDBClient, table: string): Promise<TableShape> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
  const keysOf = (schema: { AttributeName?: string }[] | undefined) => (schema ?? []).map((k) => k.AttributeName!);
  const indexes = [...(Table?.LocalSecondaryIndexes ?? []), ...(Table?.GlobalSecondaryIndexes ?? [])].map((ix) => ({
    name: ix.IndexName!,
    keys: keysOf(ix.KeySchema),
    projection: (ix.Projection?.ProjectionType ?? 'ALL') as 'ALL' | 'KEYS_ONLY' | 'INCLUDE',
    include: ix.Projection?.NonKeyAttributes ?? [],
  }));
  return { keys: keysOf(Table?.KeySchema), indexes };
}
