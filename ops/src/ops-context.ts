import { coreOnTable, remoteOptions } from '../../bot/src/composition';
import { createOutbound } from '../../bot/src/channels/outbound';
import { Config, loadConfig } from '../../bot/src/config/config';
import { CoreDeps } from '../../bot/src/core/core-deps';
import { systemClock } from '../../bot/src/core/ports/clock.port';
import { startDynamoDbLocal } from '../../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable, DynamoTable } from '../../bot/src/storage/dynamodb/dynamodb-tables';
import { readLocalEndpoint } from '../../bot/src/storage/dynamodb/local-endpoint-file';

/** A mistake in how ops was called or configured: exit 2, the message on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A check or an operation that failed: exit 1. */
export class OperationFailed extends Error {
  override readonly name = 'OperationFailed';
}

export interface OpsContext {
  readonly config: Config;
  readonly table: DynamoTable;
  readonly core: CoreDeps;
  /** Where the table is: for messages. */
  readonly where: string;
  close(): Promise<void>;
}

export function opsConfig(): Config {
  return loadConfig(process.env);
}

/**
 * The table the service uses, reached the way the service reaches it. On a laptop without AWS
 * configuration nothing happens silently: `--local` uses the running service's DynamoDB Local (or
 * starts one on its data folder when the service is not running); otherwise ops says what to set.
 */
export async function openTable(options: { local?: boolean }): Promise<OpsContext> {
  const config = opsConfig();
  let stopEmbedded: (() => Promise<void>) | undefined;
  let table: DynamoTable;
  let where: string;
  if (options.local) {
    if (config.storage.kind !== 'embedded') throw new UsageError('--local is for the embedded database of `npm start`, and this environment configures DynamoDB (AWS_REGION, AWS_PROFILE or AWS_ENDPOINT_URL_DYNAMODB).');
    const running = readLocalEndpoint(config.storage.dataDir);
    const connection = running ?? (await startDynamoDbLocal({ dataDir: config.storage.dataDir }).then((db) => ((stopEmbedded = () => db.stop()), db.connection)));
    table = createDynamoTable(config.tableName, connection);
    where = `${running ? 'the running service’s' : 'a'} DynamoDB Local on ${config.storage.dataDir}`;
  } else {
    if (config.storage.kind === 'embedded') {
      throw new UsageError('No DynamoDB is configured. Set AWS_REGION (with credentials) or AWS_ENDPOINT_URL_DYNAMODB, or add --local to use the embedded database of `npm start`.');
    }
    table = createDynamoTable(config.tableName, remoteOptions(config));
    where = config.storage.endpoint ?? `DynamoDB in ${config.storage.region ?? 'the default region'}`;
  }
  const core = coreOnTable(table, systemClock, { error: (details, message) => process.stderr.write(`${message} ${JSON.stringify(details)}\n`) }, createOutbound({}));
  return {
    config, table, core, where: `${config.tableName} on ${where}`,
    async close() {
      table.doc.destroy();
      await stopEmbedded?.();
    },
  };
}

/** Runs one command's work on the table and closes it (and the embedded database) however the work ends. */
export async function withTable<T>(options: { local?: boolean }, work: (ops: OpsContext) => Promise<T>): Promise<T> {
  const ops = await openTable(options);
  try {
    return await work(ops);
  } finally {
    await ops.close();
  }
}
