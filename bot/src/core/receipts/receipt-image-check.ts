import { createHash } from 'node:crypto';
import { userError, UserError } from '../user-error';

/** Textract's limits for a synchronous document (Textract Developer Guide, limits-document, API_Document). */
export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;
export const MAX_RECEIPT_SIDE = 10_000;
/** What a photo may weigh as sent, when it is prepared (shrunk) before reading: Telegram's own download limit. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** A small file can unpack into a huge image (a decompression bomb): no receipt needs more than this. */
export const MAX_RECEIPT_PIXELS = 40_000_000;

export interface CheckedImage {
  readonly bytes: Uint8Array;
  readonly mimeType: 'image/jpeg' | 'image/png';
}

const EXAMPLE = '23.50 lunch #food';
const starts = (b: Uint8Array, ...sig: number[]) => sig.every((v, i) => b[i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');

/** Width and height from a PNG's IHDR or a JPEG's first frame header, without decoding the image. */
function dimensions(b: Uint8Array, type: CheckedImage['mimeType']): { width: number; height: number } | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (type === 'image/png') return b.byteLength >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined;
  for (let i = 2; i + 9 < b.byteLength;) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    const length = view.getUint16(i + 2);
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    i += 2 + length;
  }
  return undefined;
}

/**
 * What a photo is, by its bytes and never by its name or claimed type: a JPEG or PNG that fits
 * Textract's limits, or an answer that says what to send instead.
 */
export function checkReceiptImage(bytes: Uint8Array): CheckedImage | UserError {
  const mimeType = starts(bytes, 0xff, 0xd8, 0xff) ? 'image/jpeg' : starts(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) ? 'image/png' : undefined;
  if (!mimeType) {
    if (ascii(bytes, 0, 4) === '%PDF') return userError('receipt.pdf', 'I read photos of receipts (JPEG or PNG), not PDFs yet: send a photo, or type the amount.', EXAMPLE);
    if (ascii(bytes, 4, 8) === 'ftyp') return userError('receipt.heic', 'I could not open that HEIC photo: send it as JPEG (on an iPhone, Settings → Camera → Formats → Most Compatible), or type the amount.', EXAMPLE);
    if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return userError('receipt.webp', 'That image is WebP: send it as a JPEG or PNG photo, or type the amount.', EXAMPLE);
    return userError('receipt.notImage', 'That file is not a photo I can read (JPEG or PNG). Send a photo of the receipt, or type the amount.', EXAMPLE);
  }
  if (bytes.byteLength > MAX_RECEIPT_BYTES) {
    return userError('receipt.tooLarge', `That photo is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; I read up to ${MAX_RECEIPT_BYTES / 1024 / 1024} MB. Send a smaller one, or type the amount.`, EXAMPLE);
  }
  const size = dimensions(bytes, mimeType);
  if (!size || size.width === 0 || size.height === 0) return userError('receipt.unreadable', 'I could not open that photo. Send it again, or type the amount.', EXAMPLE);
  if (size.width > MAX_RECEIPT_SIDE || size.height > MAX_RECEIPT_SIDE || size.width * size.height > MAX_RECEIPT_PIXELS) {
    return userError('receipt.tooManyPixels', `That photo is ${size.width}×${size.height} pixels; I read up to ${MAX_RECEIPT_SIDE} on each side.`, EXAMPLE);
  }
  return { bytes, mimeType };
}

/** A receipt's id, from the bytes of its photo. */
export const receiptIdOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
