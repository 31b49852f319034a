import { LocalDate } from '../calendar/local-date';
import { LedgerId } from '../ledger/ledger-id';

/** One schedule's next occurrence, as the due index lists it. */
export interface DueRun {
  readonly ledger: LedgerId;
  readonly schedule: string;
  readonly occurrence: LocalDate;
  /** When it is due (or, once claimed, when the claim lapses), ISO. */
  readonly dueAt: string;
}

/**
 * The index of what is due, across every ledger. Each schedule's entry is written in the same
 * transaction as the ledger change that moves it, so it never disagrees with the ledger.
 */
export interface DueSchedules {
  /** Entries due at `now` and not claimed, oldest first, at most `limit`. */
  due(now: Date, limit: number): Promise<DueRun[]>;
  /**
   * Takes the run for this task until `until`, by a conditional write: for exactly one of any number
   * of callers holding the same entry, which attempt at this occurrence it is (1 the first time);
   * undefined for the others. An unfinished run is due again once the claim lapses.
   */
  claim(run: DueRun, until: Date): Promise<number | undefined>;
  /** Moves a claim this task holds (`claimed`, as it now stands) to lapse at `until` instead; false if it is no longer held. */
  postpone(claimed: DueRun, until: Date): Promise<boolean>;
}
