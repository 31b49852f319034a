import { dateInZone, formatDate } from '../calendar/local-date';
import { MIDNIGHT } from '../calendar/zoned-time';
import { actions } from '../conversation/actions';
import { bold, code, formatted, item, line } from '../conversation/formatted-text';
import { textReply } from '../conversation/reply';
import { Turn } from '../conversation/turn';
import { CoreDeps } from '../core-deps';
import { categoryFromKeywords, FALLBACK_CATEGORY } from '../expenses/categories';
import { parseExpenseText } from '../grammar/parse-expense-text';
import { describeRecurrence, parseRecurrence, RECURRING_EXAMPLE } from '../grammar/parse-recurrence';
import { LedgerState } from '../ledger/ledger-state';
import { writeLedger } from '../ledger/write-ledger';
import { formatMoney } from '../money/money';
import { occurrenceOnOrAfter } from '../schedules/occurrences';
import { formatScheduleRef, parseScheduleRef, Schedule, scheduleId } from '../schedules/schedule';
import { isUserError, userError, UserError } from '../user-error';
import { Command, CommandResult, writeKey } from './command';

/** Recurring expenses a ledger may keep (each run is one write; the ledger's state carries them all). */
export const MAX_RECURRING = 20;

const USAGE = 'recurring add|list|remove|pause|resume';

export const recurringCommand: Command = {
  name: 'recurring',
  usage: 'recurring add monthly 1 1200 rent #housing',
  summary: 'an expense recorded by itself (monthly 1, weekly mon, yearly 15/03); recurring list, remove r1, pause r1, resume r1',
  async run([sub = '', ...args], turn, deps) {
    switch (sub.toLowerCase()) {
      case 'add':
        return addRecurring(args, turn, deps);
      case '':
      case 'list':
        return listRecurring(turn, deps);
      case 'remove':
      case 'delete':
        return changeRecurring(args[0], turn, deps, 'remove');
      case 'pause':
        return changeRecurring(args[0], turn, deps, 'pause');
      case 'resume':
        return changeRecurring(args[0], turn, deps, 'resume');
      default:
        return userError('recurring.usage', `Say ${USAGE}.`, RECURRING_EXAMPLE);
    }
  },
};

const recurringOf = (state: LedgerState) => Object.values(state.schedules).filter((s) => s.task.kind === 'expense').sort((a, b) => a.ref - b.ref);

/** "r1 · $1,200.00 · housing · rent · monthly on the 1st" */
export function describeSchedule(s: Schedule): string {
  const what = s.task.kind === 'expense' ? `${formatMoney(s.task.amount)} · ${s.task.category} · ${s.task.description}` : s.task.kind;
  return `${formatScheduleRef(s.ref)} · ${what} · ${describeRecurrence(s.recurrence)}`;
}

function addRecurring(args: string[], turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  return writeLedger(deps, {
    ...writeKey(turn),
    decide: async ({ head: { state }, now }) => {
      const { settings } = state;
      const parsed = parseRecurrence(args, settings.dateOrder);
      if (isUserError(parsed)) return parsed;
      const today = dateInZone(now, settings.timeZone);
      const expense = parseExpenseText(parsed.rest.join(' '), { ledgerCurrency: settings.currency, today, dateOrder: settings.dateOrder });
      if (isUserError(expense)) return { ...expense, example: RECURRING_EXAMPLE };
      if (expense.date !== today) return userError('recurring.date', 'A recurring expense takes its dates from how often it comes: leave the date out.', RECURRING_EXAMPLE);
      if (recurringOf(state).length >= MAX_RECURRING) {
        return userError('recurring.tooMany', `This ledger has ${MAX_RECURRING} recurring expenses, the most I keep. Remove one first (see "recurring list").`, 'recurring remove r1');
      }
      const ref = state.nextScheduleRef;
      const schedule: Schedule = {
        id: scheduleId(ref), ref, recurrence: parsed.recurrence, at: MIDNIGHT, by: turn.member,
        task: { kind: 'expense', amount: expense.amount, description: expense.description, category: expense.category ?? categoryFromKeywords(expense.description) ?? FALLBACK_CATEGORY },
        // An occurrence today is recorded today (the scheduler's next look).
        next: occurrenceOnOrAfter(parsed.recurrence, today),
      };
      return {
        events: [{ type: 'ScheduleSet', data: { schedule } }],
        replies: [textReply(
          formatted(line('🔁 ', bold(describeSchedule(schedule))), line(`First: ${formatDate(schedule.next)}${schedule.next === today ? ' (today)' : ''}.`)),
          [[{ label: 'Undo', action: actions.say(`recurring remove ${formatScheduleRef(ref)}`), style: 'danger' }]],
        )],
      };
    },
  });
}

async function listRecurring(turn: Turn, deps: CoreDeps): Promise<CommandResult> {
  const { head } = await deps.writer.load(turn.ledger, {});
  const all = recurringOf(head.state);
  const others = Object.values(head.state.schedules).filter((s) => s.task.kind !== 'expense').sort((a, b) => a.ref - b.ref);
  const status = (s: Schedule) => (s.paused ? pausedWords(s) : `next ${formatDate(s.next)}`);
  return [textReply(formatted(
    ...(all.length === 0
      ? [line('No recurring expenses yet. Add one like this: ', code(RECURRING_EXAMPLE))]
      : [line(bold(`🔁 Recurring (${all.length}):`)), ...all.map((s) => item(`${describeSchedule(s)} · ${status(s)}`))]),
    // The digest and the reminder run on the same scheduler: shown here too, so one list says what happens by itself.
    ...others.map((s) => line(`${s.task.kind === 'digest' ? '📬 Digest' : '⏰ Reminder'}: ${describeRecurrence(s.recurrence)} at ${s.at} · ${status(s)}`)),
  ))];
}

export const pausedWords = (s: Schedule) => (s.paused === 'unreachable' ? 'paused: I could not post to this conversation' : 'paused');

function changeRecurring(refText: string | undefined, turn: Turn, deps: CoreDeps, change: 'remove' | 'pause' | 'resume'): Promise<CommandResult> {
  const ref = parseScheduleRef(refText);
  if (ref === undefined) return Promise.resolve(userError('recurring.ref', 'Tell me which one (see "recurring list").', `recurring ${change} r1`));
  return writeLedger(deps, {
    ...writeKey(turn),
    decide: async ({ head: { state }, now }) => {
      const schedule = state.schedules[scheduleId(ref)];
      if (!schedule || schedule.task.kind !== 'expense') return userError('recurring.notFound', `There is no recurring expense ${formatScheduleRef(ref)} in this ledger.`, 'recurring list');
      const refused = refuseUnlessSetUpBy(turn, schedule);
      if (refused) return refused;
      const name = bold(describeSchedule(schedule));
      if (change === 'remove') {
        return { events: [{ type: 'ScheduleRemoved', data: { id: schedule.id } }], replies: [textReply(formatted(line('🗑️ Removed ', name, '. What it recorded stays.')))] };
      }
      if (change === 'pause') {
        if (schedule.paused) return { events: [], replies: [textReply(formatted(line('⏸️ ', name, ' is already paused.')))] };
        return {
          events: [{ type: 'ScheduleSet', data: { schedule: { ...schedule, paused: 'asked' } } }],
          replies: [textReply(formatted(line('⏸️ Paused ', name, '.')), [[{ label: 'Resume', action: actions.say(`recurring resume ${formatScheduleRef(ref)}`) }]])],
        };
      }
      if (!schedule.paused) return userError('recurring.notPaused', `${formatScheduleRef(ref)} is not paused.`, 'recurring list');
      // Resumed from today on: the days it was paused are not recorded.
      const { paused: _paused, ...running } = schedule;
      const next = occurrenceOnOrAfter(schedule.recurrence, dateInZone(now, state.settings.timeZone));
      return {
        events: [{ type: 'ScheduleSet', data: { schedule: { ...running, next } } }],
        replies: [textReply(formatted(line('▶️ Resumed ', name, `. Next: ${formatDate(next)}.`)))],
      };
    },
  });
}

/** In a group only the person who set a recurring expense up changes it, as with expenses. */
function refuseUnlessSetUpBy(turn: Turn, schedule: Schedule): UserError | undefined {
  if (turn.scope !== 'group' || schedule.by === turn.member) return undefined;
  return { ...userError('recurring.notYours', `Only the person who set up ${formatScheduleRef(schedule.ref)} can change it.`, 'recurring list'), audience: 'sender' };
}
