import { Command } from 'commander';
import { addDays, dateInZone } from '../../../bot/src/core/calendar/local-date';
import { recordExpense } from '../../../bot/src/core/commands/record-expense';
import { budgetCommand } from '../../../bot/src/core/commands/budget.command';
import { Turn } from '../../../bot/src/core/conversation/turn';
import { OPERATOR_MEMBER } from '../../../bot/src/core/imports/import-expenses';
import { isUserError } from '../../../bot/src/core/user-error';
import { action } from '../cli';
import { resolveLedgerRef } from '../ledger-ref';
import { withTable, UsageError } from '../ops-context';

/** Everyday spending, with how often it happens in a month and its usual range. */
const HABITS: { text: string; perMonth: number; from: number; to: number; currency?: string }[] = [
  { text: 'coffee #food', perMonth: 14, from: 2.8, to: 4.9 },
  { text: 'lunch #food', perMonth: 10, from: 8, to: 16 },
  { text: 'groceries at Lidl #groceries', perMonth: 5, from: 25, to: 90 },
  { text: 'taxi #transport', perMonth: 3, from: 9, to: 28 },
  { text: 'metro card #transport', perMonth: 1, from: 40, to: 40 },
  { text: 'cinema #entertainment', perMonth: 1.5, from: 11, to: 24 },
  { text: 'pharmacy #health', perMonth: 1, from: 6, to: 35 },
  { text: 'rent #housing', perMonth: 1, from: 950, to: 950 },
  { text: 'electricity #utilities', perMonth: 1, from: 48, to: 75 },
  { text: 'book #shopping', perMonth: 1, from: 9, to: 30 },
  { text: 'dinner in Lisbon #travel', perMonth: 0.5, from: 20, to: 60, currency: 'EUR' },
];

/** A repeatable sequence, so two seeds of the same ledger look alike. */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

export function registerDemoCommands(program: Command): void {
  program.command('demo').description('demo data').command('seed').description('realistic spending, categories, currencies and budgets for trying reports')
    .requiredOption('--ledger <ref>', 'ledger id or identity (it must have talked to the bot once)')
    .option('--months <n>', 'months of history', '3')
    .action(action(program, async (out, options: { ledger: string; months: string }) => {
      const months = Number(options.months);
      if (!Number.isInteger(months) || months < 1 || months > 24) throw new UsageError('--months is a whole number from 1 to 24');
      await withTable(program.opts(), async (ops) => {
        const ledger = await resolveLedgerRef(options.ledger, ops.core);
        const { head } = await ops.core.writer.load(ledger, {});
        const turn: Turn = {
          ledger, scope: head.state.scope, member: OPERATOR_MEMBER, memberName: 'demo',
          message: { sender: { platform: 'local', userId: 'ops', displayName: 'demo' }, conversation: { id: 'ops', kind: 'private' }, content: { kind: 'text', text: '' }, hints: {}, idempotencyKey: 'demo', receivedAt: new Date() },
        };
        const today = dateInZone(new Date(), head.state.settings.timeZone);
        const next = random(ledger.split('').reduce((h, c) => h * 31 + c.charCodeAt(0), 7) % 2 ** 31);
        const lines: string[] = [];
        for (const habit of HABITS) {
          const count = Math.round(habit.perMonth * months * (0.8 + next() * 0.4));
          for (let i = 0; i < count; i += 1) {
            const amount = (habit.from + (habit.to - habit.from) * next()).toFixed(2);
            const date = addDays(today, -Math.floor(next() * months * 30));
            lines.push(`${amount}${habit.currency ? ` ${habit.currency}` : ''} ${habit.text} ${date}`);
          }
        }
        const progress = out.progress('seed', lines.length);
        let recorded = 0;
        for (const [i, text] of lines.entries()) {
          const result = await recordExpense(text, { ...turn, message: { ...turn.message, idempotencyKey: `demo/${ledger}/${months}/${i}` } }, ops.core);
          if (!isUserError(result)) recorded += 1;
          progress.tick(i + 1);
        }
        for (const args of [['food', '400'], ['total', '2000']]) await budgetCommand.run(args, { ...turn, message: { ...turn.message, idempotencyKey: `demo/${ledger}/budget/${args[0]}` } }, ops.core);
        progress.stop();
        out.result({ ledger, expenses: recorded, months, budgets: 'food 400, total 2000' });
      });
    }));
}
