import { ADD_EXAMPLE, MAX_MESSAGE_LENGTH } from '../grammar/parse-expense-text';
import { userError, UserError } from '../user-error';
import { MAX_ACTION_BYTES } from './actions';
import { MessageContent } from './inbound-message';

/** One message is one write however many lines it holds, so it holds at most this many. */
export const MAX_LINES = 20;
/** More fields than any form of ours has. */
const MAX_FORM_FIELDS = 20;

function textTooBig(raw: string): UserError | undefined {
  const text = raw.trim();
  if (text.length > MAX_MESSAGE_LENGTH) {
    return userError('text.tooLong', `That message is ${text.length} characters; the most I read is ${MAX_MESSAGE_LENGTH}. Send the expense on its own:`, ADD_EXAMPLE);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
  if (lines > MAX_LINES) {
    return userError('text.tooManyLines', `That message has ${lines} lines; I read at most ${MAX_LINES} in one message. Send it in smaller parts, one expense a line:`, ADD_EXAMPLE);
  }
  return undefined;
}

/**
 * What no channel should bring and the core will not look into: refused before the ledger is even
 * looked up, let alone a photo fetched or read. (A photo's weight is checked by the receipt flow,
 * against the limit of the reader that is set up, still before its bytes are fetched.)
 */
export function oversizedInput(content: MessageContent): UserError | undefined {
  switch (content.kind) {
    case 'text':
      return textTooBig(content.text);
    case 'files':
      return content.caption === undefined ? undefined : textTooBig(content.caption);
    case 'press':
      // Every button's action is ours, and ours are short: anything longer was not made by us.
      return Buffer.byteLength(content.action) > MAX_ACTION_BYTES
        ? userError('action.unknown', 'That button is not one of mine. Type what you meant instead:', ADD_EXAMPLE)
        : undefined;
    case 'form': {
      const values = Object.values(content.values);
      return values.length > MAX_FORM_FIELDS || values.some((v) => v.length > MAX_MESSAGE_LENGTH)
        ? userError('form.tooLarge', `A form field holds at most ${MAX_MESSAGE_LENGTH} characters. Shorten it and send again, or type the change:`, 'edit 1 note lunch with the team')
        : undefined;
    }
  }
}
