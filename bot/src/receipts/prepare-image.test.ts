import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { checkReceiptImage, MAX_RECEIPT_BYTES } from '../core/receipts/receipt-image-check';
import { isUserError } from '../core/user-error';
import { prepareReceiptImage } from './prepare-image';

const noise = (width: number, height: number) => sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });

test('a photo over 5 MB is shrunk to a JPEG that fits, never refused for its size', async () => {
  const big = await noise(2800, 2800).png().toBuffer();
  expect(big.byteLength).toBeGreaterThan(MAX_RECEIPT_BYTES);
  const prepared = await prepareReceiptImage(big);
  expect(prepared.byteLength).toBeLessThanOrEqual(MAX_RECEIPT_BYTES);
  const meta = await sharp(prepared).metadata();
  expect([meta.format, Math.max(meta.width!, meta.height!)]).toEqual(['jpeg', 2400]);
  expect(isUserError(checkReceiptImage(prepared))).toBe(false);
});

test('a WebP photo becomes a JPEG; a sideways phone photo is turned upright by its EXIF orientation', async () => {
  const webp = await noise(300, 200).webp().toBuffer();
  expect((await sharp(await prepareReceiptImage(webp)).metadata()).format).toBe('jpeg');
  const sideways = await noise(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  const upright = await sharp(await prepareReceiptImage(sideways)).metadata();
  expect([upright.width, upright.height, upright.orientation ?? 1]).toEqual([200, 300, 1]);
});

test('an ordinary photo is left as it is; what cannot be decoded is returned for the check to answer', async () => {
  const plain = await noise(400, 600).jpeg().toBuffer();
  expect(await prepareReceiptImage(plain)).toBe(plain);
  const pdf = Buffer.from('%PDF-1.7 not an image');
  expect(await prepareReceiptImage(pdf)).toBe(pdf);
});

const fixture = (name: string) => readFileSync(join(__dirname, 'local', 'fixtures', name));

test('an iPhone HEIC photo becomes an upright JPEG of the same picture', async () => {
  const heic = fixture('green-leaf-cafe.heic');
  expect(isUserError(checkReceiptImage(heic))).toBe(true);
  const prepared = await prepareReceiptImage(heic);
  const checked = checkReceiptImage(prepared);
  expect(isUserError(checked)).toBe(false);
  const [fromHeic, fromPng] = await Promise.all([
    sharp(prepared).metadata(),
    sharp(fixture('green-leaf-cafe.png')).metadata(),
  ]);
  expect([fromHeic.format, fromHeic.width, fromHeic.height]).toEqual(['jpeg', fromPng.width, fromPng.height]);
  // Same picture: the mean brightness of the decoded photo is the PNG's, give or take compression.
  const mean = async (b: Uint8Array) => (await sharp(b).greyscale().stats()).channels[0]!.mean;
  expect(Math.abs((await mean(prepared)) - (await mean(fixture('green-leaf-cafe.png'))))).toBeLessThan(3);
});

test('a HEIC with more pixels than a receipt needs is not decoded, and the check refuses it', async () => {
  const bomb = fixture('blank-7000x6000.heic');
  const prepared = await prepareReceiptImage(bomb);
  expect(prepared).toBe(bomb);
  const refused = checkReceiptImage(prepared);
  expect(isUserError(refused) && refused.code).toBe('receipt.heic');
});
