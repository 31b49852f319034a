import { conversationKey, identityKey, InboundMessage } from '../conversation/inbound-message';
import { textReply, Reply } from '../conversation/reply';
import { limitNotice } from './limit-notice';
import { WriteCounters } from './write-counters.port';
import { Counted, decideWrite, windowsAt, WriteLimits } from './write-limits';

/**
 * A chat message refused by the write limits: thrown, so that nothing after the refusal runs (no
 * write, no photo read, no draft removed). `replies` is the notice, or nothing after the first.
 */
export class WriteLimitReached extends Error {
  override readonly name = 'WriteLimitReached';
  constructor(readonly replies: readonly Reply[]) {
    super('write limit reached');
  }
}

export interface WriteLimitDeps {
  readonly counters: WriteCounters;
  readonly limits: WriteLimits;
}

/** The sender, across every ledger; and in a group, the group as well. */
function subjectsOf(message: InboundMessage): { counted: Counted; subject: string }[] {
  return [
    { counted: 'person', subject: `person:${identityKey(message.sender)}` },
    ...(message.conversation.kind === 'group' ? [{ counted: 'group' as const, subject: conversationKey(message) }] : []),
  ];
}

/**
 * Counts one write of this message against its sender's (and group's) limits, or throws
 * WriteLimitReached. A refused write stays counted where it went over: that is how every task
 * knows the notice was already given in that window.
 */
export async function admitWrite(message: InboundMessage, deps: WriteLimitDeps, now: Date, timeZone: string): Promise<void> {
  const windows = windowsAt(now, deps.limits);
  if (windows.length === 0) return;
  const keys = subjectsOf(message).flatMap((s) => windows.map((window) => ({ ...s, window })));
  const counters = keys.map(({ subject, window }) => ({ subject, window }));
  const counts = await deps.counters.add(counters);
  const decision = decideWrite(keys.map((k, i) => ({ counted: k.counted, window: k.window, count: counts[i]! })));
  if (decision.kind === 'allowed') return;
  // Counts still within their limit give the refused write back (a flood refused by the minute must
  // not use up the day, nor one person's the group's); those over keep it, as the mark that the
  // notice was given. Not given back, a count is one stricter until its window ends: no harm.
  const within = counters.filter((_, i) => counts[i]! <= keys[i]!.window.limit);
  if (within.length > 0) await deps.counters.takeBack(within).catch(() => undefined);
  if (!decision.tell) throw new WriteLimitReached([]);
  const notice = textReply(limitNotice(decision, now, timeZone));
  // A person's own limit is their business; a group's limit is news for the whole group.
  const ownInGroup = decision.counted === 'person' && message.conversation.kind === 'group';
  throw new WriteLimitReached([ownInGroup ? { ...notice, audience: 'sender' } : notice]);
}

/** Once per message, however many writes (or retries of one) it makes. */
export function admissionOnce(message: InboundMessage, deps: WriteLimitDeps, now: () => Date): (timeZone: string) => Promise<void> {
  let admitted: Promise<void> | undefined;
  return (timeZone) => (admitted ??= admitWrite(message, deps, now(), timeZone));
}
