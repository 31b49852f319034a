import { createHash } from 'node:crypto';
import { code, formatted, item, line } from '../conversation/formatted-text';
import { dateInZone, formatDate } from '../calendar/local-date';
import { CoreDeps } from '../core-deps';
import { Reply, textReply } from '../conversation/reply';
import { Turn } from '../conversation/turn';
import { categoryFromKeywords, descriptionKey, FALLBACK_CATEGORY } from '../expenses/categories';
import { ADD_EXAMPLE, ExpenseText, GrammarContext, LineReading, parseExpenseText, readExpenseLine } from '../grammar/parse-expense-text';
import { checkBudgets, monthRange } from '../ledger/budget-alerts';
import { Expense } from '../ledger/expense';
import { DEFAULT_SETTINGS, LedgerSettings } from '../ledger/ledger-events';
import { writeLedger } from '../ledger/write-ledger';
import { formatMoney } from '../money/money';
import { actorName, expenseChoices, expenseSpans } from '../presentation/expense-text';
import { isUserError, userError } from '../user-error';
import { timeZoneQuestion } from '../presentation/time-zone-question';
import { Phrases, phrasesFor } from '../presentation/phrases';
import { CommandResult, writeKey } from './command';
import { recordLines } from './record-expense-lines';

/** What a press on a question's button says: record reading `choice` of pending line `id`, or none. */
export const pendingActions = {
  choose: (id: string, choice: number) => `line:${id}:${choice}`,
  none: (id: string) => `line:${id}:x`,
};
export function parsePendingAction(action: string): { id: string; choice: number | 'none' } | undefined {
  const m = /^line:([A-Za-z0-9_-]{12}):(\d{1,2}|x)$/.exec(action);
  return m ? { id: m[1]!, choice: m[2] === 'x' ? 'none' : Number(m[2]) } : undefined;
}

export const pendingIdOf = (idempotencyKey: string) => createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 12);

export const grammarOf = (settings: LedgerSettings, now: Date): GrammarContext => ({
  ledgerCurrency: settings.currency,
  today: dateInZone(now, settings.timeZone),
  dateOrder: settings.dateOrder,
  ...(settings.locale ? { locale: settings.locale } : {}),
});

/**
 * Quick add: one line of chat that reads as an expense. A line a person would have to think about
 * (a count, an implausible amount, a far date, several amounts) is asked about first, with buttons;
 * nothing is written until one is pressed. A line with no amount is no expense: a pointer to help.
 */
export async function recordExpense(text: string, turn: Turn, deps: CoreDeps, options: { confidentOnly?: boolean } = {}): Promise<CommandResult> {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > 1 && !options.confidentOnly) return recordLines(lines, turn, deps);
  const key = writeKey(turn);
  // A redelivery asks the same question with the same buttons.
  const pendingId = pendingIdOf(key.idempotencyKey);
  let question: { reading: LineReading } | undefined;
  const result = await recordReading(text, turn, deps, key.idempotencyKey, (reading, settings, now) => {
    if (reading.kind === 'expense' && !reading.doubt) return reading.expense;
    // Overheard in a group: people talk to each other; anything but a sure expense is silence.
    if (options.confidentOnly) return [];
    if (isUserError(reading) || reading.kind === 'notExpense') return reading;
    question = { reading };
    return [questionReply(reading, pendingId, grammarOf(settings, now), phrasesFor(settings.locale))];
  });
  if (question) await deps.pendingLines.save(turn.ledger, pendingId, { text, member: turn.member, createdAt: deps.clock.now().toISOString() });
  return result;
}

/** The answer to a question: the reading chosen is recorded once, however often the button is pressed. */
export async function answerPendingLine(id: string, choice: number | 'none', turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const pending = await deps.pendingLines.get(turn.ledger, id);
  if (!pending) return { ...userError('line.expired', 'That question has expired: type the expense again.', ADD_EXAMPLE), audience: 'sender' };
  if (pending.member !== turn.member) return { ...userError('line.notYours', 'Only the person who wrote that line can answer.', ADD_EXAMPLE), audience: 'sender' };
  if (choice === 'none') {
    const { settings } = (await deps.writer.load(turn.ledger, {})).head.state;
    return [{ text: formatted(line(phrasesFor(settings.locale).nothingRecorded, code(ADD_EXAMPLE))), replacesPressed: true }];
  }
  if (pending.text.includes('\n')) {
    const recorded = await recordLines(pending.text.split('\n'), turn, deps, { idempotencyKey: `pending:${id}`, asked: true });
    return isUserError(recorded) ? recorded : recorded.map((r) => ({ ...r, replacesPressed: true }));
  }
  const replies = await recordReading(pending.text, turn, deps, `pending:${id}`, (reading) => {
    if (isUserError(reading) || reading.kind === 'notExpense') return userError('line.changed', 'I cannot read that line any more: type it again.', ADD_EXAMPLE);
    const picked = reading.kind === 'choose' ? reading.options[choice] : choice === 0 ? reading.expense : undefined;
    return picked ?? userError('line.choice', 'That button no longer matches the line: type it again.', ADD_EXAMPLE);
  });
  return isUserError(replies) ? replies : replies.map((r) => ({ ...r, replacesPressed: true }));
}

type Resolve = (reading: LineReading, settings: LedgerSettings, now: Date) => ExpenseText | Reply[] | LineReading;

/** Reads the line with the ledger's settings and records what `resolve` makes of the reading. */
async function recordReading(text: string, turn: Turn, deps: CoreDeps, idempotencyKey: string, resolve: Resolve): Promise<CommandResult> {
  // The description does not depend on the ledger's settings, so it can pick the remembered
  // category in the same read as the ledger's head.
  const preview = parseExpenseText(text, { ledgerCurrency: DEFAULT_SETTINGS.currency, today: dateInZone(deps.clock.now(), 'UTC'), dateOrder: 'dmy' });
  const memoKey = !isUserError(preview) && !preview.category ? descriptionKey(preview.description) : undefined;
  return writeLedger(deps, {
    ...writeKey(turn),
    idempotencyKey,
    ...(memoKey ? { descriptionKey: memoKey } : {}),
    decide: async ({ head, now, rememberedCategory }) => {
      const { settings } = head.state;
      const resolved = resolve(readExpenseLine(text, grammarOf(settings, now)), settings, now);
      if (isUserError(resolved)) return resolved;
      if (Array.isArray(resolved)) return { events: [], replies: resolved };
      const phrases = phrasesFor(settings.locale);
      if ('kind' in resolved) return { events: [], replies: [notAnExpense(phrases)] };
      const parsed = resolved as ExpenseText;
      const remembered = descriptionKey(parsed.description) === memoKey ? rememberedCategory : undefined;
      const category = parsed.category ?? remembered ?? categoryFromKeywords(parsed.description, settings.locale) ?? FALLBACK_CATEGORY;
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
            text: formatted(line(phrases.recorded, ...expenseSpans(expense, actorName(turn))), ...budgets.lines),
            choices: expenseChoices(expense, phrases),
          },
          ...(!head.state.timeZoneChosen && expense.ref === 1 ? [timeZoneQuestion(turn.message.hints.locale ?? settings.locale)] : []),
        ],
      };
    },
  });
}

/** "hello", "thanks", a question: a pointer, not an error. */
function notAnExpense(phrases: Phrases): Reply {
  return textReply(formatted(
    line(phrases.notExpense, code(ADD_EXAMPLE), ' · ', code('50k pho')),
    line(phrases.sendHelp[0], code('help'), phrases.sendHelp[1]),
  ));
}

/** "Did you mean…?" with one button per reading, and one for none of them. */
function questionReply(reading: LineReading & { kind: 'expense' | 'choose' }, id: string, ctx: GrammarContext, phrases: Phrases): Reply {
  const options = reading.kind === 'choose' ? reading.options : [reading.expense];
  const heading = reading.kind === 'choose'
    ? reading.twoExpenses ? phrases.twoExpenses : phrases.several
    : `🤔 ${phrases.question[reading.doubt!]} ${phrases.shouldRecord}`;
  const describe = (e: ExpenseText) => `${formatMoney(e.amount)}${e.description ? ` · ${e.description}` : ''}${e.date !== ctx.today ? ` · ${formatDate(e.date)}` : ''}`;
  return {
    text: formatted(line(heading), ...options.map((o) => item(describe(o)))),
    choices: [[
      ...options.map((o, i) => ({ label: options.length === 1 ? phrases.record(formatMoney(o.amount)) : formatMoney(o.amount), action: pendingActions.choose(id, i) })),
      { label: options.length === 1 ? phrases.changeIt : phrases.noneOfThese, action: pendingActions.none(id) },
    ]],
  };
}
