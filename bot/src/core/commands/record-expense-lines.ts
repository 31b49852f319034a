import { CoreDeps } from '../core-deps';
import { code, formatted, item, line } from '../conversation/formatted-text';
import { Reply } from '../conversation/reply';
import { Turn } from '../conversation/turn';
import { categoryFromKeywords, FALLBACK_CATEGORY } from '../expenses/categories';
import { ExpenseText, LineReading, readExpenseLine } from '../grammar/parse-expense-text';
import { checkBudgets, monthRange } from '../ledger/budget-alerts';
import { Expense } from '../ledger/expense';
import { LedgerEvent } from '../ledger/ledger-events';
import { evolve } from '../ledger/ledger-state';
import { writeLedger } from '../ledger/write-ledger';
import { actorName, expenseBlock } from '../presentation/expense-text';
import { phrasesFor } from '../presentation/phrases';
import { isUserError, userError } from '../user-error';
import { CommandResult, writeKey } from './command';
import { grammarOf, pendingActions, pendingIdOf } from './record-expense';

/** "Undo all" of a message of several expenses: the refs it recorded, first to last. */
export const undoAllAction = (first: number, last: number) => `undoall:${first}-${last}`;
export function parseUndoAll(action: string): { first: number; last: number } | undefined {
  const m = /^undoall:(\d{1,9})-(\d{1,9})$/.exec(action);
  return m && Number(m[1]) <= Number(m[2]) && Number(m[2]) - Number(m[1]) < 100 ? { first: Number(m[1]), last: Number(m[2]) } : undefined;
}

const why = (reading: LineReading): string | undefined => {
  if (isUserError(reading)) return reading.message;
  if (reading.kind === 'notExpense') return 'no amount';
  if (reading.kind === 'choose') return 'more than one amount';
  return reading.doubt ? { count: 'the number may count something', implausible: 'an unusual amount for the currency', farDate: 'a date far from today' }[reading.doubt] : undefined;
};

/**
 * Several expenses, one per line, recorded together: one write, one reply, one Undo for all. When
 * a line is wrong or doubtful, nothing is written: the reply says which lines, and one button
 * records the good ones.
 */
export async function recordLines(lines: readonly string[], turn: Turn, deps: CoreDeps, options: { idempotencyKey?: string; asked?: boolean } = {}): Promise<CommandResult> {
  const key = writeKey(turn);
  const pendingId = pendingIdOf(key.idempotencyKey);
  let good: string[] | undefined;
  const result = await writeLedger(deps, {
    ...key,
    ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    decide: async ({ head, now }) => {
      const { settings } = head.state;
      const readings = lines.map((l) => readExpenseLine(l, grammarOf(settings, now)));
      const problems = readings.flatMap((r, i) => (why(r) ? [{ number: i + 1, text: lines[i]!, why: why(r)! }] : []));
      if (problems.length > 0) {
        // Asked already, and a line no longer reads the same (settings changed): say so, write nothing.
        if (options.asked) return userError('lines.changed', 'Those lines no longer read the same: send them again.', '12.50 lunch');
        good = lines.filter((_, i) => !problems.some((p) => p.number === i + 1));
        return { events: [], replies: [problemsReply(problems, good.length, pendingId)] };
      }
      let state = head.state;
      const events: LedgerEvent[] = [];
      const recorded: Expense[] = [];
      const alertLines: string[] = [];
      for (const reading of readings) {
        const parsed = (reading as { expense: ExpenseText }).expense;
        const expense: Expense = {
          ref: state.nextRef, amount: parsed.amount, description: parsed.description, date: parsed.date,
          category: parsed.category ?? categoryFromKeywords(parsed.description, settings.locale) ?? FALLBACK_CATEGORY,
          recordedAt: now.toISOString(), recordedBy: turn.member,
        };
        // The month's totals as they will be, the batch's earlier lines included.
        const totals = async (month: Parameters<typeof monthRange>[0]) => [
          ...(await deps.totals.totals(turn.ledger, monthRange(month).from, monthRange(month).to)),
          ...recorded.filter((e) => e.date.startsWith(month)).map((e) => ({ category: e.category, currency: e.amount.currency, minor: e.amount.minor, count: 1 })),
        ];
        const budgets = await checkBudgets(state, totals, { after: expense });
        const event: LedgerEvent = { type: 'ExpenseRecorded', data: { expense, alerts: budgets.alerts } };
        state = evolve(state, event);
        events.push(event);
        recorded.push(expense);
        alertLines.push(...budgets.lines);
      }
      const phrases = phrasesFor(settings.locale);
      return {
        events,
        replies: [{
          text: formatted(line(phrases.recordedMany(recorded.length)), ...recorded.map((e) => expenseBlock(e, actorName(turn))), ...alertLines),
          choices: [[{ label: phrases.undoAll, action: undoAllAction(recorded[0]!.ref, recorded.at(-1)!.ref), style: 'danger' }]],
        }],
      };
    },
  });
  if (good?.length) await deps.pendingLines.save(turn.ledger, pendingId, { text: good.join('\n'), member: turn.member, createdAt: deps.clock.now().toISOString() });
  return result;
}

function problemsReply(problems: readonly { number: number; text: string; why: string }[], goodCount: number, id: string): Reply {
  return {
    text: formatted(
      line(`⚠️ Nothing recorded yet: ${problems.length === 1 ? 'one line needs' : `${problems.length} lines need`} a look.`),
      ...problems.map((p) => item(`line ${p.number} `, code(p.text), `: ${p.why}`)),
      line(goodCount > 0 ? 'Send those again on their own, and record the others now:' : 'Send them again, one expense per line.'),
    ),
    ...(goodCount > 0 ? { choices: [[{ label: `✅ Record the other ${goodCount}`, action: pendingActions.choose(id, 0) }, { label: 'Cancel', action: pendingActions.none(id) }]] } : {}),
  };
}
