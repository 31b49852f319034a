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
  run: (args, message, deps) => recordExpense(args.join(' '), message, deps),
};

export const undoCommand: Command = {
  name: 'undo',
  usage: 'undo',
  summary: 'delete the expense recorded last',
  run: (_args, message, deps) => removeExpense(message, deps, () => deps.expenses.latestRecorded(message.ledger), {}),
};

export const deleteCommand: Command = {
  name: 'delete',
  aliases: ['del', 'remove'],
  usage: 'delete <ref>',
  summary: 'delete an expense by its number: delete 42',
  async run([refText], message, deps) {
    const ref = parseRef(refText);
    if (ref === undefined) return userError('delete.usage', 'Tell me the number of the expense to delete (see "list").', 'delete 42');
    return removeExpense(message, deps, () => deps.expenses.expense(message.ledger, ref), { ref });
  },
};
