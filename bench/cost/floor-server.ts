/**
 * The floors, as a bare node:http server in a process of its own (COST_FLOOR=shape|put):
 *  - shape: per request, the DynamoDB calls the service's add made in the probe run, in order, with
 *    the same item counts and sizes but none of Spendwise around them: each read as one
 *    BatchGetItem of as many keys (items of the sizes read), each transaction as one
 *    TransactWriteItems of as many unconditional Puts of the sizes written, any other write as a Put;
 *  - put: one PutItem of the transaction's largest item.
 * POST /add {"user": "..."}; GET /healthz. Reads COST_FLOOR_SHAPE (JSON AddShape), DynamoDB from
 * AWS_ENDPOINT_URL_DYNAMODB, table COST_FLOOR_TABLE (created here), COST_FLOOR_USERS ledgers.
 */
import { createServer } from 'node:http';
import { BatchGetCommand, BatchWriteCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable } from '../../bot/src/storage/dynamodb/dynamodb-tables';
import { ensureTable } from '../../bot/src/storage/dynamodb/ensure-table';
import { AddShape, paddedItem } from './add-shape';

async function main(): Promise<void> {
  const mode = process.env.COST_FLOOR === 'put' ? 'put' : 'shape';
  const shape = JSON.parse(process.env.COST_FLOOR_SHAPE ?? '') as AddShape;
  const users = Number(process.env.COST_FLOOR_USERS ?? 50);
  const table = createDynamoTable(process.env.COST_FLOOR_TABLE ?? 'cost-floor', { endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB!, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const { tableName } = table;
  await ensureTable(table);
  const reads = shape.steps.flatMap((s, step) => (s.kind === 'read' ? [{ step, sizes: s.sizes, keys: s.keys }] : []));
  // The items the reads find, for every ledger, written before the server answers.
  const seed = Array.from({ length: users }, (_, u) => reads.flatMap((r) => r.sizes.map((bytes, k) => paddedItem(`FLOOR#u${u}`, `R${r.step}#${k}`, bytes)))).flat();
  for (let i = 0; i < seed.length; i += 25) {
    await table.doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: seed.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
  const largest = Math.max(...shape.steps.flatMap((s) => (s.kind === 'transact' ? s.items.map((i) => i.bytes) : s.kind === 'write' ? [s.bytes] : [200])));
  let n = 0;

  async function add(user: string): Promise<void> {
    const pk = `FLOOR#${user}`;
    n += 1;
    if (mode === 'put') {
      await table.doc.send(new PutCommand({ TableName: tableName, Item: paddedItem(pk, `P#${n}`, largest) }));
      return;
    }
    for (const [step, s] of shape.steps.entries()) {
      if (s.kind === 'read') {
        const Keys = Array.from({ length: Math.max(1, s.keys) }, (_, k) => ({ pk, sk: `R${step}#${k}` }));
        await table.doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys, ConsistentRead: s.consistent } } }));
      } else if (s.kind === 'transact') {
        await table.doc.send(new TransactWriteCommand({ TransactItems: s.items.map((item, i) => ({ Put: { TableName: tableName, Item: paddedItem(pk, `T#${n}#${i}`, item.bytes) } })) }));
      } else {
        await table.doc.send(new PutCommand({ TableName: tableName, Item: paddedItem(pk, `W#${n}#${step}`, s.bytes) }));
      }
    }
  }

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { user } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { user?: string };
      add(user ?? 'u0').then(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
        (error: Error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message })),
      );
    });
  });
  server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
    console.log(JSON.stringify({ msg: 'listening', port: (server.address() as { port: number }).port }));
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
