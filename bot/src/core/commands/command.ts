import { CoreDeps } from '../core-deps';
import { Reply } from '../conversation/reply';
import { identityKey } from '../conversation/inbound-message';
import { Turn } from '../conversation/turn';
import { UserError } from '../user-error';

export type CommandResult = readonly Reply[] | UserError;

/** A chat command: the same words on every channel. Help, Slack and Telegram menus derive from these. */
export interface Command {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly usage: string;
  readonly summary: string;
  run(args: string[], turn: Turn, deps: CoreDeps): Promise<CommandResult>;
}

/**
 * Who writes, to which ledger, under which delivery key. The key is scoped to the sender, so two
 * people can never share one (a client-chosen id in the local chat, say) in a group ledger.
 */
export function writeKey(turn: Turn) {
  return { ledger: turn.ledger, actor: turn.member, idempotencyKey: `${identityKey(turn.message.sender)}/${turn.message.idempotencyKey}` };
}
