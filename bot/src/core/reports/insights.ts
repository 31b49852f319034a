import { formatDate, parts } from '../calendar/local-date';
import { Category } from '../expenses/categories';
import { Budget } from '../ledger/budget';
import { CurrencyCode } from '../money/currencies';
import { formatMoney } from '../money/money';
import { CategoryTotal, DescriptionTotal, ExpenseAmount } from '../ports/ledger-store.port';
import { bold, item, line, TextBlock } from '../conversation/formatted-text';
import { Period, ReportPeriod, wholeMonth } from './period';

/** How many of each insight a report shows. */
const SHOWN = 3;

export interface CategoryChange {
  readonly currency: CurrencyCode;
  readonly category: Category;
  readonly minor: number;
  readonly previousMinor: number;
  /** Rounded; absent when the previous period had nothing in this category. */
  readonly percent?: number;
}

/** Per currency, the categories that moved most against the previous period (either way), largest move first. */
export function biggestChanges(current: readonly CategoryTotal[], previous: readonly CategoryTotal[], limit = SHOWN): CategoryChange[] {
  const key = (t: CategoryTotal) => `${t.currency}|${t.category}`;
  const rows = new Map<string, { currency: CurrencyCode; category: Category; minor: number; previousMinor: number }>();
  const row = (t: CategoryTotal) => rows.get(key(t)) ?? rows.set(key(t), { currency: t.currency, category: t.category, minor: 0, previousMinor: 0 }).get(key(t))!;
  for (const t of current) row(t).minor += t.minor;
  for (const t of previous) row(t).previousMinor += t.minor;
  const moved = [...rows.values()].filter((r) => r.minor !== r.previousMinor);
  return [...new Set(moved.map((r) => r.currency))].sort().flatMap((currency) =>
    moved
      .filter((r) => r.currency === currency)
      .sort((a, b) => Math.abs(b.minor - b.previousMinor) - Math.abs(a.minor - a.previousMinor) || a.category.localeCompare(b.category))
      .slice(0, limit)
      .map((r) => ({ ...r, ...(r.previousMinor > 0 ? { percent: Math.round(((r.minor - r.previousMinor) * 100) / r.previousMinor) } : {}) })),
  );
}

export interface TopDescriptions {
  readonly currency: CurrencyCode;
  readonly byAmount: readonly DescriptionTotal[];
  /** Only descriptions that came back at least twice. */
  readonly byCount: readonly DescriptionTotal[];
}

/** Per currency, the descriptions that cost most, and those that came back most often. */
export function topDescriptions(totals: readonly DescriptionTotal[], limit = SHOWN): TopDescriptions[] {
  const spent = totals.filter((t) => t.count > 0 && t.minor > 0);
  return [...new Set(spent.map((t) => t.currency))].sort().map((currency) => {
    const mine = spent.filter((t) => t.currency === currency);
    return {
      currency,
      byAmount: [...mine].sort((a, b) => b.minor - a.minor || a.description.localeCompare(b.description)).slice(0, limit),
      byCount: mine.filter((t) => t.count >= 2).sort((a, b) => b.count - a.count || b.minor - a.minor || a.description.localeCompare(b.description)).slice(0, limit),
    };
  });
}

/**
 * When an expense is unusual: at least `times` the average expense of its category (and currency)
 * over the `historyMonths` whole months before the period, counted only where those months hold at
 * least `minHistory` expenses of the category (fewer say nothing about what is usual).
 */
export const UNUSUAL_RULE = { times: 3, historyMonths: 3, minHistory: 5, candidates: 20 } as const;
/** `candidates`: how many of a month's largest expenses (per currency) are looked at; one small read. */
export type UnusualRule = { readonly times: number; readonly historyMonths: number; readonly minHistory: number; readonly candidates: number };

export const unusualRuleText = (rule: UnusualRule = UNUSUAL_RULE) =>
  `at least ${rule.times}× the category's average expense over the ${rule.historyMonths} months before, when those hold ${rule.minHistory} or more of its expenses, looked for among each month's ${rule.candidates} largest`;

export interface UnusualExpense {
  readonly expense: ExpenseAmount;
  /** The category's average expense in the history months. */
  readonly usualMinor: number;
  /** The expense over the average, to one decimal. */
  readonly times: number;
}

/** The usual expense per currency and category, where the history is long enough to say. */
export function usualExpenses(history: readonly CategoryTotal[], rule: UnusualRule = UNUSUAL_RULE): Map<string, number> {
  const sums = new Map<string, { minor: number; count: number }>();
  for (const t of history) {
    const s = sums.get(`${t.currency}|${t.category}`) ?? { minor: 0, count: 0 };
    sums.set(`${t.currency}|${t.category}`, { minor: s.minor + t.minor, count: s.count + t.count });
  }
  return new Map([...sums].filter(([, s]) => s.count >= rule.minHistory && s.minor > 0).map(([k, s]) => [k, Math.round(s.minor / s.count)]));
}

/** The candidates (the largest expenses of each category) that the rule calls unusual, most unusual first. */
export function unusualExpenses(candidates: readonly ExpenseAmount[], history: readonly CategoryTotal[], period: Period, rule: UnusualRule = UNUSUAL_RULE, limit = SHOWN): UnusualExpense[] {
  const usual = usualExpenses(history, rule);
  const seen = new Set<number>();
  return candidates
    .filter((e) => e.date >= period.from && e.date <= period.to && !seen.has(e.ref) && seen.add(e.ref))
    .flatMap((expense) => {
      const usualMinor = usual.get(`${expense.currency}|${expense.category}`);
      return usualMinor !== undefined && expense.minor >= rule.times * usualMinor
        ? [{ expense, usualMinor, times: Math.round((expense.minor * 10) / usualMinor) / 10 }]
        : [];
    })
    .sort((a, b) => b.times - a.times || b.expense.minor - a.expense.minor)
    .slice(0, limit);
}

export interface MonthPace {
  readonly currency: CurrencyCode;
  readonly spentMinor: number;
  /** Where the month ends if spending goes on at the same daily rate. */
  readonly projectedMinor: number;
  /** The month's last day of the month (30, 31, …). */
  readonly lastDay: number;
  readonly daysLeft: number;
  readonly budget?: { readonly limitMinor: number; readonly perDayLeftMinor?: number; readonly overMinor?: number };
}

/** For a month still running: where its spending is heading, against the total budget of each currency. */
export function monthPace(period: ReportPeriod, spent: readonly { currency: CurrencyCode; minor: number }[], budgets: readonly Budget[]): MonthPace[] {
  const lastDay = parts(period.to).day;
  if (!wholeMonth(period) || period.daysSoFar <= 0 || period.daysSoFar >= lastDay) return [];
  const daysLeft = lastDay - period.daysSoFar;
  return spent.map(({ currency, minor }) => {
    const budget = budgets.find((b) => b.scope.kind === 'total' && b.limit.currency === currency);
    const left = budget ? budget.limit.minor - minor : 0;
    return {
      currency,
      spentMinor: minor,
      projectedMinor: Math.round((minor * lastDay) / period.daysSoFar),
      lastDay,
      daysLeft,
      ...(budget
        ? { budget: { limitMinor: budget.limit.minor, ...(left > 0 ? { perDayLeftMinor: Math.floor(left / daysLeft) } : { overMinor: -left }) } }
        : {}),
    };
  });
}

export interface ReportInsights {
  readonly changes: readonly CategoryChange[];
  readonly descriptions: readonly TopDescriptions[];
  readonly unusual: readonly UnusualExpense[];
  readonly pace: readonly MonthPace[];
}

const money = (minor: number, currency: CurrencyCode) => formatMoney({ minor, currency });
const signed = (minor: number, currency: CurrencyCode) => (minor >= 0 ? '+' : '−') + money(Math.abs(minor), currency);
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** The insights in words, to go under the totals. Nothing to say gives no lines. */
export function insightsText(insights: ReportInsights, previousLabel: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const section = (title: string, items: TextBlock[]) => items.length > 0 && blocks.push(line(''), line(bold(title)), ...items);

  section(`What changed against ${previousLabel}`, insights.changes.map((c) => {
    const percent = c.percent === undefined ? 'new' : `${c.percent >= 0 ? '+' : '−'}${Math.abs(c.percent)}%`;
    return item(`${c.category} ${percent}, ${signed(c.minor - c.previousMinor, c.currency)} (${money(c.previousMinor, c.currency)} → ${money(c.minor, c.currency)})`);
  }));
  section('Where it went', insights.descriptions.flatMap((d) => [
    ...(d.byAmount.length ? [item(`Most spent: ${d.byAmount.map((t) => `${t.description} ${money(t.minor, d.currency)}`).join(' · ')}`)] : []),
    ...(d.byCount.length ? [item(`Most often: ${d.byCount.map((t) => `${t.description} ${t.count}×`).join(' · ')}`)] : []),
  ]));
  if (insights.unusual.length > 0) {
    section('Unusual', [
      ...insights.unusual.map((u) => item(`#${u.expense.ref} ${u.expense.description || u.expense.category}: ${money(u.expense.minor, u.expense.currency)} on ${formatDate(u.expense.date)}, ${u.times}× the usual ${u.expense.category} expense (${money(u.usualMinor, u.expense.currency)})`)),
      line(`Unusual means ${unusualRuleText()}.`),
    ]);
  }
  section('Pace', insights.pace.map((p) => {
    const by = `by the ${ordinal(p.lastDay)}`;
    if (!p.budget) return item(`At this pace: ${money(p.projectedMinor, p.currency)} ${by}.`);
    const head = `At this pace: ${money(p.projectedMinor, p.currency)} of ${money(p.budget.limitMinor, p.currency)} budget ${by}`;
    return p.budget.perDayLeftMinor !== undefined
      ? item(`${head}; ${money(p.budget.perDayLeftMinor, p.currency)}/day left for ${p.daysLeft} day${p.daysLeft === 1 ? '' : 's'}.`)
      : item(`${head}; already ${money(p.budget.overMinor!, p.currency)} over.`);
  }));
  return blocks;
}
