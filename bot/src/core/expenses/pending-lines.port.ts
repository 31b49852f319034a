import { LedgerId, MemberId } from '../ledger/ledger-id';

/** A line the bot asked about before recording ("did you mean ₫2?"), kept until it is answered. */
export interface PendingLine {
  readonly text: string;
  readonly member: MemberId;
  readonly createdAt: string;
}

/** A question not answered in a day is forgotten: the person simply types the line again. */
export const PENDING_LINE_TTL_SECONDS = 24 * 60 * 60;

/** Lines waiting for their answer, in storage (any task may get the press), expiring by themselves. */
export interface PendingLines {
  save(ledger: LedgerId, id: string, line: PendingLine): Promise<void>;
  get(ledger: LedgerId, id: string): Promise<PendingLine | undefined>;
}
