import { YearMonth } from '../calendar/local-date';
import { Category } from '../expenses/categories';
import { Money } from '../money/money';

/** A monthly budget for one category, or for all spending in its currency ("total"). */
export type BudgetScope = { readonly kind: 'total' } | { readonly kind: 'category'; readonly category: Category };

export interface Budget {
  readonly scope: BudgetScope;
  readonly limit: Money;
}

export const BUDGET_THRESHOLDS = [80, 100] as const;
export type BudgetThreshold = (typeof BUDGET_THRESHOLDS)[number];

/** A threshold crossed in a month, announced once. */
export interface BudgetAlert {
  readonly month: YearMonth;
  readonly budgetKey: string;
  readonly threshold: BudgetThreshold;
}

export function budgetKey(scope: BudgetScope): string {
  return scope.kind === 'total' ? 'total' : `category:${scope.category}`;
}

export function budgetLabel(scope: BudgetScope): string {
  return scope.kind === 'total' ? 'total' : scope.category;
}
