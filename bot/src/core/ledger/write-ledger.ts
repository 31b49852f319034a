import { Category } from '../expenses/categories';
import { Reply } from '../conversation/reply';
import { MemberLink } from '../directory/ledger-directory.port';
import { LedgerBusyError } from '../operational-error';
import { Clock } from '../ports/clock.port';
import { LedgerHead, LedgerWriter } from '../ports/ledger-store.port';
import { isUserError, userError, UserError } from '../user-error';
import { LedgerEvent } from './ledger-events';
import { LedgerId, MemberId } from './ledger-id';
import { evolve, LedgerState } from './ledger-state';
import { LedgerWriteQueue } from './ledger-write-queue';

export interface Decision {
  readonly events: readonly LedgerEvent[];
  readonly replies: readonly Reply[];
  readonly members?: readonly MemberLink[];
}

export interface WriteContext {
  readonly head: LedgerHead;
  /** The category last used for each description asked about (those it has one for). */
  readonly remembered: Readonly<Record<string, Category>>;
  readonly now: Date;
}

export interface WriteRequest {
  readonly ledger: LedgerId;
  /** Who acts; or, for the scheduler, whoever the ledger's state says (the person who set the schedule up). */
  readonly actor: MemberId | ((state: LedgerState) => MemberId | undefined);
  readonly idempotencyKey?: string;
  /** Ask the store for the categories remembered for these descriptions. */
  readonly descriptionKeys?: readonly string[];
  readonly decide: (ctx: WriteContext) => Promise<Decision | UserError>;
}

export interface WriteDeps {
  readonly writer: LedgerWriter;
  readonly clock: Clock;
  readonly queue: LedgerWriteQueue;
  /** How long to keep retrying a contended ledger before answering "busy" (default 10 s). */
  readonly retryForMs?: number;
  /** The write limits of the chat message this write belongs to (see CoreDeps); throws when refused. */
  readonly admitWrite?: (timeZone: string) => Promise<void>;
}

/**
 * How long to keep retrying when writers in other processes keep winning the race for the same
 * ledger. Writers in this process queue instead (LedgerWriteQueue), so this is rarely reached.
 */
export const RETRY_FOR_MS = 10_000;

/**
 * Optimistic concurrency: read the ledger's head, decide, and append on the condition that nobody
 * appended in between; on a conflict, decide again on the fresh state. A redelivered idempotency key
 * answers what was answered the first time and writes nothing. Gives up with LedgerBusyError.
 */
export function writeLedger(deps: WriteDeps, request: WriteRequest): Promise<readonly Reply[] | UserError> {
  return deps.queue.run(request.ledger, () => attemptWrites(deps, request));
}

async function attemptWrites({ writer, clock, retryForMs = RETRY_FOR_MS, admitWrite }: WriteDeps, request: WriteRequest): Promise<readonly Reply[] | UserError> {
  const giveUpAt = performance.now() + retryForMs;
  for (let attempt = 1; ; attempt += 1) {
    const loaded = await writer.load(request.ledger, {
      forAppend: true,
      ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
      ...(request.descriptionKeys?.length ? { descriptionKeys: request.descriptionKeys } : {}),
    });
    if (loaded.priorReplies) return loaded.priorReplies;
    const now = clock.now();
    const decision = await request.decide({ head: loaded.head, now, remembered: loaded.remembered });
    if (isUserError(decision)) return decision;
    if (decision.events.length === 0) return decision.replies;
    const actor = typeof request.actor === 'function' ? request.actor(loaded.head.state) : request.actor;
    if (!actor) throw new Error(`ledger ${request.ledger}: no one to record the write as`);
    // A write, and not a redelivery of one already made (answered above): the limits count it now.
    await admitWrite?.(loaded.head.state.settings.timeZone);
    const outcome = await writer.append({
      ledger: request.ledger,
      expectedVersion: loaded.head.version,
      events: decision.events,
      state: decision.events.reduce(evolve, loaded.head.state),
      actor,
      at: now,
      replies: decision.replies,
      ...(decision.members ? { members: decision.members } : {}),
      ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
      remembered: loaded.remembered,
      ...(loaded.indexedUpTo !== undefined ? { indexedUpTo: loaded.indexedUpTo } : {}),
    });
    if (outcome === 'written') return decision.replies;
    if (outcome === 'tooLarge') {
      return userError('write.tooLarge', 'That is more than I can record in one go, so nothing was recorded. Send it in two or three messages.', '12.50 lunch');
    }
    if (outcome === 'duplicate' && request.idempotencyKey) {
      const prior = await writer.priorReplies(request.ledger, request.idempotencyKey);
      if (prior) return prior;
    }
    if (performance.now() > giveUpAt) {
      throw new LedgerBusyError(`ledger ${request.ledger}: gave up after ${attempt} conflicting writes in ${retryForMs} ms`);
    }
    await waitBeforeRetry(attempt);
  }
}

/** Full jitter, so writers that collided do not collide again in step. */
export const waitBeforeRetry = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 5 * 2 ** Math.min(attempt, 6))));
