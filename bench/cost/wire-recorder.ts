import { Readable } from 'node:stream';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A DynamoDB attribute value as it travels on the wire (`{ S: 'x' }`, `{ N: '1' }`, `{ M: {...} }`...). */
export type WireValue = Record<string, unknown>;
export type WireItem = Record<string, WireValue>;

/** One request exactly as the SDK sent it (the JSON body, AttributeValue form) and what came back. */
export interface WireCall {
  /** The DynamoDB operation: GetItem, BatchGetItem, Query, TransactWriteItems, PutItem... */
  readonly operation: string;
  readonly input: Record<string, any>;
  /** The low-level answer (AttributeValue form); absent when the request failed. */
  readonly output?: Record<string, any>;
  /** The error's name when it failed (TransactionCanceledException, ConditionalCheckFailedException...). */
  readonly error?: string;
  /** What `Inspect.before` found just before the request went out (e.g. the items it will overwrite). */
  readonly before?: unknown;
  /** What `Inspect.after` found once it was answered (e.g. the items as written, full-size items a query read). */
  readonly after?: unknown;
}

/** Looks at the table around each request, on another client, for what the request alone does not show. */
export interface Inspect {
  before?(operation: string, input: Record<string, any>): Promise<unknown>;
  after?(operation: string, input: Record<string, any>, output: Record<string, any>, before: unknown): Promise<unknown>;
}

export interface WireRecorder {
  readonly calls: WireCall[];
  /** The calls since `mark()`; `mark` is the count so far. */
  since(mark: number): WireCall[];
  mark(): number;
  /** Asks DynamoDB to say what it consumed (ReturnConsumedCapacity: INDEXES) on every call that takes it. */
  askConsumedCapacity: boolean;
  remove(): void;
}

const NAME = 'costBenchWireRecorder';
const TAKES_CONSUMED_CAPACITY = /^(GetItem|BatchGetItem|Query|Scan|PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems|TransactGetItems)$/;

/**
 * Records what a client really sends and receives, at its HTTP handler: every attempt (the SDK's
 * retries included), whatever layout and client the storage code uses.
 */
export function recordWire(doc: DynamoDBDocumentClient, inspect: Inspect = {}): WireRecorder {
  const recorder: WireRecorder = {
    calls: [],
    askConsumedCapacity: false,
    since(mark) { return this.calls.slice(mark); },
    mark() { return this.calls.length; },
    remove() {
      doc.middlewareStack.remove(`${NAME}Ask`);
      restore();
    },
  };
  let restore = () => undefined as void;
  doc.middlewareStack.add((next, context) => async (args) => {
    const operation = String(context.commandName ?? '').replace(/Command$/, '');
    // A copy of the input: the caller's own object stays as it made it.
    const asking = recorder.askConsumedCapacity && TAKES_CONSUMED_CAPACITY.test(operation);
    return next(asking ? { ...args, input: { ...(args.input as object), ReturnConsumedCapacity: 'INDEXES' } } : args);
  }, { step: 'initialize', name: `${NAME}Ask`, priority: 'high' });
  // The HTTP handler sees the request body as sent and the response body as received, before any
  // (un)marshalling: both in AttributeValue form, whatever client the storage code uses.
  const handler = doc.config.requestHandler as unknown as { handle: (request: HttpRequestLike, options?: unknown) => Promise<{ response: HttpResponseLike }> };
  const original = handler.handle;
  handler.handle = async function recorded(this: unknown, request, options) {
    const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'] ?? '';
    const operation = target.split('.')[1] ?? 'unknown';
    const input = parseBody(request.body);
    const before = await inspect.before?.(operation, input);
    const out = await original.call(this, request, options);
    const chunks: Buffer[] = [];
    for await (const chunk of out.response.body as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
    const raw = Buffer.concat(chunks);
    out.response.body = Readable.from([raw]);
    const body = parseBody(raw.toString('utf8'));
    const status = out.response.statusCode;
    const ok = status >= 200 && status < 300;
    const after = ok ? await inspect.after?.(operation, input, body, before) : undefined;
    recorder.calls.push(ok
      ? { operation, input, output: body, before, after }
      : { operation, input, error: String(body.__type ?? status).split('#').pop()!, before });
    return out;
  };
  restore = () => { handler.handle = original; };
  return recorder;
}

interface HttpRequestLike { headers: Record<string, string>; body?: unknown }
interface HttpResponseLike { statusCode: number; body: unknown }

function parseBody(body: unknown): Record<string, any> {
  const text = typeof body === 'string' ? body : body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') : '';
  try {
    return text ? (JSON.parse(text) as Record<string, any>) : {};
  } catch {
    return {};
  }
}
