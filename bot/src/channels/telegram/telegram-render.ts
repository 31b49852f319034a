import { FormattedText, plainText } from '../../core/conversation/formatted-text';
import { MAX_ACTION_BYTES } from '../../core/conversation/actions';
import { Reply } from '../../core/conversation/reply';
import { spanHtml } from '../html-spans';

/** Telegram's limits (Bot API): 4096 characters of text, 200 in a callback answer. */
const MAX_CALLBACK_ANSWER = 200;

/** Telegram HTML has no lists: items are bullet lines. */
export function toTelegramHtml(text: FormattedText): string {
  return text.map((b) => (b.kind === 'item' ? '• ' : '') + b.spans.map(spanHtml).join('')).join('\n');
}

/** sendMessage / editMessageText arguments. A form shows as its guiding text. */
export function toTelegramMessage(reply: Reply) {
  const rows = (reply.choices ?? []).filter((row) => row.length > 0);
  return {
    text: toTelegramHtml(reply.text),
    parse_mode: 'HTML' as const,
    link_preview_options: { is_disabled: true },
    ...(rows.length
      ? {
          reply_markup: {
            inline_keyboard: rows.map((row) => row.map((c) => {
              // A longer action is a bug in the core's encoding, never something to cut silently. Its size
              // only in the message: the action may hold the person's words, and it is logged.
              if (Buffer.byteLength(c.action) > MAX_ACTION_BYTES) throw new Error(`callback data over ${MAX_ACTION_BYTES} bytes: ${Buffer.byteLength(c.action)}`);
              return { text: c.label, callback_data: c.action };
            })),
          },
        }
      : {}),
  };
}

/**
 * A sender-only answer to a button press in a group: Telegram has no ephemeral messages, so it
 * shows as the callback query's alert, seen by the presser alone.
 */
export function toTelegramCallbackAnswer(reply: Reply) {
  const text = plainText(reply.text);
  return { text: text.length <= MAX_CALLBACK_ANSWER ? text : `${text.slice(0, MAX_CALLBACK_ANSWER - 1)}…`, show_alert: true };
}
