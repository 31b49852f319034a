import { CoreDeps } from '../core-deps';
import { amendExpense } from '../commands/amend-expense';
import { CommandResult } from '../commands/command';
import { EDITABLE_FIELDS, EditableField, withField } from '../commands/expense-fields';
import { refuseUnlessRecordedBy } from '../commands/expense-permission';
import { Expense, formatRef } from '../ledger/expense';
import { currentValues, editFormReply } from '../presentation/edit-form';
import { isUserError, userError } from '../user-error';
import { parseAction } from './actions';
import { submitReceiptForm } from '../receipts/receipt-flow';
import { Turn } from './turn';

/**
 * A submitted form. Every field is checked against the ledger's settings; if any is wrong, the
 * form comes back with each field's error and nothing is written. Otherwise one amendment applies
 * all the changed fields together.
 */
export async function handleForm(action: string, values: Readonly<Record<string, string>>, turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const parsed = parseAction(action);
  if (parsed?.kind === 'receipt' && parsed.step === 'form') return submitReceiptForm(parsed.receipt, values, turn, deps);
  if (parsed?.kind !== 'editForm') return userError('form.unknown', 'That form is not one I know (it may be from an older version).', 'help');
  const { ref } = parsed;
  const [before, { head }] = await Promise.all([deps.expenses.expense(turn.ledger, ref), deps.writer.load(turn.ledger, {})]);
  if (!before) return { ...userError('expense.notFound', `There is no expense ${formatRef(ref)} in this ledger.`, 'list'), audience: 'sender' };
  const refused = refuseUnlessRecordedBy(turn, before);
  if (refused) return refused;

  const current = currentValues(before);
  const changed = EDITABLE_FIELDS.filter((f) => values[f] !== undefined && values[f]!.trim() !== current[f]);
  const errors: Partial<Record<EditableField, string>> = {};
  for (const field of changed) {
    const value = values[field]!.trim();
    if (value === '' && field !== 'note') errors[field] = 'This cannot be empty.';
    else {
      const result = withField(before, field, value, head.state.settings, deps.clock.now());
      if (isUserError(result)) errors[field] = result.message;
    }
  }
  if (Object.keys(errors).length > 0) {
    const submitted = Object.fromEntries(EDITABLE_FIELDS.filter((f) => values[f] !== undefined).map((f) => [f, values[f]!]));
    return [editFormReply(before, { values: submitted, errors })];
  }
  // Re-applied inside the write, on the expense as it is then.
  return amendExpense(turn, deps, ref, (latest, { head: fresh, now }) =>
    changed.reduce<Expense | ReturnType<typeof withField>>(
      (e, field) => (isUserError(e) ? e : withField(e, field, values[field]!.trim(), fresh.state.settings, now)),
      latest,
    ));
}
