import { daysBetween, LocalDate, parts } from '../calendar/local-date';
import { Chart, ChartPanel, CumulativeLine } from '../charts/chart';
import { Budget } from '../ledger/budget';
import { CurrencyCode } from '../money/currencies';
import { DayTotal } from '../ports/ledger-store.port';
import { wholeMonth } from './period';
import { CurrencySection, SpendingReport } from './spending-report';

/** More categories than this become one "others" bar: a phone screen holds about a dozen. */
export const MAX_CHART_CATEGORIES = 12;

/** What a report's charts need beside the report: whose ledger, how it writes numbers, its budgets, day totals. */
export interface ReportChartContext {
  /** "Ana", or the group's name for a shared ledger. */
  readonly ledgerName: string;
  readonly locale: string;
  readonly budgets: readonly Budget[];
  /** Day totals of the period and of the previous one: given for a month, to draw it day by day. */
  readonly daily?: { readonly current: readonly DayTotal[]; readonly previous: readonly DayTotal[] };
}

/**
 * One chart per currency: spending by category beside the previous period (largest first), and
 * for a month the running total day by day against the previous month's and the total budget.
 */
export function spendingCharts(report: SpendingReport, context: ReportChartContext): Chart[] {
  const { period } = report;
  return report.sections.map((section): Chart => {
    const panels: ChartPanel[] = [{
      kind: 'bars',
      title: 'By category',
      compare: 'beside',
      series: { value: period.label, compared: period.previous.label },
      bars: categoryBars(section),
    }];
    if (context.daily && wholeMonth(period)) panels.push(dayByDay(report, section.currency, context));
    return {
      title: `Spending in ${period.label} · ${context.ledgerName}`,
      subtitle: `${section.currency} · ${period.from} to ${period.to}, beside ${period.previous.label}`,
      currency: section.currency,
      locale: context.locale,
      panels,
    };
  });
}

function categoryBars(section: CurrencySection) {
  const bars = section.categories.map((c) => ({ label: c.category, minor: c.minor, compared: c.previousMinor }));
  if (bars.length <= MAX_CHART_CATEGORIES) return bars;
  const rest = bars.slice(MAX_CHART_CATEGORIES - 1);
  return [
    ...bars.slice(0, MAX_CHART_CATEGORIES - 1),
    { label: `${rest.length} others`, minor: sum(rest.map((b) => b.minor)), compared: sum(rest.map((b) => b.compared)) },
  ];
}

function dayByDay(report: SpendingReport, currency: CurrencyCode, context: ReportChartContext): ChartPanel {
  const { period } = report;
  const days = parts(period.to).day;
  // A month still running is drawn up to today; the previous month is drawn whole.
  const current = running(context.daily!.current, currency, period.from, Math.min(days, period.daysSoFar));
  const previous = running(context.daily!.previous, currency, period.previous.from, daysBetween(period.previous.from, period.previous.to) + 1);
  const budget = context.budgets.find((b) => b.scope.kind === 'total' && b.limit.currency === currency);
  const lines: CumulativeLine[] = [{ name: period.label, points: current }, { name: period.previous.label, points: previous }];
  return {
    kind: 'cumulative',
    title: 'Day by day',
    days,
    lines,
    ...(budget ? { limit: { name: 'budget', minor: budget.limit.minor } } : {}),
  };
}

/** The running total at the end of each of `days` days from `from`. */
export function running(totals: readonly DayTotal[], currency: CurrencyCode, from: LocalDate, days: number): number[] {
  const byDay = new Array<number>(Math.max(0, days)).fill(0);
  for (const t of totals) {
    const index = daysBetween(from, t.date);
    if (t.currency === currency && index >= 0 && index < byDay.length) byDay[index]! += t.minor;
  }
  let total = 0;
  return byDay.map((minor) => (total += minor));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
