import { textReply } from '../conversation/reply';
import { dateInZone, formatYearMonth, yearMonthOf } from '../calendar/local-date';
import { monthRange } from '../ledger/budget-alerts';
import { Budget, budgetLabel } from '../ledger/budget';
import { formatMoney, Money } from '../money/money';
import { CategoryTotal } from '../ports/ledger-store.port';
import { Command } from './command';
import { Chart } from '../charts/chart';
import { chartReplies } from '../charts/chart-replies';
import { ledgerName } from '../conversation/turn';

export const budgetsCommand: Command = {
  name: 'budgets',
  usage: 'budgets',
  summary: 'spending this month against each budget',
  async run(_args, turn, deps) {
    const { head } = await deps.writer.load(turn.ledger, {});
    const budgets = Object.values(head.state.budgets);
    if (budgets.length === 0) {
      return [textReply('No budgets yet. Set one with: budget food 300')];
    }
    const month = yearMonthOf(dateInZone(deps.clock.now(), head.state.settings.timeZone));
    const { from, to } = monthRange(month);
    const totals = await deps.totals.totals(turn.ledger, from, to);
    const sorted = budgets.sort((a, b) => budgetLabel(a.scope).localeCompare(budgetLabel(b.scope)));
    const lines = sorted.map((b) => budgetStatusLine(b, totals));
    const images = await chartReplies(deps, budgetCharts(sorted.map((b) => budgetStatus(b, totals)), {
      title: `Budgets for ${formatYearMonth(month)} · ${ledgerName(turn)}`,
      locale: head.state.settings.locale ?? 'en-US',
    }).map((chart) => ({ chart, caption: `🎯 ${chart.currency}: spent against each budget`, fileName: `spendwise-budgets-${month}-${chart.currency}.png` })));
    return [textReply([`🎯 Budgets for ${formatYearMonth(month)}`, ...lines].join('\n')), ...images];
  },
};

/** One chart per currency: a bar of what was spent for each budget, its limit drawn across it. */
export function budgetCharts(statuses: readonly BudgetStatus[], context: { title: string; locale: string }): Chart[] {
  const currencies = [...new Set(statuses.map((s) => s.limit.currency))].sort();
  return currencies.map((currency) => ({
    title: context.title,
    subtitle: currency,
    currency,
    locale: context.locale,
    panels: [{
      kind: 'bars',
      title: 'Spent against each budget',
      compare: 'limit',
      series: { value: 'spent', compared: 'budget' },
      bars: statuses.filter((s) => s.limit.currency === currency).map((s) => ({ label: s.label, minor: s.spent.minor, compared: s.limit.minor })),
    }],
  }));
}

/** A budget against this month's spending, as data for text and dashboards. */
export interface BudgetStatus {
  readonly label: string;
  readonly spent: Money;
  readonly limit: Money;
  readonly percent: number;
}

export function budgetStatus(budget: Budget, monthTotals: readonly CategoryTotal[]): BudgetStatus {
  const spent = monthTotals
    .filter((t) => t.currency === budget.limit.currency)
    .filter((t) => budget.scope.kind === 'total' || t.category === budget.scope.category)
    .reduce((sum, t) => sum + t.minor, 0);
  return {
    label: budgetLabel(budget.scope),
    spent: { minor: spent, currency: budget.limit.currency },
    limit: budget.limit,
    percent: Math.floor((spent * 100) / budget.limit.minor),
  };
}

export const budgetIcon = (percent: number) => (percent >= 100 ? '🔴' : percent >= 80 ? '🟠' : '🟢');

/** "food: $255.00 of $300.00 (85%), $45.00 left" */
export function budgetStatusLine(budget: Budget, monthTotals: readonly CategoryTotal[]): string {
  const status = budgetStatus(budget, monthTotals);
  const left = status.limit.minor - status.spent.minor;
  const money = (minor: number) => formatMoney({ minor, currency: budget.limit.currency });
  const rest = left >= 0 ? `${money(left)} left` : `${money(-left)} over`;
  return `${budgetIcon(status.percent)} ${status.label}: ${formatMoney(status.spent)} of ${formatMoney(status.limit)} (${status.percent}%), ${rest}`;
}
