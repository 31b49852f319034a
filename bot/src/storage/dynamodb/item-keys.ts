import { createHash } from 'node:crypto';
import { LedgerId, MemberId } from '../../core/ledger/ledger-id';

/**
 * Keys of the table's items. A ledger's own items share the partition `L#<ledger id>`; the
 * directory lives in partitions of its own: `DIR#<conversation key>` leads to a ledger, and
 * `ID#<identity key>` holds a person's memberships (what "forget me" finds and unlinks).
 */
export const keys = {
  ledger: (ledger: LedgerId) => `L#${ledger}`,
  head: 'HEAD',
  meta: 'META',
  /** Up to which version the ledger's indexes were brought (see ledger-indexes.ts). */
  indexed: 'INDEXED',
  event: (version: number) => `EV#${String(version).padStart(12, '0')}`,
  eventPrefix: 'EV#',
  /** Hashed: a delivery key names its sender, and a group ledger's partition holds no identities. */
  idempotency: (key: string) => `IDEM#${createHash('sha256').update(key).digest('base64url')}`,
  expense: (ref: number) => `EXP#${String(ref).padStart(10, '0')}`,
  expensePrefix: 'EXP#',
  expenseByDate: (date: string, ref: number) => `D#${date}#${String(ref).padStart(10, '0')}`,
  /** A month's spending in one currency: per category and per day, in one item (see month-summary.ts). */
  monthSummary: (month: string, currency: string) => `MS#${month}#${currency}`,
  monthSummaryPrefix: (month: string) => `MS#${month}#`,
  dayTotal: (date: string, currency: string, category: string) => `TD#${date}#${currency}#${category}`,
  /** Spending per month, currency and description (the description last: it may hold any character). */
  descriptionTotal: (month: string, currency: string, descriptionKey: string) => `DS#${month}#${currency}#${descriptionKey}`,
  descriptionTotalPrefix: (month: string) => `DS#${month}#`,
  /** Expenses of a month and currency sorted by amount: a report finds the largest without reading the rest. */
  byAmount: (month: string, currency: string, minor: number, ref: number) =>
    `AMT#${month}#${currency}#${String(minor).padStart(15, '0')}#${String(ref).padStart(10, '0')}`,
  byAmountPrefix: (month: string, currency: string) => `AMT#${month}#${currency}#`,
  /** The word index: an expense under each word of its description and category, by date. */
  searchTerm: (word: string, date: string, ref: number) => `W#${word}#${date}#${String(ref).padStart(10, '0')}`,
  searchTermPrefix: (word: string) => `W#${word}#`,
  memory: (descriptionKey: string) => `MEMO#${descriptionKey}`,
  /** Which expense a receipt became (so the same photo is not recorded twice). */
  receipt: (receipt: string) => `RCPT#${receipt}`,
  /** A receipt read and waiting to be confirmed; expires by TTL. */
  receiptDraft: (receipt: string) => `RDRAFT#${receipt}`,
  receiptDraftPrefix: 'RDRAFT#',
  receiptFile: (file: string) => `RFILE#${file}`,
  /** A line the bot asked about before recording; expires by TTL. */
  pendingLine: (id: string) => `PEND#${id}`,
  pendingLinePrefix: 'PEND#',
  member: (member: MemberId) => `MEMBER#${member}`,
  memberPrefix: 'MEMBER#',
  conversation: (conversationKey: string) => `DIR#${conversationKey}`,
  conversationLedger: 'LEDGER',
  identity: (identityKey: string) => `ID#${identityKey}`,
  membership: (conversationKey: string) => `C#${conversationKey}`,
  /** A subject's write counts, by a keyed hash of the subject (see dynamodb-write-counters.ts). */
  writeCounts: (subjectHash: string) => `WRITES#${subjectHash}`,
  writeCount: (kind: string, windowStart: Date) => `${kind}#${windowStart.toISOString()}`,
  /** The day's secret that keys those hashes; gone by TTL soon after the day's counts. */
  writeCountsKey: (day: string) => `WRITESKEY#${day}`,
  /** A schedule's next run, listed in the sparse index by when it is due. */
  due: (schedule: string) => `DUE#${schedule}`,
  duePrefix: 'DUE#',
  /** What is due, in the sparse index: 16 partitions by the ledger id's first character, sorted by time. */
  dueListing: (ledger: LedgerId) => `DUE#${ledger.charAt(3)}`,
  /** The index sort key of a due entry: the instant first, then what it is (a claim rewrites the instant). */
  dueSort: (at: string, ledger: LedgerId, schedule: string, occurrence: string) => `${at}|${ledger}|${schedule}|${occurrence}`,
  /** The sparse index that lists ledgers, spread over 16 partitions by the id's first character. */
  ledgerListing: (ledger: LedgerId) => `LEDGERS#${ledger.charAt(3)}`,
};

/** Sorts after every character a key can hold, to close a range. */
export const RANGE_END = '\uffff';
