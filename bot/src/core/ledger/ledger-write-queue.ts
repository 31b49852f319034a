import { LedgerId } from './ledger-id';

/** Runs writes to one ledger one after another within this process. */
export interface LedgerWriteQueue {
  run<T>(ledger: LedgerId, write: () => Promise<T>): Promise<T>;
}

/**
 * Writers of one ledger in the same process wait for each other instead of racing: a busy group
 * ledger then costs one transaction per write, not a storm of conflicts. Writers in other processes
 * are still kept correct by the conditional append; this only saves them the retries.
 */
export function createLedgerWriteQueue(): LedgerWriteQueue {
  const tails = new Map<LedgerId, Promise<unknown>>();
  return {
    run(ledger, write) {
      const previous = tails.get(ledger) ?? Promise.resolve();
      const result = previous.then(write, write);
      const tail = result.then(() => undefined, () => undefined);
      tails.set(ledger, tail);
      void tail.then(() => {
        if (tails.get(ledger) === tail) tails.delete(ledger);
      });
      return result;
    },
  };
}
