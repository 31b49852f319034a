import { Platform } from '../conversation/inbound-message';
import { Reply } from '../conversation/reply';

/** Where to post later: the platform's own coordinates of a conversation. */
export interface ConversationAddress {
  readonly platform: Platform;
  readonly workspace?: string;
  /** The chat or channel id (Telegram's chat id, Slack's channel; the local chat's `u:<user>` or `g:<group>`). */
  readonly conversationId: string;
  /** The person of a private conversation (Slack opens a DM with them), or whom a `sender`-only reply is for. */
  readonly userId?: string;
}

/**
 * Talking later: receipts read after Slack's 3-second ack, scheduled messages, digests. Each channel
 * implements it; the local chat keeps the replies for the page to fetch.
 */
export interface Outbound {
  post(to: ConversationAddress, replies: readonly Reply[]): Promise<void>;
}

/**
 * The platform says the conversation is gone for the bot (removed from the Slack channel, blocked
 * on Telegram): posting again will not help, so the scheduler pauses the ledger's schedules.
 */
export class ConversationGoneError extends Error {
  override readonly name = 'ConversationGoneError';
}
