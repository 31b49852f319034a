import { FormattedText, plainText, TextBlock } from '../../core/conversation/formatted-text';
import { toTelegramHtml } from './telegram-render';

/** Telegram refuses a message over 4096 characters (after entity parsing); split well under it. */
export const MAX_TELEGRAM_TEXT = 4000;

/**
 * Whole lines per message, so no tag is ever cut; a single line too long for one message is sent
 * as plain text in pieces.
 */
export function splitForTelegram(text: FormattedText, max = MAX_TELEGRAM_TEXT): FormattedText[] {
  const parts: TextBlock[][] = [];
  let current: TextBlock[] = [];
  let size = 0; // of toTelegramHtml(current): each block's HTML, joined by newlines
  for (const block of text) {
    const length = toTelegramHtml([block]).length;
    if (length > max) {
      if (current.length) parts.push(current);
      current = [];
      size = 0;
      const plain = plainText([block]);
      for (let i = 0; i < plain.length; i += max / 2) parts.push([{ kind: 'line', spans: [{ text: plain.slice(i, i + max / 2) }] }]);
      continue;
    }
    if (current.length && size + 1 + length > max) {
      parts.push(current);
      current = [];
      size = 0;
    }
    size += (current.length ? 1 : 0) + length;
    current.push(block);
  }
  if (current.length || parts.length === 0) parts.push(current);
  return parts;
}
