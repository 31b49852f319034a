import { Zip, ZipDeflate } from 'fflate';
import { ReplyFile } from '../conversation/reply';
import { SpoolWriter } from '../ports/file-spool.port';

/**
 * A zip written entry by entry as its content is produced (fflate, deflate), its compressed bytes
 * going to the spool as they come: what is in memory is the piece being compressed, never the archive.
 */
export function zipArchive(out: SpoolWriter) {
  // fflate hands compressed bytes over synchronously; they are written in order, and every piece
  // waits until they are on the spool before the next one is read.
  let written: Promise<void> = Promise.resolve();
  let failure: Error | undefined;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else written = written.then(() => out.write(data));
  });
  const settled = async () => {
    await written;
    if (failure) throw failure;
  };
  const encoder = new TextEncoder();
  return {
    /** An entry written from text (or bytes) produced piece by piece (rows of a CSV, page by page). */
    async entry(path: string, pieces: AsyncIterable<string | Uint8Array> | Iterable<string>): Promise<void> {
      const file = new ZipDeflate(path, { level: 6 });
      zip.add(file);
      for await (const piece of pieces) {
        file.push(typeof piece === 'string' ? encoder.encode(piece) : piece);
        await settled();
      }
      file.push(new Uint8Array(0), true);
      await settled();
    },
    async finish(): Promise<ReplyFile> {
      zip.end();
      await settled();
      return out.finish();
    },
  };
}
