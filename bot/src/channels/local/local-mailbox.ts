import { Reply } from '../../core/conversation/reply';

/** A reply the local chat keeps for the page to fetch, with the cursor that follows it. */
export interface MailboxMessage {
  readonly cursor: string;
  readonly reply: Reply;
}

/**
 * Replies for the local chat produced after its request was answered (by later work or the
 * scheduler), kept in storage so any process can serve them, and read with a cursor. Every reply
 * put is read exactly once by a reader that moves forward from the cursors it is given.
 */
export interface LocalMailbox {
  put(conversation: string, replies: readonly Reply[]): Promise<void>;
  /** The cursor of the newest reply: reading after it gives only what comes from now on. */
  latest(conversation: string): Promise<string>;
  /** Oldest first, strictly after `cursor`. */
  after(conversation: string, cursor: string, limit: number): Promise<MailboxMessage[]>;
}

/** Cursors are the reply's number in its conversation, zero-padded so they sort as text. */
export const mailboxCursor = (n: number) => String(n).padStart(16, '0');
