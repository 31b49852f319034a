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

/**
 * Records rows into a ledger, one write each, keyed by the file and the row: importing the same
 * file again adds nothing. Rows are taken in reference order; a row keeps its reference when the
 * ledger has not reached it yet (so an export imported into an empty ledger comes back the same).
 */
export async function importExpenses(
  ledger: LedgerId, rows: readonly ExpenseRow[], fileContent: string, deps: CoreDeps, onProgress: (done: number) => void = () => undefined,
): Promise<ImportResult> {
  const fileKey = createHash('sha256').update(fileContent).digest('base64url').slice(0, 22);
  const ordered = [...rows].sort((a, b) => (a.ref ?? Number.MAX_SAFE_INTEGER) - (b.ref ?? Number.MAX_SAFE_INTEGER) || a.line - b.line);
  let recorded = 0;
  let alreadyThere = 0;
  for (const [i, row] of ordered.entries()) {
    let wrote = false;
    const result = await writeLedger(deps, {
      ledger,
      actor: OPERATOR_MEMBER,
      idempotencyKey: `import/${fileKey}/${row.line}`,
      decide: async ({ head, now }) => {
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
