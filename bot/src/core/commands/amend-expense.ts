import { CoreDeps } from '../core-deps';
import { InboundMessage } from '../conversation/inbound-message';
import { checkBudgets, monthRange } from '../ledger/budget-alerts';
import { Expense, formatRef } from '../ledger/expense';
import { Decision, WriteContext, writeLedger } from '../ledger/write-ledger';
import { expenseChoices, expenseLine } from '../presentation/expense-text';
import { isUserError, userError, UserError } from '../user-error';
import { CommandResult, writeKey } from './command';

/** Applies `change` to expense `ref` and re-checks the budgets it now counts towards. */
export function amendExpense(
  message: InboundMessage,
  deps: CoreDeps,
  ref: number,
  change: (before: Expense, ctx: WriteContext) => Expense | UserError,
): Promise<CommandResult> {
  return writeLedger(deps.writer, deps.clock, {
    ...writeKey(message),
    decide: async (ctx): Promise<Decision | UserError> => {
      const before = await deps.expenses.expense(message.ledger, ref);
      if (!before) {
        return userError('expense.notFound', `There is no expense ${formatRef(ref)} in this ledger.`, 'list');
      }
      const after = change(before, ctx);
      if (isUserError(after)) return after;
      if (JSON.stringify(after) === JSON.stringify(before)) {
        return { events: [], replies: [{ text: `Nothing to change: ${expenseLine(before)}` }] };
      }
      const budgets = await checkBudgets(
        ctx.head.state,
        (month) => deps.totals.totals(message.ledger, monthRange(month).from, monthRange(month).to),
        { before, after },
      );
      return {
        events: [{ type: 'ExpenseAmended', data: { before, after, alerts: budgets.alerts } }],
        replies: [{ text: [`✏️ Updated ${expenseLine(after)}`, ...budgets.lines].join('\n'), choices: expenseChoices(after) }],
      };
    },
  });
}
