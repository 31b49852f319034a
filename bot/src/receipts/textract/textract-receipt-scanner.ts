import { AnalyzeExpenseCommand, TextractClient } from '@aws-sdk/client-textract';
import { ReceiptReaderUnavailableError } from '../../core/operational-error';
import { ReceiptScanner, ScannedReceipt } from '../../core/receipts/scanned-receipt';
import { fromAnalyzeExpense } from './from-analyze-expense';

/**
 * Textract's synchronous limit for Document.Bytes: "5 MB ... PNG or JPEG" (API_Document, Textract
 * Developer Guide). Larger images are downscaled before they get here.
 */
export const TEXTRACT_MAX_BYTES = 5 * 1024 * 1024;

const RETRYABLE = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'InternalServerError', 'LimitExceededException']);

export { ReceiptReaderUnavailableError };

/**
 * AnalyzeExpense as a ReceiptScanner. The endpoint follows the SDK's own AWS_ENDPOINT_URL_TEXTRACT;
 * throttling is retried with backoff by the SDK (a few attempts), then reported as unavailable.
 */
export function createTextractReceiptScanner(options: { region?: string; maxAttempts?: number; concurrency?: number } = {}): ReceiptScanner & { close(): void } {
  const client = new TextractClient({ ...(options.region ? { region: options.region } : {}), maxAttempts: options.maxAttempts ?? 4 });
  // A burst of photos waits its turn: a few receipts in flight per task, never all of them in memory at once.
  const slots = { free: options.concurrency ?? 4, waiting: [] as (() => void)[] };
  const acquire = () => (slots.free > 0 ? ((slots.free -= 1), Promise.resolve()) : new Promise<void>((resolve) => slots.waiting.push(resolve)));
  const release = () => {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free += 1;
  };
  return {
    async scan(image) {
      await acquire();
      try {
        return await scanNow(image);
      } finally {
        release();
      }
    },
    close: () => client.destroy(),
  };

  async function scanNow(image: Uint8Array): Promise<ScannedReceipt> {
    if (image.byteLength > TEXTRACT_MAX_BYTES) throw new Error(`receipt image of ${image.byteLength} bytes: downscale it first (Textract takes ${TEXTRACT_MAX_BYTES})`);
    try {
      const response = await client.send(new AnalyzeExpenseCommand({ Document: { Bytes: image } }), { abortSignal: AbortSignal.timeout(30_000) });
      return fromAnalyzeExpense(response);
    } catch (error) {
      const name = (error as Error).name;
      // A picture Textract cannot read is an empty reading, for the draft to ask about.
      if (name === 'UnsupportedDocumentException' || name === 'BadDocumentException') return { candidates: [], items: [], lines: [] };
      if (RETRYABLE.has(name) || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === undefined) {
        throw new ReceiptReaderUnavailableError(`Textract: ${name}`, { cause: error });
      }
      throw error;
    }
  }
}
