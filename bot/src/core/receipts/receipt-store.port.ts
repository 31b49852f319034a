import { LedgerId, MemberId } from '../ledger/ledger-id';
import { ReceiptReading } from './read-receipt';

/** A receipt image's bytes, kept as long as its expense (or its draft). */
export interface ReceiptImage {
  readonly bytes: Uint8Array;
  readonly mimeType: 'image/jpeg' | 'image/png';
}

/**
 * Receipt images: S3 in production, a local folder on embedded defaults, memory in fast tests. An
 * image is put as a draft's (where storage lets unconfirmed ones expire) and kept once its expense is.
 */
export interface ReceiptImages {
  put(ledger: LedgerId, receipt: string, image: ReceiptImage): Promise<void>;
  /** The draft's image belongs to an expense now: it lives as long as the expense. */
  keep(ledger: LedgerId, receipt: string): Promise<void>;
  get(ledger: LedgerId, receipt: string): Promise<ReceiptImage | undefined>;
  remove(ledger: LedgerId, receipt: string): Promise<void>;
  /** Every image of one ledger, drafts' and kept (forgetting a ledger). */
  removeLedger(ledger: LedgerId): Promise<void>;
}

/** A draft waits a week for its person, then expires with its image (a table's TTL, a bucket's lifecycle rule, a folder's sweep). */
export const RECEIPT_DRAFT_TTL_SECONDS = 7 * 24 * 60 * 60;

/** A receipt read and waiting for the person to confirm, correct or discard it. */
export interface ReceiptDraft {
  /** The receipt's id: from its bytes, so the same photo twice is the same draft. */
  readonly receipt: string;
  readonly member: MemberId;
  readonly mimeType: 'image/jpeg' | 'image/png';
  readonly reading: ReceiptReading;
  /** What the person wrote with the photo, which wins over what was read. */
  readonly note?: string;
  readonly category?: string;
  readonly createdAt: string;
}

/**
 * A platform's file, claimed before it is read: `first` reads it; otherwise it is the receipt it
 * became, `null` when it was no receipt (or reading it failed), absent while it is being read;
 * `sameDelivery` when the claim came with the same delivery key (one upload announced twice, as
 * Slack does with a message and a file_shared event).
 */
export type FileClaim =
  | { readonly kind: 'first' }
  | { readonly kind: 'claimed'; readonly receipt?: string | null; readonly sameDelivery: boolean };

/** A file still being read after this long was dropped by its task (stopped): it may be read again. */
export const FILE_READING_LEASE_SECONDS = 120;

/** Drafts outlive a request (any task can finish one another task started) and expire by themselves. */
export interface ReceiptDrafts {
  save(ledger: LedgerId, draft: ReceiptDraft): Promise<void>;
  get(ledger: LedgerId, receipt: string): Promise<ReceiptDraft | undefined>;
  /** The person's latest draft that still needs its amount typed. */
  waitingForAmount(ledger: LedgerId, member: MemberId): Promise<ReceiptDraft | undefined>;
  remove(ledger: LedgerId, receipt: string): Promise<void>;
  /** Claims a platform's file for reading, once across tasks (kept as long as a draft). */
  claimFile(ledger: LedgerId, file: string, delivery: string): Promise<FileClaim>;
  /** The claimed file was read into this receipt, or (null) was none. */
  fileRead(ledger: LedgerId, file: string, receipt: string | null): Promise<void>;
}
