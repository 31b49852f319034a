import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LocalDynamoConnection } from './dynamodb-local';

/**
 * Where the service on embedded defaults says which DynamoDB Local it runs on its data folder, so
 * `ops --local` talks to that one instead of starting a second on the same files (DECISIONS).
 * It holds the folder's access key (from local-access-key), so it is owner-only like the key's file.
 */
const FILE = 'endpoint.json';

const endpointFile = z.object({
  endpoint: z.string().url(),
  region: z.string(),
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  pid: z.number().int(),
});

export function writeLocalEndpoint(dataDir: string, connection: LocalDynamoConnection): void {
  const content: z.infer<typeof endpointFile> = { endpoint: connection.endpoint, region: connection.region, ...connection.credentials, pid: process.pid };
  writeFileSync(join(dataDir, FILE), `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
}

export function removeLocalEndpoint(dataDir: string): void {
  rmSync(join(dataDir, FILE), { force: true });
}

/** How to reach the DynamoDB Local of the service running on `dataDir`, if one is (its process still alive). */
export function readLocalEndpoint(dataDir: string): LocalDynamoConnection | undefined {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return undefined;
  const parsed = endpointFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) return undefined;
  const { endpoint, region, accessKeyId, secretAccessKey, pid } = parsed.data;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // a file left by a service that is gone
  }
  return { endpoint, region, credentials: { accessKeyId, secretAccessKey } };
}
