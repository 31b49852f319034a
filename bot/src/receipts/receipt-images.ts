import { mkdir, readdir, rename, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RECEIPT_DRAFT_TTL_SECONDS, ReceiptImage, ReceiptImages } from '../core/receipts/receipt-store.port';
import { assertSafeReceiptIds, RECEIPT_PREFIXES } from './s3-receipt-images';

const MIME_TYPES = ['image/jpeg', 'image/png'] as const;
const extension = (mimeType: ReceiptImage['mimeType']) => (mimeType === 'image/png' ? 'png' : 'jpg');
const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Receipt images in a local folder (RECEIPTS_DIR), the embedded default. Laid out like the bucket:
 * drafts/<ledger>/ until confirmed, receipts/<ledger>/ as long as the expense. A folder has no
 * lifecycle rule, so `sweepExpiredDrafts` does its work (the bot runs it hourly).
 */
export function createFolderReceiptImages(dir: string): ReceiptImages & { sweepExpiredDrafts(now: Date): Promise<number> } {
  const folder = (prefix: string, ledger: string) => join(dir, prefix, ledger);
  const path = (prefix: string, ledger: string, receipt: string, mimeType: ReceiptImage['mimeType']) => {
    assertSafeReceiptIds(ledger, receipt);
    return join(folder(prefix, ledger), `${receipt}.${extension(mimeType)}`);
  };
  const read = async (prefix: string, ledger: string, receipt: string): Promise<ReceiptImage | undefined> => {
    for (const mimeType of MIME_TYPES) {
      try {
        return { bytes: new Uint8Array(await readFile(path(prefix, ledger, receipt, mimeType))), mimeType };
      } catch (error) {
        if (!missing(error)) throw error;
      }
    }
    return undefined;
  };
  const entries = async (at: string) => {
    try {
      return await readdir(at);
    } catch (error) {
      if (missing(error)) return [];
      throw error;
    }
  };
  return {
    async put(ledger, receipt, image) {
      const file = path(RECEIPT_PREFIXES.drafts, ledger, receipt, image.mimeType); // checked before anything is created
      await mkdir(folder(RECEIPT_PREFIXES.drafts, ledger), { recursive: true, mode: 0o700 });
      await writeFile(file, image.bytes, { mode: 0o600 });
    },
    async keep(ledger, receipt) {
      for (const mimeType of MIME_TYPES) {
        const kept = path(RECEIPT_PREFIXES.kept, ledger, receipt, mimeType);
        await mkdir(folder(RECEIPT_PREFIXES.kept, ledger), { recursive: true, mode: 0o700 });
        try {
          await rename(path(RECEIPT_PREFIXES.drafts, ledger, receipt, mimeType), kept);
        } catch (error) {
          if (!missing(error)) throw error; // the other type, or kept already (a second Confirm)
        }
      }
    },
    async get(ledger, receipt) {
      return (await read(RECEIPT_PREFIXES.kept, ledger, receipt)) ?? read(RECEIPT_PREFIXES.drafts, ledger, receipt);
    },
    async remove(ledger, receipt) {
      for (const prefix of [RECEIPT_PREFIXES.kept, RECEIPT_PREFIXES.drafts]) {
        for (const mimeType of MIME_TYPES) await rm(path(prefix, ledger, receipt, mimeType), { force: true });
      }
    },
    async removeLedger(ledger) {
      assertSafeReceiptIds(ledger);
      for (const prefix of [RECEIPT_PREFIXES.kept, RECEIPT_PREFIXES.drafts]) await rm(folder(prefix, ledger), { recursive: true, force: true });
    },
    async sweepExpiredDrafts(now) {
      const before = now.getTime() - RECEIPT_DRAFT_TTL_SECONDS * 1000;
      let removed = 0;
      for (const ledger of await entries(join(dir, RECEIPT_PREFIXES.drafts))) {
        for (const name of await entries(folder(RECEIPT_PREFIXES.drafts, ledger))) {
          const file = join(folder(RECEIPT_PREFIXES.drafts, ledger), name);
          const written = await stat(file).catch(() => undefined); // removed meanwhile by a Discard
          if (written?.isFile() && written.mtimeMs < before) {
            await rm(file, { force: true });
            removed += 1;
          }
        }
      }
      return removed;
    },
  };
}

/** In memory, for fast tests. */
export function createInMemoryReceiptImages(): ReceiptImages & { count(): number } {
  const images = new Map<string, ReceiptImage>();
  return {
    async put(ledger, receipt, image) {
      images.set(`${ledger}/${receipt}`, image);
    },
    async keep() {},
    async get(ledger, receipt) {
      return images.get(`${ledger}/${receipt}`);
    },
    async remove(ledger, receipt) {
      images.delete(`${ledger}/${receipt}`);
    },
    async removeLedger(ledger) {
      for (const key of [...images.keys()]) if (key.startsWith(`${ledger}/`)) images.delete(key);
    },
    count: () => images.size,
  };
}
