import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerId } from '../core/ledger/ledger-id';
import { RECEIPT_DRAFT_TTL_SECONDS } from '../core/receipts/receipt-store.port';
import { createFolderReceiptImages } from './receipt-images';

// The folder adapter on a real temporary folder: laid out like the bucket, and swept like its lifecycle rule.
const ledger = 'L_folder' as LedgerId;
const jpeg = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]), mimeType: 'image/jpeg' as const };
const png = { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), mimeType: 'image/png' as const };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spendwise-receipts-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const ageBy = async (file: string, seconds: number) => {
  const then = new Date(Date.now() - seconds * 1000);
  await utimes(file, then, then);
};

test('a draft image is read back, kept under receipts/ once confirmed (twice is harmless), and removed with its expense', async () => {
  const images = createFolderReceiptImages(dir);
  await images.put(ledger, 'r1', jpeg);
  expect(await readdir(join(dir, 'drafts', ledger))).toEqual(['r1.jpg']);
  expect(await images.get(ledger, 'r1')).toEqual(jpeg);

  await images.keep(ledger, 'r1');
  await images.keep(ledger, 'r1');
  expect(await readdir(join(dir, 'drafts', ledger))).toEqual([]);
  expect(await readdir(join(dir, 'receipts', ledger))).toEqual(['r1.jpg']);
  expect(await images.get(ledger, 'r1')).toEqual(jpeg);

  await images.remove(ledger, 'r1');
  expect(await images.get(ledger, 'r1')).toBeUndefined();
});

test('a PNG keeps its type, and a missing image is nothing rather than an error', async () => {
  const images = createFolderReceiptImages(dir);
  await images.put(ledger, 'r2', png);
  expect(await images.get(ledger, 'r2')).toEqual(png);
  expect(await images.get(ledger, 'absent')).toBeUndefined();
  await expect(images.remove(ledger, 'absent')).resolves.toBeUndefined();
});

test('the sweep removes only drafts older than a draft lives; kept receipts and young drafts stay', async () => {
  const images = createFolderReceiptImages(dir);
  expect(await images.sweepExpiredDrafts(new Date())).toBe(0); // nothing written yet: no folder, no error
  await images.put(ledger, 'old', jpeg);
  await images.put(ledger, 'young', jpeg);
  await images.put(ledger, 'confirmed', jpeg);
  await images.keep(ledger, 'confirmed');
  await ageBy(join(dir, 'drafts', ledger, 'old.jpg'), RECEIPT_DRAFT_TTL_SECONDS + 60);
  await ageBy(join(dir, 'drafts', ledger, 'young.jpg'), RECEIPT_DRAFT_TTL_SECONDS - 3600);
  await ageBy(join(dir, 'receipts', ledger, 'confirmed.jpg'), RECEIPT_DRAFT_TTL_SECONDS * 10);

  expect(await images.sweepExpiredDrafts(new Date())).toBe(1);
  expect(await images.get(ledger, 'old')).toBeUndefined();
  expect(await images.get(ledger, 'young')).toEqual(jpeg);
  expect(await images.get(ledger, 'confirmed')).toEqual(jpeg);
});

test('ids that could leave the folder are refused before anything is written', async () => {
  const images = createFolderReceiptImages(dir);
  await expect(images.put('../etc' as LedgerId, 'r', jpeg)).rejects.toThrow('unsafe receipt path');
  await expect(images.get(ledger, '../../x')).rejects.toThrow('unsafe receipt path');
  expect(await readdir(dir)).toEqual([]);
});
