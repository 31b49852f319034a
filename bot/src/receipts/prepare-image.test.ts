import { randomBytes } from 'node:crypto';
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
