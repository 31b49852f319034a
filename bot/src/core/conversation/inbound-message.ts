import type { Reply } from './reply';
import type { ConversationAddress } from '../ports/outbound.port';

/** The platforms a message can come from; `local` is the local chat (page and API). */
export type Platform = 'local' | 'slack' | 'telegram';

/** Who sent it, as the platform verified them. */
export interface Sender {
  readonly platform: Platform;
  /** The Slack team; none on Telegram or the local chat. */
  readonly workspace?: string;
  readonly userId: string;
  readonly displayName: string;
}

/** Where it was sent: the platform's chat or channel id, and whether it is one person's or shared. */
export interface Conversation {
  readonly id: string;
  readonly kind: 'private' | 'group';
  /**
   * The Slack team the channel belongs to, when it differs from the sender's (a Slack Connect
   * channel shared by two organisations is one channel, so one ledger).
   */
  readonly workspace?: string;
}

/** A file someone attached; its bytes are fetched only when needed. */
export interface InboundFile {
  readonly name: string;
  readonly mimeType: string;
  readonly size: number;
  /**
   * The platform's own id of the file (Slack's file id, Telegram's file_unique_id): one upload
   * delivered twice, or sent again, is recognised before its bytes are fetched.
   */
  readonly platformFileId?: string;
  bytes(): Promise<Uint8Array>;
}

export type MessageContent =
  /**
   * `overheard`: a line in a group that was not addressed to the bot (Telegram with privacy mode
   * off). It is recorded only if it reads confidently as an expense; anything else gets no answer.
   */
  | { readonly kind: 'text'; readonly text: string; readonly overheard?: boolean }
  /** A button press: its action, and the platform id of the message the button was on. */
  | { readonly kind: 'press'; readonly action: string; readonly pressedMessage?: string }
  /** A form submitted: the form's submit action and the field values by name. */
  | { readonly kind: 'form'; readonly action: string; readonly values: Readonly<Record<string, string>> }
  | { readonly kind: 'files'; readonly files: readonly InboundFile[]; readonly caption?: string };

/** What the platform tells about the person; used only where the ledger has not chosen its own. */
export interface PlatformHints {
  /** An IANA timezone (Slack gives one). */
  readonly timeZone?: string;
  /** A BCP 47 language tag (Slack's locale, Telegram's language_code). */
  readonly locale?: string;
}

/** One message, press, submission or upload from any channel, built by its adapter from verified data. */
export interface InboundMessage {
  readonly sender: Sender;
  readonly conversation: Conversation;
  readonly content: MessageContent;
  readonly hints: PlatformHints;
  /**
   * What costs the platform a call (Slack's users.info: timezone, locale, the person's name):
   * fetched only when a person first reaches a ledger, never on the way of an everyday message.
   */
  readonly moreHints?: () => Promise<PlatformHints & { readonly displayName?: string }>;
  /**
   * The platform's identity for this delivery: Telegram's update_id, Slack's event_id, or for a
   * Slack interaction its trigger_id. The core scopes it to the sender.
   */
  readonly idempotencyKey: string;
  readonly receivedAt: Date;
  /**
   * Says something at once, before the answer, where the channel can answer more than once
   * (reading a photo takes seconds). Absent, the answer alone is sent.
   */
  readonly sayNow?: (replies: readonly Reply[]) => Promise<void>;
}

/** The person across every conversation of one platform: "slack:T1:U2", "telegram:42", "local:alice". */
export function identityKey(sender: Sender): string {
  return [sender.platform, ...(sender.workspace ? [sender.workspace] : []), sender.userId].join(':');
}

/**
 * The conversation as the directory knows it. Every private conversation of a person (a Slack DM,
 * the App Home, /spend anywhere; a Telegram private chat) leads to the same personal ledger.
 */
export function conversationKey(message: Pick<InboundMessage, 'sender' | 'conversation'>): string {
  const { sender, conversation } = message;
  if (conversation.kind === 'private') return `person:${identityKey(sender)}`;
  const workspace = conversation.workspace ?? sender.workspace;
  return ['group', sender.platform, ...(workspace ? [workspace] : []), conversation.id].join(':');
}

/** The directory key of the conversation an address posts to: the same as conversationKey of a message from there. */
export function conversationKeyOf(address: ConversationAddress): string {
  const workspace = address.workspace ? [address.workspace] : [];
  return address.userId
    ? `person:${[address.platform, ...workspace, address.userId].join(':')}`
    : ['group', address.platform, ...workspace, address.conversationId].join(':');
}

/** Where to post to this conversation later (a digest, a receipt read after the ack). */
export function addressOf(message: Pick<InboundMessage, 'sender' | 'conversation'>): ConversationAddress {
  const { sender, conversation } = message;
  const workspace = conversation.workspace ?? sender.workspace;
  return {
    platform: sender.platform,
    ...(workspace ? { workspace } : {}),
    conversationId: conversation.id,
    ...(conversation.kind === 'private' ? { userId: sender.userId } : {}),
  };
}
