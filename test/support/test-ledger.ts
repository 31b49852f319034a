import { randomUUID } from 'node:crypto';
import { CoreDeps } from '../../bot/src/core/core-deps';
import { handleMessage } from '../../bot/src/core/conversation/handle-message';
import { InboundMessage } from '../../bot/src/core/conversation/inbound-message';
import { Clock } from '../../bot/src/core/ports/clock.port';
import { LedgerId } from '../../bot/src/core/ledger/ledger-id';
import { coreOnTable } from '../../bot/src/composition';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable, DynamoTable } from '../../bot/src/storage/dynamodb/dynamodb-tables';
import { ensureTable } from '../../bot/src/storage/dynamodb/ensure-table';

export function testEndpoint(): string {
  const endpoint = process.env.SPENDWISE_TEST_DYNAMODB;
  if (!endpoint) throw new Error('DynamoDB Local is started by jest globalSetup; run the tests with jest');
  return endpoint;
}

/** A fresh table of its own for a test file, on the run's DynamoDB Local. */
export async function freshTable(label: string): Promise<DynamoTable> {
  const table = createDynamoTable(`test-${label}-${randomUUID().slice(0, 8)}`, {
    endpoint: testEndpoint(), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS,
  });
  await ensureTable(table);
  return table;
}

/** A table on a port where nothing listens: DynamoDB "down" for outage tests. */
export function unreachableTable(): DynamoTable {
  return createDynamoTable('nowhere', { endpoint: 'http://127.0.0.1:9', region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

/** A clock the test sets; starts at a fixed instant. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

/** The core on `table`, keeping what it logs as errors for the test to look at. */
export function coreOn(table: DynamoTable, clock: Clock): CoreDeps & { errors: object[] } {
  const errors: object[] = [];
  return { ...coreOnTable(table, clock, { error: (details) => errors.push(details) }), errors };
}

/** Says something to the bot as `user` and returns the replies' text joined. */
export function chat(deps: CoreDeps, user: string) {
  const ledger = `local:${user}` as LedgerId;
  const send = async (message: Partial<InboundMessage>) => handleMessage({ ledger, actor: user, ...message }, deps);
  return {
    ledger,
    send,
    say: async (text: string, idempotencyKey?: string) =>
      (await send({ text, ...(idempotencyKey ? { idempotencyKey } : {}) })).map((r) => r.text).join('\n'),
    press: async (action: string) => (await send({ action })).map((r) => r.text).join('\n'),
  };
}

/** The usual set-up of a storage test file: its own table, a fixed clock, the core on both. */
export function ledgerTestBed(label: string, startsAt = '2026-11-22T10:00:00Z') {
  const clock = fixedClock(startsAt);
  const bed = { clock } as { clock: typeof clock; table: DynamoTable; deps: ReturnType<typeof coreOn> };
  beforeAll(async () => {
    bed.table = await freshTable(label);
    bed.deps = coreOn(bed.table, clock);
  });
  afterAll(() => bed.table.doc.destroy());
  return bed;
}
