import { parseRef } from '../ledger/expense';
import { userError } from '../user-error';
import { Command } from './command';
import { recordExpense } from './record-expense';
import { removeExpense } from './remove-expense';

export const addCommand: Command = {
  name: 'add',
  aliases: ['spend'],
  usage: 'add <amount> [currency] <description> [#category] [date]',
  summary: 'record an expense (typing it without "add" works too)',
  // The words after "add" as typed, line breaks kept: several lines are several expenses.
  run: (args, turn, deps) => {
    const { content } = turn.message;
    const typed = content.kind === 'text' ? content.text.trim().replace(/^\S+[ \t]*/u, '') : undefined;
    return recordExpense(typed ?? args.join(' '), turn, deps);
  },
};

export const undoCommand: Command = {
  name: 'undo',
  usage: 'undo',
  summary: 'delete the expense you recorded last',
  // In a group, "undo" means my last one, never someone else's.
  run: (_args, turn, deps) =>
    removeExpense(turn, deps, () => deps.expenses.latestRecorded(turn.ledger, turn.scope === 'group' ? turn.member : undefined), {}),
};

export const deleteCommand: Command = {
  name: 'delete',
  aliases: ['del', 'remove'],
  usage: 'delete <ref>',
  summary: 'delete an expense by its number: delete 42',
  async run([refText], turn, deps) {
    const ref = parseRef(refText);
    if (ref === undefined) return userError('delete.usage', 'Tell me the number of the expense to delete (see "list").', 'delete 42');
    return removeExpense(turn, deps, () => deps.expenses.expense(turn.ledger, ref), { ref });
  },
};
