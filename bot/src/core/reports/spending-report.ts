import { Category } from '../expenses/categories';
import { bold, FormattedText, item, line } from '../conversation/formatted-text';
import { CurrencyCode } from '../money/currencies';
import { formatMoney } from '../money/money';
import { CategoryTotal } from '../ports/ledger-store.port';
import { ReportPeriod } from './period';

export interface CategoryLine {
  readonly category: Category;
  readonly minor: number;
  readonly previousMinor: number;
}

/** One currency's spending; currencies are never converted into each other. */
export interface CurrencySection {
  readonly currency: CurrencyCode;
  readonly minor: number;
  readonly count: number;
  readonly previousMinor: number;
  /** Rounded percent change against the previous period; absent when that period had nothing. */
  readonly changePercent?: number;
  /** Largest first. */
  readonly categories: readonly CategoryLine[];
  /** Per day of the period so far; absent for a period that has not started. */
  readonly dailyAverageMinor?: number;
}

/** A report as data, built once: the text below, a chart and a Slack App Home all render it. */
export interface SpendingReport {
  readonly period: ReportPeriod;
  readonly sections: readonly CurrencySection[];
  /** Totals of the previous period in currencies with no spending now. */
  readonly previousOnly: readonly { readonly currency: CurrencyCode; readonly minor: number }[];
}

export function buildSpendingReport(period: ReportPeriod, current: readonly CategoryTotal[], previous: readonly CategoryTotal[]): SpendingReport {
  const now = byCurrency(current);
  const before = byCurrency(previous);
  const sections = [...now.keys()].sort().map((currency): CurrencySection => {
    const cur = now.get(currency)!;
    const prev = before.get(currency);
    const previousMinor = prev?.total ?? 0;
    return {
      currency,
      minor: cur.total,
      count: cur.count,
      previousMinor,
      ...(previousMinor > 0 ? { changePercent: Math.round(((cur.total - previousMinor) * 100) / previousMinor) } : {}),
      categories: [...cur.byCategory.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([category, minor]) => ({ category: category as Category, minor, previousMinor: prev?.byCategory.get(category) ?? 0 })),
      ...(period.daysSoFar > 0 ? { dailyAverageMinor: Math.round(cur.total / period.daysSoFar) } : {}),
    };
  });
  const previousOnly = [...before].filter(([c]) => !now.has(c)).map(([currency, s]) => ({ currency, minor: s.total }));
  return { period, sections, previousOnly };
}

export function spendingReportText(report: SpendingReport): FormattedText {
  const { period } = report;
  if (report.sections.length === 0) {
    const prev = report.previousOnly.map((p) => money(p.minor, p.currency)).join(', ');
    return [line(`📊 ${period.label}: no expenses recorded.`), ...(prev ? [line(`${period.previous.label}: ${prev}`)] : [])];
  }
  const span = `${period.from} to ${period.to}`;
  const blocks = [line('📊 Spending in ', bold(period.label), period.label === span ? '' : ` (${span})`)];
  for (const s of report.sections) {
    const change = s.changePercent === undefined ? '' : `, ${s.changePercent >= 0 ? '+' : ''}${s.changePercent}%`;
    blocks.push(
      line(''),
      line(bold(s.currency), `: ${money(s.minor, s.currency)} in ${plural(s.count, 'expense')} (${period.previous.label}: ${money(s.previousMinor, s.currency)}${change})`),
      ...s.categories.map((c) => item(`${c.category}: ${money(c.minor, s.currency)} (before: ${money(c.previousMinor, s.currency)})`)),
    );
    if (s.dailyAverageMinor !== undefined) {
      blocks.push(line(`Daily average: ${money(s.dailyAverageMinor, s.currency)} over ${plural(period.daysSoFar, 'day')}`));
    }
  }
  return blocks;
}

interface Sums {
  byCategory: Map<string, number>;
  total: number;
  count: number;
}

function byCurrency(totals: readonly CategoryTotal[]): Map<CurrencyCode, Sums> {
  const result = new Map<CurrencyCode, Sums>();
  for (const t of totals) {
    if (t.count === 0 && t.minor === 0) continue;
    const sums = result.get(t.currency) ?? { byCategory: new Map(), total: 0, count: 0 };
    sums.byCategory.set(t.category, (sums.byCategory.get(t.category) ?? 0) + t.minor);
    sums.total += t.minor;
    sums.count += t.count;
    result.set(t.currency, sums);
  }
  return result;
}

const money = (minor: number, currency: CurrencyCode) => formatMoney({ minor, currency });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
