import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { LocalDownloads } from '../../channels/local/local-downloads';
import { ReplyFile } from '../../core/conversation/reply';
import { FileSpool, SpoolWriter } from '../../core/ports/file-spool.port';

export interface FileSpoolOptions {
  /** A folder of its own (made owner-only): everything in it older than `keepForMs` is swept. */
  readonly dir: string;
  /** How long a kept download lasts, and after how long a spooled file left behind (a crash) is swept. Default an hour. */
  readonly keepForMs?: number;
  readonly now?: () => number;
}

export interface DiskSpool extends FileSpool, LocalDownloads {
  readonly dir: string;
  /** Deletes what is older than `keepForMs`: files a crashed process left behind, expired downloads. Returns how many. */
  sweep(): Promise<number>;
}

const HOUR_MS = 60 * 60 * 1000;

/** A folder not made yet has nothing in it. */
const absentAsEmpty = (error: NodeJS.ErrnoException): string[] => {
  if (error.code === 'ENOENT') return [];
  throw error;
};
const DOWNLOAD = /^d-[0-9a-f-]{36}$/;
const downloadMeta = z.object({ name: z.string(), mimeType: z.string() });

/**
 * The spool on the local disk (under the OS's temporary folder; a volume in the container). Files
 * are owner-only, named by random ids, deleted when their reply has been sent, and swept by age.
 */
export function createFileSpool(options: FileSpoolOptions): DiskSpool {
  const { dir } = options;
  const keepForMs = options.keepForMs ?? HOUR_MS;
  const now = options.now ?? Date.now;
  // Personal data: nobody else on the machine may list or read it. Made when first needed (a
  // process that never exports writes nothing), and tried again after a failure.
  let made: Promise<unknown> | undefined;
  const ready = () => (made ??= mkdir(dir, { recursive: true, mode: 0o700 }).catch((error: Error) => {
    made = undefined;
    throw error;
  }));
  const pathOf = (id: string) => join(dir, id);

  const spooled = (path: string, name: string, mimeType: string, size: number, release?: () => Promise<void>): ReplyFile => ({
    name,
    mimeType,
    size,
    // Opened only when read, and closed however the reading ends: an upload that fails before it
    // reads the body leaves no file handle open.
    async *open() {
      const stream = createReadStream(path);
      try {
        yield* stream as AsyncIterable<Buffer>;
      } finally {
        stream.destroy();
      }
    },
    ...(release ? { release } : {}),
  });

  return {
    dir,
    async create(name, mimeType): Promise<SpoolWriter> {
      await ready();
      const path = pathOf(`w-${randomUUID()}`);
      const handle = await open(path, 'wx', 0o600);
      let size = 0;
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await handle.close();
      };
      return {
        async write(bytes) {
          for (let at = 0; at < bytes.byteLength;) {
            const { bytesWritten } = await handle.write(bytes, at, bytes.byteLength - at);
            at += bytesWritten;
          }
          size += bytes.byteLength;
        },
        async finish() {
          await close();
          return spooled(path, name, mimeType, size, () => rm(path, { force: true }));
        },
        async discard() {
          await close().catch(() => undefined);
          await rm(path, { force: true });
        },
      };
    },
    async keep(file) {
      await ready();
      const id = `d-${randomUUID()}`;
      try {
        await pipeline(Readable.from(file.open()), createWriteStream(pathOf(id), { flags: 'wx', mode: 0o600 }));
        await writeFile(pathOf(`${id}.json`), JSON.stringify({ name: file.name, mimeType: file.mimeType }), { flag: 'wx', mode: 0o600 });
      } catch (error) {
        await Promise.all([rm(pathOf(id), { force: true }), rm(pathOf(`${id}.json`), { force: true })]);
        throw error;
      }
      return { id, expiresAt: new Date(now() + keepForMs) };
    },
    async open(id) {
      if (!DOWNLOAD.test(id)) return undefined;
      try {
        const [meta, info] = await Promise.all([readFile(pathOf(`${id}.json`), 'utf8'), stat(pathOf(id))]);
        if (now() - info.mtimeMs > keepForMs) return undefined;
        const { name, mimeType } = downloadMeta.parse(JSON.parse(meta));
        return spooled(pathOf(id), name, mimeType, info.size);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async sweep() {
      let removed = 0;
      for (const entry of await readdir(dir).catch(absentAsEmpty)) {
        const path = pathOf(entry);
        const info = await stat(path).catch(() => undefined);
        if (!info || now() - info.mtimeMs <= keepForMs) continue;
        await rm(path, { force: true, recursive: true });
        removed += 1;
      }
      return removed;
    },
  };
}
