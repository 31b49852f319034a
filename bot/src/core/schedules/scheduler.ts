import { Clock } from '../ports/clock.port';
import { DueRun, DueSchedules } from '../ports/due-schedules.port';

export interface SchedulerOptions {
  readonly due: DueSchedules;
  readonly run: (run: DueRun) => Promise<unknown>;
  readonly clock: Clock;
  /** How often to look for what is due (SCHEDULER_INTERVAL_SECONDS). */
  readonly intervalMs: number;
  /** How long a claim holds before another task may take the run over. */
  readonly claimMs?: number;
  /** Runs at once within a task. */
  readonly concurrency?: number;
  /** Entries read per page of the due index. */
  readonly pageSize?: number;
  readonly log: { error(details: object, message: string): void; info?(details: object, message: string): void };
}

export interface TickResult {
  readonly claimed: number;
  readonly failed: number;
}

export interface Scheduler {
  /** Claims and runs everything due now; the timer calls it, tests and the bench call it directly. */
  tick(): Promise<TickResult>;
  start(): void;
  /** Stops the timer and waits for a tick in flight. */
  stop(): Promise<void>;
}

/** Longer than any run takes, short enough that a task that died mid-run delays its runs little. */
export const DEFAULT_CLAIM_MS = 5 * 60_000;

/** After the `attempt`-th failure of one occurrence: the claim's lapse, doubling from the second failure, at most a day. */
export function retryDelayMs(attempt: number, claimMs: number): number {
  return Math.min(RETRY_AT_MOST_MS, claimMs * 2 ** Math.max(0, attempt - 1));
}
const RETRY_AT_MOST_MS = 24 * 60 * 60_000;

/**
 * Finds what is due and runs each occurrence exactly once across any number of service tasks: an
 * entry is run only by the task whose conditional claim succeeded, and the run itself is an
 * idempotent ledger write, so even a claim that lapsed mid-run cannot record twice.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { due, run, clock, intervalMs, log } = options;
  const claimMs = options.claimMs ?? Math.max(DEFAULT_CLAIM_MS, 2 * intervalMs);
  const concurrency = options.concurrency ?? 8;
  const pageSize = options.pageSize ?? 100;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<TickResult> | undefined;
  let stopped = true;
  let stopping = false;

  async function claimAndRun(entry: DueRun): Promise<'claimed' | 'taken' | 'failed'> {
    const until = new Date(clock.now().getTime() + claimMs);
    const attempt = await due.claim(entry, until);
    if (attempt === undefined) return 'taken';
    try {
      await run(entry);
      return 'claimed';
    } catch (error) {
      // The claim lapses and the run is tried again then (the write's key keeps it from counting twice);
      // a run that keeps failing is tried less and less often, at least once a day.
      const retryAt = new Date(clock.now().getTime() + retryDelayMs(attempt, claimMs));
      const later = retryAt > until && (await due.postpone({ ...entry, dueAt: until.toISOString() }, retryAt).catch(() => false));
      log.error({
        err: error, ledger: entry.ledger, schedule: entry.schedule, occurrence: entry.occurrence, attempt,
        retryAt: (later ? retryAt : until).toISOString(),
      }, 'scheduler: run failed');
      return 'failed';
    }
  }

  async function tick(): Promise<TickResult> {
    let claimed = 0;
    let failed = 0;
    for (;;) {
      const page = await due.due(clock.now(), pageSize);
      let progress = 0;
      for (let i = 0; i < page.length; i += concurrency) {
        const outcomes = await Promise.all(page.slice(i, i + concurrency).map(claimAndRun));
        claimed += outcomes.filter((o) => o === 'claimed').length;
        failed += outcomes.filter((o) => o === 'failed').length;
        progress += outcomes.filter((o) => o !== 'taken').length;
      }
      // A short page was the last; a page all taken by other tasks means they are on it.
      if (page.length < pageSize || progress === 0 || stopping) break;
    }
    if (claimed + failed > 0) log.info?.({ claimed, failed }, 'scheduler: ran what was due');
    return { claimed, failed };
  }

  function schedule() {
    timer = setTimeout(() => {
      timer = undefined;
      inFlight = tick()
        .catch((error: unknown) => {
          log.error({ err: error }, 'scheduler: tick failed');
          return { claimed: 0, failed: 0 };
        })
        .finally(() => {
          inFlight = undefined;
          if (!stopped) schedule();
        });
    }, intervalMs);
    timer.unref();
  }

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      schedule();
    },
    async stop() {
      stopped = true;
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
