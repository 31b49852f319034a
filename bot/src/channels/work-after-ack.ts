/**
 * The work a channel does after it has acknowledged a request (Slack's 3 seconds). Acks cost nothing,
 * so at saturation they outrun the work behind them, and unbounded, that work piles up in memory until
 * the task is killed. A bound: when it is full, a channel answers "busy" (or lets the platform retry)
 * instead of taking more.
 */
export interface WorkAfterAck {
  readonly full: boolean;
  /** Runs `work` counted against the bound (taken even when full: a caller checks `full` first). */
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** In flight at most, per process: a couple of seconds of adds at this service's pace. */
export const DEFAULT_WORK_IN_FLIGHT = 200;

export function workAfterAck(limit = DEFAULT_WORK_IN_FLIGHT): WorkAfterAck {
  let inFlight = 0;
  return {
    get full() {
      return inFlight >= limit;
    },
    async run(work) {
      inFlight += 1;
      try {
        return await work();
      } finally {
        inFlight -= 1;
      }
    },
  };
}
