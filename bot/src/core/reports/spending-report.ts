import { CurrencyCode } from '../money/currencies';
import { formatMoney } from '../money/money';
import { CategoryTotal } from '../ports/ledger-store.port';
import { ReportPeriod } from './period';

interface Sums {
  byCategory: Map<string, number>;
  total: number;
  count: number;
}

/** Totals per currency (never converted), each category beside the previous period's. */
export function spendingReportText(period: ReportPeriod, current: readonly CategoryTotal[], previous: readonly CategoryTotal[]): string {
  const now = byCurrency(current);
  const before = byCurrency(previous);
  if (now.size === 0) {
    const prevLine = before.size > 0 ? `\n${period.previous.label}: ${[...before].map(([c, s]) => money(s.total, c)).join(', ')}` : '';
    return `📊 ${period.label}: no expenses recorded.${prevLine}`;
  }
  const sections = [...now.keys()].sort().map((currency) => {
    const cur = now.get(currency)!;
    const prev = before.get(currency);
    const rows = [...cur.byCategory.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([category, minor]) => `• ${category}: ${money(minor, currency)}${beside(prev?.byCategory.get(category), currency)}`);
    const change = prev && prev.total > 0 ? `, ${signedPercent(cur.total, prev.total)}` : '';
    const average = period.daysSoFar > 0 ? `Daily average: ${money(Math.round(cur.total / period.daysSoFar), currency)} over ${period.daysSoFar} day${period.daysSoFar === 1 ? '' : 's'}` : '';
    return [
      `*${currency}*: ${money(cur.total, currency)} in ${cur.count} expense${cur.count === 1 ? '' : 's'} (${period.previous.label}: ${money(prev?.total ?? 0, currency)}${change})`,
      ...rows,
      average,
    ].filter(Boolean).join('\n');
  });
  return [`📊 Spending in ${period.label} (${period.from} to ${period.to})`, ...sections].join('\n\n');
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
const beside = (previous: number | undefined, currency: CurrencyCode) => ` (before: ${money(previous ?? 0, currency)})`;

function signedPercent(now: number, before: number): string {
  const change = Math.round(((now - before) * 100) / before);
  return `${change >= 0 ? '+' : ''}${change}%`;
}
