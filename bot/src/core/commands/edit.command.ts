import { dateInZone } from '../calendar/local-date';
import { toCategory } from '../expenses/categories';
import { parseDateWord } from '../grammar/parse-date-word';
import { parseExpenseText } from '../grammar/parse-expense-text';
import { parseRef } from '../ledger/expense';
import { isUserError, userError } from '../user-error';
import { amendExpense } from './amend-expense';
import { Command } from './command';

const USAGE = 'edit <ref> <amount|category|date|note> <value>';
const EXAMPLE = 'edit 42 amount 15.90';
const MAX_NOTE = 200;

export const editCommand: Command = {
  name: 'edit',
  usage: USAGE,
  summary: 'change an expense: edit 42 category food',
  async run(args, message, deps) {
    const [refText, fieldText, ...rest] = args;
    const ref = parseRef(refText);
    if (ref === undefined) return userError('edit.usage', `Tell me which expense to edit, by its number: ${USAGE}.`, EXAMPLE);
    const field = fieldText?.toLowerCase();
    const value = rest.join(' ');
    if (!value && field !== 'note') return userError('edit.usage', `Tell me what to change and the new value: ${USAGE}.`, EXAMPLE);
    switch (field) {
      case 'amount':
        return amendExpense(message, deps, ref, (before, { head, now }) => {
          const { settings } = head.state;
          const parsed = parseExpenseText(value, {
            ledgerCurrency: before.amount.currency,
            today: dateInZone(now, settings.timeZone),
            dateOrder: settings.dateOrder,
          });
          if (isUserError(parsed)) return parsed;
          if (parsed.description !== '' || parsed.category || parsed.date !== dateInZone(now, settings.timeZone)) {
            return userError('edit.amount', `"${value}" is more than an amount.`, EXAMPLE);
          }
          return { ...before, amount: parsed.amount };
        });
      case 'category': {
        const category = toCategory(value);
        if (!category) return userError('category.invalid', `"${value}" is not a category I can use: one word, letters and digits.`, 'edit 42 category food');
        return amendExpense(message, deps, ref, (before) => ({ ...before, category }));
      }
      case 'date':
        return amendExpense(message, deps, ref, (before, { head, now }) => {
          const { settings } = head.state;
          const date = parseDateWord(value, dateInZone(now, settings.timeZone), settings.dateOrder);
          return isUserError(date) ? date : { ...before, date };
        });
      case 'note':
      case 'description':
        if (value.length > MAX_NOTE) return userError('edit.note', `A note can be at most ${MAX_NOTE} characters.`, 'edit 42 note lunch with Sam');
        return amendExpense(message, deps, ref, (before) => ({ ...before, description: value }));
      default:
        return userError('edit.field', `I can edit the amount, category, date or note, not "${fieldText ?? ''}".`, EXAMPLE);
    }
  },
};
