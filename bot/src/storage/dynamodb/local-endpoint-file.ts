import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './dynamodb-local';

/**
 * Where the service on embedded defaults says which DynamoDB Local it runs on its data folder, so
 * `ops --local` talks to that one instead of starting a second on the same files (DECISIONS).
 */
const FILE = 'endpoint.json';

const endpointFile = z.object({
  endpoint: z.string().url(),
  region: z.string(),
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  pid: z.number().int(),
});
export type LocalEndpoint = z.infer<typeof endpointFile>;

export function writeLocalEndpoint(dataDir: string, endpoint: string): void {
  const content: LocalEndpoint = { endpoint, region: LOCAL_REGION, ...LOCAL_CREDENTIALS, pid: process.pid };
  writeFileSync(join(dataDir, FILE), `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
}

export function removeLocalEndpoint(dataDir: string): void {
  rmSync(join(dataDir, FILE), { force: true });
}

/** The endpoint of the service running on `dataDir`, if one is (its process still alive). */
export function readLocalEndpoint(dataDir: string): LocalEndpoint | undefined {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return undefined;
  const parsed = endpointFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) return undefined;
  try {
    process.kill(parsed.data.pid, 0);
    return parsed.data;
  } catch {
    return undefined; // a file left by a service that is gone
  }
}
