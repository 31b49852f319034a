import { actions } from '../conversation/actions';
import { code, formatted, item, line } from '../conversation/formatted-text';
import { Reply } from '../conversation/reply';
import { EDITABLE_FIELDS, EditableField, FIELD_EXAMPLES } from '../commands/expense-fields';
import { Expense, formatRef } from '../ledger/expense';
import { toDecimalString } from '../money/money';

const LABELS: Record<EditableField, string> = { amount: 'Amount', category: 'Category', date: 'Date', note: 'Note' };

export function currentValues(e: Expense): Record<EditableField, string> {
  return { amount: `${toDecimalString(e.amount)} ${e.amount.currency}`, category: e.category, date: e.date, note: e.description };
}

/**
 * The Edit form of an expense: a modal on Slack; elsewhere the text guides the person to the
 * typed commands that do the same. `errors` marks the fields a submission got wrong.
 */
export function editFormReply(e: Expense, options: { values?: Partial<Record<EditableField, string>>; errors?: Partial<Record<EditableField, string>> } = {}): Reply {
  const values = { ...currentValues(e), ...options.values };
  const errors = options.errors ?? {};
  const wrong = EDITABLE_FIELDS.filter((f) => errors[f]);
  const text = formatted(
    ...(wrong.length
      ? [line(`⚠️ ${formatRef(e.ref)} was not changed:`), ...wrong.map((f) => item(`${LABELS[f]}: ${errors[f]}`))]
      : [line(`To edit ${formatRef(e.ref)}, send one of:`)]),
    ...EDITABLE_FIELDS.map((f) => item(code(`edit ${e.ref} ${f} ${FIELD_EXAMPLES[f]}`))),
  );
  return {
    text,
    ...(wrong.length ? { audience: 'sender' as const } : {}),
    form: {
      title: `Edit ${formatRef(e.ref)}`,
      submit: { label: 'Save', action: actions.editForm(e.ref) },
      fields: EDITABLE_FIELDS.map((f) => ({
        name: f,
        label: LABELS[f],
        value: values[f],
        hint: `e.g. ${FIELD_EXAMPLES[f]}`,
        ...(errors[f] ? { error: errors[f] } : {}),
      })),
    },
  };
}
