import { InboundMessage } from './inbound-message';
import { LedgerId, LedgerScope, MemberId } from '../ledger/ledger-id';

/** A message with the ledger it acts on and who is acting, as the directory resolved them. */
export interface Turn {
  readonly ledger: LedgerId;
  readonly scope: LedgerScope;
  readonly member: MemberId;
  /** How the ledger knows the person ("by Ana" in a group). */
  readonly memberName: string;
  readonly message: InboundMessage;
  /** The scheduler found this conversation gone and paused its schedules: this message is the first since. */
  readonly unreachable?: true;
}

/** How a title names the ledger: the person's own by their name, a shared one as the group's. */
export const ledgerName = (turn: Turn) => (turn.scope === 'group' ? 'the group' : turn.memberName);
