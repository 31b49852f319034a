import { parseRef } from '../ledger/expense';
import { userError } from '../user-error';
import { amendExpense } from './amend-expense';
import { Command } from './command';
import { editableField, withField } from './expense-fields';

const USAGE = 'edit <ref> <amount|category|date|note> <value>';
const EXAMPLE = 'edit 42 amount 15.90';

export const editCommand: Command = {
  name: 'edit',
  usage: USAGE,
  summary: 'change an expense: edit 42 category food',
  async run(args, turn, deps) {
    const [refText, fieldText, ...rest] = args;
    const ref = parseRef(refText);
    if (ref === undefined) return userError('edit.usage', `Tell me which expense to edit, by its number: ${USAGE}.`, EXAMPLE);
    if (!fieldText) return userError('edit.usage', `Tell me what to change and the new value: ${USAGE}.`, EXAMPLE);
    const field = editableField(fieldText);
    const value = rest.join(' ');
    if (!field) return userError('edit.field', `I can edit the amount, category, date or note, not "${fieldText ?? ''}".`, EXAMPLE);
    if (!value && field !== 'note') return userError('edit.usage', `Tell me what to change and the new value: ${USAGE}.`, EXAMPLE);
    return amendExpense(turn, deps, ref, (before, { head, now }) => withField(before, field, value, head.state.settings, now));
  },
};
