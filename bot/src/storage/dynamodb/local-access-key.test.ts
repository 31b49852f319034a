import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptSharedDatabase, localAccessKey, SHARED_DB_FILE } from './local-access-key';

// The key file's rules on a real folder; the database it opens is tested with DynamoDB Local (dynamodb-local.int.test.ts).
let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'access-key-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));
const modeOf = (path: string) => statSync(path).mode & 0o777;

test('made once, owner-only, and the same key on every later call; a folder left open by older versions is narrowed', () => {
  const dataDir = join(root, 'dynamodb');
  mkdirSync(dataDir, { mode: 0o755 });
  chmodSync(dataDir, 0o755);
  const first = localAccessKey(dataDir);
  expect(first.accessKeyId).toMatch(/^[a-f0-9]{32}$/);
  expect(modeOf(dataDir)).toBe(0o700);
  expect(modeOf(join(dataDir, 'access-key.json'))).toBe(0o600);
  expect(localAccessKey(dataDir)).toEqual(first);
  expect(localAccessKey(join(root, 'other'))).not.toEqual(first);
});

test('a key file someone widened is made owner-only again; a broken one is a clear error, not a new empty database', () => {
  const dataDir = join(root, 'dynamodb');
  const key = localAccessKey(dataDir);
  const file = join(dataDir, 'access-key.json');
  chmodSync(file, 0o644);
  expect(localAccessKey(dataDir)).toEqual(key);
  expect(modeOf(file)).toBe(0o600);
  writeFileSync(file, '{"accessKeyId": "not valid!"}');
  expect(() => localAccessKey(dataDir)).toThrow(/access-key\.json is not a DynamoDB Local access key/);
  expect(readFileSync(file, 'utf8')).toContain('not valid!');
});

test('the database of -sharedDb days is carried over to the key once, and never over a database the key already has', () => {
  const dataDir = join(root, 'dynamodb');
  const key = localAccessKey(dataDir);
  const own = join(dataDir, `${key.accessKeyId}_us-east-1.db`);
  writeFileSync(join(dataDir, SHARED_DB_FILE), 'old ledgers');
  expect(adoptSharedDatabase(dataDir, key, 'us-east-1')).toBe(true);
  expect(readFileSync(own, 'utf8')).toBe('old ledgers');
  expect(existsSync(join(dataDir, SHARED_DB_FILE))).toBe(false);
  writeFileSync(join(dataDir, SHARED_DB_FILE), 'older still');
  expect(adoptSharedDatabase(dataDir, key, 'us-east-1')).toBe(false);
  expect(readFileSync(own, 'utf8')).toBe('old ledgers');
});
