import sharp from 'sharp';

export interface PngDifference {
  readonly sameSize: boolean;
  /** Share of pixels (0..1) where some channel differs by more than the tolerance. */
  readonly differingShare: number;
}

/** Compares two PNGs pixel by pixel: small anti-aliasing differences (below `channelTolerance`) do not count. */
export async function comparePngs(actual: Uint8Array, expected: Uint8Array, channelTolerance = 48): Promise<PngDifference> {
  const [a, b] = await Promise.all([actual, expected].map((png) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })));
  if (a!.info.width !== b!.info.width || a!.info.height !== b!.info.height) return { sameSize: false, differingShare: 1 };
  const pixels = a!.info.width * a!.info.height;
  let differing = 0;
  for (let p = 0; p < pixels * 4; p += 4) {
    for (let c = 0; c < 4; c += 1) {
      if (Math.abs(a!.data[p + c]! - b!.data[p + c]!) > channelTolerance) {
        differing += 1;
        break;
      }
    }
  }
  return { sameSize: true, differingShare: differing / pixels };
}
