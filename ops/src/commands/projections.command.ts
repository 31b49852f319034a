import { Command } from 'commander';
import { LedgerId } from '../../../bot/src/core/ledger/ledger-id';
import { listLedgers } from '../../../bot/src/storage/dynamodb/ledger-catalog';
import { LedgerCheck, rebuildLedger, verifyLedger } from '../../../bot/src/storage/dynamodb/maintenance/read-models';
import { action } from '../cli';
import { resolveLedgerRef } from '../ledger-ref';
import { OperationFailed, withTable, OpsContext } from '../ops-context';
import { Output } from '../output';

async function ledgersToWalk(ops: OpsContext, ref: string | undefined): Promise<LedgerId[]> {
  if (ref) return [await resolveLedgerRef(ref, ops.core)];
  const all: LedgerId[] = [];
  for await (const ledger of listLedgers(ops.table)) all.push(ledger);
  return all;
}

async function walk(out: Output, ops: OpsContext, ledgers: LedgerId[], label: string, each: (ledger: LedgerId) => Promise<LedgerCheck>) {
  const progress = out.progress(label, ledgers.length);
  const checks: LedgerCheck[] = [];
  const started = Date.now();
  for (const [i, ledger] of ledgers.entries()) {
    checks.push(await each(ledger));
    progress.tick(i + 1);
  }
  progress.stop();
  return { checks, seconds: (Date.now() - started) / 1000 };
}

export function registerProjectionCommands(program: Command): void {
  const projections = program.command('projections').description('the read models, recomputed from the events');
  projections.command('verify').description('recompute every read model from the events and report each difference (exit 1 on drift)')
    .option('--ledger <ref>', 'one ledger (id or identity)')
    .action(action(program, async (out, options: { ledger?: string }) => {
      await withTable(program.opts(), async (ops) => {
        const { checks } = await walk(out, ops, await ledgersToWalk(ops, options.ledger), 'verify', (l) => verifyLedger(ops.table, l));
        const drift = checks.flatMap((c) => c.drift.map((d) => ({ ledger: c.ledger, item: d.key, problem: d.kind })));
        if (out.json) out.result({ ledgers: checks.length, events: checks.reduce((n, c) => n + c.events, 0), drift });
        else {
          out.line(`${checks.length} ledgers, ${checks.reduce((n, c) => n + c.events, 0)} events: ${drift.length === 0 ? 'read models agree with the events' : `${drift.length} differences`}`);
          if (drift.length) out.rows(drift);
        }
        if (drift.length) throw new OperationFailed('read models differ from the events: run `ops projections rebuild`');
      });
    }));
  projections.command('rebuild').description('rewrite every read model from the events (stop writers first, or run it again if a ledger moved)')
    .option('--ledger <ref>', 'one ledger (id or identity)')
    .option('--dry-run', 'count what would change, write nothing')
    .action(action(program, async (out, options: { ledger?: string; dryRun?: boolean }) => {
      await withTable(program.opts(), async (ops) => {
        const { checks, seconds } = await walk(out, ops, await ledgersToWalk(ops, options.ledger), options.dryRun ? 'dry run' : 'rebuild',
          (l) => rebuildLedger(ops.table, l, { dryRun: Boolean(options.dryRun) }));
        const events = checks.reduce((n, c) => n + c.events, 0);
        out.result({
          ledgers: checks.length, events, fixed: checks.reduce((n, c) => n + c.drift.length, 0), dryRun: Boolean(options.dryRun),
          seconds: Number(seconds.toFixed(2)), eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : events,
        });
      });
    }));
}
