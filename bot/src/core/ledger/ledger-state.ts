import { Category } from '../expenses/categories';
import { Budget, BudgetAlert, budgetKey } from './budget';
import { DEFAULT_SETTINGS, LedgerEvent, LedgerSettings } from './ledger-events';
import { LedgerScope } from './ledger-id';
import { ConversationAddress } from '../ports/outbound.port';
import { Schedule } from '../schedules/schedule';

/** What a ledger needs to know to decide the next event; folded from its events. */
export interface LedgerState {
  readonly scope: LedgerScope;
  /** Where the scheduler posts to this ledger's conversation. */
  readonly address?: ConversationAddress;
  readonly settings: LedgerSettings;
  readonly budgets: Readonly<Record<string, Budget>>;
  /** Budget alerts already announced, as "YYYY-MM|budgetKey|threshold". */
  readonly announced: readonly string[];
  readonly nextRef: number;
  /** Categories this ledger has used, for "categories" and the change-category choices. */
  readonly categories: readonly Category[];
  /** Whether a platform hint or the people of the ledger said which timezone it is in. */
  readonly timeZoneChosen: boolean;
  /** Recurring expenses, the digest and the reminder, by id. */
  readonly schedules: Readonly<Record<string, Schedule>>;
  readonly nextScheduleRef: number;
}

export const EMPTY_LEDGER: LedgerState = { scope: 'personal', settings: DEFAULT_SETTINGS, budgets: {}, announced: [], nextRef: 1, categories: [], timeZoneChosen: false, schedules: {}, nextScheduleRef: 1 };

export const alertId = (a: BudgetAlert) => `${a.month}|${a.budgetKey}|${a.threshold}`;

/** Announcements older than this many months are forgotten so the state stays small. */
const ANNOUNCED_KEPT = 60;

export function evolve(state: LedgerState, event: LedgerEvent): LedgerState {
  switch (event.type) {
    case 'LedgerOpened':
      return {
        ...state,
        scope: event.data.scope,
        address: event.data.address,
        settings: { ...state.settings, ...event.data.settings },
        timeZoneChosen: state.timeZoneChosen || event.data.settings.timeZone !== undefined,
      };
    case 'MemberJoined':
    case 'ConversationReachChanged':
      return state;
    case 'ExpenseRecorded':
      return {
        ...state,
        nextRef: Math.max(state.nextRef, event.data.expense.ref + 1),
        announced: remember(state.announced, event.data.alerts),
        categories: withCategory(state.categories, event.data.expense.category),
      };
    case 'ExpenseAmended':
      return {
        ...state,
        announced: remember(state.announced, event.data.alerts),
        categories: withCategory(state.categories, event.data.after.category),
      };
    case 'ExpenseDeleted':
      return state;
    case 'BudgetSet':
      return { ...state, budgets: { ...state.budgets, [budgetKey(event.data.budget.scope)]: event.data.budget } };
    case 'BudgetRemoved': {
      const { [budgetKey(event.data.scope)]: _removed, ...rest } = state.budgets;
      return { ...state, budgets: rest };
    }
    case 'SettingsChanged':
      return { ...state, settings: { ...state.settings, ...event.data }, timeZoneChosen: state.timeZoneChosen || event.data.timeZone !== undefined };
    case 'ScheduleSet': {
      const { schedule } = event.data;
      return { ...state, schedules: { ...state.schedules, [schedule.id]: schedule }, nextScheduleRef: Math.max(state.nextScheduleRef, schedule.ref + 1) };
    }
    case 'ScheduleRemoved': {
      const { [event.data.id]: _removed, ...rest } = state.schedules;
      return { ...state, schedules: rest };
    }
    case 'ScheduleRan': {
      const schedule = state.schedules[event.data.id];
      return schedule ? { ...state, schedules: { ...state.schedules, [schedule.id]: { ...schedule, next: event.data.next } } } : state;
    }
  }
}

function remember(announced: readonly string[], alerts: readonly BudgetAlert[]): readonly string[] {
  if (alerts.length === 0) return announced;
  const all = [...new Set([...announced, ...alerts.map(alertId)])].sort();
  const months = [...new Set(all.map((a) => a.slice(0, 7)))].slice(-ANNOUNCED_KEPT);
  return all.filter((a) => months.includes(a.slice(0, 7)));
}

function withCategory(categories: readonly Category[], category: Category): readonly Category[] {
  return categories.includes(category) ? categories : [...categories, category].sort();
}
