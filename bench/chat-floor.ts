import { randomUUID } from 'node:crypto';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { BatchGetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createServices, httpDepsFor } from '../bot/src/composition';
import { loadConfig } from '../bot/src/config/config';
import { createHttpApp } from '../bot/src/http/server';
import { createLogger } from '../bot/src/logger';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable, DynamoTable } from '../bot/src/storage/dynamodb/dynamodb-tables';
import { ensureTable } from '../bot/src/storage/dynamodb/ensure-table';

/** What the chat benches share: percentiles, a server on a free port, and the floor's storage work. */
export { percentile } from './percentile';

export const listen = (app: express.Express) => new Promise<Server>((done) => {
  const server = app.listen(0, '127.0.0.1', () => done(server));
});

/**
 * The DynamoDB work an add does, without Spendwise around it: a batched read of the directory entry,
 * the ledger's read (three keys, and its newest events beside), one transaction of four puts, then its
 * five index entries (each its own write, at once) and their mark. Floors do this per message; the
 * cost bench's floor replays the exact calls instead (bench/cost/floor-server.ts).
 */
export async function floorStorage(endpoint: string) {
  const table: DynamoTable = createDynamoTable(`bench-floor-${randomUUID().slice(0, 6)}`, { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  await ensureTable(table);
  let n = 0;
  const { tableName } = table;
  const put = (pk: string, sk: string, text: string) => table.doc.send(new PutCommand({ TableName: tableName, Item: { pk, sk, text } }));
  return {
    async addWork(who: string, text: string): Promise<void> {
      const pk = `FLOOR#${who}`;
      await table.doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [{ pk, sk: 'A' }], ConsistentRead: true } } }));
      await Promise.all([
        table.doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [{ pk, sk: 'HEAD' }, { pk, sk: 'C' }, { pk, sk: 'D' }], ConsistentRead: true } } })),
        table.doc.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false, Limit: 8, ConsistentRead: true })),
      ]);
      n += 1;
      await table.doc.send(new TransactWriteCommand({
        TransactItems: Array.from({ length: 4 }, (_, i) => ({ Put: { TableName: tableName, Item: { pk, sk: `ITEM#${n}#${i}`, text } } })),
      }));
      await Promise.all(Array.from({ length: 5 }, (_, i) => put(pk, `INDEX#${n}#${i}`, text)));
      await put(pk, 'MARK', text);
    },
    close: () => table.doc.destroy(),
  };
}

/** An app on a free loopback port; `close` also runs `cleanUp`. */
export async function serve(app: express.Express, cleanUp: () => unknown = () => undefined) {
  const server = await listen(app);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      server.close();
      await cleanUp();
    },
  };
}

/** The real service (config, composition, HTTP) on the bench's DynamoDB Local, with these channel settings. */
export async function spendwiseServer(endpoint: string, env: Record<string, string>) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', AWS_ENDPOINT_URL_DYNAMODB: endpoint, SPENDWISE_TABLE: `bench-${randomUUID().slice(0, 8)}`,
    // The bench loads one ledger far past the per-person write limits.
    RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_PER_DAY: '0', ...env });
  const log = createLogger('silent');
  const services = await createServices(config, log);
  return serve(createHttpApp(httpDepsFor(config, services, log)), () => services.close());
}
