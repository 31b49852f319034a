import { addMonths, daysBetween, firstOfMonth, lastOfMonth, YearMonth, yearMonthOf } from '../calendar/local-date';
import { CoreDeps } from '../core-deps';
import { Budget } from '../ledger/budget';
import { LedgerId } from '../ledger/ledger-id';
import { CategoryTotal } from '../ports/ledger-store.port';
import { biggestChanges, monthPace, ReportInsights, topDescriptions, UNUSUAL_RULE, unusualExpenses, usualExpenses } from './insights';
import { ReportPeriod, wholeMonths } from './period';

/** Candidates per category and month: the rule only ever flags the largest. */
const LARGEST_PER_CATEGORY = 5;
/** Unusual expenses are looked for in spans up to a month (a year would ask once per month and category). */
const MAX_UNUSUAL_SPAN_DAYS = 31;

/**
 * Reads what the insights need beside the totals, all from read models: description totals of the
 * period's months, three months of category totals for what is usual, and for each category with
 * that history its few largest expenses. What is read grows with the period and the categories,
 * never with the ledger's history.
 */
export async function gatherInsights(
  deps: CoreDeps, ledger: LedgerId, period: ReportPeriod,
  totals: { readonly current: readonly CategoryTotal[]; readonly previous: readonly CategoryTotal[] },
  budgets: readonly Budget[],
): Promise<ReportInsights> {
  const first = yearMonthOf(period.from);
  const last = yearMonthOf(period.to);
  const unusualToo = daysBetween(period.from, period.to) < MAX_UNUSUAL_SPAN_DAYS;
  const [descriptions, unusual] = await Promise.all([
    // Description totals are kept per month: a week would count its whole months.
    wholeMonths(period) ? deps.totals.byDescription(ledger, first, last) : Promise.resolve([]),
    unusualToo ? findUnusual(deps, ledger, period, totals.current, first, last) : Promise.resolve([]),
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

async function findUnusual(deps: CoreDeps, ledger: LedgerId, period: ReportPeriod, current: readonly CategoryTotal[], first: YearMonth, last: YearMonth) {
  const history = await deps.totals.totals(ledger, firstOfMonth(addMonths(first, -UNUSUAL_RULE.historyMonths)), lastOfMonth(addMonths(first, -1)));
  const usual = usualExpenses(history);
  const months = first === last ? [first] : [first, last];
  const asked = current.filter((t) => usual.has(`${t.currency}|${t.category}`));
  const candidates = await Promise.all(asked.flatMap((t) => months.map((m) => deps.totals.largest(ledger, m, t.currency, t.category, LARGEST_PER_CATEGORY))));
  return unusualExpenses(candidates.flat(), history, period);
}
