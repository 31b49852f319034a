import { LocalDate } from '../calendar/local-date';
import { Category } from '../expenses/categories';
import { CurrencyCode } from '../money/currencies';
import { CategoryTotal, DayTotal } from '../ports/ledger-store.port';
import { isUserError } from '../user-error';
import { parsePeriod } from './period';
import { MAX_CHART_CATEGORIES, running, spendingCharts } from './report-charts';
import { buildSpendingReport } from './spending-report';

const USD = 'USD' as CurrencyCode;
const EUR = 'EUR' as CurrencyCode;
const total = (category: string, minor: number, currency = USD): CategoryTotal => ({ category: category as Category, currency, minor, count: 1 });
const day = (date: string, minor: number, currency = USD): DayTotal => ({ date: date as LocalDate, currency, minor, count: 1 });
function period(text: string, today = '2026-03-10') {
  const p = parsePeriod(text, today as LocalDate);
  if (isUserError(p)) throw new Error(p.message);
  return p;
}

describe('the charts of a report', () => {
  test('given two currencies, when charted, then one chart per currency, categories largest first beside the previous period', () => {
    const report = buildSpendingReport(period('2026-02'), [total('food', 300), total('rent', 1000), total('food', 50, EUR)], [total('food', 200), total('fun', 80)]);

    const charts = spendingCharts(report, { ledgerName: 'Ana', locale: 'de-DE', budgets: [] });

    expect(charts.map((c) => [c.currency, c.title, c.locale])).toEqual([
      ['EUR', 'Spending in February 2026 · Ana', 'de-DE'],
      ['USD', 'Spending in February 2026 · Ana', 'de-DE'],
    ]);
    expect(charts[1]!.panels).toEqual([{
      kind: 'bars', title: 'By category', compare: 'beside', series: { value: 'February 2026', compared: 'January 2026' },
      bars: [{ label: 'rent', minor: 1000, compared: 0 }, { label: 'food', minor: 300, compared: 200 }],
    }]);
  });

  test('given a month running with a total budget, when charted with day totals, then the running total stops today, the previous month is whole, the budget is the line', () => {
    const report = buildSpendingReport(period('month'), [total('food', 600)], [total('food', 900)]);
    const budgets = [
      { scope: { kind: 'total' as const }, limit: { minor: 5000, currency: USD } },
      { scope: { kind: 'category' as const, category: 'food' as Category }, limit: { minor: 100, currency: USD } },
      { scope: { kind: 'total' as const }, limit: { minor: 7000, currency: EUR } },
    ];
    const daily = { current: [day('2026-03-01', 100), day('2026-03-04', 500), day('2026-03-04', 999, EUR)], previous: [day('2026-02-28', 900)] };

    const [chart] = spendingCharts(report, { ledgerName: 'the group', locale: 'en-US', budgets, daily });

    const cumulative = chart!.panels[1];
    expect(cumulative).toMatchObject({ kind: 'cumulative', days: 31, limit: { name: 'budget', minor: 5000 } });
    if (cumulative?.kind !== 'cumulative') throw new Error('no day-by-day panel');
    expect(cumulative.lines.map((l) => l.name)).toEqual(['March 2026', 'February 2026']);
    expect(cumulative.lines[0]!.points).toEqual([100, 100, 100, 600, 600, 600, 600, 600, 600, 600]);
    expect(cumulative.lines[1]!.points).toHaveLength(28);
    expect(cumulative.lines[1]!.points.at(-1)).toBe(900);
  });

  test('given a week or a year, when charted, then bars only (no day-by-day line)', () => {
    for (const text of ['week', '2025']) {
      const report = buildSpendingReport(period(text), [total('food', 600)], []);
      const [chart] = spendingCharts(report, { ledgerName: 'Ana', locale: 'en-US', budgets: [], daily: { current: [], previous: [] } });
      expect(chart!.panels.map((p) => p.kind)).toEqual(['bars']);
    }
  });

  test('given more categories than fit, when charted, then the smallest are one "others" bar with their sums', () => {
    const many = Array.from({ length: 15 }, (_, i) => total(`c${String(i).padStart(2, '0')}`, 1000 - i));
    const report = buildSpendingReport(period('2026-02'), many, [total('c14', 7), total('c13', 3)]);
    const [chart] = spendingCharts(report, { ledgerName: 'Ana', locale: 'en-US', budgets: [] });
    const bars = chart!.panels[0]!.kind === 'bars' ? chart!.panels[0]!.bars : [];
    expect(bars).toHaveLength(MAX_CHART_CATEGORIES);
    expect(bars.at(-1)).toEqual({ label: '4 others', minor: 989 + 988 + 987 + 986, compared: 10 });
  });

  test('running totals ignore other currencies and days outside the span', () => {
    expect(running([day('2026-02-28', 5), day('2026-03-02', 10), day('2026-03-02', 7, EUR), day('2026-03-05', 1)], USD, '2026-03-01' as LocalDate, 3)).toEqual([0, 10, 10]);
  });
});
