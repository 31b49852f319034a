import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { createGzip } from 'node:zlib';
import { addDays, dateInZone } from '../bot/src/core/calendar/local-date';
import { LedgerEvent } from '../bot/src/core/ledger/ledger-events';
import { MemberId, newLedgerId, newMemberId } from '../bot/src/core/ledger/ledger-id';
import { CurrencyCode } from '../bot/src/core/money/currencies';
import { Category } from '../bot/src/core/expenses/categories';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable } from '../bot/src/storage/dynamodb/dynamodb-tables';
import { ensureTable } from '../bot/src/storage/dynamodb/ensure-table';
import { keys } from '../bot/src/storage/dynamodb/item-keys';
import { batchWrite, put } from '../bot/src/storage/dynamodb/maintenance/batch-write';
import { writeBackup } from '../bot/src/storage/dynamodb/maintenance/backup';
import { rebuildLedger } from '../bot/src/storage/dynamodb/maintenance/read-models';

/**
 * The operator's walks over the events: `projections rebuild` and `backup` over a ledger of
 * `count` events (written straight as event items: only the events matter to them).
 */
export async function benchMaintenance(endpoint: string, count: number): Promise<void> {
  const table = createDynamoTable(`bench-ops-${randomUUID().slice(0, 6)}`, { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await ensureTable(table);
    const ledger = newLedgerId();
    const member = newMemberId();
    const today = dateInZone(new Date(), 'UTC');
    const at = new Date().toISOString();
    const categories = ['food', 'transport', 'groceries', 'housing', 'fun', 'health', 'travel', 'other'];
    const event = (version: number): LedgerEvent => version === 1
      ? { type: 'LedgerOpened', data: { scope: 'personal', conversation: `person:local:bench-${ledger}`, address: { platform: 'local', conversationId: 'u:bench' }, settings: {} } }
      : {
          type: 'ExpenseRecorded',
          data: {
            expense: {
              ref: version - 1, amount: { minor: 100 + ((version * 7919) % 10_000), currency: 'USD' as CurrencyCode },
              category: categories[version % categories.length] as Category, description: `item ${version % 500}`,
              date: addDays(today, -(version % 730)), recordedAt: at, recordedBy: member as MemberId,
            },
            alerts: [],
          },
        };
    const seedStarted = Date.now();
    const items = Array.from({ length: count }, (_, i) => {
      const e = event(i + 1);
      return put({ pk: keys.ledger(ledger), sk: keys.event(i + 1), type: e.type, data: e.data, actor: member, at, schemaVersion: 1 });
    });
    for (let i = 0; i < items.length; i += 2_000) await batchWrite(table, items.slice(i, i + 2_000));
    // The listing index entry, so backup finds the ledger.
    await batchWrite(table, [put({ pk: keys.ledger(ledger), sk: keys.meta, type: 'LedgerMeta', kindKey: keys.ledgerListing(ledger), kindSort: `${at}#${ledger}` })]);
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const rebuildStarted = Date.now();
    await rebuildLedger(table, ledger);
    const rebuildSeconds = (Date.now() - rebuildStarted) / 1000;

    let bytes = 0;
    const gzip = createGzip();
    const sink = new PassThrough();
    gzip.pipe(sink);
    sink.on('data', (chunk: Buffer) => (bytes += chunk.length));
    const backupStarted = Date.now();
    const counts = await writeBackup(table, (line) => void gzip.write(`${line}\n`), new Date());
    gzip.end();
    await new Promise((resolve) => sink.on('end', resolve));
    const backupSeconds = (Date.now() - backupStarted) / 1000;

    console.log(`\nOperator walks over one ledger of ${count.toLocaleString('en-US')} events (seeded in ${seedSeconds.toFixed(1)} s)`);
    console.log(`  projections rebuild   ${(count / rebuildSeconds).toFixed(0).padStart(7)} events/s (${rebuildSeconds.toFixed(1)} s)`);
    console.log(`  backup                ${(counts.events / backupSeconds).toFixed(0).padStart(7)} events/s (${backupSeconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB gzipped)`);
  } finally {
    table.doc.destroy();
  }
}
