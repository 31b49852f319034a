import { CoreDeps } from '../core-deps';
import { InboundMessage } from '../conversation/inbound-message';
import { Expense, formatRef } from '../ledger/expense';
import { writeLedger } from '../ledger/write-ledger';
import { expenseLine } from '../presentation/expense-text';
import { userError } from '../user-error';
import { CommandResult, writeKey } from './command';

/** Deletes the expense `pick` finds, or says there is none. */
export function removeExpense(
  message: InboundMessage,
  deps: CoreDeps,
  pick: () => Promise<Expense | undefined>,
  missing: { ref?: number },
): Promise<CommandResult> {
  return writeLedger(deps.writer, deps.clock, {
    ...writeKey(message),
    decide: async () => {
      const expense = await pick();
      if (!expense) {
        return missing.ref === undefined
          ? userError('expense.none', 'There is nothing to undo: this ledger has no expenses.', '12.50 lunch #food')
          : userError('expense.notFound', `There is no expense ${formatRef(missing.ref)} in this ledger (it may have been deleted already).`, 'list');
      }
      return {
        events: [{ type: 'ExpenseDeleted', data: { expense } }],
        replies: [{ text: `🗑️ Deleted ${expenseLine(expense)}` }],
      };
    },
  });
}
