import { chartReplies } from '../charts/chart-replies';
import { CoreDeps } from '../core-deps';
import { Reply } from '../conversation/reply';
import { LedgerId } from '../ledger/ledger-id';
import { wholeMonth } from './period';
import { ReportChartContext, spendingCharts } from './report-charts';
import { SpendingReport } from './spending-report';

/**
 * A report's charts drawn as replies, one per currency; for a whole month drawn day by day, from the
 * day totals given (or read here when not). None where no renderer is set up (nothing is read).
 */
export async function reportChartReplies(deps: CoreDeps, ledger: LedgerId, report: SpendingReport, context: ReportChartContext): Promise<Reply[]> {
  const { period } = report;
  if (!deps.charts || report.sections.length === 0) return [];
  const read = !context.daily && wholeMonth(period)
    ? await Promise.all([deps.totals.daily(ledger, period.from, period.to), deps.totals.daily(ledger, period.previous.from, period.previous.to)])
    : undefined;
  const charts = spendingCharts(report, { ...context, ...(read ? { daily: { current: read[0], previous: read[1] } } : {}) });
  return chartReplies(deps, charts.map((chart) => ({
    chart,
    caption: `📊 ${chart.currency}: spending in ${period.label}`,
    fileName: `spendwise-${period.from}-to-${period.to}-${chart.currency}.png`,
  })));
}
