import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_REGION, RunningDynamoDbLocal, startDynamoDbLocal } from './dynamodb-local';
import { createDynamoTable } from './dynamodb-tables';
import { ensureTable } from './ensure-table';
import { SHARED_DB_FILE } from './local-access-key';
import { nonLoopbackAddress } from '../../../../test/support/network';

// The data folder's DynamoDB Local as `npm start` runs it: its own Java process on a temporary folder.
const root = mkdtempSync(join(tmpdir(), 'spendwise-local-db-'));
const running: RunningDynamoDbLocal[] = [];
afterAll(async () => {
  await Promise.all(running.map((db) => db.stop()));
  rmSync(root, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<RunningDynamoDbLocal> {
  const db = await startDynamoDbLocal({ dataDir });
  running.push(db);
  return db;
}

const portOf = (db: RunningDynamoDbLocal) => Number(new URL(db.endpoint).port);
const ITEM = { pk: 'L#secret', sk: 'E#1', description: 'rent', amount: 125000 };

test('a stranger on the port sees no tables and reads nothing; the key is kept owner-only and reused, the data survives a restart', async () => {
  const dataDir = join(root, 'nested', 'dynamodb');
  const first = await start(dataDir);
  expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  const keyFile = join(dataDir, 'access-key.json');
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  const key = JSON.parse(readFileSync(keyFile, 'utf8')) as { accessKeyId: string };
  expect(first.connection.credentials.accessKeyId).toBe(key.accessKeyId);
  expect(key.accessKeyId).toMatch(/^[a-f0-9]{32}$/);

  const owner = createDynamoTable('spendwise', first.connection);
  await ensureTable(owner);
  await owner.doc.send(new PutCommand({ TableName: owner.tableName, Item: ITEM }));

  // Anyone who can reach the port (it listens on every interface), with any key but ours.
  const fromTheRoom = `http://${nonLoopbackAddress() ?? '127.0.0.1'}:${portOf(first)}`;
  for (const accessKeyId of ['local', 'stranger', 'AKIAIOSFODNN7EXAMPLE']) {
    const stranger = createDynamoTable('spendwise', { endpoint: fromTheRoom, region: LOCAL_REGION, credentials: { accessKeyId, secretAccessKey: 'guess' } });
    expect((await stranger.doc.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    await expect(stranger.doc.send(new GetCommand({ TableName: 'spendwise', Key: { pk: ITEM.pk, sk: ITEM.sk } }))).rejects.toThrow(/non-existent table|not found/i);
    stranger.doc.destroy();
  }
  owner.doc.destroy();
  await first.stop();

  const second = await start(dataDir);
  expect(second.connection.credentials).toEqual(first.connection.credentials);
  expect(readFileSync(keyFile, 'utf8')).toContain(key.accessKeyId);
  // A port picked at random each start, never DynamoDB Local's fixed 8000.
  expect(portOf(second)).not.toBe(portOf(first));
  expect([portOf(first), portOf(second)]).not.toContain(8000);
  const again = createDynamoTable('spendwise', second.connection);
  expect((await again.doc.send(new GetCommand({ TableName: 'spendwise', Key: { pk: ITEM.pk, sk: ITEM.sk } }))).Item).toEqual(ITEM);
  again.doc.destroy();
  await second.stop();
}, 90_000);

test('a data folder from before the access key (one shared-local-instance.db) keeps its data', async () => {
  // A database file of the data, as -sharedDb kept it: the same SQLite file under the shared name.
  const before = join(root, 'before');
  const seeded = await start(before);
  const seed = createDynamoTable('spendwise', seeded.connection);
  await ensureTable(seed);
  await seed.doc.send(new PutCommand({ TableName: seed.tableName, Item: ITEM }));
  seed.doc.destroy();
  await seeded.stop();
  const old = join(root, 'old-version');
  mkdirSync(old, { mode: 0o755 });
  copyFileSync(join(before, `${seeded.connection.credentials.accessKeyId}_${LOCAL_REGION}.db`), join(old, SHARED_DB_FILE));

  const upgraded = await start(old);
  expect(upgraded.adoptedSharedDb).toBe(true);
  expect(statSync(old).mode & 0o777).toBe(0o700);
  expect(readdirSync(old)).not.toContain(SHARED_DB_FILE);
  const table = createDynamoTable('spendwise', upgraded.connection);
  expect((await table.doc.send(new GetCommand({ TableName: 'spendwise', Key: { pk: ITEM.pk, sk: ITEM.sk } }))).Item).toEqual(ITEM);
  table.doc.destroy();
  await upgraded.stop();
}, 90_000);
