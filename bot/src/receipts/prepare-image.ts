import sharp from 'sharp';
import { MAX_RECEIPT_BYTES, MAX_RECEIPT_PIXELS } from '../core/receipts/receipt-image-check';
import { decodeHeic, isHeic } from './decode-heic';

/** A receipt is readable at this size; bigger photos only cost memory and Textract's 5 MB. */
const LONGEST_SIDE = 2400;

const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

/**
 * A phone photo made ready to read: turned upright by its EXIF orientation (tesseract.js misreads
 * little-endian EXIF, RECEIPTS.md §3.6), WebP, AVIF and an iPhone's HEIC turned into JPEG,
 * anything over 5 MB or 2400 px shrunk. What it cannot decode is returned as it came, for the
 * check to answer. Decompression bombs stop at the pixel limit before they are decoded.
 */
export async function prepareReceiptImage(bytes: Uint8Array): Promise<Uint8Array> {
  if (isHeic(bytes)) {
    const jpeg = await heicAsJpeg(bytes);
    if (jpeg) return jpeg;
  }
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_RECEIPT_PIXELS }).metadata();
    const longest = Math.max(meta.width ?? 0, meta.height ?? 0);
    const plain = (isJpeg(bytes) || isPng(bytes)) && (meta.orientation ?? 1) === 1 && bytes.byteLength <= MAX_RECEIPT_BYTES && longest <= LONGEST_SIDE;
    if (plain) return bytes;
    const out = await sharp(bytes, { limitInputPixels: MAX_RECEIPT_PIXELS })
      .rotate()
      .resize({ width: LONGEST_SIDE, height: LONGEST_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
    return new Uint8Array(out);
  } catch {
    return bytes;
  }
}

/** libheif has already turned the picture upright (HEIF keeps rotation in the container, not in EXIF). */
async function heicAsJpeg(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  const image = await decodeHeic(bytes);
  if (!image) return undefined;
  const out = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: 4 },
    limitInputPixels: MAX_RECEIPT_PIXELS,
  })
    .resize({ width: LONGEST_SIDE, height: LONGEST_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer();
  return new Uint8Array(out);
}
