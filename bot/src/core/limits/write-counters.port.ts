import { WindowKind } from './write-limits';

/** One count: whose (an opaque subject the core names, e.g. "person:telegram:42") in which window. */
export interface CounterKey {
  readonly subject: string;
  readonly window: { readonly kind: WindowKind; readonly start: Date; readonly end: Date };
}

/**
 * Counts shared by every task of the service. A store must keep no subject as given (it names a
 * platform identity): a keyed hash, say. Counts are needed only until their window ends.
 */
export interface WriteCounters {
  /**
   * Adds one to each counter and answers their counts with that one included, in the same order.
   * Atomic per counter: two tasks adding at once get two different counts.
   */
  add(counters: readonly CounterKey[]): Promise<readonly number[]>;
  /** Takes one back from each (a write counted, then refused by another counter). */
  takeBack(counters: readonly CounterKey[]): Promise<void>;
}
