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

/**
 * In flight at most, per process: about two seconds of adds for a 0.25 vCPU task (a person waits no
 * longer for the answer behind the ack). The bench's production bundle peaked at 266 MB with 64, 289 MB with 200.
 */
export const DEFAULT_WORK_IN_FLIGHT = 64;

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
