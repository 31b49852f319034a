import { Readable } from 'node:stream';
import { Input, Telegram, TelegramError } from 'telegraf';
import { plainText } from '../../core/conversation/formatted-text';
import { releaseFiles, Reply, ReplyFile } from '../../core/conversation/reply';
import { toTelegramCallbackAnswer, toTelegramHtml, toTelegramMessage } from './telegram-render';
import { splitForTelegram } from './telegram-split';

export interface TelegramTarget {
  readonly chatId: number;
  /** In a group, the message the answer refers to. */
  readonly replyTo?: number;
  /** A button press: its callback is always answered, and the pressed message may be edited. */
  readonly press?: { readonly callbackQueryId: string; readonly messageId?: number };
}

export interface DeliveryLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

const MAX_CAPTION = 1024;
/** A 429 asking for longer than this is not waited for inside a request: the reply is dropped and logged. */
const MAX_RETRY_AFTER_SECONDS = 5;

/**
 * Sends the core's replies through the Bot API. A press always gets its callback answered (Telegram
 * shows a spinner until then); a sender-only reply becomes that answer's alert, as nobody else sees
 * it; a reply that replaces the pressed message edits it. Failures are logged, never thrown.
 */
export async function deliverReplies(telegram: Telegram, target: TelegramTarget, replies: readonly Reply[], log: DeliveryLog, onGone?: () => void): Promise<void> {
  try {
    await deliver(telegram, target, replies, log, onGone);
  } finally {
    await releaseFiles(replies);
  }
}

async function deliver(telegram: Telegram, target: TelegramTarget, replies: readonly Reply[], log: DeliveryLog, onGone?: () => void): Promise<void> {
  const call = <T>(method: string, send: () => Promise<T>) => callBotApi(method, send, log, onGone);
  let rest = [...replies];
  if (target.press) {
    const privateAnswer = rest.find((r) => r.audience === 'sender');
    const { callbackQueryId } = target.press;
    await call('answerCallbackQuery', () => (privateAnswer
      ? telegram.answerCbQuery(callbackQueryId, toTelegramCallbackAnswer(privateAnswer).text, { show_alert: true })
      : telegram.answerCbQuery(callbackQueryId)));
    rest = rest.filter((r) => r !== privateAnswer);
  }
  for (const reply of rest) {
    const messageId = target.press?.messageId;
    if (messageId !== undefined && reply.replacesPressed && !reply.file && !reply.image) {
      const message = toTelegramMessage(reply);
      const edited = await call('editMessageText', () => telegram.editMessageText(target.chatId, messageId, undefined, message.text, {
        parse_mode: 'HTML', link_preview_options: message.link_preview_options, ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
      }));
      if (edited !== 'failed') continue;
    }
    await send(telegram, target, reply, call);
  }
}

async function send(telegram: Telegram, target: TelegramTarget, reply: Reply, call: <T>(method: string, send: () => Promise<T>) => Promise<T | 'failed'>): Promise<void> {
  const replyParameters = target.replyTo ? { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } } : {};
  const attachment = reply.file ?? reply.image;
  const caption = toTelegramHtml(reply.text);
  if (attachment && caption.length <= MAX_CAPTION) {
    const extra = { caption, parse_mode: 'HTML' as const, ...replyParameters, ...keyboard(reply) };
    // The file is opened in each attempt: a call retried after a 429 sends it again from the start.
    if (reply.file) await call('sendDocument', () => telegram.sendDocument(target.chatId, asInput(attachment), extra));
    else await call('sendPhoto', () => telegram.sendPhoto(target.chatId, asInput(attachment), extra));
    return;
  }
  const chunks = splitForTelegram(reply.text);
  for (const [i, chunk] of chunks.entries()) {
    if (plainText(chunk).trim() === '') continue;
    const last = i === chunks.length - 1;
    await call('sendMessage', () => telegram.sendMessage(target.chatId, toTelegramHtml(chunk), {
      parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...replyParameters, ...(last ? keyboard(reply) : {}),
    }));
  }
  // The text was too long for a caption: the attachment follows it, a photo still as a photo.
  if (reply.image && !reply.file) await call('sendPhoto', () => telegram.sendPhoto(target.chatId, asInput(reply.image!), replyParameters));
  else if (attachment) await call('sendDocument', () => telegram.sendDocument(target.chatId, asInput(attachment), replyParameters));
}

const keyboard = (reply: Reply) => {
  const { reply_markup } = toTelegramMessage({ text: [], ...(reply.choices ? { choices: reply.choices } : {}) });
  return reply_markup ? { reply_markup } : {};
};

const asInput = (file: ReplyFile) => Input.fromReadableStream(Readable.from(file.open()), file.name);

/**
 * One Bot API call with the failures Telegram documents handled on purpose: 429 waits `retry_after`
 * once (when short), "message is not modified" is success, 403 (blocked, kicked) and others are logged.
 */
/**
 * Sends one Bot API call. `onGone` hears that the chat will never take the bot's messages (blocked,
 * removed from the group, the chat deleted), as opposed to a refusal that may pass.
 */
export async function callBotApi<T>(method: string, send: () => Promise<T>, log: DeliveryLog, onGone?: () => void): Promise<T | 'failed'> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (error instanceof TelegramError) {
        const retryAfter = error.parameters?.retry_after;
        if (error.code === 429 && attempt === 1 && retryAfter !== undefined && retryAfter <= MAX_RETRY_AFTER_SECONDS) {
          await new Promise((r) => setTimeout(r, retryAfter * 1000));
          continue;
        }
        if (error.code === 400 && /message is not modified/i.test(error.description)) return undefined as T;
        if (error.code === 403 || (error.code === 400 && /chat not found/i.test(error.description))) {
          onGone?.();
          log.info({ method, code: error.code, description: error.description }, 'telegram: the chat does not take messages from the bot');
          return 'failed';
        }
        log.warn({ method, code: error.code, description: error.description, retryAfter }, 'telegram: Bot API refused a call');
        return 'failed';
      }
      log.warn({ method, err: { message: redactedMessage(error) } }, 'telegram: Bot API unreachable');
      return 'failed';
    }
  }
}

/** Network errors quote the request URL, which holds the token: never log it. */
/** An error's message as it may be logged: whatever was thrown, with the bot token cut out. */
export const redactedMessage = (error: unknown) => redactToken(String((error as Error | undefined)?.message ?? error));

export function redactToken(text: string): string {
  return text.replace(/bot\d+:[A-Za-z0-9_-]+/g, 'bot<token>');
}
