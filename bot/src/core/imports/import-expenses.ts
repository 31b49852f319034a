import { createHash } from 'node:crypto';
import { CoreDeps } from '../core-deps';
import { Expense } from '../ledger/expense';
import { LedgerId, MemberId } from '../ledger/ledger-id';
import { writeLedger } from '../ledger/write-ledger';
import { isUserError } from '../user-error';
import { ExpenseRow } from './expense-rows';

/** Who the ledger's events name for what an operator imported. */
export const OPERATOR_MEMBER = 'mb_operator00000000' as MemberId;

export interface ImportResult {
  readonly recorded: number;
  /** Rows already imported from this same file. */
  readonly alreadyThere: number;
}

/** A row by what it says (not where it sits in a file): the same expense twice in a file is counted twice. */
function rowKeys(rows: readonly ExpenseRow[]): Map<ExpenseRow, string> {
  const seen = new Map<string, number>();
  return new Map(rows.map((row) => {
    const content = JSON.stringify([row.date, row.amount.minor, row.amount.currency, row.category, row.description, row.ref ?? null]);
    const nth = (seen.get(content) ?? 0) + 1;
    seen.set(content, nth);
    return [row, `import/${createHash('sha256').update(`${content}#${nth}`).digest('base64url').slice(0, 22)}`];
  }));
}

const sameExpense = (e: Expense, row: ExpenseRow) => e.date === row.date && e.amount.minor === row.amount.minor && e.amount.currency === row.amount.currency
  && e.category === row.category && e.description === row.description;

/**
 * Records rows into a ledger, one write each, keyed by what each row says: importing the same rows
 * again (the same file, saved again, fixed and re-run) adds nothing, and a row whose reference the
 * ledger already holds with the same expense is there already, however long ago it came. Rows are
 * taken in reference order; a row keeps its reference when the ledger has not reached it yet (so an
 * export imported into an empty ledger comes back the same).
 */
export async function importExpenses(
  ledger: LedgerId, rows: readonly ExpenseRow[], deps: CoreDeps, onProgress: (done: number) => void = () => undefined,
): Promise<ImportResult> {
  const keys = rowKeys(rows);
  const ordered = [...rows].sort((a, b) => (a.ref ?? Number.MAX_SAFE_INTEGER) - (b.ref ?? Number.MAX_SAFE_INTEGER) || a.line - b.line);
  let recorded = 0;
  let alreadyThere = 0;
  for (const [i, row] of ordered.entries()) {
    let wrote = false;
    const result = await writeLedger(deps, {
      ledger,
      actor: OPERATOR_MEMBER,
      idempotencyKey: keys.get(row)!,
      decide: async ({ head, now }) => {
        if (row.ref !== undefined) {
          const there = await deps.expenses.expense(ledger, row.ref);
          if (there && sameExpense(there, row)) return { events: [], replies: [] };
        }
        const ref = row.ref !== undefined && row.ref >= head.state.nextRef ? row.ref : head.state.nextRef;
        const expense: Expense = {
          ref, amount: row.amount, category: row.category, description: row.description, date: row.date,
          recordedAt: now.toISOString(), recordedBy: OPERATOR_MEMBER,
        };
        wrote = true;
        return { events: [{ type: 'ExpenseRecorded', data: { expense, alerts: [] } }], replies: [] };
      },
    });
    if (isUserError(result)) throw new Error(`line ${row.line}: ${result.message}`);
    if (wrote) recorded += 1;
    else alreadyThere += 1;
    onProgress(i + 1);
  }
  return { recorded, alreadyThere };
}
