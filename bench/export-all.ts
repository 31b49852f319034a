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
import { DynamoTable } from '../bot/src/storage/dynamodb/dynamodb-tables';
import { createFileSpool } from '../bot/src/storage/spool/file-spool';
import { inbound, textOf } from '../test/support/chat';
import { seedLedger } from '../test/support/seed-ledger';

/** The garbage collector, to measure from a clean heap (the bench runs without --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** A description of its own for each expense (a word, a note): the zip cannot shrink it to nothing. */
const note = (ref: number) => `note ${(ref * 2654435761 >>> 0).toString(36)}${(ref * 40503 >>> 0).toString(36)} ${['lunch', 'bus', 'rent', 'milk'][ref % 4]}`;

/**
 * `export all` of a ledger of `expenses` expenses through the core on DynamoDB Local, the zip spooled
 * to disk: the time, the zip's size, and the process's peak RSS while exporting against its RSS
 * before. Goal: the extra memory does not grow with the ledger (a page of 500 expenses at a time),
 * and stays well under the zip's own size once the zip is large.
 */
export async function benchExportAll(table: DynamoTable, sizes: readonly number[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-spool-'));
  const core = coreOnTable(table, systemClock, { error: (details, message) => console.error(message, details) }, createOutbound({}), createFileSpool({ dir }));
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const gc = collector();
  console.log('\nExport all (a zip spooled to disk, read back as a stream)');
  try {
    for (const size of sizes) {
      const user = `export-${size}`;
      const ask = (text: string) => handleMessage(inbound(user, { kind: 'text', text }), core);
      await ask('currency USD');
      const { personalLedgers: [ledger] } = await core.personalData.locate(`local:${user}`);
      const seedStarted = Date.now();
      await seedLedger(table, ledger!, size, dateInZone(new Date(), 'UTC'), { describe: note });
      const seedSeconds = (Date.now() - seedStarted) / 1000;

      gc();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const started = process.hrtime.bigint();
      const [reply] = await ask('export all');
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      if (!reply?.file || !textOf([reply]).includes(`${size} expenses`)) throw new Error(`export all failed: ${textOf(reply ? [reply] : [])}`);
      // Streamed back as a channel would send it, never held whole.
      let streamed = 0;
      for await (const chunk of reply.file.open()) streamed += chunk.byteLength;
      if (streamed !== reply.file.size) throw new Error(`spooled ${reply.file.size} bytes, read back ${streamed}`);
      await reply.file.release?.();
      console.log(`  ${size.toLocaleString('en-US').padStart(7)} expenses (seeded in ${seedSeconds.toFixed(1)} s): ${seconds.toFixed(2)} s, zip ${mb(reply.file.size)}; RSS ${mb(before)} before, peak ${mb(peak)} (+${mb(peak - before)})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
