import { formatDate } from '../calendar/local-date';
import { Choice } from '../conversation/reply';
import { Expense, formatRef } from '../ledger/expense';
import { formatMoney } from '../money/money';
import { actions } from '../conversation/actions';

/** "#42 $12.50 · food · lunch · Mon 4 Mar 2026" */
export function expenseLine(e: Expense): string {
  const parts = [formatRef(e.ref), formatMoney(e.amount), e.category, e.description, formatDate(e.date)];
  return parts.filter((p) => p !== '').join(' · ');
}

export function expenseChoices(e: Expense): Choice[] {
  return [
    { label: 'Undo', action: actions.undo(e.ref) },
    { label: 'Edit', action: actions.edit(e.ref) },
    { label: 'Change category', action: actions.changeCategory(e.ref) },
  ];
}
