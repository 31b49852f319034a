import { ReplyFile } from '../conversation/reply';

/**
 * Scratch space for a file too large to hold in memory (an export of a whole ledger): written as
 * it is produced, then read back as a stream of known size, and deleted once the reply that carries
 * it has been sent (its `release`).
 */
export interface FileSpool {
  create(name: string, mimeType: string): Promise<SpoolWriter>;
}

export interface SpoolWriter {
  /** Appends bytes; resolves once the spool holds them, so a producer that awaits it keeps no backlog. */
  write(bytes: Uint8Array): Promise<void>;
  /** The file as written: its size is known, `open()` streams it from the spool, `release()` deletes it. */
  finish(): Promise<ReplyFile>;
  /** What was written is deleted: the file will not be finished. */
  discard(): Promise<void>;
}
