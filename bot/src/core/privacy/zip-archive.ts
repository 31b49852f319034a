import { Zip, ZipDeflate } from 'fflate';
import { ReplyFile } from '../conversation/reply';

/**
 * A zip written entry by entry as its content is produced (fflate, deflate): what is kept is the
 * compressed archive, never the whole uncompressed content.
 */
export function zipArchive(name: string) {
  const chunks: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else chunks.push(data);
  });
  const encoder = new TextEncoder();
  return {
    /** An entry written from text produced piece by piece (rows of a CSV, page by page). */
    async entry(path: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
      const file = new ZipDeflate(path, { level: 6 });
      zip.add(file);
      for await (const piece of pieces) file.push(encoder.encode(piece));
      file.push(new Uint8Array(0), true);
    },
    finish(): ReplyFile {
      zip.end();
      if (failure) throw failure;
      const size = chunks.reduce((sum, c) => sum + c.byteLength, 0);
      return {
        name,
        mimeType: 'application/zip',
        size,
        async *open() {
          yield* chunks;
        },
      };
    },
  };
}
