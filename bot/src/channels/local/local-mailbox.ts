import { Reply } from '../../core/conversation/reply';

/** A reply the local chat keeps for the page to fetch, with the cursor that follows it. */
export interface MailboxMessage {
  readonly cursor: string;
  readonly reply: Reply;
}

/**
 * Replies for the local chat produced after its request was answered (by later work or the
 * scheduler), kept in storage so any process can serve them, and read with a cursor.
 */
export interface LocalMailbox {
  put(conversation: string, replies: readonly Reply[]): Promise<void>;
  /** Oldest first, strictly after `cursor`. */
  after(conversation: string, cursor: string, limit: number): Promise<MailboxMessage[]>;
}

/** A cursor that reads only what arrives from now on. */
export const cursorNow = (now: Date) => `${String(now.getTime()).padStart(15, '0')}`;
