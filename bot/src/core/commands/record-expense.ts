import { formatted, line } from '../conversation/formatted-text';
import { dateInZone } from '../calendar/local-date';
import { CoreDeps } from '../core-deps';
import { Turn } from '../conversation/turn';
import { categoryFromKeywords, descriptionKey, FALLBACK_CATEGORY } from '../expenses/categories';
import { parseExpenseText } from '../grammar/parse-expense-text';
import { checkBudgets, monthRange } from '../ledger/budget-alerts';
import { Expense } from '../ledger/expense';
import { DEFAULT_SETTINGS } from '../ledger/ledger-events';
import { writeLedger } from '../ledger/write-ledger';
import { actorName, expenseChoices, expenseSpans } from '../presentation/expense-text';
import { isUserError } from '../user-error';
import { timeZoneQuestion } from '../presentation/time-zone-question';
import { CommandResult, writeKey } from './command';

/** Quick add: one line of chat that reads as an expense. */
export async function recordExpense(text: string, turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  // The description does not depend on the ledger's settings, so it can pick the remembered
  // category in the same read as the ledger's head.
  const preview = parseExpenseText(text, {
    ledgerCurrency: DEFAULT_SETTINGS.currency,
    today: dateInZone(deps.clock.now(), 'UTC'),
    dateOrder: 'dmy',
  });
  const memoKey = !isUserError(preview) && !preview.category ? descriptionKey(preview.description) : undefined;
  return writeLedger(deps, {
    ...writeKey(turn),
    ...(memoKey ? { descriptionKey: memoKey } : {}),
    decide: async ({ head, now, rememberedCategory }) => {
      const { settings } = head.state;
      const parsed = parseExpenseText(text, {
        ledgerCurrency: settings.currency,
        today: dateInZone(now, settings.timeZone),
        dateOrder: settings.dateOrder,
      });
      if (isUserError(parsed)) return parsed;
      const category = parsed.category ?? rememberedCategory ?? categoryFromKeywords(parsed.description) ?? FALLBACK_CATEGORY;
      const expense: Expense = {
        ref: head.state.nextRef,
        amount: parsed.amount,
        category,
        description: parsed.description,
        date: parsed.date,
        recordedAt: now.toISOString(),
        recordedBy: turn.member,
      };
      const budgets = await checkBudgets(
        head.state,
        (month) => deps.totals.totals(turn.ledger, monthRange(month).from, monthRange(month).to),
        { after: expense },
      );
      return {
        events: [{ type: 'ExpenseRecorded', data: { expense, alerts: budgets.alerts } }],
        replies: [
          {
            text: formatted(line('✅ Recorded ', ...expenseSpans(expense, actorName(turn))), ...budgets.lines),
            choices: expenseChoices(expense),
          },
          // The first expense of a ledger nobody told the timezone of: ask once.
          ...(!head.state.timeZoneChosen && expense.ref === 1 ? [timeZoneQuestion(turn.message.hints.locale ?? settings.locale)] : []),
        ],
      };
    },
  });
}
