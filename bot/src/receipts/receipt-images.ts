import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReceiptImage, ReceiptImages } from '../core/receipts/receipt-store.port';

const extension = (mimeType: ReceiptImage['mimeType']) => (mimeType === 'image/png' ? 'png' : 'jpg');
const SAFE = /^[A-Za-z0-9_-]+$/;

/** Receipt images in a local folder (RECEIPTS_DIR), one folder per ledger: the embedded default. */
export function createFolderReceiptImages(dir: string): ReceiptImages {
  const path = (ledger: string, receipt: string, mimeType: ReceiptImage['mimeType']) => {
    if (!SAFE.test(ledger) || !SAFE.test(receipt)) throw new Error('unsafe receipt path');
    return join(dir, ledger, `${receipt}.${extension(mimeType)}`);
  };
  return {
    async put(ledger, receipt, image) {
      const file = path(ledger, receipt, image.mimeType); // checked before anything is created
      await mkdir(join(dir, ledger), { recursive: true, mode: 0o700 });
      await writeFile(file, image.bytes, { mode: 0o600 });
    },
    // A folder has no expiry rules: the draft's image simply stays.
    async keep() {},
    async get(ledger, receipt) {
      for (const mimeType of ['image/jpeg', 'image/png'] as const) {
        try {
          return { bytes: new Uint8Array(await readFile(path(ledger, receipt, mimeType))), mimeType };
        } catch {
          /* the other type, or none */
        }
      }
      return undefined;
    },
    async remove(ledger, receipt) {
      for (const mimeType of ['image/jpeg', 'image/png'] as const) await rm(path(ledger, receipt, mimeType), { force: true });
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
    count: () => images.size,
  };
}
