import { LocalDate } from '../calendar/local-date';
import { LocalTime } from '../calendar/zoned-time';
import { Category } from '../expenses/categories';
import { MemberId } from '../ledger/ledger-id';
import { Money } from '../money/money';

/** When a schedule comes round, in the ledger's calendar. `weekday`: 0 = Sunday … 6 = Saturday. */
export type Recurrence =
  | { readonly every: 'day' }
  | { readonly every: 'week'; readonly weekday: number }
  /** A day that a month lacks (the 31st, the 30th in February) falls on its last day. */
  | { readonly every: 'month'; readonly day: number }
  /** 29 February falls on the 28th in other years. */
  | { readonly every: 'year'; readonly month: number; readonly day: number };

/** What a schedule does when it comes round. */
export type ScheduledTask =
  | { readonly kind: 'expense'; readonly amount: Money; readonly description: string; readonly category: Category }
  /** Last period's report and the budgets, on the first day of a week or month. */
  | { readonly kind: 'digest' }
  /** A nudge when nothing was logged that day, or the day's total so far. */
  | { readonly kind: 'reminder' };

export type TaskKind = ScheduledTask['kind'];

/**
 * Something a ledger does by itself, at `at` on each day its recurrence names, in the ledger's
 * timezone. `next` is the first occurrence not yet run; a run moves it on, in the same write.
 */
export interface Schedule {
  /** "s<ref>": never reused in a ledger, so a run's idempotency key (id + date) is never reused either. */
  readonly id: string;
  readonly ref: number;
  readonly task: ScheduledTask;
  readonly recurrence: Recurrence;
  readonly at: LocalTime;
  readonly next: LocalDate;
  /** Who set it up: the runs are recorded as theirs (so they may undo them in a group). */
  readonly by: MemberId;
  /** `asked`: someone paused it; `unreachable`: the conversation could not be posted to. */
  readonly paused?: 'asked' | 'unreachable';
}

export const scheduleId = (ref: number) => `s${ref}`;

/** How recurring expenses are named in chat: "r3". */
export const formatScheduleRef = (ref: number) => `r${ref}`;

export function parseScheduleRef(text: string | undefined): number | undefined {
  const m = /^#?r?(\d{1,6})$/i.exec(text ?? '');
  return m && Number(m[1]) > 0 ? Number(m[1]) : undefined;
}
