import { ReplyFile } from '../../core/conversation/reply';
import { FileSpool } from '../../core/ports/file-spool.port';

/** What the in-memory spool holds: files written, and how, for tests to look at. */
export interface InMemorySpool extends FileSpool {
  /** Files created and neither released nor discarded. */
  readonly held: number;
  /** Every `write` so far, in order, by the file's name. */
  readonly writes: { readonly name: string; readonly bytes: number }[];
}

/** The spool in memory, for the core's fast tests. */
export function createInMemorySpool(): InMemorySpool {
  const live = new Set<object>();
  const writes: { name: string; bytes: number }[] = [];
  return {
    get held() {
      return live.size;
    },
    writes,
    async create(name, mimeType) {
      const chunks: Uint8Array[] = [];
      const token = {};
      live.add(token);
      let finished = false;
      return {
        async write(bytes) {
          if (finished) throw new Error('spool: write after finish');
          chunks.push(bytes.slice());
          writes.push({ name, bytes: bytes.byteLength });
        },
        async finish(): Promise<ReplyFile> {
          finished = true;
          const size = chunks.reduce((sum, c) => sum + c.byteLength, 0);
          return {
            name,
            mimeType,
            size,
            async *open() {
              if (!live.has(token)) throw new Error(`spool: ${name} was released`);
              yield* chunks;
            },
            async release() {
              live.delete(token);
            },
          };
        },
        async discard() {
          finished = true;
          live.delete(token);
        },
      };
    },
  };
}
