import { addressOf, conversationKey, identityKey, InboundMessage, PlatformHints } from '../conversation/inbound-message';
import { Turn } from '../conversation/turn';
import { LedgerEvent } from '../ledger/ledger-events';
import { LedgerId, LedgerScope, MemberId, newLedgerId, newMemberId } from '../ledger/ledger-id';
import { EMPTY_LEDGER, evolve } from '../ledger/ledger-state';
import { LedgerWriteQueue } from '../ledger/ledger-write-queue';
import { RETRY_FOR_MS, waitBeforeRetry } from '../ledger/write-ledger';
import { LedgerBusyError } from '../operational-error';
import { Clock } from '../ports/clock.port';
import { LedgerWriter } from '../ports/ledger-store.port';
import { settingsFromHints } from './first-settings';
import { LedgerDirectory, MemberLink } from './ledger-directory.port';

export interface ResolveDeps {
  readonly directory: LedgerDirectory;
  readonly writer: LedgerWriter;
  readonly clock: Clock;
  readonly queue: LedgerWriteQueue;
  readonly retryForMs?: number;
}

/**
 * The ledger a message acts on, and the sender's member id in it. A conversation seen for the first
 * time opens its ledger (a private one the person's own, a group's shared one) with the sender as
 * first member and their platform hints as first settings; a new person in a group joins its ledger.
 */
export async function resolveLedger(message: InboundMessage, deps: ResolveDeps): Promise<Turn> {
  const conversation = conversationKey(message);
  const identity = identityKey(message.sender);
  const giveUpAt = performance.now() + (deps.retryForMs ?? RETRY_FOR_MS);
  for (let attempt = 1; ; attempt += 1) {
    if (attempt > 1) {
      if (performance.now() > giveUpAt) throw new LedgerBusyError(`no ledger for the conversation after ${attempt - 1} attempts`); // its key names people: not logged
      // Two first messages racing for one conversation: the loser reads the winner's ledger.
      await waitBeforeRetry(attempt);
    }
    const found = await deps.directory.find(conversation, identity);
    if (found.ledger && found.member) {
      return {
        ledger: found.ledger.id, scope: found.ledger.scope, member: found.member, memberName: found.memberName ?? message.sender.displayName, message,
        ...(found.ledger.unreachable ? { unreachable: true as const } : {}),
      };
    }
    const more = await moreHints(message);
    const memberName = more.displayName ?? message.sender.displayName;
    const member = newMemberId();
    const link = (ledger: LedgerId): MemberLink => ({ identityKey: identity, conversationKey: conversation, ledger, member, displayName: memberName });
    const joined = found.ledger
      ? await join(found.ledger.id, member, link(found.ledger.id), deps)
      : await open(message, { ...more, ...message.hints }, conversation, member, link, deps);
    if (joined) return { ...joined, member, memberName, message };
  }
}

async function open(
  message: InboundMessage, hints: PlatformHints, conversation: string, member: MemberId, link: (ledger: LedgerId) => MemberLink, deps: ResolveDeps,
): Promise<{ ledger: LedgerId; scope: LedgerScope } | undefined> {
  const ledger = newLedgerId();
  const scope: LedgerScope = message.conversation.kind === 'private' ? 'personal' : 'group';
  const events: LedgerEvent[] = [
    { type: 'LedgerOpened', data: { scope, conversation, address: addressOf(message), settings: settingsFromHints(hints) } },
    { type: 'MemberJoined', data: { member } },
  ];
  const outcome = await deps.writer.append({
    ledger, expectedVersion: 0, events, state: events.reduce(evolve, EMPTY_LEDGER),
    actor: member, at: deps.clock.now(), replies: [], members: [link(ledger)],
  });
  return outcome === 'written' ? { ledger, scope } : undefined;
}

function join(ledger: LedgerId, member: MemberId, link: MemberLink, deps: ResolveDeps): Promise<{ ledger: LedgerId; scope: LedgerScope } | undefined> {
  return deps.queue.run(ledger, async () => {
    const { head } = await deps.writer.load(ledger, {});
    const events: LedgerEvent[] = [{ type: 'MemberJoined', data: { member } }];
    const outcome = await deps.writer.append({
      ledger, expectedVersion: head.version, events, state: events.reduce(evolve, head.state),
      actor: member, at: deps.clock.now(), replies: [], members: [link],
    });
    return outcome === 'written' ? { ledger, scope: head.state.scope } : undefined;
  });
}

/** A hint the platform could not give costs the person nothing: the ledger opens on defaults. */
async function moreHints(message: InboundMessage): Promise<PlatformHints & { displayName?: string }> {
  try {
    return (await message.moreHints?.()) ?? {};
  } catch {
    return {};
  }
}
