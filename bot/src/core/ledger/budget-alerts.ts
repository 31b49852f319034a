import { firstOfMonth, lastOfMonth, YearMonth, yearMonthOf } from '../calendar/local-date';
import { formatMoney, Money } from '../money/money';
import { CategoryTotal } from '../ports/ledger-store.port';
import { Budget, BUDGET_THRESHOLDS, BudgetAlert, budgetKey, budgetLabel } from './budget';
import { Expense } from './expense';
import { alertId, LedgerState } from './ledger-state';

export interface BudgetCheck {
  readonly alerts: BudgetAlert[];
  readonly lines: string[];
}

type MonthTotals = (month: YearMonth) => Promise<CategoryTotal[]>;

/**
 * Which budget thresholds a change crosses for the first time in its month. `before` is the expense
 * as it was (for an edit), `after` as it will be; totals are read before the change is applied.
 */
export async function checkBudgets(
  state: LedgerState,
  monthTotals: MonthTotals,
  change: { before?: Expense; after: Expense },
): Promise<BudgetCheck> {
  const { after, before } = change;
  const month = yearMonthOf(after.date);
  const budgets = Object.values(state.budgets).filter(
    (b) => b.limit.currency === after.amount.currency && covers(b, after),
  );
  if (budgets.length === 0) return { alerts: [], lines: [] };
  const totals = await monthTotals(month);
  const alerts: BudgetAlert[] = [];
  const lines: string[] = [];
  for (const budget of budgets) {
    const spentBefore = totals
      .filter((t) => t.currency === budget.limit.currency && covers(budget, t))
      .reduce((sum, t) => sum + t.minor, 0);
    const undone = before && yearMonthOf(before.date) === month && before.amount.currency === budget.limit.currency && covers(budget, before) ? before.amount.minor : 0;
    const spent = spentBefore - undone + after.amount.minor;
    const key = budgetKey(budget.scope);
    const reached = BUDGET_THRESHOLDS.filter(
      (threshold) => spent * 100 >= budget.limit.minor * threshold && !state.announced.includes(alertId({ month, budgetKey: key, threshold })),
    );
    if (reached.length === 0) continue;
    alerts.push(...reached.map((threshold) => ({ month, budgetKey: key, threshold })));
    lines.push(alertLine(budget, { minor: spent, currency: budget.limit.currency }, Math.max(...reached)));
  }
  return { alerts, lines };
}

export function monthRange(month: YearMonth) {
  return { from: firstOfMonth(month), to: lastOfMonth(month) };
}

function covers(budget: Budget, item: { category: string }): boolean {
  return budget.scope.kind === 'total' || budget.scope.category === item.category;
}

function alertLine(budget: Budget, spent: Money, threshold: number): string {
  const percent = Math.floor((spent.minor * 100) / budget.limit.minor);
  const label = budgetLabel(budget.scope);
  const icon = threshold >= 100 ? '🔴' : '🟠';
  const verb = threshold >= 100 ? 'is over' : `has passed ${threshold}% of`;
  return `${icon} Your ${label} spending ${verb} its monthly budget: ${formatMoney(spent)} of ${formatMoney(budget.limit)} (${percent}%).`;
}
