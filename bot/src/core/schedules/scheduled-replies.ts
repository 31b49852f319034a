import { addDays, formatDate, formatYearMonth, LocalDate, yearMonthOf } from '../calendar/local-date';
import { bold, formatted, item, line } from '../conversation/formatted-text';
import { Reply, textReply } from '../conversation/reply';
import { budgetStatus, budgetStatusLine } from '../commands/budgets.command';
import { budgetLabel } from '../ledger/budget';
import { monthRange } from '../ledger/budget-alerts';
import { LedgerId, MemberId } from '../ledger/ledger-id';
import { CoreDeps } from '../core-deps';
import { LedgerState } from '../ledger/ledger-state';
import { formatMoney } from '../money/money';
import { CurrencyCode } from '../money/currencies';
import { SpendingTotals } from '../ports/ledger-store.port';
import { parsePeriod } from '../reports/period';
import { buildSpendingReport, SpendingReport, spendingReportText } from '../reports/spending-report';
import { reportChartReplies } from '../reports/report-chart-replies';
import { isUserError } from '../user-error';
import { Schedule } from './schedule';

const LATE = '(a little late: I was offline when it was due)';

/**
 * The digest for the period that ended the day before `occurrence`: the report as `report` shows
 * it, then the budgets. Its charts are drawn apart (digestChartReplies), once the run is recorded.
 */
export async function digestReplies(schedule: Schedule, occurrence: LocalDate, late: boolean, state: LedgerState, ledger: LedgerId, totals: SpendingTotals): Promise<Reply[]> {
  const lastDay = addDays(occurrence, -1);
  const weekly = schedule.recurrence.every === 'week';
  const period = parsePeriod(weekly ? 'week' : yearMonthOf(lastDay), lastDay, state.settings.weekStart);
  if (isUserError(period)) throw new Error(`digest period for ${occurrence}: ${period.message}`);
  const [current, previous] = await Promise.all([
    totals.totals(ledger, period.from, period.to),
    totals.totals(ledger, period.previous.from, period.previous.to),
  ]);
  const report = buildSpendingReport(period, current, previous);
  const heading = line(bold(`📬 Your ${weekly ? 'weekly' : 'monthly'} digest`), late ? ` ${LATE}` : '');
  return [
    { text: [heading, ...spendingReportText(report)], data: { kind: 'report', report } },
    ...(await budgetReplies(state, ledger, totals, weekly ? yearMonthOf(occurrence) : yearMonthOf(lastDay), !weekly)),
  ];
}

/**
 * A digest's charts, as `report` draws them, titled with the ledger's name (the person who set the
 * digest, or the group). Drawn after the run's write, never inside its decision, which may run again.
 */
export async function digestChartReplies(deps: CoreDeps, ledger: LedgerId, state: LedgerState, by: MemberId, report: SpendingReport): Promise<Reply[]> {
  if (!deps.charts) return [];
  const ledgerName = state.scope === 'group' ? 'the group' : (await deps.directory.memberNames(ledger)).get(by) ?? 'you';
  return reportChartReplies(deps, ledger, report, { ledgerName, locale: state.settings.locale ?? 'en-US', budgets: Object.values(state.budgets) });
}

async function budgetReplies(state: LedgerState, ledger: LedgerId, totals: SpendingTotals, month: ReturnType<typeof yearMonthOf>, ended: boolean): Promise<Reply[]> {
  const budgets = Object.values(state.budgets).sort((a, b) => budgetLabel(a.scope).localeCompare(budgetLabel(b.scope)));
  if (budgets.length === 0) return [];
  const { from, to } = monthRange(month);
  const monthTotals = await totals.totals(ledger, from, to);
  const over = budgets.filter((b) => budgetStatus(b, monthTotals).percent >= 100).map((b) => budgetLabel(b.scope));
  return [textReply(formatted(
    line(bold(`🎯 Budgets for ${formatYearMonth(month)}${ended ? '' : ' so far'}`)),
    ...budgets.map((b) => item(budgetStatusLine(b, monthTotals))),
    ...(ended && over.length ? [line(`Over budget in ${formatYearMonth(month)}: ${over.join(', ')}.`)] : []),
  ))];
}

/** The daily reminder: a nudge when nothing was logged today, else the day's total so far. */
export async function reminderReplies(occurrence: LocalDate, ledger: LedgerId, totals: SpendingTotals): Promise<Reply[]> {
  const today = await totals.totals(ledger, occurrence, occurrence);
  if (today.length === 0) {
    return [textReply(formatted(line('📝 Nothing logged today yet. Anything to add? For example: ', { text: '12.50 lunch #food', style: 'code' })))];
  }
  const byCurrency = new Map<CurrencyCode, { minor: number; count: number }>();
  for (const t of today) {
    const sum = byCurrency.get(t.currency) ?? { minor: 0, count: 0 };
    byCurrency.set(t.currency, { minor: sum.minor + t.minor, count: sum.count + t.count });
  }
  const parts = [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, s]) => formatMoney({ minor: s.minor, currency }));
  const count = [...byCurrency.values()].reduce((n, s) => n + s.count, 0);
  return [textReply(`📝 Today so far (${formatDate(occurrence)}): ${parts.join(' + ')} in ${count} expense${count === 1 ? '' : 's'}. Anything else to add?`)];
}

export const lateNote = LATE;
