import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createOutbound } from '../bot/src/channels/outbound';
import { coreOnTable } from '../bot/src/composition';
import { dateInZone } from '../bot/src/core/calendar/local-date';
import { handleMessage } from '../bot/src/core/conversation/handle-message';
import { systemClock } from '../bot/src/core/ports/clock.port';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../bot/src/storage/dynamodb/dynamodb-local';
import { createDynamoTable } from '../bot/src/storage/dynamodb/dynamodb-tables';
import { ensureTable } from '../bot/src/storage/dynamodb/ensure-table';
import { createFileSpool } from '../bot/src/storage/spool/file-spool';
import { inbound, textOf } from '../test/support/chat';
import { seedLedger } from '../test/support/seed-ledger';

/** A description of its own for each expense (a word, a note): the zip cannot shrink it to nothing. */
const note = (ref: number) => `note ${(ref * 2654435761 >>> 0).toString(36)}${(ref * 40503 >>> 0).toString(36)} ${['lunch', 'bus', 'rent', 'milk'][ref % 4]}`;

interface Measured {
  readonly seconds: number;
  readonly zipBytes: number;
  /** RSS before the export and its peak while exporting. */
  readonly before: number;
  readonly peak: number;
  /** The JavaScript heap in use before, and at its fullest while exporting (garbage not yet collected included). */
  readonly heapBefore: number;
  readonly heapPeak: number;
}

const CHILD = '--export-all-child';
/** Far less than 100,000 expenses would take as objects (about 1 KB each), far more than a page of them. */
const HEAP_CAP_MB = 96;

/**
 * `export all` of ledgers of each size through the core on DynamoDB Local, the zip spooled to disk.
 * Each export runs in a process of its own (seeding a ledger leaves the bench's RSS high), which
 * reports the time, the zip's size, and its peak RSS and heap while exporting against before (after
 * a first, empty export has loaded everything). Left to itself V8 lets garbage pile up while there
 * is room, so the largest ledger is exported again with the heap capped at HEAP_CAP_MB: it still
 * fits, which memory growing with the ledger would not. Goal: the capped run passes.
 */
export async function benchExportAll(endpoint: string, sizes: readonly number[]): Promise<void> {
  const table = createDynamoTable(`bench-export-${randomUUID().slice(0, 6)}`, { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log('\nExport all (the zip spooled to disk as it is made, then read back as a stream; each in a process of its own)');
  try {
    await ensureTable(table);
    const core = coreOnTable(table, systemClock, { error: (details, message) => console.error(message, details) }, createOutbound({}));
    for (const size of sizes) {
      const user = `export-${size}`;
      await handleMessage(inbound(user, { kind: 'text', text: 'currency USD' }), core);
      const { personalLedgers: [ledger] } = await core.personalData.locate(`local:${user}`);
      const seedStarted = Date.now();
      await seedLedger(table, ledger!, size, dateInZone(new Date(), 'UTC'), { describe: note });
      const seedSeconds = (Date.now() - seedStarted) / 1000;
      const capped = size === Math.max(...sizes) ? [[`--max-old-space-size=${HEAP_CAP_MB}`]] : [];
      console.log(`  ${size.toLocaleString('en-US').padStart(7)} expenses (seeded in ${seedSeconds.toFixed(1)} s)`);
      for (const flags of [[], ...capped]) {
        const m = await inChild(endpoint, table.tableName, user, size, flags);
        console.log(`    ${(flags.join(' ') || 'default heap').padEnd(25)} ${m.seconds.toFixed(2)} s, zip ${mb(m.zipBytes)}; RSS ${mb(m.before)} before, peak ${mb(m.peak)} (+${mb(m.peak - m.before)}); JS heap ${mb(m.heapBefore)} before, peak ${mb(m.heapPeak)} (+${mb(m.heapPeak - m.heapBefore)})`);
      }
    }
  } finally {
    table.doc.destroy();
  }
}

function inChild(endpoint: string, tableName: string, user: string, size: number, flags: readonly string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    // The same loader (tsx) as this process.
    const child = fork(__filename, [CHILD, endpoint, tableName, user, String(size)], { execArgv: [...process.execArgv, ...flags] });
    child.once('message', (m) => resolve(m as Measured));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`export child exited with ${code}`)));
  });
}

async function exportInThisProcess(endpoint: string, tableName: string, user: string, size: number): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-spool-'));
  const table = createDynamoTable(tableName, { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const core = coreOnTable(table, systemClock, { error: (details, message) => console.error(message, details) }, createOutbound({}), undefined, createFileSpool({ dir }));
  const exportFor = async (who: string) => {
    const [reply] = await handleMessage(inbound(who, { kind: 'text', text: 'export all' }), core);
    if (!reply?.file) throw new Error(`export all failed: ${textOf(reply ? [reply] : [])}`);
    // Read back as a channel sends it, never whole.
    let streamed = 0;
    for await (const chunk of reply.file.open()) streamed += chunk.byteLength;
    await reply.file.release?.();
    return { reply, streamed };
  };
  try {
    await exportFor(`${user}-warm-up`);
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    const { rss: before, heapUsed: heapBefore } = process.memoryUsage();
    let peak = before;
    let heapPeak = heapBefore;
    const sample = () => {
      const { rss, heapUsed } = process.memoryUsage();
      peak = Math.max(peak, rss);
      heapPeak = Math.max(heapPeak, heapUsed);
    };
    const sampler = setInterval(sample, 5);
    const started = process.hrtime.bigint();
    const { reply, streamed } = await exportFor(user);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    sample();
    if (!textOf([reply]).includes(`${size} expenses`) || streamed !== reply.file!.size) throw new Error(`export all of ${size} went wrong: ${textOf([reply])}`);
    return { seconds, zipBytes: reply.file!.size, before, peak, heapBefore, heapPeak };
  } finally {
    table.doc.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npx tsx bench/export-all.ts [sizes…]`: this bench alone, on a DynamoDB Local of its own. */
async function alone(sizes: readonly number[]): Promise<void> {
  const db = await startDynamoDbLocal();
  try {
    await benchExportAll(db.endpoint, sizes);
  } finally {
    await db.stop();
  }
}

if (require.main === module && process.argv[2] !== CHILD) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  alone(sizes.length > 0 ? sizes : [1_000, 100_000]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

if (process.argv[2] === CHILD && process.send) {
  const [endpoint, tableName, user, size] = process.argv.slice(3);
  exportInThisProcess(endpoint!, tableName!, user!, Number(size))
    .then((measured) => process.send!(measured, () => process.exit(0)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
