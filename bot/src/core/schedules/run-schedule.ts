import { dateInZone, formatDate } from '../calendar/local-date';
import { formatted, item, line } from '../conversation/formatted-text';
import { Reply } from '../conversation/reply';
import { CoreDeps } from '../core-deps';
import { checkBudgets, monthRange } from '../ledger/budget-alerts';
import { Expense, formatRef } from '../ledger/expense';
import { LedgerEvent } from '../ledger/ledger-events';
import { LedgerId } from '../ledger/ledger-id';
import { alertId, LedgerState } from '../ledger/ledger-state';
import { actions } from '../conversation/actions';
import { conversationKeyOf } from '../conversation/inbound-message';
import { Decision, writeLedger } from '../ledger/write-ledger';
import { ConversationAddress, ConversationGoneError } from '../ports/outbound.port';
import { DueRun } from '../ports/due-schedules.port';
import { LedgerWriter } from '../ports/ledger-store.port';
import { expenseChoices, expenseSpans } from '../presentation/expense-text';
import { isUserError } from '../user-error';
import { dueOccurrences } from './occurrences';
import { formatScheduleRef, Schedule } from './schedule';
import { digestChartReplies, digestReplies, reminderReplies } from './scheduled-replies';

/** Missed runs of a recurring expense recorded in one write (a transaction holds at most 100 items). */
export const MAX_CATCH_UP = 12;
/** A daily reminder's missed days are walked in one write, never answered one by one. */
const MAX_SKIPPED = 1000;

export type RunOutcome = 'ran' | 'nothing' | 'paused';

const NOTHING: Decision = { events: [], replies: [] };

/** The idempotency key of a run: the schedule and the occurrence it starts from. */
export const runKey = (run: Pick<DueRun, 'schedule' | 'occurrence'>) => `schedule/${run.schedule}/${run.occurrence}`;

/**
 * Runs a claimed occurrence as an ordinary ledger write under its own idempotency key, and only a
 * write that happened posts to the conversation: a run that lost its claim, or ran twice, records
 * once and says so once. A conversation that is gone pauses the ledger's schedules.
 */
export async function runSchedule(run: DueRun, deps: CoreDeps): Promise<RunOutcome> {
  let wrote = false;
  let address: ConversationAddress | undefined;
  // What the digest's charts need, from the decision that was written (a decision may run again).
  let digest: { state: LedgerState; by: Schedule['by'] } | undefined;
  const writer: LedgerWriter = {
    ...deps.writer,
    async append(append) {
      const outcome = await deps.writer.append(append);
      if (outcome === 'written') wrote = true;
      return outcome;
    },
  };
  const replies = await writeLedger({ ...deps, writer }, {
    ledger: run.ledger,
    actor: (state) => state.schedules[run.schedule]?.by,
    idempotencyKey: runKey(run),
    decide: async ({ head: { state }, now }) => {
      const schedule = state.schedules[run.schedule];
      if (!schedule || schedule.paused || schedule.next !== run.occurrence) return NOTHING;
      address = state.address;
      digest = schedule.task.kind === 'digest' ? { state, by: schedule.by } : undefined;
      return decideRun(schedule, state, run.ledger, now, deps);
    },
  });
  if (!wrote || isUserError(replies) || replies.length === 0 || !address) return wrote ? 'ran' : 'nothing';
  try {
    await deps.outbound.post(address, digest ? await withDigestCharts(replies, run.ledger, digest, deps) : replies);
    return 'ran';
  } catch (error) {
    if (!(error instanceof ConversationGoneError)) {
      deps.log.error({ err: error, ledger: run.ledger, schedule: run.schedule }, 'scheduler: recorded, but the message was not delivered');
      return 'ran';
    }
    await pauseUnreachable(run.ledger, deps);
    return 'paused';
  }
}

/** The digest's charts follow its report, before the budgets. */
async function withDigestCharts(replies: readonly Reply[], ledger: LedgerId, digest: { state: LedgerState; by: Schedule['by'] }, deps: CoreDeps): Promise<Reply[]> {
  const at = replies.findIndex((r) => r.data?.kind === 'report');
  const report = replies[at]?.data?.report;
  if (!report) return [...replies];
  const charts = await digestChartReplies(deps, ledger, digest.state, digest.by, report);
  return [...replies.slice(0, at + 1), ...charts, ...replies.slice(at + 1)];
}

async function decideRun(schedule: Schedule, state: LedgerState, ledger: LedgerId, now: Date, deps: CoreDeps): Promise<Decision> {
  const { timeZone } = state.settings;
  const task = schedule.task;
  if (task.kind === 'expense') {
    const { due, next } = dueOccurrences(schedule, timeZone, now, MAX_CATCH_UP);
    if (due.length === 0) return NOTHING;
    return recordOccurrences(schedule, task, due, next, state, ledger, now, deps);
  }
  // A digest or a reminder is about now: of the occurrences missed, only the latest is sent.
  const { due, next } = dueOccurrences(schedule, timeZone, now, MAX_SKIPPED);
  const latest = due.at(-1);
  if (!latest) return NOTHING;
  const today = dateInZone(now, timeZone);
  const ran: LedgerEvent = { type: 'ScheduleRan', data: { id: schedule.id, occurrences: due, next } };
  if (task.kind === 'digest') {
    return { events: [ran], replies: await digestReplies(schedule, latest, due.length > 1 || latest !== today, state, ledger, deps.totals) };
  }
  return { events: [ran], replies: latest === today ? await reminderReplies(latest, ledger, deps.totals) : [] };
}

async function recordOccurrences(
  schedule: Schedule, task: Extract<Schedule['task'], { kind: 'expense' }>, dates: Schedule['next'][], next: Schedule['next'],
  state: LedgerState, ledger: LedgerId, now: Date, deps: CoreDeps,
): Promise<Decision> {
  const events: LedgerEvent[] = [];
  const expenses: Expense[] = [];
  const alertLines: string[] = [];
  let running = state;
  for (const [i, date] of dates.entries()) {
    const expense: Expense = {
      ref: state.nextRef + i, amount: task.amount, category: task.category, description: task.description,
      date, recordedAt: now.toISOString(), recordedBy: schedule.by,
    };
    // Budgets see the occurrences recorded before this one in the same write.
    const budgets = await checkBudgets(running, async (month) => {
      const totals = await deps.totals.totals(ledger, monthRange(month).from, monthRange(month).to);
      const earlier = expenses.filter((e) => e.date.startsWith(month));
      return [...totals, ...earlier.map((e) => ({ category: e.category, currency: e.amount.currency, minor: e.amount.minor, count: 1 }))];
    }, { after: expense });
    const event: LedgerEvent = { type: 'ExpenseRecorded', data: { expense, alerts: budgets.alerts } };
    running = { ...running, announced: [...running.announced, ...budgets.alerts.map(alertId)] };
    events.push(event);
    expenses.push(expense);
    alertLines.push(...budgets.lines);
  }
  events.push({ type: 'ScheduleRan', data: { id: schedule.id, occurrences: dates, next } });
  const ref = formatScheduleRef(schedule.ref);
  const late = dates[0]! < dateInZone(now, state.settings.timeZone);
  const reply: Reply = expenses.length === 1
    ? {
        text: formatted(line(`🔁 Recorded ${ref}, `, ...expenseSpans(expenses[0]!)), ...(late ? [line(`Caught up: it was due while I was offline.`)] : []), ...alertLines),
        choices: expenseChoices(expenses[0]!),
      }
    : {
        text: formatted(
          line(`🔁 Caught up ${expenses.length} runs of ${ref} missed while I was offline (${formatDate(dates[0]!)} to ${formatDate(dates.at(-1)!)}):`),
          ...expenses.map((e) => item(...expenseSpans(e))),
          ...alertLines,
        ),
        choices: [expenses.slice(-3).map((e) => ({ label: `Undo ${formatRef(e.ref)}`, action: actions.undo(e.ref), style: 'danger' as const }))],
      };
  return { events, replies: [reply] };
}

/** Every schedule of a ledger whose conversation is gone is paused; resuming says the word. */
async function pauseUnreachable(ledger: LedgerId, deps: CoreDeps): Promise<void> {
  await writeLedger(deps, {
    ledger,
    actor: (state) => Object.values(state.schedules)[0]?.by,
    decide: async ({ head: { state } }) => ({
      events: [
        ...Object.values(state.schedules).filter((s) => !s.paused).map((s): LedgerEvent => ({ type: 'ScheduleSet', data: { schedule: { ...s, paused: 'unreachable' } } })),
        // The directory remembers it, so the next message there is told.
        ...(state.address ? [{ type: 'ConversationReachChanged' as const, data: { conversation: conversationKeyOf(state.address), scope: state.scope, reachable: false } }] : []),
      ],
      replies: [],
    }),
  });
  deps.log.error({ ledger }, 'scheduler: the conversation is gone; its schedules are paused');
}
