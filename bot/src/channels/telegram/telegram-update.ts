import { z } from 'zod';
import { InboundFile, InboundMessage, MessageContent, PlatformHints, Sender } from '../../core/conversation/inbound-message';

/** The parts of a Telegram Update (https://core.telegram.org/bots/api#update) that Spendwise reads. */
const user = z.object({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
const chat = z.object({ id: z.number().int(), type: z.enum(['private', 'group', 'supergroup', 'channel']) });
const entity = z.object({ type: z.string(), offset: z.number().int(), length: z.number().int() });
const photoSize = z.object({ file_id: z.string(), file_unique_id: z.string().optional(), width: z.number(), height: z.number(), file_size: z.number().optional() });
const document = z.object({ file_id: z.string(), file_unique_id: z.string().optional(), file_name: z.string().optional(), mime_type: z.string().optional(), file_size: z.number().optional() });
const message = z.object({
  message_id: z.number().int(),
  from: user.optional(),
  chat,
  text: z.string().optional(),
  entities: z.array(entity).optional(),
  caption: z.string().optional(),
  caption_entities: z.array(entity).optional(),
  photo: z.array(photoSize).optional(),
  document: document.optional(),
  reply_to_message: z.object({ from: user.optional() }).optional(),
});
const callbackQuery = z.object({
  id: z.string(),
  from: user,
  message: z.object({ message_id: z.number().int(), chat }).optional(),
  data: z.string().optional(),
});
const chatMemberUpdated = z.object({ chat, new_chat_member: z.object({ status: z.string(), user }) });
export const telegramUpdate = z.object({
  update_id: z.number().int(),
  message: message.optional(),
  callback_query: callbackQuery.optional(),
  my_chat_member: chatMemberUpdated.optional(),
});
export type TelegramUpdate = z.infer<typeof telegramUpdate>;

export interface BotIdentity {
  readonly id: number;
  readonly username: string;
}

/** What an update asks of the bot, as the adapter acts on it. */
export type TelegramInbound =
  | { kind: 'message'; chatId: number; message: InboundMessage; replyTo?: number }
  | { kind: 'press'; chatId: number; message: InboundMessage; callbackQueryId: string; pressedMessageId?: number }
  /** A callback with nothing to act on (an inline-mode message, no data): answered, nothing else. */
  | { kind: 'emptyPress'; callbackQueryId: string }
  /** Something the bot does not read (a sticker, a voice note) in a private chat: a short pointer. */
  | { kind: 'unsupported'; chatId: number }
  | { kind: 'addedToGroup'; chatId: number }
  | { kind: 'ignored'; reason: string };


/**
 * An update into the core's normalised message. Identity and conversation come only from the
 * update Telegram sent; `fetchFile` fetches a file's bytes when (and if) the core asks for them.
 */
export function fromTelegramUpdate(raw: unknown, bot: BotIdentity, fetchFile: (fileId: string) => Promise<Uint8Array>, receivedAt: Date): TelegramInbound {
  const parsed = telegramUpdate.safeParse(raw);
  if (!parsed.success) return { kind: 'ignored', reason: 'not an update Spendwise reads' };
  const update = parsed.data;
  const idempotencyKey = `telegram:${bot.id}:${update.update_id}`;

  if (update.callback_query) {
    const q = update.callback_query;
    if (!q.message || !q.data || q.from.is_bot) return { kind: 'emptyPress', callbackQueryId: q.id };
    const content: MessageContent = { kind: 'press', action: q.data, pressedMessage: String(q.message.message_id) };
    return {
      kind: 'press',
      chatId: q.message.chat.id,
      callbackQueryId: q.id,
      pressedMessageId: q.message.message_id,
      message: normalised(q.from, q.message.chat, content, idempotencyKey, receivedAt),
    };
  }

  if (update.my_chat_member) {
    const { chat: where, new_chat_member: member } = update.my_chat_member;
    const joined = member.user.id === bot.id && ['member', 'administrator'].includes(member.status);
    return joined && where.type !== 'private' && where.type !== 'channel' ? { kind: 'addedToGroup', chatId: where.id } : { kind: 'ignored', reason: 'membership change' };
  }

  const m = update.message;
  if (!m) return { kind: 'ignored', reason: 'an update kind Spendwise does not read (edits, channel posts, ...)' };
  if (!m.from || m.from.is_bot || m.chat.type === 'channel') return { kind: 'ignored', reason: 'not from a person' };
  const isPrivate = m.chat.type === 'private';
  const files = filesOf(m, fetchFile);
  const body = m.text ?? m.caption;
  const entities = m.text !== undefined ? m.entities : m.caption_entities;
  if (body === undefined && files.length === 0) {
    return isPrivate ? { kind: 'unsupported', chatId: m.chat.id } : { kind: 'ignored', reason: 'nothing to read in a group message' };
  }
  const read = readText(body ?? '', entities ?? [], bot);
  if (read === 'another bot') return { kind: 'ignored', reason: 'a command for another bot' };
  const addressed = isPrivate || read.addressed || m.reply_to_message?.from?.id === bot.id;
  const content: MessageContent = files.length > 0
    ? { kind: 'files', files, ...(read.text ? { caption: read.text } : {}) }
    : { kind: 'text', text: read.text, ...(addressed ? {} : { overheard: true }) };
  if (files.length > 0 && !addressed) return { kind: 'ignored', reason: 'a file in a group, not for the bot' };
  return {
    kind: 'message',
    chatId: m.chat.id,
    ...(isPrivate ? {} : { replyTo: m.message_id }),
    message: normalised(m.from, m.chat, content, idempotencyKey, receivedAt),
  };
}

function normalised(from: z.infer<typeof user>, where: z.infer<typeof chat>, content: MessageContent, idempotencyKey: string, receivedAt: Date): InboundMessage {
  const sender: Sender = {
    platform: 'telegram',
    userId: String(from.id),
    displayName: [from.first_name, from.last_name].filter(Boolean).join(' ') || from.username || String(from.id),
  };
  // Telegram tells the person's language, never their timezone.
  const hints: PlatformHints = from.language_code ? { locale: from.language_code } : {};
  return {
    sender,
    conversation: { id: String(where.id), kind: where.type === 'private' ? 'private' : 'group' },
    content,
    hints,
    idempotencyKey,
    receivedAt,
  };
}

/**
 * "/report@SpendwiseBot week" → "/report week"; "@SpendwiseBot 60 team lunch" → "60 team lunch".
 * A command or mention for this bot addresses it; a command for another bot is not ours.
 */
function readText(text: string, entities: readonly z.infer<typeof entity>[], bot: BotIdentity): { text: string; addressed: boolean } | 'another bot' {
  let addressed = false;
  let result = text;
  const ours = `@${bot.username}`.toLowerCase();
  // From the end, so earlier offsets stay valid as text is cut.
  for (const e of [...entities].sort((a, b) => b.offset - a.offset)) {
    const piece = text.slice(e.offset, e.offset + e.length);
    if (e.type === 'bot_command' && e.offset === 0) {
      const [command, target] = piece.split('@');
      if (target !== undefined && `@${target}`.toLowerCase() !== ours) return 'another bot';
      result = command + result.slice(e.length);
      addressed = true;
    } else if (e.type === 'mention' && piece.toLowerCase() === ours) {
      result = result.slice(0, e.offset) + result.slice(e.offset + e.length);
      addressed = true;
    }
  }
  return { text: result.replace(/\s+/g, ' ').trim(), addressed };
}

function filesOf(m: z.infer<typeof message>, fetchFile: (fileId: string) => Promise<Uint8Array>): InboundFile[] {
  // Telegram lists a photo's sizes smallest first: the last is the one to read.
  const photo = m.photo?.at(-1);
  // file_unique_id is the same for the same file sent or forwarded again (file_id is not).
  const known = (unique: string | undefined) => (unique ? { platformFileId: unique } : {});
  if (photo) return [{ name: 'photo.jpg', mimeType: 'image/jpeg', size: photo.file_size ?? 0, ...known(photo.file_unique_id), bytes: () => fetchFile(photo.file_id) }];
  const doc = m.document;
  // Whatever its size: the core refuses one too big to read from this size, before anything is fetched.
  if (doc && (doc.mime_type?.startsWith('image/') || doc.mime_type === 'application/pdf')) {
    return [{ name: doc.file_name ?? 'document', mimeType: doc.mime_type, size: doc.file_size ?? 0, ...known(doc.file_unique_id), bytes: () => fetchFile(doc.file_id) }];
  }
  return [];
}
