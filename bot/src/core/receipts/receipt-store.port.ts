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

/** Drafts outlive a request (any task can finish one another task started) and expire by themselves. */
export interface ReceiptDrafts {
  save(ledger: LedgerId, draft: ReceiptDraft): Promise<void>;
  get(ledger: LedgerId, receipt: string): Promise<ReceiptDraft | undefined>;
  /** The person's latest draft that still needs its amount typed. */
  waitingForAmount(ledger: LedgerId, member: MemberId): Promise<ReceiptDraft | undefined>;
  remove(ledger: LedgerId, receipt: string): Promise<void>;
}
