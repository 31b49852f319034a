import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { ensureTable } from '../../../bot/src/storage/dynamodb/ensure-table';
import { restoreBackup, RestoreRefusedError, writeBackup } from '../../../bot/src/storage/dynamodb/maintenance/backup';
import { rebuildLedger } from '../../../bot/src/storage/dynamodb/maintenance/read-models';
import { action } from '../cli';
import { OperationFailed, openTable, UsageError, withTable } from '../ops-context';

export function registerBackupCommands(program: Command): void {
  program.command('backup').description('every ledger’s events and member links, as gzipped JSON lines')
    .requiredOption('--out <file>', 'the file to write (.jsonl.gz)')
    .action(action(program, async (out, options: { out: string }) => {
      // The file first: a folder that is not there fails before the table is touched.
      const file = await open(options.out, 'w', 0o600).catch((error: Error) => {
        throw new UsageError(`cannot write ${options.out}: ${error.message}`);
      });
      const ops = await openTable(program.opts()).catch(async (error: Error) => {
        await file.close();
        throw error;
      });
      try {
        const lines = new PassThrough();
        // Held as a value, so a write error is reported here rather than crashing the process.
        const written = pipeline(lines, createGzip(), file.createWriteStream()).then(() => undefined, (error: Error) => error);
        const progress = out.progress('backup (ledgers)');
        const started = Date.now();
        const counts = await writeBackup(ops.table, (line) => {
          if (!lines.write(`${line}\n`)) return new Promise<void>((resolve) => lines.once('drain', () => resolve()));
        }, new Date(), (c) => progress.tick(c.ledgers, c.ledgers));
        lines.end();
        const failure = await written;
        if (failure) throw new OperationFailed(`writing ${options.out} failed: ${failure.message}`);
        progress.stop();
        const seconds = (Date.now() - started) / 1000;
        out.result({ file: options.out, ...counts, seconds: Number(seconds.toFixed(2)), eventsPerSecond: Math.round(counts.events / Math.max(seconds, 0.001)) });
      } finally {
        await ops.close();
        await file.close().catch(() => undefined);
      }
    }));
  program.command('restore').description('a backup into an empty table, then every read model rebuilt from the events')
    .requiredOption('--in <file>', 'a file written by backup')
    .action(action(program, async (out, options: { in: string }) => {
      await withTable(program.opts(), async (ops) => {
        await ensureTable(ops.table);
        const lines = () => createInterface({ input: createReadStream(options.in).pipe(createGunzip()), crlfDelay: Infinity });
        const { counts, ledgers } = await restoreBackup(ops.table, lines).catch((error: Error) => {
          throw error instanceof RestoreRefusedError ? new OperationFailed(error.message) : error;
        });
        const progress = out.progress('rebuild', ledgers.length);
        for (const [i, ledger] of ledgers.entries()) {
          await rebuildLedger(ops.table, ledger);
          progress.tick(i + 1);
        }
        progress.stop();
        out.result({ restored: options.in, ...counts, rebuilt: ledgers.length });
      });
    }));
}
