import type { ExpenseText } from '../grammar/parse-expense-text';
import { LedgerId, MemberId } from '../ledger/ledger-id';

/** A message the bot asked about before recording ("did you mean ₫2?"), kept until it is answered. */
export interface PendingLine {
  readonly member: MemberId;
  readonly createdAt: string;
  /** The delivery key of the message asked about: the answer writes under it, so the message records once. */
  readonly key: string;
  /** The readings offered, as they were shown: a press records one of them, or every one (`all`). */
  readonly readings: readonly ExpenseText[];
  readonly all: boolean;
}

/** A question not answered in a day is forgotten: the person simply types the line again. */
export const PENDING_LINE_TTL_SECONDS = 24 * 60 * 60;

/** Questions waiting for their answer, in storage (any task may get the press), expiring by themselves. */
export interface PendingLines {
  save(ledger: LedgerId, id: string, line: PendingLine): Promise<void>;
  get(ledger: LedgerId, id: string): Promise<PendingLine | undefined>;
  /** Answered with "no": its buttons do nothing more. */
  remove(ledger: LedgerId, id: string): Promise<void>;
  /** The questions a ledger keeps (until they expire), oldest first; with `member`, only those asked of them ("export all"). */
  asked(ledger: LedgerId, member?: MemberId): Promise<PendingLine[]>;
}
