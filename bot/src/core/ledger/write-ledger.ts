import { Category } from '../expenses/categories';
import { Reply } from '../conversation/reply';
import { Clock } from '../ports/clock.port';
import { LedgerHead, LedgerWriter } from '../ports/ledger-store.port';
import { isUserError, UserError } from '../user-error';
import { LedgerEvent } from './ledger-events';
import { LedgerId } from './ledger-id';
import { evolve } from './ledger-state';

export interface Decision {
  readonly events: readonly LedgerEvent[];
  readonly replies: readonly Reply[];
}

export interface WriteContext {
  readonly head: LedgerHead;
  readonly rememberedCategory?: Category;
  readonly now: Date;
}

export interface WriteRequest {
  readonly ledger: LedgerId;
  readonly actor: string;
  readonly idempotencyKey?: string;
  /** Ask the store for the category remembered for this description. */
  readonly descriptionKey?: string;
  readonly decide: (ctx: WriteContext) => Promise<Decision | UserError>;
}

/**
 * How long to keep retrying when other writers keep winning the race for the same ledger. Contention
 * is per ledger (one person, or one group chat), so this is only reached when something is wrong.
 */
const RETRY_FOR_MS = 15_000;

/**
 * Optimistic concurrency: read the ledger's head, decide, and append on the condition that nobody
 * appended in between; on a conflict, decide again on the fresh state. A redelivered idempotency key
 * answers what was answered the first time and writes nothing.
 */
export async function writeLedger(
  writer: LedgerWriter,
  clock: Clock,
  request: WriteRequest,
): Promise<readonly Reply[] | UserError> {
  const giveUpAt = performance.now() + RETRY_FOR_MS;
  for (let attempt = 1; ; attempt += 1) {
    const loaded = await writer.load(request.ledger, {
      ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
      ...(request.descriptionKey ? { descriptionKey: request.descriptionKey } : {}),
    });
    if (loaded.priorReplies) return loaded.priorReplies;
    const now = clock.now();
    const decision = await request.decide({
      head: loaded.head,
      now,
      ...(loaded.rememberedCategory ? { rememberedCategory: loaded.rememberedCategory } : {}),
    });
    if (isUserError(decision)) return decision;
    if (decision.events.length === 0) return decision.replies;
    const outcome = await writer.append({
      ledger: request.ledger,
      expectedVersion: loaded.head.version,
      events: decision.events,
      state: decision.events.reduce(evolve, loaded.head.state),
      actor: request.actor,
      at: now,
      replies: decision.replies,
      ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
    });
    if (outcome === 'written') return decision.replies;
    if (outcome === 'duplicate' && request.idempotencyKey) {
      const prior = await writer.priorReplies(request.ledger, request.idempotencyKey);
      if (prior) return prior;
    }
    if (performance.now() > giveUpAt) {
      throw new Error(`ledger ${request.ledger}: gave up after ${attempt} conflicting writes in ${RETRY_FOR_MS} ms`);
    }
    // Full jitter, so writers that collided do not collide again in step.
    await sleep(Math.random() * Math.min(250, 5 * 2 ** Math.min(attempt, 6)));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
