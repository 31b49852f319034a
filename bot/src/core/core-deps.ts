import { Clock } from './ports/clock.port';
import { ExpenseQueries, LedgerWriter, SpendingTotals } from './ports/ledger-store.port';

/** Everything the core needs from the outside world, as ports. */
export interface CoreDeps {
  readonly writer: LedgerWriter;
  readonly expenses: ExpenseQueries;
  readonly totals: SpendingTotals;
  readonly clock: Clock;
  readonly log: { error(details: object, message: string): void };
}
