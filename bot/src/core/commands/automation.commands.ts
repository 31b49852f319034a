import { formatDate } from '../calendar/local-date';
import { LocalTime, parseLocalTime } from '../calendar/zoned-time';
import { bold, formatted, line } from '../conversation/formatted-text';
import { textReply } from '../conversation/reply';
import { Turn } from '../conversation/turn';
import { CoreDeps } from '../core-deps';
import { LedgerEvent, WeekStart } from '../ledger/ledger-events';
import { LedgerState } from '../ledger/ledger-state';
import { writeLedger } from '../ledger/write-ledger';
import { upcomingOccurrence } from '../schedules/occurrences';
import { Recurrence, Schedule, scheduleId, TaskKind } from '../schedules/schedule';
import { userError } from '../user-error';
import { Command, CommandResult, writeKey } from './command';

/** When digests arrive on their day, in the ledger's timezone. */
export const DIGEST_TIME = '09:00' as LocalTime;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const existing = (state: LedgerState, kind: TaskKind) => Object.values(state.schedules).filter((s) => s.task.kind === kind);

/** One digest and one reminder per ledger: setting one replaces the one before (with a new id, so its runs' keys are new too). */
function replaceSchedule(state: LedgerState, turn: Turn, kind: 'digest' | 'reminder', plan?: { recurrence: Recurrence; at: LocalTime; now: Date }): { events: LedgerEvent[]; schedule?: Schedule } {
  const events: LedgerEvent[] = existing(state, kind).map((s) => ({ type: 'ScheduleRemoved', data: { id: s.id } }));
  if (!plan) return { events };
  const ref = state.nextScheduleRef;
  const schedule: Schedule = {
    id: scheduleId(ref), ref, task: { kind }, recurrence: plan.recurrence, at: plan.at, by: turn.member,
    next: upcomingOccurrence({ at: plan.at, recurrence: plan.recurrence }, plan.now, state.settings.timeZone),
  };
  return { events: [...events, { type: 'ScheduleSet', data: { schedule } }], schedule };
}

const weeklyOn = (weekStart: WeekStart | undefined): Recurrence => ({ every: 'week', weekday: weekStart === 'sunday' ? 0 : 1 });

export const digestCommand: Command = {
  name: 'digest',
  usage: 'digest weekly|monthly|off',
  summary: 'last week\'s or month\'s report and your budgets, on the first day of the next one',
  async run([choice], turn, deps) {
    const word = choice?.toLowerCase();
    if (word !== 'weekly' && word !== 'monthly' && word !== 'off') return userError('digest.usage', 'Say weekly, monthly or off.', 'digest weekly');
    return writeLedger(deps, {
      ...writeKey(turn),
      decide: async ({ head: { state }, now }) => {
        if (word === 'off') {
          const { events } = replaceSchedule(state, turn, 'digest');
          return { events, replies: [textReply(events.length ? '📬 Digest off.' : '📬 There was no digest to turn off.')] };
        }
        const recurrence = word === 'weekly' ? weeklyOn(state.settings.weekStart) : { every: 'month' as const, day: 1 };
        const { events, schedule } = replaceSchedule(state, turn, 'digest', { recurrence, at: DIGEST_TIME, now });
        const when = word === 'weekly' ? `every ${WEEKDAY_NAMES[(recurrence as { weekday: number }).weekday]}` : 'on the 1st of every month';
        return {
          events,
          replies: [textReply(formatted(line('📬 ', bold(`${word === 'weekly' ? 'Weekly' : 'Monthly'} digest on`), `: ${when} at ${DIGEST_TIME} (${state.settings.timeZone}). First: ${formatDate(schedule!.next)}.`)))],
        };
      },
    });
  },
};

export const remindCommand: Command = {
  name: 'remind',
  usage: 'remind daily 21:00|off',
  summary: 'a nudge at that time when nothing was logged that day (or the day\'s total so far)',
  async run([first, time], turn, deps) {
    const word = first?.toLowerCase();
    const at = word === 'daily' && time ? parseLocalTime(time) : undefined;
    if (word !== 'off' && !at) return userError('remind.usage', 'Say "remind daily" and a time (24-hour), or "remind off".', 'remind daily 21:00');
    return writeLedger(deps, {
      ...writeKey(turn),
      decide: async ({ head: { state }, now }) => {
        if (!at) {
          const { events } = replaceSchedule(state, turn, 'reminder');
          return { events, replies: [textReply(events.length ? '⏰ Reminder off.' : '⏰ There was no reminder to turn off.')] };
        }
        const { events, schedule } = replaceSchedule(state, turn, 'reminder', { recurrence: { every: 'day' }, at, now });
        return { events, replies: [textReply(`⏰ Every day at ${at} (${state.settings.timeZone}) I nudge you if nothing was logged, or tell you the day's total. First: ${formatDate(schedule!.next)}.`)] };
      },
    });
  },
};

export const weekCommand: Command = {
  name: 'week',
  usage: 'week starts monday|sunday',
  summary: 'the first day of a week, for "report week" and weekly digests (Monday unless you say)',
  async run([starts, day], turn, deps): Promise<CommandResult> {
    const weekStart = day?.toLowerCase();
    if (starts?.toLowerCase() !== 'starts' || (weekStart !== 'monday' && weekStart !== 'sunday')) {
      return userError('week.usage', 'Say "week starts monday" or "week starts sunday".', 'week starts sunday');
    }
    return writeLedger(deps, {
      ...writeKey(turn),
      decide: async ({ head: { state }, now }) => {
        // A weekly digest moves to the new first day.
        const weekly = existing(state, 'digest').find((s) => s.recurrence.every === 'week');
        const moved = weekly ? replaceSchedule(state, turn, 'digest', { recurrence: weeklyOn(weekStart), at: weekly.at, now }).events : [];
        return {
          events: [{ type: 'SettingsChanged', data: { weekStart } }, ...moved],
          replies: [textReply(`📅 Weeks now start on ${weekStart === 'monday' ? 'Monday' : 'Sunday'}${weekly ? '; the weekly digest comes then' : ''}.`)],
        };
      },
    });
  },
};
