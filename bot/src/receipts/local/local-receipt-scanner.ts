import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createWorker, OEM, Worker } from 'tesseract.js';
import { ReceiptScanner } from '../../core/receipts/scanned-receipt';
import { candidatesFromText } from '../../core/receipts/text-receipt';

/**
 * English LSTM data from the npm package: read from disk, never from a CDN (tesseract.js fetches
 * one when langPath is unset, ../shared/RECEIPTS.md §3.2). The "best_int" file reads as well as the
 * larger one with about 90 MB less memory.
 */
export function localOcrLanguagePath(): string {
  const path = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
  if (!existsSync(join(path, 'eng.traineddata.gz'))) throw new Error(`the local receipt reader's English data is missing at ${path}: run npm ci`);
  return path;
}

/** tesseract.js can hang for ever when its data will not load (naptha/tesseract.js#1075): a deadline for each step. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))),
  ]);
}

export interface LocalScannerOptions {
  /** Its memory only grows (the WASM heap never shrinks): a fresh worker after this many receipts. */
  readonly recycleAfter?: number;
  readonly log?: { warn(details: object, message: string): void };
}

/**
 * Receipts read on this machine with tesseract.js: one worker, one receipt at a time (a burst of
 * photos waits instead of exhausting memory), created on first use and recycled now and then.
 */
export function createLocalReceiptScanner(options: LocalScannerOptions = {}): ReceiptScanner & { close(): Promise<void> } {
  const langPath = localOcrLanguagePath();
  const recycleAfter = options.recycleAfter ?? 50;
  let worker: Promise<Worker> | undefined;
  let used = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const start = () => within(createWorker('eng', OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    cacheMethod: 'none', // the default writes eng.traineddata into the working directory
    errorHandler: (error: unknown) => options.log?.warn({ error: String(error) }, 'local receipt reader: worker error'),
  }), 30_000, 'starting the local receipt reader');

  async function recycle(): Promise<void> {
    const old = worker;
    worker = undefined;
    used = 0;
    if (old) await old.then((w) => w.terminate()).catch(() => undefined);
  }

  return {
    scan(image) {
      const job = queue.then(async () => {
        if (used >= recycleAfter) await recycle();
        worker ??= start();
        used += 1;
        try {
          const { data } = await within((await worker).recognize(Buffer.from(image)), 60_000, 'reading a receipt');
          return candidatesFromText(data.text ?? '');
        } catch (error) {
          await recycle(); // a worker that failed once is not trusted again
          throw error;
        }
      });
      queue = job.catch(() => undefined);
      return job;
    },
    close: recycle,
  };
}
