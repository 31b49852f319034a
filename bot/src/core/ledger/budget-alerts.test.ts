import { LocalDate, YearMonth } from '../calendar/local-date';
import { Category } from '../expenses/categories';
import { CurrencyCode } from '../money/currencies';
import { CategoryTotal } from '../ports/ledger-store.port';
import { checkBudgets } from './budget-alerts';
import { Expense } from './expense';
import { MemberId } from './ledger-id';
import { LedgerEvent } from './ledger-events';
import { EMPTY_LEDGER, evolve, LedgerState } from './ledger-state';

const USD = 'USD' as CurrencyCode;
const expense = (minor: number, category = 'food', date = '2026-11-10', currency = USD): Expense => ({
  ref: 1, amount: { minor, currency }, category: category as Category, description: '', date: date as LocalDate, recordedAt: '', recordedBy: 'mb_0000000000000001' as MemberId,
});
const given = (...events: LedgerEvent[]) => events.reduce(evolve, EMPTY_LEDGER);
const foodBudget = (minor: number): LedgerEvent => ({ type: 'BudgetSet', data: { budget: { scope: { kind: 'category', category: 'food' as Category }, limit: { minor, currency: USD } } } });
const spent = (minor: number, category = 'food'): CategoryTotal[] => [{ category: category as Category, currency: USD, minor, count: 1 }];

async function when(state: LedgerState, totals: CategoryTotal[], change: { before?: Expense; after: Expense }) {
  const months: YearMonth[] = [];
  const result = await checkBudgets(state, async (m) => (months.push(m), totals), change);
  return { ...result, months };
}

test('crossing 80% is announced, with the month it belongs to', async () => {
  const { alerts, lines, months } = await when(given(foodBudget(10_000)), spent(7_000), { after: expense(1_500) });
  expect(alerts).toEqual([{ month: '2026-11', budgetKey: 'category:food', threshold: 80 }]);
  expect(lines).toEqual(['🟠 Your food spending has passed 80% of its monthly budget: $85.00 of $100.00 (85%).']);
  expect(months).toEqual(['2026-11']);
});

test('a threshold already announced that month is not announced again', async () => {
  const state = given(foodBudget(10_000), { type: 'ExpenseRecorded', data: { expense: expense(8_000), alerts: [{ month: '2026-11' as YearMonth, budgetKey: 'category:food', threshold: 80 }] } });
  expect((await when(state, spent(8_000), { after: expense(500) })).alerts).toEqual([]);
  expect((await when(state, spent(8_000), { after: expense(2_000) })).alerts.map((a) => a.threshold)).toEqual([100]);
});

test('other categories, other currencies and unbudgeted ledgers are not checked (and read nothing)', async () => {
  expect(await when(given(foodBudget(10_000)), spent(9_900), { after: expense(500, 'fun') })).toEqual({ alerts: [], lines: [], months: [] });
  expect((await when(given(foodBudget(10_000)), spent(9_900), { after: expense(500, 'food', '2026-11-10', 'EUR' as CurrencyCode) })).alerts).toEqual([]);
  expect((await when(EMPTY_LEDGER, spent(9_900), { after: expense(500) })).months).toEqual([]);
});

test('an edit counts the new amount instead of the old one', async () => {
  const { alerts } = await when(given(foodBudget(10_000)), spent(5_000), { before: expense(1_000), after: expense(9_000) });
  expect(alerts.map((a) => a.threshold)).toEqual([80, 100]);
  const lowered = await when(given(foodBudget(10_000)), spent(9_500), { before: expense(9_000), after: expense(100) });
  expect(lowered.alerts).toEqual([]);
});
