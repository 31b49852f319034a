import { LocalDate } from '../calendar/local-date';
import { plainText } from '../conversation/formatted-text';
import { Category } from '../expenses/categories';
import { Budget } from '../ledger/budget';
import { CurrencyCode } from '../money/currencies';
import { CategoryTotal, DescriptionTotal, ExpenseAmount } from '../ports/ledger-store.port';
import { isUserError } from '../user-error';
import { biggestChanges, insightsText, monthPace, topDescriptions, UNUSUAL_RULE, unusualExpenses } from './insights';
import { parsePeriod } from './period';

const USD = 'USD' as CurrencyCode;
const EUR = 'EUR' as CurrencyCode;
const total = (category: string, minor: number, count = 1, currency = USD): CategoryTotal => ({ category: category as Category, currency, minor, count });
const described = (description: string, minor: number, count: number, currency = USD): DescriptionTotal => ({ description, currency, minor, count });
const expense = (ref: number, category: string, minor: number, date = '2026-03-10', currency = USD): ExpenseAmount =>
  ({ ref, date: date as LocalDate, category: category as Category, description: `thing ${ref}`, minor, currency });
const totalBudget = (minor: number, currency = USD): Budget => ({ scope: { kind: 'total' }, limit: { minor, currency } });
function period(text: string, today: string) {
  const p = parsePeriod(text, today as LocalDate);
  if (isUserError(p)) throw new Error(p.message);
  return p;
}

describe('biggest changes against the previous period', () => {
  test('given categories that grew, shrank, appeared and vanished, then the three largest moves either way, per currency', () => {
    const current = [total('food', 17_000), total('rent', 100_000), total('fun', 4_500), total('books', 1_000), total('food', 900, 1, EUR)];
    const previous = [total('food', 12_880), total('rent', 100_000), total('travel', 9_000), total('books', 900)];

    const changes = biggestChanges(current, previous);

    expect(changes.map((c) => [c.currency, c.category, c.percent])).toEqual([
      ['EUR', 'food', undefined],
      ['USD', 'travel', -100],
      ['USD', 'fun', undefined],
      ['USD', 'food', 32],
    ]);
    expect(plainText(insightsText({ changes, descriptions: [], unusual: [], pace: [] }, 'February 2026'))).toContain(
      '• food +32%, +$41.20 ($128.80 → $170.00)',
    );
  });

  test('given the same spending as before, then nothing to say', () => {
    expect(biggestChanges([total('rent', 100)], [total('rent', 100)])).toEqual([]);
    expect(insightsText({ changes: [], descriptions: [], unusual: [], pace: [] }, 'x')).toEqual([]);
  });
});

describe('top descriptions', () => {
  test('given description totals, then the costliest three, and the most frequent among those seen twice or more', () => {
    const top = topDescriptions([described('rent', 100_000, 1), described('coffee', 5_400, 12), described('lunch', 9_000, 8), described('taxi', 3_000, 2), described('gift', 4_000, 1)]);

    expect(top).toEqual([{
      currency: 'USD',
      byAmount: [described('rent', 100_000, 1), described('lunch', 9_000, 8), described('coffee', 5_400, 12)],
      byCount: [described('coffee', 5_400, 12), described('lunch', 9_000, 8), described('taxi', 3_000, 2)],
    }]);
    expect(plainText(insightsText({ changes: [], descriptions: top, unusual: [], pace: [] }, 'x'))).toContain('• Most often: coffee 12× · lunch 8× · taxi 2×');
  });
});

describe('unusual expenses', () => {
  const march = period('2026-03', '2026-04-02');
  // Three months before March: 6 food expenses averaging $20.00; 2 fun expenses (too few to judge).
  const history = [total('food', 6_000, 3), total('food', 6_000, 3), total('fun', 1_000, 2)];

  test(`given a category's usual expense, then those at least ${UNUSUAL_RULE.times}× it are unusual, most unusual first`, () => {
    const unusual = unusualExpenses([expense(1, 'food', 5_999), expense(2, 'food', 6_000), expense(3, 'food', 9_000), expense(4, 'fun', 90_000)], history, march);

    expect(unusual.map((u) => [u.expense.ref, u.usualMinor, u.times])).toEqual([[3, 2_000, 4.5], [2, 2_000, 3]]);
    const text = plainText(insightsText({ changes: [], descriptions: [], unusual, pace: [] }, 'x'));
    expect(text).toContain('• #3 thing 3: $90.00 on Tue 10 Mar 2026, 4.5× the usual food expense ($20.00)');
    expect(text).toContain("Unusual means at least 3× the category's average expense over the 3 months before, when those hold 5 or more of its expenses, looked for among each month's 20 largest.");
  });

  test('given candidates outside the period or in another currency, then they are not flagged', () => {
    expect(unusualExpenses([expense(5, 'food', 50_000, '2026-04-01'), expense(6, 'food', 50_000, '2026-03-05', EUR)], history, march)).toEqual([]);
  });
});

describe('the pace of a month still running', () => {
  test('given $600 spent in 20 of 30 days and a $1,000 budget, then $900 by the 30th and $40.00/day left for 10 days', () => {
    const april = period('month', '2026-04-20');

    const [pace] = monthPace(april, [{ currency: USD, minor: 60_000 }], [totalBudget(100_000)]);

    expect(pace).toEqual({ currency: 'USD', spentMinor: 60_000, projectedMinor: 90_000, lastDay: 30, daysLeft: 10, budget: { limitMinor: 100_000, perDayLeftMinor: 4_000 } });
    expect(plainText(insightsText({ changes: [], descriptions: [], unusual: [], pace: [pace!] }, 'x'))).toContain(
      '• At this pace: $900.00 of $1,000.00 budget by the 30th; $40.00/day left for 10 days.',
    );
  });

  test('given the budget already passed, then by how much; given no budget, then the projection alone', () => {
    const april = period('month', '2026-04-20');
    const [over] = monthPace(april, [{ currency: USD, minor: 120_000 }], [totalBudget(100_000)]);
    const [free] = monthPace(april, [{ currency: EUR, minor: 2_000 }], [totalBudget(100_000)]);
    const text = plainText(insightsText({ changes: [], descriptions: [], unusual: [], pace: [over!, free!] }, 'x'));
    expect(text).toContain('budget by the 30th; already $200.00 over.');
    expect(text).toContain('• At this pace: €30.00 by the 30th.');
  });

  test('given a past month, a week or the last day of the month, then no pace', () => {
    expect(monthPace(period('2026-03', '2026-04-20'), [{ currency: USD, minor: 1 }], [])).toEqual([]);
    expect(monthPace(period('week', '2026-04-20'), [{ currency: USD, minor: 1 }], [])).toEqual([]);
    expect(monthPace(period('month', '2026-04-30'), [{ currency: USD, minor: 1 }], [])).toEqual([]);
  });
});
