import { createHash } from 'node:crypto';
import { code, formatted, item, line } from '../conversation/formatted-text';
import { dateInZone, formatDate } from '../calendar/local-date';
import { CoreDeps } from '../core-deps';
import { Reply, textReply } from '../conversation/reply';
import { Turn } from '../conversation/turn';
import { Category, categoryFromKeywords, descriptionKey, FALLBACK_CATEGORY } from '../expenses/categories';
import { ADD_EXAMPLE, ExpenseText, GrammarContext, LineReading, parseExpenseText, readExpenseLine } from '../grammar/parse-expense-text';
import { checkBudgets, monthRange } from '../ledger/budget-alerts';
import { Expense } from '../ledger/expense';
import { DEFAULT_SETTINGS, LedgerEvent, LedgerSettings } from '../ledger/ledger-events';
import { LedgerState, evolve } from '../ledger/ledger-state';
import { writeLedger } from '../ledger/write-ledger';
import { formatMoney } from '../money/money';
import { actorName, expenseBlock, expenseChoices, expenseSpans } from '../presentation/expense-text';
import { isUserError, UserError, userError } from '../user-error';
import { timeZoneQuestion } from '../presentation/time-zone-question';
import { Phrases, phrasesFor } from '../presentation/phrases';
import { CommandResult, writeKey } from './command';
import { recordLines } from './record-expense-lines';
import { actions } from '../conversation/actions';

export const pendingIdOf = (idempotencyKey: string) => createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 12);

export const grammarOf = (settings: LedgerSettings, now: Date): GrammarContext => ({
  ledgerCurrency: settings.currency,
  today: dateInZone(now, settings.timeZone),
  dateOrder: settings.dateOrder,
  ...(settings.locale ? { locale: settings.locale } : {}),
});

/** What a message comes to, once read with the ledger's settings: expenses to record, or only replies. */
export type ExpensesDecision = UserError | { readonly replies: readonly Reply[] } | { readonly record: readonly ExpenseText[] };

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
  let asked: readonly ExpenseText[] | undefined;
  const result = await writeExpenses(turn, deps, key.idempotencyKey, [text], (settings, now) => {
    const reading = readExpenseLine(text, grammarOf(settings, now));
    if (reading.kind === 'expense' && !reading.doubt) return { record: [reading.expense] };
    // Overheard in a group: people talk to each other; anything but a sure expense is silence.
    if (options.confidentOnly) return { replies: [] };
    if (isUserError(reading)) return reading;
    const phrases = phrasesFor(settings.locale);
    if (reading.kind === 'notExpense') return { replies: [notAnExpense(phrases)] };
    asked = reading.kind === 'choose' ? reading.options : [reading.expense];
    return { replies: [questionReply(reading, pendingId, phrases)] };
  });
  if (asked && !isUserError(result)) await deps.pendingLines.save(turn.ledger, pendingId, { member: turn.member, createdAt: deps.clock.now().toISOString(), key: key.idempotencyKey, readings: asked, all: false });
  return result;
}

/**
 * The answer to a question: exactly what the button showed is recorded, under the delivery key of
 * the message asked about, so the message records once however often it is redelivered or pressed.
 */
export async function answerPendingLine(id: string, choice: number | 'none', turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const pending = await deps.pendingLines.get(turn.ledger, id);
  const phrases = async () => phrasesFor((await deps.writer.load(turn.ledger, {})).head.state.settings.locale);
  if (!pending) return userError('line.expired', (await phrases()).questionExpired, ADD_EXAMPLE);
  if (pending.member !== turn.member) return userError('line.notYours', (await phrases()).notYourQuestion, ADD_EXAMPLE);
  if (choice === 'none') {
    await deps.pendingLines.remove(turn.ledger, id);
    return [{ text: formatted(line((await phrases()).nothingRecorded, code(ADD_EXAMPLE))) }];
  }
  const readings = pending.all ? pending.readings : pending.readings.slice(choice, choice + 1);
  if (readings.length === 0) return userError('line.choice', (await phrases()).buttonStale, ADD_EXAMPLE);
  return writeExpenses(turn, deps, pending.key, undefined, () => ({ record: readings }));
}

/**
 * Writes what `decide` makes of a message (read with the ledger's settings at write time): expenses,
 * recorded in one write with their budget alerts, or replies alone. `lines` let an expense with no
 * category take the one the ledger last used for its description, read with the ledger's head.
 */
export async function writeExpenses(
  turn: Turn, deps: CoreDeps, idempotencyKey: string, lines: readonly string[] | undefined,
  decide: (settings: LedgerSettings, now: Date) => ExpensesDecision,
): Promise<CommandResult> {
  // Read before the ledger's settings are known: close enough to name the descriptions to look up.
  const previewContext = { ledgerCurrency: DEFAULT_SETTINGS.currency, today: dateInZone(deps.clock.now(), 'UTC'), dateOrder: 'dmy' as const };
  const memoKeys = (lines ?? []).flatMap((text) => {
    const preview = parseExpenseText(text, previewContext);
    const key = !isUserError(preview) && !preview.category ? descriptionKey(preview.description) : undefined;
    return key ? [key] : [];
  });
  return writeLedger(deps, {
    ...writeKey(turn),
    idempotencyKey,
    descriptionKeys: memoKeys,
    decide: async ({ head, now, remembered: memory }) => {
      const { settings } = head.state;
      const decision = decide(settings, now);
      if (isUserError(decision)) return decision;
      if ('replies' in decision) return { events: [], replies: decision.replies };
      const remembered = (e: ExpenseText) => {
        const key = descriptionKey(e.description);
        return key ? memory[key] : undefined;
      };
      const { events, recorded, alertLines } = await expensesOf(decision.record, head.state, turn, deps, now, remembered);
      const phrases = phrasesFor(settings.locale);
      const single = recorded.length === 1 ? recorded[0]! : undefined;
      const replies: Reply[] = single
        ? [{ text: formatted(line(phrases.recorded, ...expenseSpans(single, actorName(turn))), ...alertLines), choices: expenseChoices(single, phrases) }]
        : [{
          text: formatted(line(phrases.recordedMany(recorded.length)), ...recorded.map((e) => expenseBlock(e, actorName(turn))), ...alertLines),
          choices: [[{ label: phrases.undoAll, action: actions.undoAll(recorded[0]!.ref, recorded.at(-1)!.ref), style: 'danger' }]],
        }];
      if (!head.state.timeZoneChosen && recorded[0]!.ref === 1) replies.push(timeZoneQuestion(turn.message.hints.locale ?? settings.locale));
      return { events, replies };
    },
  });
}

/** The expenses as events, one after another: each sees the ledger (refs, budgets announced, totals) as the earlier ones left it. */
async function expensesOf(
  texts: readonly ExpenseText[], start: LedgerState, turn: Turn, deps: CoreDeps, now: Date, remembered: (e: ExpenseText) => Category | undefined,
) {
  let state = start;
  const events: LedgerEvent[] = [];
  const recorded: Expense[] = [];
  const alertLines: string[] = [];
  for (const parsed of texts) {
    const expense: Expense = {
      ref: state.nextRef, amount: parsed.amount, description: parsed.description, date: parsed.date,
      category: parsed.category ?? remembered(parsed) ?? categoryFromKeywords(parsed.description, state.settings.locale) ?? FALLBACK_CATEGORY,
      recordedAt: now.toISOString(), recordedBy: turn.member,
    };
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
  return { events, recorded, alertLines };
}

/** "hello", "thanks", a question: a pointer, not an error. */
function notAnExpense(phrases: Phrases): Reply {
  return textReply(formatted(
    line(phrases.notExpense, code(ADD_EXAMPLE), ' · ', code('50k pho')),
    line(phrases.sendHelp[0], code('help'), phrases.sendHelp[1]),
  ));
}

/** "Did you mean…?" with one button per reading, and one for none of them. */
function questionReply(reading: LineReading & { kind: 'expense' | 'choose' }, id: string, phrases: Phrases): Reply {
  const options = reading.kind === 'choose' ? reading.options : [reading.expense];
  const heading = reading.kind === 'choose'
    ? reading.twoExpenses ? phrases.twoExpenses : phrases.several
    : `🤔 ${phrases.question[reading.doubt!]} ${phrases.shouldRecord}`;
  // Each reading with its date: what a press records, whenever it is pressed.
  const describe = (e: ExpenseText) => `${formatMoney(e.amount)}${e.description ? ` · ${e.description}` : ''} · ${formatDate(e.date)}`;
  return {
    text: formatted(line(heading), ...options.map((o) => item(describe(o)))),
    choices: [[
      ...options.map((o, i) => ({ label: options.length === 1 ? phrases.record(formatMoney(o.amount)) : formatMoney(o.amount), action: actions.pendingChoice(id, i) })),
      { label: options.length === 1 ? phrases.changeIt : phrases.noneOfThese, action: actions.pendingNone(id) },
    ]],
  };
}
