import { DateOrder } from '../grammar/parse-date-word';
import { ConversationAddress } from '../ports/outbound.port';
import { CurrencyCode } from '../money/currencies';
import { Budget, BudgetAlert, BudgetScope } from './budget';
import { Expense } from './expense';
import { LedgerScope, MemberId } from './ledger-id';
import { LocalDate } from '../calendar/local-date';
import { Schedule } from '../schedules/schedule';

/**
 * What happened to a ledger, appended in order and never changed. People appear only as member
 * ids; names and platform identities live in the directory, beside the events.
 */
export type LedgerEvent =
  /**
   * `conversation` is the directory key the ledger was opened for, `address` where to post to it
   * later (digests, reminders), `settings` its first hints.
   */
  | { type: 'LedgerOpened'; data: { scope: LedgerScope; conversation: string; address: ConversationAddress; settings: Partial<LedgerSettings> } }
  | { type: 'MemberJoined'; data: { member: MemberId } }
  | { type: 'ExpenseRecorded'; data: { expense: Expense; alerts: BudgetAlert[] } }
  | { type: 'ExpenseAmended'; data: { before: Expense; after: Expense; alerts: BudgetAlert[] } }
  | { type: 'ExpenseDeleted'; data: { expense: Expense } }
  | { type: 'BudgetSet'; data: { budget: Budget } }
  | { type: 'BudgetRemoved'; data: { scope: BudgetScope } }
  | { type: 'SettingsChanged'; data: Partial<LedgerSettings> }
  /** A schedule added, or changed in place (paused, resumed, moved to another day). */
  | { type: 'ScheduleSet'; data: { schedule: Schedule } }
  | { type: 'ScheduleRemoved'; data: { id: string } }
  /** The scheduler ran these occurrences (more than one when catching up); `next` is the first one left. */
  | { type: 'ScheduleRan'; data: { id: string; occurrences: LocalDate[]; next: LocalDate } }
  /**
   * The platform said the conversation is gone for the bot (its schedules were paused), or someone
   * spoke there again and was told. The directory entry carries it, so the next message sees it.
   */
  | { type: 'ConversationReachChanged'; data: { conversation: string; scope: LedgerScope; reachable: boolean } };

export type WeekStart = 'monday' | 'sunday';

export interface LedgerSettings {
  readonly currency: CurrencyCode;
  readonly timeZone: string;
  readonly dateOrder: DateOrder;
  /** A BCP 47 tag; decides the language and number words of replies where they differ. */
  readonly locale?: string;
  /** The first day of a week for `report week` and weekly digests; Monday unless the ledger says. */
  readonly weekStart?: WeekStart;
}

export const DEFAULT_SETTINGS: LedgerSettings = {
  currency: 'USD' as CurrencyCode,
  timeZone: 'UTC',
  dateOrder: 'dmy',
};
