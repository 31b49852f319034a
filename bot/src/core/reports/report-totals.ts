import { addMonths, firstOfMonth, lastOfMonth, YearMonth, yearMonthOf } from '../calendar/local-date';
import { LedgerId } from '../ledger/ledger-id';
import { CategoryTotal, DayTotal, SpendingTotals } from '../ports/ledger-store.port';
import { UNUSUAL_RULE } from './insights';
import { categoryTotalsOf, dayTotalsOf } from './month-summaries';
import { ReportPeriod, wholeMonths } from './period';

export interface ReportTotals {
  readonly current: readonly CategoryTotal[];
  readonly previous: readonly CategoryTotal[];
  /** Per day, for the cumulative line. */
  readonly daily?: { readonly current: readonly DayTotal[]; readonly previous: readonly DayTotal[] };
  /** The months before the period, for what is usual (see UNUSUAL_RULE). */
  readonly history?: readonly CategoryTotal[];
}

/**
 * A period's totals beside the previous period's, with what the chart and the insights need. Whole
 * months (a month, a year) come from ONE read of month summaries covering the history, the previous
 * period and the period; other spans are summed from day totals.
 */
export async function readReportTotals(
  totals: SpendingTotals, ledger: LedgerId, period: ReportPeriod, wanted: { readonly daily: boolean; readonly history: boolean },
): Promise<ReportTotals> {
  const first = yearMonthOf(period.from);
  const last = yearMonthOf(period.to);
  const historyFrom = addMonths(first, -UNUSUAL_RULE.historyMonths);
  const historyTo = addMonths(first, -1);
  if (wholeMonths(period) && wholeMonths(period.previous)) {
    const previousFirst = yearMonthOf(period.previous.from);
    const from = [previousFirst, ...(wanted.history ? [historyFrom] : [])].sort()[0] as YearMonth;
    const summaries = await totals.months(ledger, from, last);
    return {
      current: categoryTotalsOf(summaries, first, last),
      previous: categoryTotalsOf(summaries, previousFirst, yearMonthOf(period.previous.to)),
      ...(wanted.daily ? { daily: { current: dayTotalsOf(summaries, period.from, period.to), previous: dayTotalsOf(summaries, period.previous.from, period.previous.to) } } : {}),
      ...(wanted.history ? { history: categoryTotalsOf(summaries, historyFrom, historyTo) } : {}),
    };
  }
  const [current, previous, daily, history] = await Promise.all([
    totals.totals(ledger, period.from, period.to),
    totals.totals(ledger, period.previous.from, period.previous.to),
    wanted.daily ? Promise.all([totals.daily(ledger, period.from, period.to), totals.daily(ledger, period.previous.from, period.previous.to)]) : undefined,
    wanted.history ? totals.totals(ledger, firstOfMonth(historyFrom), lastOfMonth(historyTo)) : undefined,
  ]);
  return { current, previous, ...(daily ? { daily: { current: daily[0], previous: daily[1] } } : {}), ...(history ? { history } : {}) };
}
