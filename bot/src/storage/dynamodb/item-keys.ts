import { createHash } from 'node:crypto';
import { LedgerId } from '../../core/ledger/ledger-id';

/** Sort keys of a ledger's items; every item of a ledger shares the partition key `L#<ledger id>`. */
export const keys = {
  ledger: (ledger: LedgerId) => `L#${ledger}`,
  head: 'HEAD',
  event: (version: number) => `EV#${String(version).padStart(12, '0')}`,
  eventPrefix: 'EV#',
  idempotency: (key: string) => `IDEM#${key.length > 200 ? createHash('sha256').update(key).digest('hex') : key}`,
  expense: (ref: number) => `EXP#${String(ref).padStart(10, '0')}`,
  expensePrefix: 'EXP#',
  expenseByDate: (date: string, ref: number) => `D#${date}#${String(ref).padStart(10, '0')}`,
  monthTotal: (month: string, currency: string, category: string) => `TM#${month}#${currency}#${category}`,
  dayTotal: (date: string, currency: string, category: string) => `TD#${date}#${currency}#${category}`,
  memory: (descriptionKey: string) => `MEMO#${descriptionKey}`,
};

/** Sorts after every character a key can hold, to close a range. */
export const RANGE_END = '\uffff';
