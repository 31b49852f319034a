import { findCommand, helpText } from '../commands/command-registry';
import { CommandResult } from '../commands/command';
import { recordExpense } from '../commands/record-expense';
import { CoreDeps } from '../core-deps';
import { ADD_EXAMPLE, startsWithAmount } from '../grammar/parse-expense-text';
import { isUserError, userError } from '../user-error';
import { textReply } from './reply';
import { Turn } from './turn';
import { finishReceiptWithAmount } from '../receipts/receipt-flow';

/** People in a group talk to each other: only a confident expense line is recorded, the rest is silence. */
export async function routeOverheard(raw: string, turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const text = raw.trim();
  if (text.includes('\n') || !startsWithAmount(text) || text.split(/\s+/).length < 2) return [];
  const result = await recordExpense(text, turn, deps, { confidentOnly: true });
  return isUserError(result) ? [] : result;
}

export async function routeText(raw: string, turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  // A bare amount may be the total a receipt of the person's is waiting for.
  if (deps.receipts && startsWithAmount(raw.trim()) && raw.trim().split(/\s+/).length <= 2) {
    const finished = await finishReceiptWithAmount(raw.trim(), turn, deps);
    if (finished) return finished;
  }
  return routeTextOnly(raw, turn, deps);
}

function routeTextOnly(raw: string, turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  // Its size was checked on the way in (input-size.ts).
  const text = raw.trim();
  if (text === '') return Promise.resolve([textReply(helpText())]);
  const [first = '', ...args] = text.split(/\s+/);
  const command = findCommand(first.replace(/^\//, ''));
  if (command) return command.run(args, turn, deps);
  if (first.startsWith('/')) {
    return Promise.resolve(userError('command.unknown', `I don't know the command ${first}. Send "help" for the list.`, ADD_EXAMPLE));
  }
  return recordExpense(text, turn, deps);
}
