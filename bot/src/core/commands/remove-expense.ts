import { CoreDeps } from '../core-deps';
import { formatted, line } from '../conversation/formatted-text';
import { Turn } from '../conversation/turn';
import { Expense, formatRef } from '../ledger/expense';
import { writeLedger } from '../ledger/write-ledger';
import { actorName, expenseSpans } from '../presentation/expense-text';
import { isUserError, userError } from '../user-error';
import { CommandResult, writeKey } from './command';
import { refuseUnlessRecordedBy } from './expense-permission';

/** Deletes the expense `pick` finds, or says there is none. */
export async function removeExpense(
  turn: Turn,
  deps: CoreDeps,
  pick: () => Promise<Expense | undefined>,
  missing: { ref?: number },
): Promise<CommandResult> {
  let removed: Expense | undefined;
  const result = await writeLedger(deps, {
    ...writeKey(turn),
    decide: async () => {
      const expense = await pick();
      if (!expense) {
        return missing.ref === undefined
          ? userError('expense.none', turn.scope === 'group' ? 'You have no expense in this ledger to undo.' : 'There is nothing to undo: this ledger has no expenses.', '12.50 lunch #food')
          : userError('expense.notFound', `There is no expense ${formatRef(missing.ref)} in this ledger (it may have been deleted already).`, 'list');
      }
      const refused = refuseUnlessRecordedBy(turn, expense);
      if (refused) return refused;
      removed = expense;
      return {
        events: [{ type: 'ExpenseDeleted', data: { expense } }],
        replies: [{ text: formatted(line('🗑️ Deleted ', ...expenseSpans(expense, actorName(turn)))) }],
      };
    },
  });
  // The receipt image goes with its expense (after the write: a failed write keeps both).
  if (!isUserError(result) && removed?.receipt && !(await deps.expenses.withReceipt(turn.ledger, removed.receipt))) {
    await deps.receipts?.images.remove(turn.ledger, removed.receipt);
  }
  return result;
}
