import { ChartRenderer } from './charts/chart';
import { LedgerDirectory } from './directory/ledger-directory.port';
import { LedgerWriteQueue } from './ledger/ledger-write-queue';
import { WriteLimitDeps } from './limits/admit-write';
import { Clock } from './ports/clock.port';
import { ExpenseQueries, LedgerWriter, SpendingTotals } from './ports/ledger-store.port';
import { FileSpool } from './ports/file-spool.port';
import { Outbound } from './ports/outbound.port';
import { PersonalData } from './privacy/personal-data.port';
import { PendingLines } from './expenses/pending-lines.port';
import { ReceiptDrafts, ReceiptImages } from './receipts/receipt-store.port';
import { ReceiptScanner } from './receipts/scanned-receipt';

/** Everything the core needs from the outside world, as ports. */
export interface CoreDeps {
  readonly writer: LedgerWriter;
  readonly expenses: ExpenseQueries;
  readonly totals: SpendingTotals;
  readonly directory: LedgerDirectory;
  /** Lines the bot asked about before recording them. */
  readonly pendingLines: PendingLines;
  /** A person's data across ledgers ("forget me"). */
  readonly personalData: PersonalData;
  /** Posts to a conversation after the request that started the work has been answered. */
  readonly outbound: Outbound;
  /** Where a large file (an export of everything) is written as it is made, instead of memory. */
  readonly spool: FileSpool;
  readonly clock: Clock;
  readonly queue: LedgerWriteQueue;
  /** How long a write keeps retrying a ledger other processes keep changing (default 10 s). */
  readonly retryForMs?: number;
  readonly log: { error(details: object, message: string): void };
  /** Per-person and per-group write limits; absent, chat writes are not limited (tests, the bench, ops). */
  readonly writeLimits?: WriteLimitDeps;
  /**
   * Set by handleMessage for the one message it handles: counts that message against the write
   * limits (once, however many writes it makes), or throws WriteLimitReached. Called once a chat
   * write is decided and before it is appended (never for a redelivery of a write already made, a
   * mistake or a read), and before a photo is fetched and read.
   */
  readonly admitWrite?: (timeZone: string) => Promise<void>;
  /** Draws report charts; absent, reports are text only. */
  readonly charts?: ChartRenderer;
  /** Reading receipt photos; absent where no reader is set up. */
  readonly receipts?: {
    readonly scanner: ReceiptScanner;
    readonly images: ReceiptImages;
    readonly drafts: ReceiptDrafts;
    /** Turns a phone photo upright, into JPEG, within size; absent, photos are taken as they come. */
    readonly prepare?: (bytes: Uint8Array) => Promise<Uint8Array>;
  };
}
