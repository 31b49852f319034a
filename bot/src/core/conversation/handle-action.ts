import { CoreDeps } from '../core-deps';
import { amendExpense } from '../commands/amend-expense';
import { CommandResult } from '../commands/command';
import { removeExpense } from '../commands/remove-expense';
import { DEFAULT_CATEGORIES } from '../expenses/categories';
import { formatRef } from '../ledger/expense';
import { userError } from '../user-error';
import { actions, parseAction } from './actions';
import { InboundMessage } from './inbound-message';

const MAX_CATEGORY_CHOICES = 12;

export async function handleAction(action: string, message: InboundMessage, deps: CoreDeps): Promise<CommandResult> {
  const parsed = parseAction(action);
  if (!parsed) return userError('action.unknown', 'That button is not one I know (it may be from an older version).', 'help');
  const { ref } = parsed;
  switch (parsed.kind) {
    case 'undo':
      return removeExpense(message, deps, () => deps.expenses.expense(message.ledger, ref), { ref });
    case 'edit':
      return [{ text: `To edit ${formatRef(ref)}, send one of:\nedit ${ref} amount 15.90\nedit ${ref} category food\nedit ${ref} date yesterday\nedit ${ref} note lunch with Sam` }];
    case 'changeCategory': {
      const [expense, { head }] = await Promise.all([deps.expenses.expense(message.ledger, ref), deps.writer.load(message.ledger, {})]);
      if (!expense) return userError('expense.notFound', `There is no expense ${formatRef(ref)} in this ledger.`, 'list');
      const options = [...new Set([...head.state.categories, ...DEFAULT_CATEGORIES])]
        .filter((c) => c !== expense.category)
        .slice(0, MAX_CATEGORY_CHOICES);
      return [{
        text: `Which category for ${formatRef(ref)} (now ${expense.category})? Or type: edit ${ref} category <name>`,
        choices: options.map((c) => ({ label: c, action: actions.setCategory(ref, c) })),
      }];
    }
    case 'setCategory':
      return amendExpense(message, deps, ref, (before) => ({ ...before, category: parsed.category }));
  }
}
