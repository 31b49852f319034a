import { textReply } from '../conversation/reply';
import { dateInZone, yearMonthOf } from '../calendar/local-date';
import { toCategory } from '../expenses/categories';
import { parseExpenseText } from '../grammar/parse-expense-text';
import { monthRange } from '../ledger/budget-alerts';
import { BudgetScope, budgetLabel } from '../ledger/budget';
import { writeLedger } from '../ledger/write-ledger';
import { formatMoney } from '../money/money';
import { isUserError, userError } from '../user-error';
import { Command, writeKey } from './command';
import { budgetStatusLine } from './budgets.command';

const USAGE = 'budget <category|total> <amount|off>';
const EXAMPLE = 'budget food 300';

export const budgetCommand: Command = {
  name: 'budget',
  usage: USAGE,
  summary: 'set a monthly budget: budget food 300, budget total 2000, budget food off',
  async run(args, turn, deps) {
    const [scopeText, ...rest] = args;
    if (!scopeText || rest.length === 0) return userError('budget.usage', `Tell me the category (or "total") and the monthly amount: ${USAGE}.`, EXAMPLE);
    let scope: BudgetScope;
    if (scopeText.toLowerCase() === 'total') {
      scope = { kind: 'total' };
    } else {
      const category = toCategory(scopeText);
      if (!category) return userError('category.invalid', `"${scopeText}" is not a category I can use.`, EXAMPLE);
      scope = { kind: 'category', category };
    }
    const value = rest.join(' ');
    return writeLedger(deps, {
      ...writeKey(turn),
      decide: async ({ head, now }) => {
        const { settings } = head.state;
        if (value.toLowerCase() === 'off') {
          return {
            events: [{ type: 'BudgetRemoved', data: { scope } }],
            replies: [textReply(`Removed the ${budgetLabel(scope)} budget.`)],
          };
        }
        const today = dateInZone(now, settings.timeZone);
        const parsed = parseExpenseText(value, { ledgerCurrency: settings.currency, today, dateOrder: settings.dateOrder, ...(settings.locale ? { locale: settings.locale } : {}) });
        if (isUserError(parsed)) return { ...parsed, example: EXAMPLE };
        if (parsed.description !== '' || parsed.category || parsed.date !== today) {
          return userError('budget.usage', `"${value}" is more than an amount.`, EXAMPLE);
        }
        const budget = { scope, limit: parsed.amount };
        const { from, to } = monthRange(yearMonthOf(today));
        const totals = await deps.totals.totals(turn.ledger, from, to);
        return {
          events: [{ type: 'BudgetSet', data: { budget } }],
          replies: [textReply(`🎯 Monthly ${budgetLabel(scope)} budget set to ${formatMoney(budget.limit)}.\n${budgetStatusLine(budget, totals)}`)],
        };
      },
    });
  },
};
