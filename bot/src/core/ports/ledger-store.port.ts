import { LocalDate, YearMonth } from '../calendar/local-date';
import { Category } from '../expenses/categories';
import { Reply } from '../conversation/reply';
import { Expense } from '../ledger/expense';
import { LedgerEvent } from '../ledger/ledger-events';
import { MemberLink } from '../directory/ledger-directory.port';
import { LedgerId, MemberId } from '../ledger/ledger-id';
import { LedgerState } from '../ledger/ledger-state';
import { CurrencyCode } from '../money/currencies';


export interface LedgerHead {
  readonly version: number;
  readonly state: LedgerState;
}

export interface LoadedLedger {
  readonly head: LedgerHead;
  /** What was answered the first time this idempotency key was written. */
  readonly priorReplies?: readonly Reply[];
  /** The category this ledger last used for each description asked about (those it has one for). */
  readonly remembered: Readonly<Record<string, Category>>;
  /** The store's own bookkeeping of read models it brings up to date after an append (a load for an append); handed back on the append. */
  readonly indexedUpTo?: number;
}

export interface LedgerAppend {
  readonly ledger: LedgerId;
  readonly expectedVersion: number;
  readonly events: readonly LedgerEvent[];
  /** The state after the events, kept beside them so the next write need not replay. */
  readonly state: LedgerState;
  readonly actor: MemberId;
  readonly at: Date;
  readonly idempotencyKey?: string;
  /** Stored to answer a redelivery of the same key (files and images are left out). */
  readonly replies: readonly Reply[];
  /** People linked to the ledger by this write, kept beside the events. */
  readonly members?: readonly MemberLink[];
  /** The category memory as loaded for this write: storing the same again is left out (it costs a write). */
  readonly remembered?: Readonly<Record<string, Category>>;
  /** As loaded (see LoadedLedger). */
  readonly indexedUpTo?: number;
}

export interface LoadOptions {
  readonly idempotencyKey?: string;
  readonly descriptionKeys?: readonly string[];
  /** The load is for an append (the store may read its own bookkeeping for it: `indexedUpTo`). */
  readonly forAppend?: true;
}

/** `tooLarge`: more than the store writes at once (DynamoDB: 100 items a transaction); nothing was written. */
export type AppendOutcome = 'written' | 'conflict' | 'duplicate' | 'tooLarge';

/**
 * The write side: a ledger's events, appended atomically with everything they change (read models,
 * directory entries, member links, the idempotency record), on the condition that the ledger is
 * still at `expectedVersion` and the links and directory entries it creates do not exist yet.
 */
export interface LedgerWriter {
  load(ledger: LedgerId, options: LoadOptions): Promise<LoadedLedger>;
  append(append: LedgerAppend): Promise<AppendOutcome>;
  priorReplies(ledger: LedgerId, idempotencyKey: string): Promise<readonly Reply[] | undefined>;
}

/** An expense found by search: enough to count and total it without reading it. */
export interface SearchHit {
  readonly ref: number;
  readonly date: LocalDate;
  readonly minor: number;
  readonly currency: CurrencyCode;
}

export interface SearchResult {
  /** Newest date first (then newest ref). */
  readonly hits: readonly SearchHit[];
  /** More matched than `limit`: the hits are the newest ones. */
  readonly truncated: boolean;
}

export interface ExpenseQueries {
  expense(ledger: LedgerId, ref: number): Promise<Expense | undefined>;
  /** The most recently recorded expense that still exists (recorded by `by`, when given). */
  latestRecorded(ledger: LedgerId, by?: MemberId): Promise<Expense | undefined>;
  /** Newest date first. */
  recent(ledger: LedgerId, limit: number): Promise<Expense[]>;
  /** Oldest date first, both ends included. */
  between(ledger: LedgerId, from: LocalDate, to: LocalDate): Promise<Expense[]>;
  /** Every expense, oldest date first, a page at a time (an export never holds a whole ledger). */
  pages(ledger: LedgerId): AsyncIterable<readonly Expense[]>;
  /**
   * Expenses whose description or category holds every one of `words` (as `searchWords` writes
   * them), between `from` and `to` when given; read from a word index, never by reading expenses.
   */
  search(ledger: LedgerId, words: readonly string[], span: { from?: LocalDate; to?: LocalDate }, limit: number): Promise<SearchResult>;
  /** The expense recorded from this receipt, if one is. */
  withReceipt(ledger: LedgerId, receipt: string): Promise<Expense | undefined>;
}

export interface CategoryTotal {
  readonly category: Category;
  readonly currency: CurrencyCode;
  readonly minor: number;
  readonly count: number;
}

/** One month's spending in one category and currency. */
export interface MonthTotal extends CategoryTotal {
  readonly month: YearMonth;
}

/** One day's spending in one currency, all categories together. */
export interface DayTotal {
  readonly date: LocalDate;
  readonly currency: CurrencyCode;
  readonly minor: number;
  readonly count: number;
}

/** One month's spending in one currency, per category and per day (all categories together). */
export interface MonthSummary {
  readonly month: YearMonth;
  readonly currency: CurrencyCode;
  readonly categories: readonly CategoryTotal[];
  /** Oldest first, days with nothing left out. */
  readonly days: readonly DayTotal[];
}

/** Spending under one description (as `descriptionKey` writes it: lower case, spaces folded). */
export interface DescriptionTotal {
  readonly description: string;
  readonly currency: CurrencyCode;
  readonly minor: number;
  readonly count: number;
}

/** An expense as the by-amount read model keeps it. */
export interface ExpenseAmount {
  readonly ref: number;
  readonly date: LocalDate;
  readonly category: Category;
  readonly description: string;
  readonly minor: number;
  readonly currency: CurrencyCode;
}

/** Totals kept per day and per month, so reports never read individual expenses. */
export interface SpendingTotals {
  /** Both ends included; whole months are read from monthly totals, other spans from daily ones. */
  totals(ledger: LedgerId, from: LocalDate, to: LocalDate): Promise<CategoryTotal[]>;
  /** Per day and currency, oldest first, days with nothing left out; read from the daily totals. */
  daily(ledger: LedgerId, from: LocalDate, to: LocalDate): Promise<DayTotal[]>;
  /** Each month's summary per currency, oldest month first, in one read whatever the span's length. */
  months(ledger: LedgerId, from: YearMonth, to: YearMonth): Promise<MonthSummary[]>;
  /** Per month, category and currency, oldest month first; read from the monthly totals. */
  monthly(ledger: LedgerId, from: YearMonth, to: YearMonth): Promise<MonthTotal[]>;
  /** Per description and currency over whole months, both ends included; kept per month. */
  byDescription(ledger: LedgerId, from: YearMonth, to: YearMonth): Promise<DescriptionTotal[]>;
  /** The `limit` largest expenses of one month and currency, largest first (ties: newest ref first). */
  largest(ledger: LedgerId, month: YearMonth, currency: CurrencyCode, limit: number): Promise<ExpenseAmount[]>;
}
