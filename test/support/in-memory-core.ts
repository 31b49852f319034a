import { createInMemoryLocalMailbox } from '../../bot/src/channels/local/in-memory-local-mailbox';
import { createOutbound } from '../../bot/src/channels/outbound';
import { CoreDeps } from '../../bot/src/core/core-deps';
import { createLedgerWriteQueue } from '../../bot/src/core/ledger/ledger-write-queue';
import { Clock } from '../../bot/src/core/ports/clock.port';
import { createInMemoryPendingLines, createInMemoryStore, InMemoryStore } from '../../bot/src/storage/in-memory/in-memory-store';
import { createInMemorySpool } from '../../bot/src/storage/in-memory/in-memory-spool';

/** A clock the test sets; starts at a fixed instant. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

/** The core on in-memory ports: no Java, no network. Keeps what it logs as errors. */
export function inMemoryCore(clock: Clock = fixedClock('2026-11-22T10:00:00Z')) {
  const store: InMemoryStore = createInMemoryStore();
  const mailbox = createInMemoryLocalMailbox();
  const spool = createInMemorySpool();
  const errors: object[] = [];
  const deps: CoreDeps = {
    writer: store.writer,
    expenses: store.expenses,
    totals: store.totals,
    directory: store.directory,
    personalData: store.personalData,
    pendingLines: createInMemoryPendingLines(() => clock.now()),
    outbound: createOutbound({ local: mailbox }),
    spool,
    clock,
    queue: createLedgerWriteQueue(),
    log: { error: (details) => errors.push(details) },
  };
  return { deps, store, mailbox, spool, errors };
}
