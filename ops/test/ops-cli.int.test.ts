import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { chat, ledgerOf } from '../../test/support/chat';
import { coreOn, fixedClock, testEndpoint } from '../../test/support/test-ledger';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable, DynamoTable } from '../../bot/src/storage/dynamodb/dynamodb-tables';
import { ensureTable } from '../../bot/src/storage/dynamodb/ensure-table';
import { keys } from '../../bot/src/storage/dynamodb/item-keys';
import { createFolderReceiptImages } from '../../bot/src/receipts/receipt-images';
import { runOps } from './run-ops';
import { createDynamoDueSchedules } from '../../bot/src/storage/dynamodb/dynamodb-due-schedules';

// Each test runs the CLI several times as its own process (tsx): on a busy 2-core runner that takes a while.
jest.setTimeout(90_000);

// The ops CLI as a child process, against DynamoDB Local: exit codes, --json output, files written.
const dir = mkdtempSync(join(tmpdir(), 'ops-'));
const clock = fixedClock('2026-11-22T10:00:00Z');
let table: DynamoTable;
let env: Record<string, string>;
const tables: DynamoTable[] = [];

async function tableNamed(name: string): Promise<DynamoTable> {
  const t = createDynamoTable(name, { endpoint: testEndpoint(), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  tables.push(t);
  return t;
}

beforeAll(async () => {
  const name = `ops-${randomUUID().slice(0, 8)}`;
  env = { AWS_ENDPOINT_URL_DYNAMODB: testEndpoint(), SPENDWISE_TABLE: name, LOG_LEVEL: 'silent' };
  expect((await runOps(['table', 'create'], env)).stdout).toContain('status: created');
  table = await tableNamed(name);
  const core = coreOn(table, clock);
  const alice = chat(core, 'alice', { hints: { timeZone: 'UTC' } });
  for (const line of ['12.50 lunch, with "Sam" #food 2026-11-03', '₫120.000 groceries 2026-11-05', '1.250 KWD =SUM(A1) 2026-11-04', '99 old 2026-10-30', '7 tea 2026-11-20']) await alice.say(line);
  await alice.say('delete 5');
  await chat(core, 'bob', { hints: { timeZone: 'UTC' } }).say('help');
}, 60_000);
afterAll(() => tables.forEach((t) => t.doc.destroy()));

test('usage mistakes exit 2 with a message; without DynamoDB configured nothing starts silently', async () => {
  expect((await runOps(['frobnicate'], env)).code).toBe(2);
  const unconfirmed = await runOps(['ledger', 'forget', 'local:alice'], env);
  expect(unconfirmed.code).toBe(2);
  expect(unconfirmed.stderr).toContain('--yes');
  const unconfigured = await runOps(['stats'], { SPENDWISE_DATA_DIR: join(dir, 'nothing-here') });
  expect(unconfigured.code).toBe(2);
  expect(unconfigured.stderr).toContain('No DynamoDB is configured');
  expect((await runOps(['export', '--ledger', 'nobody'], env)).stderr).toContain('neither a ledger id');
  expect((await runOps(['--help'], env)).code).toBe(0);
});

test('table create is idempotent; describe shows the keys and the listing index', async () => {
  expect((await runOps(['table', 'create'], env)).stdout).toContain('status: exists');
  const described = await runOps(['--json', 'table', 'describe'], env);
  expect(JSON.parse(described.stdout)).toMatchObject({ status: 'ACTIVE', globalIndexes: 'byKind (ACTIVE)', keys: 'pk (HASH), sk (RANGE)' });
});

test('export gives the chat export’s CSV; importing it into another ledger gives the same CSV; again adds nothing', async () => {
  const file = join(dir, 'alice.csv');
  const exported = await runOps(['export', '--ledger', 'local:alice', '--out', file], env);
  expect(exported.code).toBe(0);
  const csv = readFileSync(file, 'utf8');
  expect(csv).toBe(
    'date,amount,currency,category,description,reference\r\n' +
    '2026-10-30,99.00,USD,other,old,#4\r\n' +
    '2026-11-03,12.50,USD,food,"lunch, with ""Sam""",#1\r\n' +
    "2026-11-04,1.250,KWD,other,'=SUM(A1),#3\r\n" +
    '2026-11-05,120000,VND,groceries,groceries,#2\r\n',
  );
  const imported = await runOps(['--json', 'import', '--ledger', 'local:bob', file], env);
  expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 4, alreadyImported: 0 });
  expect((await runOps(['export', '--ledger', 'local:bob'], env)).stdout).toBe(csv);
  expect(JSON.parse((await runOps(['--json', 'import', '--ledger', 'local:bob', file], env)).stdout)).toMatchObject({ imported: 0, alreadyImported: 4 });
  // The same rows saved again by another tool (other line ends) are still already there.
  const resaved = join(dir, 'alice-lf.csv');
  writeFileSync(resaved, csv.replace(/\r\n/g, '\n'));
  expect(JSON.parse((await runOps(['--json', 'import', '--ledger', 'local:bob', resaved], env)).stdout)).toMatchObject({ imported: 0, alreadyImported: 4 });
  const json = JSON.parse((await runOps(['export', '--ledger', 'local:bob', '--format', 'json', '--from', '2026-11-01', '--to', '2026-11-04'], env)).stdout);
  expect(json.map((e: { description: string }) => e.description)).toEqual(['lunch, with "Sam"', '=SUM(A1)']);
});

test('an import with bad rows names each line and writes nothing (unless told to skip them)', async () => {
  const file = join(dir, 'bad.csv');
  writeFileSync(file, 'date,amount,currency,category,description,reference\n2026-11-01,5.00,USD,food,ok,#1\n2026-13-01,5.00,USD,food,bad date,#2\n2026-11-02,-3,USD,food,negative,#3\n2026-11-03,4.00,XYZ,food,bad currency,#4\n2026-11-04,1.500,USD,food,three decimals,#5\n');
  const refused = await runOps(['import', '--ledger', 'local:bob', file], env);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toMatch(/3\s+"2026-13-01" is not a date/);
  expect(refused.stdout).toMatch(/4\s+"-3" is not an amount/);
  expect(refused.stdout).toMatch(/5\s+"XYZ" is not an ISO 4217 currency code/);
  expect(refused.stdout).toMatch(/6\s+"1.500" has more decimals than USD has \(2\)/);
  expect(refused.stderr).toContain('nothing was imported');
  const before = (await runOps(['export', '--ledger', 'local:bob'], env)).stdout;
  expect(before).not.toContain(',ok,');
  const skipping = await runOps(['--json', 'import', '--skip-invalid', '--ledger', 'local:bob', file], env);
  expect(JSON.parse(skipping.stdout)).toMatchObject({ imported: 1, skippedInvalid: 4 });
});

test('verify finds a damaged read model, rebuild fixes it, verify then passes', async () => {
  expect((await runOps(['projections', 'verify'], env)).code).toBe(0);
  const { ledger } = await ledgerOf(coreOn(table, clock), 'alice');
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { pk: keys.ledger(ledger), sk: keys.monthSummary('2026-11', 'USD'), type: 'MonthSummary', 'c:food': 1, 'n:food': 9 } }));
  await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: { pk: keys.ledger(ledger), sk: keys.expense(2) } }));
  const damaged = await runOps(['--json', 'projections', 'verify'], env);
  expect(damaged.code).toBe(1);
  expect(JSON.parse(damaged.stdout).drift).toEqual(expect.arrayContaining([
    { ledger, item: `${keys.ledger(ledger)}|MS#2026-11#USD`, problem: 'different' },
    { ledger, item: `${keys.ledger(ledger)}|EXP#0000000002`, problem: 'missing' },
  ]));
  const rebuilt = await runOps(['--json', 'projections', 'rebuild'], env);
  expect(JSON.parse(rebuilt.stdout)).toMatchObject({ fixed: 2 });
  expect((await runOps(['projections', 'verify'], env)).stdout).toContain('read models agree with the events');
});

test('backup, then restore into an empty table and rebuild: the same exports and schedules; a non-empty table is refused', async () => {
  // Bob's recurring expense, its due entry claimed by a scheduler just now: not drift, and it comes back.
  await chat(coreOn(table, clock), 'bob').say('recurring add monthly 1 10 rent');
  const bob = (await ledgerOf(coreOn(table, clock), 'bob')).ledger;
  const dueOf = async (t: DynamoTable) => (await createDynamoDueSchedules(t).due(new Date('2026-12-01T00:00:00Z'), 100)).filter((d) => d.ledger === bob);
  const [entry] = await dueOf(table);
  expect(await createDynamoDueSchedules(table).claim(entry!, new Date('2026-12-01T00:05:00Z'))).toBe(1);
  expect((await runOps(['projections', 'verify'], env)).code).toBe(0);
  const file = join(dir, 'backup.jsonl.gz');
  const backup = await runOps(['--json', 'backup', '--out', file], env);
  expect(JSON.parse(backup.stdout)).toMatchObject({ ledgers: 2 });
  const restoredEnv = { ...env, SPENDWISE_TABLE: `restored-${randomUUID().slice(0, 8)}` };
  const restored = await runOps(['--json', 'restore', '--in', file], restoredEnv);
  expect(restored.code).toBe(0);
  for (const who of ['local:alice', 'local:bob']) {
    expect((await runOps(['export', '--ledger', who], restoredEnv)).stdout).toBe((await runOps(['export', '--ledger', who], env)).stdout);
  }
  expect((await runOps(['projections', 'verify'], restoredEnv)).code).toBe(0);
  // People find their ledgers again: the restored directory answers a chat.
  const restoredTable = await tableNamed(restoredEnv.SPENDWISE_TABLE);
  expect(await chat(coreOn(restoredTable, clock), 'alice').say('list')).toContain('Latest 4');
  expect((await dueOf(restoredTable)).map((d) => [d.schedule, d.occurrence, d.dueAt])).toEqual([['s1', '2026-12-01', '2026-12-01T00:00:00.000Z']]);
  const again = await runOps(['restore', '--in', file], restoredEnv);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('not empty');
});

test('demo seed, stats, and ledger forget', async () => {
  const core = coreOn(table, clock);
  await chat(core, 'demo', { hints: { timeZone: 'UTC' } }).say('help');
  const seeded = await runOps(['--json', 'demo', 'seed', '--ledger', 'local:demo', '--months', '2'], env);
  expect(JSON.parse(seeded.stdout).expenses).toBeGreaterThan(40);
  const stats = JSON.parse((await runOps(['--json', 'stats'], env)).stdout);
  expect(stats.ledgers).toBe(3);
  expect(stats.perMonth.length).toBeGreaterThanOrEqual(2);
  // Its receipt images, drafts and kept, go with it; another ledger's stay.
  const receiptsDir = join(dir, 'receipts');
  const images = createFolderReceiptImages(receiptsDir);
  const demo = (await ledgerOf(core, 'demo')).ledger;
  const alice = (await ledgerOf(core, 'alice')).ledger;
  const photo = { bytes: new Uint8Array([0xff, 0xd8, 0xff]), mimeType: 'image/jpeg' as const };
  await images.put(demo, 'draft1', photo);
  await images.put(demo, 'kept1', photo);
  await images.keep(demo, 'kept1');
  await images.put(alice, 'kept2', photo);
  await images.keep(alice, 'kept2');
  const forgotten = await runOps(['--json', 'ledger', 'forget', 'local:demo', '--yes'], { ...env, RECEIPTS_DIR: receiptsDir });
  expect(JSON.parse(forgotten.stdout)).toMatchObject({ memberLinks: 1, directoryEntries: 1, receiptImages: 'deleted from the folder' });
  expect(await images.get(demo, 'draft1')).toBeUndefined();
  expect(await images.get(demo, 'kept1')).toBeUndefined();
  expect(await images.get(alice, 'kept2')).toEqual(photo);
  expect(JSON.parse(forgotten.stdout).events).toBeGreaterThan(40);
  expect((await runOps(['export', '--ledger', 'local:demo'], env)).stderr).toContain('no ledger for local:demo');
  expect(JSON.parse((await runOps(['--json', 'stats'], env)).stdout).ledgers).toBe(2);
  // A person who comes back starts a fresh ledger.
  expect(await chat(core, 'demo').say('list')).toContain('No expenses yet');
});

test('user forget: the same forgetting as the chat’s "forget me"; refuses a group, asks for --yes', async () => {
  const core = coreOn(table, clock);
  await chat(core, 'zed', { hints: { timeZone: 'UTC' } }).say('9 tea');
  await chat(core, 'zed', { group: 'band' }).say('30 strings');
  expect((await runOps(['user', 'forget', 'telegram:-100'], env)).stderr).toContain('not a person');
  expect((await runOps(['user', 'forget', 'local:zed'], env)).stderr).toContain('--yes');
  const forgotten = JSON.parse((await runOps(['--json', 'user', 'forget', 'local:zed', '--yes'], { ...env, RECEIPTS_DIR: join(dir, 'receipts') })).stdout);
  expect(forgotten).toMatchObject({ identity: 'local:zed', personalLedgers: 1, expenses: 1, groupLedgers: 1, receiptImages: 'deleted' });
  expect(await chat(core, 'zed').say('forget me for good')).toBe('I hold nothing about you: there was nothing to forget.');
  expect(await chat(core, 'amy', { group: 'band' }).say('list')).toContain('by a former member');
});

test('a damaged backup is refused before anything is written, naming the line; an unwritable --out is a usage error', async () => {
  const { gzipSync, gunzipSync } = await import('node:zlib');
  const good = join(dir, 'good.jsonl.gz');
  expect((await runOps(['backup', '--out', good], env)).code).toBe(0);
  const lines = gunzipSync(readFileSync(good)).toString('utf8').split('\n');
  lines[3] = '{"kind":"event","ledger":"nope"}';
  const damaged = join(dir, 'damaged.jsonl.gz');
  writeFileSync(damaged, gzipSync(lines.join('\n')));
  const emptyEnv = { ...env, SPENDWISE_TABLE: `damaged-${randomUUID().slice(0, 8)}` };
  const refused = await runOps(['restore', '--in', damaged], emptyEnv);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('line 4 is not a backup record: nothing was restored');
  expect((await runOps(['restore', '--in', good], emptyEnv)).code).toBe(0);
  const nowhere = await runOps(['backup', '--out', join(dir, 'no-such-folder', 'x.gz')], env);
  expect(nowhere.code).toBe(2);
  expect(nowhere.stderr).toContain('cannot write');
});
