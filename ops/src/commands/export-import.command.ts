import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { LocalDate, parseIsoDate } from '../../../bot/src/core/calendar/local-date';
import { readExpenseRows } from '../../../bot/src/core/imports/expense-rows';
import { importExpenses } from '../../../bot/src/core/imports/import-expenses';
import { expensesCsv } from '../../../bot/src/core/reports/expenses-csv';
import { action } from '../cli';
import { resolveLedgerRef } from '../ledger-ref';
import { OperationFailed, withTable, UsageError } from '../ops-context';

const date = (text: string | undefined, fallback: string): LocalDate => {
  const parsed = parseIsoDate(text ?? fallback);
  if (!parsed) throw new UsageError(`"${text}" is not a date (YYYY-MM-DD)`);
  return parsed;
};

export function registerExportImportCommands(program: Command): void {
  program.command('export').description('a ledger’s expenses, as the chat export’s CSV or as JSON')
    .requiredOption('--ledger <ref>', 'ledger id or identity')
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(action(program, async (out, options: { ledger: string; from?: string; to?: string; format: string; out?: string }) => {
      if (!['csv', 'json'].includes(options.format)) throw new UsageError('--format is csv or json');
      const from = date(options.from, '1900-01-01');
      const to = date(options.to, '2999-12-31');
      await withTable(program.opts(), async (ops) => {
        const ledger = await resolveLedgerRef(options.ledger, ops.core);
        const expenses = await ops.core.expenses.between(ledger, from, to);
        const content = options.format === 'csv' ? expensesCsv(expenses) : `${JSON.stringify(expenses, null, 2)}\n`;
        if (options.out) {
          writeFileSync(options.out, content);
          out.result({ ledger, expenses: expenses.length, file: options.out });
        } else process.stdout.write(content);
      });
    }));
  program.command('import').description('the export format back into a ledger: every row checked first; the same file twice adds nothing')
    .requiredOption('--ledger <ref>', 'ledger id or identity')
    .option('--skip-invalid', 'import the valid rows even if some are not')
    .argument('<file>', 'a CSV written by export')
    .action(action(program, async (out, file: string, options: { ledger: string; skipInvalid?: boolean }) => {
      const content = readFileSync(file, 'utf8');
      const { rows, problems } = readExpenseRows(content);
      if (problems.length > 0 && !options.skipInvalid) {
        out.rows(problems.map((p) => ({ line: p.line, problem: p.problem })));
        throw new OperationFailed(`${problems.length} invalid row${problems.length === 1 ? '' : 's'}: nothing was imported (fix them, or add --skip-invalid)`);
      }
      await withTable(program.opts(), async (ops) => {
        const ledger = await resolveLedgerRef(options.ledger, ops.core);
        const progress = out.progress('import', rows.length);
        const result = await importExpenses(ledger, rows, ops.core, (done) => progress.tick(done));
        progress.stop();
        out.result({ ledger, imported: result.recorded, alreadyImported: result.alreadyThere, skippedInvalid: problems.length });
      });
    }));
}
