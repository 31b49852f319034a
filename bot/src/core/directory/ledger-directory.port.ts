import { LedgerId, LedgerScope, MemberId } from '../ledger/ledger-id';

/** Which ledger a conversation leads to, and the sender's member id in it, where they exist. */
export interface DirectoryLookup {
  /** `unreachable`: the scheduler could not post here and paused the ledger's schedules; nobody was told yet. */
  readonly ledger?: { readonly id: LedgerId; readonly scope: LedgerScope; readonly unreachable?: true };
  readonly member?: MemberId;
  /** The name the person had when they joined. */
  readonly memberName?: string;
}

/**
 * A person's link to a ledger, kept beside the events and never in them: forgetting the person
 * deletes the link (identity and name) and leaves the ledger's history as it was.
 */
export interface MemberLink {
  readonly identityKey: string;
  readonly conversationKey: string;
  readonly ledger: LedgerId;
  readonly member: MemberId;
  readonly displayName: string;
}

/** Conversations to ledgers, and people to their member ids in them. */
export interface LedgerDirectory {
  /** One read: the conversation's ledger and the person's membership through that conversation. */
  find(conversationKey: string, identityKey: string): Promise<DirectoryLookup>;
  /** Display names of a ledger's members who are still linked. */
  memberNames(ledger: LedgerId): Promise<ReadonlyMap<MemberId, string>>;
}
