import { DateOrder } from '../grammar/parse-date-word';
import { CurrencyCode } from '../money/currencies';
import { Budget, BudgetAlert, BudgetScope } from './budget';
import { Expense } from './expense';

/** What happened to a ledger, appended in order and never changed. */
export type LedgerEvent =
  | { type: 'ExpenseRecorded'; data: { expense: Expense; alerts: BudgetAlert[] } }
  | { type: 'ExpenseAmended'; data: { before: Expense; after: Expense; alerts: BudgetAlert[] } }
  | { type: 'ExpenseDeleted'; data: { expense: Expense } }
  | { type: 'BudgetSet'; data: { budget: Budget } }
  | { type: 'BudgetRemoved'; data: { scope: BudgetScope } }
  | { type: 'SettingsChanged'; data: Partial<LedgerSettings> };

export interface LedgerSettings {
  readonly currency: CurrencyCode;
  readonly timeZone: string;
  readonly dateOrder: DateOrder;
}

export const DEFAULT_SETTINGS: LedgerSettings = {
  currency: 'USD' as CurrencyCode,
  timeZone: 'UTC',
  dateOrder: 'dmy',
};
