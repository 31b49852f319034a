import { daysBetween, YearMonth, yearMonthOf } from '../calendar/local-date';
import { CoreDeps } from '../core-deps';
import { Budget } from '../ledger/budget';
import { LedgerId } from '../ledger/ledger-id';
import { CategoryTotal } from '../ports/ledger-store.port';
import { biggestChanges, monthPace, ReportInsights, topDescriptions, UNUSUAL_RULE, unusualExpenses, usualExpenses } from './insights';
import { ReportPeriod, wholeMonths } from './period';

/** Unusual expenses are looked for in spans up to a month (a year would ask once per month and currency). */
export const MAX_UNUSUAL_SPAN_DAYS = 31;

/**
 * Reads what the insights need beside the totals, all from read models: description totals of the
 * period's months and, for each currency with history, its months' largest expenses (the history of
 * category totals, what is usual, comes with the totals). What is read grows with the period and
 * the currencies, never with the ledger's history.
 */
export async function gatherInsights(
  deps: CoreDeps, ledger: LedgerId, period: ReportPeriod,
  totals: { readonly current: readonly CategoryTotal[]; readonly previous: readonly CategoryTotal[]; readonly history?: readonly CategoryTotal[] },
  budgets: readonly Budget[],
): Promise<ReportInsights> {
  const first = yearMonthOf(period.from);
  const last = yearMonthOf(period.to);
  const [descriptions, unusual] = await Promise.all([
    // Description totals are kept per month: a week would count its whole months.
    wholeMonths(period) ? deps.totals.byDescription(ledger, first, last) : Promise.resolve([]),
    totals.history ? findUnusual(deps, ledger, period, totals.current, totals.history, first, last) : Promise.resolve([]),
  ]);
  const spent = new Map<string, number>();
  for (const t of totals.current) spent.set(t.currency, (spent.get(t.currency) ?? 0) + t.minor);
  return {
    changes: biggestChanges(totals.current, totals.previous),
    descriptions: topDescriptions(descriptions),
    unusual,
    pace: monthPace(period, [...spent].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency: currency as CategoryTotal['currency'], minor })), budgets),
  };
}

/** Whether a period is short enough for unusual expenses to be looked for. */
export const looksForUnusual = (period: ReportPeriod) => daysBetween(period.from, period.to) < MAX_UNUSUAL_SPAN_DAYS;

async function findUnusual(
  deps: CoreDeps, ledger: LedgerId, period: ReportPeriod, current: readonly CategoryTotal[], history: readonly CategoryTotal[], first: YearMonth, last: YearMonth,
) {
  const usual = usualExpenses(history);
  const months = first === last ? [first] : [first, last];
  const currencies = [...new Set(current.filter((t) => usual.has(`${t.currency}|${t.category}`)).map((t) => t.currency))];
  const candidates = await Promise.all(currencies.flatMap((currency) => months.map((m) => deps.totals.largest(ledger, m, currency, UNUSUAL_RULE.candidates))));
  return unusualExpenses(candidates.flat(), history, period);
}
