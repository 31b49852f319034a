import { CoreDeps } from '../core-deps';
import { formatted, line } from '../conversation/formatted-text';
import { Turn } from '../conversation/turn';
import { Expense, formatRef } from '../ledger/expense';
import { writeLedger } from '../ledger/write-ledger';
import { actorName, expenseBlock, expenseSpans } from '../presentation/expense-text';
import { phrasesFor } from '../presentation/phrases';
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
    decide: async ({ head }) => {
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
        replies: [{ text: formatted(line(phrasesFor(head.state.settings.locale).deleted, ...expenseSpans(expense, actorName(turn)))) }],
      };
    },
  });
  // The receipt image goes with its expense (after the write: a failed write keeps both).
  if (!isUserError(result) && removed?.receipt && !(await deps.expenses.withReceipt(turn.ledger, removed.receipt))) {
    await deps.receipts?.images.remove(turn.ledger, removed.receipt);
  }
  return result;
}

/**
 * "Undo all" under a message of several expenses: those of refs `first`..`last` recorded by the same
 * write as `first` (same time, same person), so a crafted range removes no other expense.
 */
export async function removeExpenses(turn: Turn, deps: CoreDeps, first: number, last: number): Promise<CommandResult> {
  return writeLedger(deps, {
    ...writeKey(turn),
    decide: async ({ head }) => {
      const refs = Array.from({ length: last - first + 1 }, (_, i) => first + i);
      const found = (await Promise.all(refs.map((ref) => deps.expenses.expense(turn.ledger, ref)))).filter((e): e is Expense => e !== undefined);
      // Lines of one message never carry a receipt.
      const batch = found.filter((e) => e.recordedAt === found[0]?.recordedAt && e.recordedBy === found[0]?.recordedBy && !e.receipt);
      if (batch.length === 0) return userError('expense.notFound', 'Those expenses are not in this ledger any more (deleted already).', 'list');
      const refused = refuseUnlessRecordedBy(turn, batch[0]!);
      if (refused) return refused;
      return {
        events: batch.map((expense) => ({ type: 'ExpenseDeleted' as const, data: { expense } })),
        replies: [{ text: formatted(line(phrasesFor(head.state.settings.locale).deleted), ...batch.map((e) => expenseBlock(e, actorName(turn)))) }],
      };
    },
  });
}
