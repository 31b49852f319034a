import { CoreDeps } from '../core-deps';
import { formatted, line } from '../conversation/formatted-text';
import { Turn } from '../conversation/turn';
import { checkBudgets, monthRange } from '../ledger/budget-alerts';
import { Expense, formatRef } from '../ledger/expense';
import { Decision, WriteContext, writeLedger } from '../ledger/write-ledger';
import { actorName, expenseChoices, expenseSpans } from '../presentation/expense-text';
import { isUserError, userError, UserError } from '../user-error';
import { CommandResult, writeKey } from './command';
import { refuseUnlessRecordedBy } from './expense-permission';

/** Applies `change` to expense `ref` and re-checks the budgets it now counts towards. */
export function amendExpense(
  turn: Turn,
  deps: CoreDeps,
  ref: number,
  change: (before: Expense, ctx: WriteContext) => Expense | UserError,
): Promise<CommandResult> {
  return writeLedger(deps, {
    ...writeKey(turn),
    decide: async (ctx): Promise<Decision | UserError> => {
      const before = await deps.expenses.expense(turn.ledger, ref);
      if (!before) {
        return userError('expense.notFound', `There is no expense ${formatRef(ref)} in this ledger.`, 'list');
      }
      const refused = refuseUnlessRecordedBy(turn, before);
      if (refused) return refused;
      const after = change(before, ctx);
      if (isUserError(after)) return after;
      if (JSON.stringify(after) === JSON.stringify(before)) {
        return { events: [], replies: [{ text: formatted(line('Nothing to change: ', ...expenseSpans(before))) }] };
      }
      const budgets = await checkBudgets(
        ctx.head.state,
        (month) => deps.totals.totals(turn.ledger, monthRange(month).from, monthRange(month).to),
        { before, after },
      );
      return {
        events: [{ type: 'ExpenseAmended', data: { before, after, alerts: budgets.alerts } }],
        replies: [{ text: formatted(line('✏️ Updated ', ...expenseSpans(after, actorName(turn))), ...budgets.lines), choices: expenseChoices(after) }],
      };
    },
  });
}
