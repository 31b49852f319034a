import { LedgerId } from '../ledger/ledger-id';

/** One message or button press from any channel, already verified and normalised by its adapter. */
export interface InboundMessage {
  readonly ledger: LedgerId;
  /** The person acting, as the platform identifies them. */
  readonly actor: string;
  readonly text?: string;
  /** The `action` of a choice the person pressed. */
  readonly action?: string;
  /** The platform's identity for this delivery, so a redelivery records nothing twice. */
  readonly idempotencyKey?: string;
}
