import { isLedgerId, LedgerId } from '../../bot/src/core/ledger/ledger-id';
import { CoreDeps } from '../../bot/src/core/core-deps';
import { UsageError } from './ops-context';

/**
 * The conversation an operator names: a ledger id, or an identity the directory knows —
 * `local:<user>`, `slack:<team>:<user>` (a person) or `slack:<team>:<channel>` (C…/G…: a channel),
 * `telegram:<chat id>` (a person's private chat, or a group when negative).
 */
export function conversationKeyOf(ref: string): string | undefined {
  const slack = /^slack:([A-Z0-9]+):([A-Z0-9]+)$/.exec(ref);
  if (slack) return /^[CG]/.test(slack[2]!) ? `group:slack:${slack[1]}:${slack[2]}` : `person:${ref}`;
  const telegram = /^telegram:(-?\d+)$/.exec(ref);
  if (telegram) return Number(telegram[1]) < 0 ? `group:telegram:${telegram[1]}` : `person:${ref}`;
  if (/^local:[A-Za-z0-9_.-]{1,64}$/.test(ref)) return `person:${ref}`;
  return undefined;
}

/** A person (not a channel or a group): what `user forget` accepts. */
export function isPersonIdentity(ref: string): boolean {
  return conversationKeyOf(ref)?.startsWith('person:') ?? false;
}

export async function resolveLedgerRef(ref: string, core: CoreDeps): Promise<LedgerId> {
  if (isLedgerId(ref)) return ref;
  const conversation = conversationKeyOf(ref);
  if (!conversation) throw new UsageError(`"${ref}" is neither a ledger id (lg_…) nor an identity (local:<user>, slack:<team>:<user|channel>, telegram:<chat id>)`);
  const found = await core.directory.find(conversation, '');
  if (!found.ledger) throw new UsageError(`no ledger for ${ref}`);
  return found.ledger.id;
}
