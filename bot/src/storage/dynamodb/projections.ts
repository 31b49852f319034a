import { yearMonthOf } from '../../core/calendar/local-date';
import { descriptionKey } from '../../core/expenses/categories';
import { expenseTerms } from '../../core/expenses/search-terms';
import { Expense } from '../../core/ledger/expense';
import { LedgerEvent } from '../../core/ledger/ledger-events';
import { LedgerId } from '../../core/ledger/ledger-id';
import { keys } from './item-keys';
import { monthSummaryFields } from './month-summary';

/**
 * A change to one read-model item; the store turns these into transaction items. `pk` is the
 * ledger's own partition unless given (directory entries live elsewhere); `ifAbsent` makes the
 * whole write fail if the item exists (one ledger per conversation, even when two race).
 */
export type ReadModelChange =
  | { kind: 'put'; pk?: string; sk: string; item: Record<string, unknown>; ifAbsent?: true }
  | { kind: 'delete'; pk?: string; sk: string }
  | { kind: 'add'; pk?: string; sk: string; type: string; fields: Readonly<Record<string, number>> };

/**
 * The read models an event changes, in the ledger's own transaction: the expense itself (by ref,
 * and by date through the local index) and its month's summary per currency (its categories and its
 * days, in one small item a report reads in one go); the directory entry and listing of a ledger
 * opened. What agrees with the events at every instant. The rest follows in `indexChanges`.
 * Pure, so the same functions serve the live write and a rebuild from the events.
 */
export function readModelChanges(event: LedgerEvent, ledger: LedgerId, at: string): ReadModelChange[] {
  switch (event.type) {
    case 'LedgerOpened':
      return [
        {
          kind: 'put', pk: keys.conversation(event.data.conversation), sk: keys.conversationLedger, ifAbsent: true,
          item: { type: 'Conversation', ledger, scope: event.data.scope },
        },
        {
          kind: 'put', sk: keys.meta,
          item: {
            type: 'LedgerMeta', scope: event.data.scope, conversation: event.data.conversation, openedAt: at,
            kindKey: keys.ledgerListing(ledger), kindSort: `${at}#${ledger}`,
          },
        },
      ];
    case 'ConversationReachChanged':
      return [{
        kind: 'put', pk: keys.conversation(event.data.conversation), sk: keys.conversationLedger,
        item: { type: 'Conversation', ledger, scope: event.data.scope, ...(event.data.reachable ? {} : { unreachable: true }) },
      }];
    case 'ExpenseRecorded':
      return [...putExpense(event.data.expense), summary(event.data.expense, 1), ...receiptOf(event.data.expense)];
    case 'ExpenseAmended':
      return [...putExpense(event.data.after), summary(event.data.before, -1), summary(event.data.after, 1)];
    case 'ExpenseDeleted':
      return [
        { kind: 'delete', sk: keys.expense(event.data.expense.ref) },
        summary(event.data.expense, -1),
        ...(event.data.expense.receipt ? [{ kind: 'delete' as const, sk: keys.receipt(event.data.expense.receipt) }] : []),
      ];
    default:
      return [];
  }
}

/**
 * The ledger's indexes, written right after its transaction (see ledger-indexes.ts), so a plain add's
 * transaction stays four items: day totals per category and currency, month totals per description,
 * the expenses of a month by amount, each expense under each word of it (search), and the category
 * remembered for a description. An index may be a moment behind the events, never wrong for long.
 */
export function indexChanges(event: LedgerEvent): ReadModelChange[] {
  switch (event.type) {
    case 'ExpenseRecorded':
      return [...indexEntries(event.data.expense, 1), ...remember(event.data.expense)];
    case 'ExpenseAmended':
      return [
        ...indexEntries(event.data.before, -1),
        ...indexEntries(event.data.after, 1), // after the removal of the old: an unchanged by-amount key stays put
        ...(event.data.after.category !== event.data.before.category || event.data.after.description !== event.data.before.description
          ? remember(event.data.after)
          : []),
      ];
    case 'ExpenseDeleted':
      return indexEntries(event.data.expense, -1);
    default:
      return [];
  }
}

/** Everything an event changes, in the transaction or right after it: what a rebuild writes. */
export const allReadModelChanges = (event: LedgerEvent, ledger: LedgerId, at: string): ReadModelChange[] =>
  [...readModelChanges(event, ledger, at), ...indexChanges(event)];

/** The expense, and where it sorts by date (the local index's key). */
function putExpense(e: Expense): ReadModelChange[] {
  return [{
    kind: 'put',
    sk: keys.expense(e.ref),
    item: { lsi1sk: keys.expenseByDate(e.date, e.ref), type: 'Expense', expense: e },
  }];
}

/** What an expense adds to (sign 1) or takes from (sign -1) its month's summary. */
function summary(e: Expense, sign: 1 | -1): ReadModelChange {
  return { kind: 'add', sk: keys.monthSummary(yearMonthOf(e.date), e.amount.currency), type: 'MonthSummary', fields: monthSummaryFields(e.category, e.date, sign * e.amount.minor, sign) };
}

/** What an expense adds to or takes from the day and description totals, its by-amount and search entries. */
function indexEntries(e: Expense, sign: 1 | -1): ReadModelChange[] {
  const { currency, minor } = e.amount;
  const month = yearMonthOf(e.date);
  const description = descriptionKey(e.description);
  const byAmount = keys.byAmount(month, currency, minor, e.ref);
  const add = (sk: string, type: string, fields: Record<string, number>): ReadModelChange => ({ kind: 'add', sk, type, fields });
  return [
    add(keys.dayTotal(e.date, currency, e.category), 'Total', { minor: sign * minor, count: sign }),
    ...(description ? [add(keys.descriptionTotal(month, currency, description), 'Total', { minor: sign * minor, count: sign })] : []),
    sign > 0
      ? { kind: 'put', sk: byAmount, item: { type: 'ExpenseAmount', ref: e.ref, date: e.date, category: e.category, description: e.description, minor, currency } }
      : { kind: 'delete', sk: byAmount },
    ...expenseTerms(e).map((word): ReadModelChange => {
      const sk = keys.searchTerm(word, e.date, e.ref);
      return sign > 0 ? { kind: 'put', sk, item: { type: 'SearchTerm', ref: e.ref, date: e.date, minor, currency } } : { kind: 'delete', sk };
    }),
  ];
}

function receiptOf(e: Expense): ReadModelChange[] {
  // Only if absent: one receipt is one expense, however many Confirms race.
  return e.receipt ? [{ kind: 'put', sk: keys.receipt(e.receipt), item: { type: 'ReceiptExpense', ref: e.ref }, ifAbsent: true }] : [];
}

function remember(e: Expense): ReadModelChange[] {
  const key = descriptionKey(e.description);
  return key ? [{ kind: 'put', sk: keys.memory(key), item: { type: 'CategoryMemory', category: e.category } }] : [];
}

/** An item after an `add` change, as DynamoDB's ADD leaves it (a missing number counts as zero). */
export function withAdded<T extends Record<string, unknown>>(item: T, change: Extract<ReadModelChange, { kind: 'add' }>): T {
  const added: Record<string, unknown> = { ...item, type: change.type };
  for (const [name, value] of Object.entries(change.fields)) added[name] = Number(item[name] ?? 0) + value;
  return added as T;
}

/** Several changes to one item become one: a transaction may touch each item only once. */
export function mergeChanges(changes: readonly ReadModelChange[]): ReadModelChange[] {
  const bySk = new Map<string, ReadModelChange>();
  for (const change of changes) {
    const key = `${change.pk ?? ''}|${change.sk}`;
    const prior = bySk.get(key);
    if (prior?.kind === 'add' && change.kind === 'add') {
      const fields: Record<string, number> = { ...prior.fields };
      for (const [name, value] of Object.entries(change.fields)) fields[name] = (fields[name] ?? 0) + value;
      bySk.set(key, { ...change, fields });
    } else {
      bySk.set(key, change);
    }
  }
  // Adding nothing is no change: an amendment that moves nothing within an item leaves it alone.
  return [...bySk.values()].flatMap((c): ReadModelChange[] => {
    if (c.kind !== 'add') return [c];
    const fields = Object.fromEntries(Object.entries(c.fields).filter(([, v]) => v !== 0));
    return Object.keys(fields).length > 0 ? [{ ...c, fields }] : [];
  });
}
