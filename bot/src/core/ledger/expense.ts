import { LocalDate } from '../calendar/local-date';
import { Category } from '../expenses/categories';
import { Money } from '../money/money';
import { MemberId } from './ledger-id';

/** A recorded expense as the ledger holds it now. `ref` is the short number people type ("delete 42"). */
export interface Expense {
  readonly ref: number;
  readonly amount: Money;
  readonly category: Category;
  readonly description: string;
  /** The date in the ledger's timezone when it was recorded. */
  readonly date: LocalDate;
  /** The UTC instant it was recorded. */
  readonly recordedAt: string;
  /** The member who recorded it (and, in this wave, paid). */
  readonly recordedBy: MemberId;
  /** The id of the receipt image it was recorded from, if any. */
  readonly receipt?: string;
}

export function formatRef(ref: number): string {
  return `#${ref}`;
}

/** Accepts "42" or "#42". */
export function parseRef(text: string | undefined): number | undefined {
  const m = /^#?(\d{1,9})$/.exec(text ?? '');
  return m ? Number(m[1]) : undefined;
}
