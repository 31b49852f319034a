import { MAX_RECEIPT_PIXELS } from '../core/receipts/receipt-image-check';

/** The decoded pixels of a photo, as RGBA. */
export interface RawImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

interface HeicImage {
  readonly width: number;
  readonly height: number;
  decode(): Promise<RawImage>;
}
type HeicDecoder = { all(input: { buffer: Uint8Array }): Promise<HeicImage[] & { dispose(): void }> };

let decoder: HeicDecoder | undefined;
/** Loaded on the first HEIC photo: the WebAssembly decoder costs memory nobody else needs. */
const heicDecoder = (): HeicDecoder => (decoder ??= require('heic-decode') as HeicDecoder);

/** The ISO base media brands of a HEVC-coded HEIF ("HEIC"), the format iPhones save photos in. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1']);
export const isHeic = (b: Uint8Array) =>
  Buffer.from(b.subarray(4, 8)).toString('latin1') === 'ftyp' && HEIC_BRANDS.has(Buffer.from(b.subarray(8, 12)).toString('latin1'));

/**
 * The first picture of a HEIC photo. sharp's prebuilt binaries carry no HEVC decoder (patents), so
 * libheif compiled to WebAssembly reads it; its size is checked before any pixel is decoded.
 * Undefined when the file is not a picture it can decode, or holds more pixels than a receipt needs.
 */
export async function decodeHeic(bytes: Uint8Array): Promise<RawImage | undefined> {
  if (!isHeic(bytes)) return undefined;
  let images: Awaited<ReturnType<HeicDecoder['all']>> | undefined;
  try {
    images = await heicDecoder().all({ buffer: bytes });
    const first = images[0];
    if (!first || first.width * first.height > MAX_RECEIPT_PIXELS || first.width === 0 || first.height === 0) return undefined;
    return await first.decode();
  } catch {
    return undefined;
  } finally {
    images?.dispose();
  }
}
