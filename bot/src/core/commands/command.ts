import { CoreDeps } from '../core-deps';
import { InboundMessage } from '../conversation/inbound-message';
import { Reply } from '../conversation/reply';
import { UserError } from '../user-error';

export type CommandResult = readonly Reply[] | UserError;

/** A chat command: the same words on every channel. Help, Slack and Telegram menus derive from these. */
export interface Command {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly usage: string;
  readonly summary: string;
  run(args: string[], message: InboundMessage, deps: CoreDeps): Promise<CommandResult>;
}

export function writeKey(message: InboundMessage) {
  return {
    ledger: message.ledger,
    actor: message.actor,
    ...(message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : {}),
  };
}
