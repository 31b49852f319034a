import { dateInZone } from '../calendar/local-date';
import { toCategory } from '../expenses/categories';
import { parseDateWord } from '../grammar/parse-date-word';
import { parseExpenseText } from '../grammar/parse-expense-text';
import { Expense } from '../ledger/expense';
import { LedgerSettings } from '../ledger/ledger-events';
import { isUserError, userError, UserError } from '../user-error';

/** The parts of an expense a person can edit, by the names people type and forms use. */
export const EDITABLE_FIELDS = ['amount', 'category', 'date', 'note'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export const FIELD_EXAMPLES: Record<EditableField, string> = {
  amount: '15.90',
  category: 'food',
  date: 'yesterday',
  note: 'lunch with Sam',
};

const MAX_NOTE = 200;

export function editableField(word: string | undefined): EditableField | undefined {
  const field = word?.toLowerCase();
  if (field === 'description') return 'note';
  return EDITABLE_FIELDS.find((f) => f === field);
}

/** The expense with one field set from what the person typed, or what was wrong with it. */
export function withField(before: Expense, field: EditableField, value: string, settings: LedgerSettings, now: Date): Expense | UserError {
  const today = dateInZone(now, settings.timeZone);
  const example = (v: string) => `edit ${before.ref} ${field} ${v}`;
  switch (field) {
    case 'amount': {
      const parsed = parseExpenseText(value, { ledgerCurrency: before.amount.currency, today, dateOrder: settings.dateOrder, ...(settings.locale ? { locale: settings.locale } : {}) });
      if (isUserError(parsed)) return { ...parsed, example: example(FIELD_EXAMPLES.amount) };
      if (parsed.description !== '' || parsed.category || parsed.date !== today) {
        return userError('edit.amount', `"${value}" is more than an amount.`, example(FIELD_EXAMPLES.amount));
      }
      return { ...before, amount: parsed.amount };
    }
    case 'category': {
      const category = toCategory(value);
      if (!category) return userError('category.invalid', `"${value}" is not a category I can use: one word, letters and digits.`, example(FIELD_EXAMPLES.category));
      return { ...before, category };
    }
    case 'date': {
      const date = parseDateWord(value, today, settings.dateOrder, settings.locale);
      return isUserError(date) ? { ...date, example: example(FIELD_EXAMPLES.date) } : { ...before, date };
    }
    case 'note':
      if (value.length > MAX_NOTE) return userError('edit.note', `A note can be at most ${MAX_NOTE} characters.`, example(FIELD_EXAMPLES.note));
      return { ...before, description: value.trim() };
  }
}
