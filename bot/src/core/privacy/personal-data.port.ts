import { LedgerId, MemberId } from '../ledger/ledger-id';

/** Where a person's data is: their personal ledger, and the group ledgers they are a member of. */
export interface PersonalDataPlaces {
  readonly personalLedgers: readonly LedgerId[];
  readonly groups: readonly { readonly ledger: LedgerId; readonly member: MemberId }[];
  /** Receipts the person sent in groups and never confirmed (their images go with them). */
  readonly groupDrafts: readonly { readonly ledger: LedgerId; readonly receipt: string }[];
}

/** What forgetting deleted, in the table. */
export interface ForgottenPerson {
  readonly personalLedgers: number;
  readonly expenses: number;
  readonly events: number;
  /** Group ledgers whose entries of this person now read "a former member". */
  readonly groupLedgers: number;
  /** Every item deleted: events, read models, delivery records, drafts, directory and member links. */
  readonly items: number;
}

/**
 * A person's data across ledgers, found by their platform identity. Forgetting deletes their
 * personal ledger whole and unlinks them from groups, whose history (and totals) stay as they were.
 */
export interface PersonalData {
  locate(identityKey: string): Promise<PersonalDataPlaces>;
  forget(identityKey: string): Promise<ForgottenPerson>;
}
