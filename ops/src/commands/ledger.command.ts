import { Command } from 'commander';
import { listLedgers } from '../../../bot/src/storage/dynamodb/ledger-catalog';
import { YearMonth } from '../../../bot/src/core/calendar/local-date';
import { receiptImagesFor } from '../../../bot/src/receipts/receipt-images-for';
import { forgetLedger } from '../../../bot/src/storage/dynamodb/maintenance/forget-ledger';
import { action } from '../cli';
import { isPersonIdentity, resolveLedgerRef } from '../ledger-ref';
import { forgetPerson } from '../../../bot/src/core/privacy/forget-person';
import { withTable, UsageError } from '../ops-context';

/** Every month a ledger can hold. */
const EVER = { from: '0000-01' as YearMonth, to: '9999-12' as YearMonth };

export function registerLedgerCommands(program: Command): void {
  const ledger = program.command('ledger').description('one ledger');
  ledger.command('forget').description('delete every item of one ledger: events, read models, directory entry, member links')
    .argument('<ref>', 'ledger id or identity')
    .option('--yes', 'really delete')
    .action(action(program, async (out, ref: string, options: { yes?: boolean }) => {
      if (!options.yes) throw new UsageError(`this deletes ${ref} for good; add --yes to do it`);
      await withTable(program.opts(), async (ops) => {
        const id = await resolveLedgerRef(ref, ops.core);
        const forgotten = await forgetLedger(ops.table, id);
        // The ledger's receipt images go too, drafts' and kept, from the bucket or the folder.
        const store = receiptImagesFor(ops.config);
        try {
          await store.images.removeLedger(id);
        } finally {
          store.close();
        }
        out.result({ ledger: id, ...forgotten, receiptImages: store.kind === 's3' ? 'deleted from the bucket' : 'deleted from the folder' });
      });
    }));

  program.command('user').description('one person').command('forget')
    .description('forget a person, as their own "forget me" does: their personal ledger and receipts deleted, their name and links gone from groups (entries stay as "a former member")')
    .argument('<identity>', 'local:<user>, slack:<team>:<user>, telegram:<user id>')
    .option('--yes', 'really delete')
    .action(action(program, async (out, identity: string, options: { yes?: boolean }) => {
      if (!isPersonIdentity(identity)) throw new UsageError(`"${identity}" is not a person's identity: local:<user>, slack:<team>:<user> or telegram:<user id>`);
      if (!options.yes) throw new UsageError(`this forgets ${identity} for good; add --yes to do it`);
      await withTable(program.opts(), async (ops) => {
        const store = receiptImagesFor(ops.config);
        try {
          out.result({ identity, ...(await forgetPerson(identity, ops.core.personalData, store.images)) });
        } finally {
          store.close();
        }
      });
    }));

  program.command('stats').description('ledgers, events, and expenses per month')
    .action(action(program, async (out) => {
      await withTable(program.opts(), async (ops) => {
        let ledgers = 0;
        let events = 0;
        const months = new Map<string, number>();
        const progress = out.progress('ledgers');
        for await (const id of listLedgers(ops.table)) {
          ledgers += 1;
          events += (await ops.core.writer.load(id, {})).head.version;
          for (const summary of await ops.core.totals.months(id, EVER.from, EVER.to)) {
            const count = summary.categories.reduce((n, t) => n + t.count, 0);
            months.set(summary.month, (months.get(summary.month) ?? 0) + count);
          }
          progress.tick(ledgers, ledgers);
        }
        progress.stop();
        const perMonth = [...months].filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)).map(([month, expenses]) => ({ month, expenses }));
        if (out.json) out.result({ ledgers, events, perMonth });
        else {
          out.line(`${ledgers} ledgers, ${events} events`);
          out.rows(perMonth);
        }
      });
    }));
}
