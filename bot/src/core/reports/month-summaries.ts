import { LocalDate, YearMonth } from '../calendar/local-date';
import { CategoryTotal, DayTotal, MonthSummary, MonthTotal } from '../ports/ledger-store.port';

const inMonths = (summaries: readonly MonthSummary[], from: YearMonth, to: YearMonth) => summaries.filter((s) => s.month >= from && s.month <= to);

/** Per category and currency over the months from `from` to `to`, both included. */
export function categoryTotalsOf(summaries: readonly MonthSummary[], from: YearMonth, to: YearMonth): CategoryTotal[] {
  const sums = new Map<string, CategoryTotal>();
  for (const t of inMonths(summaries, from, to).flatMap((s) => s.categories)) {
    const key = `${t.currency}|${t.category}`;
    const prior = sums.get(key);
    sums.set(key, { ...t, minor: (prior?.minor ?? 0) + t.minor, count: (prior?.count ?? 0) + t.count });
  }
  return [...sums.values()].filter((t) => t.count !== 0 || t.minor !== 0);
}

/** Per day and currency between two dates, both included, oldest first. */
export function dayTotalsOf(summaries: readonly MonthSummary[], from: LocalDate, to: LocalDate): DayTotal[] {
  return summaries
    .flatMap((s) => s.days)
    .filter((d) => d.date >= from && d.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.currency.localeCompare(b.currency));
}

/** Per month, category and currency, oldest month first. */
export function monthTotalsOf(summaries: readonly MonthSummary[]): MonthTotal[] {
  return summaries
    .flatMap((s) => s.categories.map((t) => ({ ...t, month: s.month })))
    .sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency) || a.category.localeCompare(b.category));
}
