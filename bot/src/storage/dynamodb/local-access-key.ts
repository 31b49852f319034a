import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The access key of the data folder's DynamoDB Local. DynamoDB Local listens on every interface and
 * checks no signature, but without -sharedDb it keeps one database file per access key and region
 * (`<key>_<region>.db`): whoever does not know this key reaches an empty database of their own.
 * The key is made once and kept in the folder, owner-only, so every start opens the same file.
 */
const FILE = 'access-key.json';

/** The file DynamoDB Local kept with -sharedDb, which versions before the access key used. */
export const SHARED_DB_FILE = 'shared-local-instance.db';

const accessKeyFile = z.object({
  // DynamoDB Local refuses access key ids with anything but letters and digits.
  accessKeyId: z.string().regex(/^[A-Za-z0-9]{16,128}$/),
  secretAccessKey: z.string().min(1),
});
export type LocalCredentials = z.infer<typeof accessKeyFile>;

/** Creates the data folder owner-only (0700), or narrows an existing one to that. */
export function ownerOnlyFolder(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
}

/**
 * The data folder's access key: read from its file, or made on first use (0600). The service, `ops
 * --local` and whatever else opens the folder's database call this; nothing else makes or reads the key.
 */
export function localAccessKey(dataDir: string): LocalCredentials {
  ownerOnlyFolder(dataDir);
  const path = join(dataDir, FILE);
  const made: LocalCredentials = { accessKeyId: randomBytes(16).toString('hex'), secretAccessKey: randomBytes(24).toString('base64url') };
  try {
    // `wx`: of two processes starting at once, one writes the key and the other reads it.
    writeFileSync(path, `${JSON.stringify(made, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return made;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const parsed = accessKeyFile.safeParse(parseJson(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path} is not a DynamoDB Local access key ({"accessKeyId": letters and digits, "secretAccessKey"}). Restore it, or delete it to start an empty database.`);
  }
  return parsed.data;
}

/**
 * Carries a database kept with -sharedDb over to the access key's file, once: the same SQLite
 * file, renamed. True when it did.
 */
export function adoptSharedDatabase(dataDir: string, key: LocalCredentials, region: string): boolean {
  const shared = join(dataDir, SHARED_DB_FILE);
  const own = join(dataDir, `${key.accessKeyId}_${region}.db`);
  if (!existsSync(shared) || existsSync(own)) return false;
  renameSync(shared, own);
  return true;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
