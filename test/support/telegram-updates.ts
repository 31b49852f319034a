import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Telegram Updates written to the Bot API schema (https://core.telegram.org/bots/api#update): a
 * person, a private chat or a group, text with its `bot_command` / `mention` entities as Telegram
 * sets them, button presses on the bot's own messages.
 */
export interface Person { readonly id: number; readonly first_name: string; readonly language_code?: string }
export const ANA: Person = { id: 5001, first_name: 'Ana', language_code: 'en' };
export const BEN: Person = { id: 5002, first_name: 'Ben', language_code: 'vi' };
export const BOT = { id: 123456789, is_bot: true, first_name: 'Spendwise', username: 'spendwise_bot' };

let updateId = 900_000;
let messageId = 7_000;
const date = () => Math.floor(Date.now() / 1000);
const chatOf = (person: Person, groupId?: number) =>
  groupId ? { id: groupId, title: 'Flat 3', type: 'supergroup' } : { id: person.id, first_name: person.first_name, type: 'private' };
const from = (person: Person) => ({ is_bot: false, ...person });

/** Entities as Telegram marks them: a command at the start, mentions anywhere. */
function entitiesOf(text: string) {
  const entities: { type: string; offset: number; length: number }[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@[A-Za-z0-9_]{5,}/g)) {
    if (!command || m.index! >= command[0].length) entities.push({ type: 'mention', offset: m.index!, length: m[0].length });
  }
  return entities;
}

export function textUpdate(person: Person, text: string, options: { groupId?: number; replyToBot?: boolean } = {}) {
  const entities = entitiesOf(text);
  return {
    update_id: ++updateId,
    message: {
      message_id: ++messageId, from: from(person), chat: chatOf(person, options.groupId), date: date(), text,
      ...(entities.length ? { entities } : {}),
      ...(options.replyToBot ? { reply_to_message: { message_id: 1, from: BOT, chat: chatOf(person, options.groupId), date: date(), text: '…' } } : {}),
    },
  };
}

export function pressUpdate(person: Person, data: string, pressedMessageId: number, options: { groupId?: number } = {}) {
  return {
    update_id: ++updateId,
    callback_query: {
      id: `cq-${updateId}`, from: from(person), chat_instance: '-42',
      message: { message_id: pressedMessageId, from: BOT, chat: chatOf(person, options.groupId), date: date(), text: '…' },
      data,
    },
  };
}

/**
 * A photo with its sizes, smallest first, as Telegram sends them; an optional caption. The same
 * photo sent or forwarded again has new file_ids but the same file_unique_id (`sameAs`).
 */
export function photoUpdate(person: Person, caption?: string, sameAs?: string) {
  const id = ++updateId;
  return {
    update_id: id,
    message: {
      message_id: ++messageId, from: from(person), chat: chatOf(person), date: date(),
      photo: [
        { file_id: `small-${id}`, file_unique_id: `s${id}`, file_size: 1500, width: 90, height: 120 },
        { file_id: `large-${id}`, file_unique_id: sameAs ?? `l${id}`, file_size: 30_000, width: 440, height: 640 },
      ],
      ...(caption ? { caption } : {}),
    },
  };
}

/** An image sent "as a file" (uncompressed), of the size Telegram announces. */
export function imageDocumentUpdate(person: Person, fileSize: number) {
  const id = ++updateId;
  return {
    update_id: id,
    message: {
      message_id: ++messageId, from: from(person), chat: chatOf(person), date: date(),
      document: { file_id: `doc-${id}`, file_unique_id: `d${id}`, file_name: 'IMG_0001.png', mime_type: 'image/png', file_size: fileSize },
    },
  };
}

export function stickerUpdate(person: Person) {
  return {
    update_id: ++updateId,
    message: {
      message_id: ++messageId, from: from(person), chat: chatOf(person), date: date(),
      sticker: { file_id: 'CAACAgIAAx', file_unique_id: 'AgAD', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
    },
  };
}

export function addedToGroupUpdate(person: Person, groupId: number) {
  return {
    update_id: ++updateId,
    my_chat_member: {
      chat: chatOf(person, groupId), from: from(person), date: date(),
      old_chat_member: { user: BOT, status: 'left' },
      new_chat_member: { user: BOT, status: 'member' },
    },
  };
}

/** A genuine payload from ../shared/fixtures, or undefined (with a notice) where that folder is absent. */
export function sharedFixture(path: string): Record<string, any> | undefined {
  const file = join(__dirname, '..', '..', '..', 'shared', 'fixtures', path);
  if (!existsSync(file)) {
    console.warn(`skipped: ${path} is not here (../shared/fixtures is absent)`);
    return undefined;
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}
