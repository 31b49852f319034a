import { randomUUID } from 'node:crypto';
import { findCommand, helpText } from '../commands/command-registry';
import { CommandResult } from '../commands/command';
import { recordExpense } from '../commands/record-expense';
import { CoreDeps } from '../core-deps';
import { ADD_EXAMPLE, MAX_MESSAGE_LENGTH } from '../grammar/parse-expense-text';
import { StorageUnavailableError } from '../ports/ledger-store.port';
import { isUserError, userError, UserError } from '../user-error';
import { handleAction } from './handle-action';
import { InboundMessage } from './inbound-message';
import { Reply } from './reply';

/**
 * The one entry point for every channel: a message or button press in, replies out.
 * It always answers: a mistake gets what was wrong and an example, an outage a "try again".
 */
export async function handleMessage(message: InboundMessage, deps: CoreDeps): Promise<Reply[]> {
  try {
    const result = await route(message, deps);
    return isUserError(result) ? [errorReply(result)] : [...result];
  } catch (error) {
    if (error instanceof StorageUnavailableError) {
      deps.log.error({ err: error, ledger: message.ledger }, 'storage unavailable');
      return [{ text: '⏳ I could not reach my storage just now, so nothing was saved. Please try again in a moment.' }];
    }
    const ref = randomUUID().slice(0, 8);
    deps.log.error({ err: error, ledger: message.ledger, errorRef: ref }, 'message failed');
    return [{ text: `Something went wrong on my side (ref ${ref}). Nothing was saved; please try again.` }];
  }
}

function route(message: InboundMessage, deps: CoreDeps): Promise<CommandResult> {
  if (message.action !== undefined) return handleAction(message.action, message, deps);
  const text = (message.text ?? '').trim();
  if (text.length > MAX_MESSAGE_LENGTH) {
    return Promise.resolve(userError('text.tooLong', `That message is ${text.length} characters; the most I read is ${MAX_MESSAGE_LENGTH}.`, ADD_EXAMPLE));
  }
  if (text === '') return Promise.resolve([{ text: helpText() }]);
  const [first = '', ...args] = text.split(/\s+/);
  const command = findCommand(first.replace(/^\//, ''));
  if (command) return command.run(args, message, deps);
  if (first.startsWith('/')) {
    return Promise.resolve(userError('command.unknown', `I don't know the command ${first}. Send "help" for the list.`, ADD_EXAMPLE));
  }
  return recordExpense(text, message, deps);
}

function errorReply(error: UserError): Reply {
  return { text: `⚠️ ${error.message}\nFor example: ${error.example}` };
}
