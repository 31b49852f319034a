import { CoreDeps } from '../core-deps';
import { amendExpense } from '../commands/amend-expense';
import { CommandResult } from '../commands/command';
import { refuseUnlessRecordedBy } from '../commands/expense-permission';
import { removeExpense, removeExpenses } from '../commands/remove-expense';
import { setTimeZone } from '../commands/settings.commands';
import { isValidTimeZone } from '../calendar/local-date';
import { DEFAULT_CATEGORIES } from '../expenses/categories';
import { formatRef } from '../ledger/expense';
import { editFormReply } from '../presentation/edit-form';
import { isUserError, userError } from '../user-error';
import { actions, categoryFromToken, parseAction } from './actions';
import { formatted, line } from './formatted-text';
import { choiceRows } from './reply';
import { Turn } from './turn';
import { routeText } from './route-text';
import { receiptAction } from '../receipts/receipt-flow';
import { answerPendingLine } from '../commands/record-expense';

const MAX_CATEGORY_CHOICES = 12;
const CATEGORIES_PER_ROW = 3;

/**
 * A button press. Its answer takes the place of the message the button was on (a tidy chat, and a
 * stale button cannot act twice); what went wrong is told to the presser alone.
 */
export async function handleAction(action: string, turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const result = await decideAction(action, turn, deps);
  if (isUserError(result)) return { ...result, audience: 'sender' };
  // A button that says a command answers like the command, beside the message it was on.
  const kind = parseAction(action);
  if (kind?.kind === 'say' || (kind?.kind === 'receipt' && kind.step === 'edit')) return result;
  return result.map((r) => (r.form ? r : { ...r, replacesPressed: true }));
}

async function decideAction(action: string, turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const parsed = parseAction(action);
  if (!parsed) return userError('action.unknown', 'That button is not one I know (it may be from an older version).', 'help');
  if (parsed.kind === 'pendingLine') return answerPendingLine(parsed.id, parsed.choice, turn, deps);
  if (parsed.kind === 'undoAll') return removeExpenses(turn, deps, parsed.first, parsed.last);
  if (parsed.kind === 'say') return routeText(parsed.text, turn, deps);
  if (parsed.kind === 'receipt') {
    if (parsed.step === 'form') return userError('action.unknown', 'That is a form, not a button.', 'help');
    return receiptAction(parsed.step, parsed.receipt, turn, deps);
  }
  if (parsed.kind === 'setTimeZone') {
    if (!isValidTimeZone(parsed.timeZone)) return userError('timezone.unknown', `"${parsed.timeZone}" is not a timezone I know.`, 'timezone Europe/Paris');
    return setTimeZone(turn, deps, parsed.timeZone);
  }
  const { ref } = parsed;
  const notFound = () => userError('expense.notFound', `There is no expense ${formatRef(ref)} in this ledger.`, 'list');
  switch (parsed.kind) {
    case 'undo':
      return removeExpense(turn, deps, () => deps.expenses.expense(turn.ledger, ref), { ref });
    case 'edit': {
      const expense = await deps.expenses.expense(turn.ledger, ref);
      if (!expense) return notFound();
      return refuseUnlessRecordedBy(turn, expense) ?? [editFormReply(expense)];
    }
    case 'changeCategory': {
      const [expense, categories] = await Promise.all([deps.expenses.expense(turn.ledger, ref), categoryCandidates(turn, deps)]);
      if (!expense) return notFound();
      const refused = refuseUnlessRecordedBy(turn, expense);
      if (refused) return refused;
      const options = categories.filter((c) => c !== expense.category).slice(0, MAX_CATEGORY_CHOICES);
      const rows = choiceRows(options.map((c) => ({ label: c, action: actions.setCategory(ref, c) })), CATEGORIES_PER_ROW);
      return [{
        text: formatted(
          line(`Which category for ${formatRef(ref)} (now ${expense.category})?`),
          line('Or type: ', { text: `edit ${ref} category <name>`, style: 'code' }),
        ),
        choices: rows,
      }];
    }
    case 'setCategory': {
      const category = categoryFromToken(parsed.category, await categoryCandidates(turn, deps));
      if (!category) return userError('category.unknown', 'That category is no longer offered: type it instead.', `edit ${ref} category food`);
      return amendExpense(turn, deps, ref, (before) => ({ ...before, category }));
    }
    case 'editForm':
      return userError('action.unknown', 'That is a form, not a button.', `edit ${ref} amount 15.90`);
  }
}

/** The ledger's own categories first, then the usual ones. */
async function categoryCandidates(turn: Turn, deps: CoreDeps) {
  const { head } = await deps.writer.load(turn.ledger, {});
  return [...new Set([...head.state.categories, ...DEFAULT_CATEGORIES])];
}
