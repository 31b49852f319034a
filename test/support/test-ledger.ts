import { randomUUID } from 'node:crypto';
import { CoreDeps } from '../../bot/src/core/core-deps';
import { Clock } from '../../bot/src/core/ports/clock.port';
import { createOutbound } from '../../bot/src/channels/outbound';
import { createDynamoLocalMailbox } from '../../bot/src/storage/dynamodb/dynamodb-local-mailbox';
import { fixedClock } from './in-memory-core';
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


/** The core on `table`, keeping what it logs as errors for the test to look at. */
export function coreOn(table: DynamoTable, clock: Clock): CoreDeps & { errors: object[] } {
  const errors: object[] = [];
  const outbound = createOutbound({ local: createDynamoLocalMailbox(table, () => clock.now()) });
  return { ...coreOnTable(table, clock, { error: (details) => errors.push(details) }, outbound), errors };
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

export { fixedClock };
