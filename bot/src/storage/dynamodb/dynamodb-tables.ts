import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StorageUnavailableError } from '../../core/operational-error';

/** Where the table lives; adapters share one document client. */
export interface DynamoTable {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

export interface DynamoClientOptions {
  /** `AWS_ENDPOINT_URL_DYNAMODB`; the SDK reads it too, but DynamoDB Local is started with one we choose. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function createDynamoTable(tableName: string, options: DynamoClientOptions = {}): DynamoTable {
  const client = new DynamoDBClient({
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: 3,
    // A database that does not answer must turn into "try again" for the user within seconds.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
  });
  // Every call, on every path, turns an outage into the error the core answers with "try again".
  client.middlewareStack.add((next) => async (args) => {
    try {
      return await next(args);
    } catch (error) {
      if (isOutage(error)) throw new StorageUnavailableError('DynamoDB is unavailable', { cause: error });
      throw error;
    }
  }, { step: 'initialize', name: 'outageAsStorageUnavailable' });
  // The SDK's logger step copies every request and response through a redaction walk even when it
  // logs nothing (we give it no logger): a profile of adds showed it among the SDK's costliest steps.
  client.middlewareStack.remove('loggerMiddleware');
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { doc, tableName };
}

const UNAVAILABLE_NAMES = new Set([
  'TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ServiceUnavailable', 'InternalServerError',
  'ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Outages (no answer, 5xx, throttling) are for the user to retry; everything else stays a bug. */
function isOutage(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (e.name && UNAVAILABLE_NAMES.has(e.name)) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  // No HTTP response at all: the SDK saw a network failure (it sometimes wraps it, dropping `code`).
  if (e.$metadata && e.$metadata.httpStatusCode === undefined) return true;
  if (error instanceof Error && /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|socket hang up)\b/.test(error.message)) return true;
  return e.cause !== undefined && e.cause !== error && isOutage(e.cause);
}
