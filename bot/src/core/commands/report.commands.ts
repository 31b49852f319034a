import { dateInZone, formatDate } from '../calendar/local-date';
import { DEFAULT_CATEGORIES } from '../expenses/categories';
import { expensesCsv } from '../reports/expenses-csv';
import { parsePeriod } from '../reports/period';
import { spendingReportText } from '../reports/spending-report';
import { expenseLine } from '../presentation/expense-text';
import { isUserError, userError } from '../user-error';
import { Command } from './command';
import { CoreDeps } from '../core-deps';
import { InboundMessage } from '../conversation/inbound-message';

const MAX_LIST = 50;

async function todayAndSettings(message: InboundMessage, deps: CoreDeps) {
  const { head } = await deps.writer.load(message.ledger, {});
  return { state: head.state, today: dateInZone(deps.clock.now(), head.state.settings.timeZone) };
}

/** The period named in a command, read in the ledger's timezone. */
async function askedPeriod(periodText: string | undefined, message: InboundMessage, deps: CoreDeps) {
  const { today } = await todayAndSettings(message, deps);
  return parsePeriod(periodText, today);
}

export const listCommand: Command = {
  name: 'list',
  usage: 'list [n]',
  summary: `the latest expenses, newest first (10 unless you say, at most ${MAX_LIST})`,
  async run([countText], message, deps) {
    const count = countText === undefined ? 10 : Number(countText);
    if (!Number.isInteger(count) || count < 1 || count > MAX_LIST) {
      return userError('list.count', `Ask for between 1 and ${MAX_LIST} expenses.`, 'list 20');
    }
    const expenses = await deps.expenses.recent(message.ledger, count);
    if (expenses.length === 0) return [{ text: 'No expenses yet. Record one like this: 12.50 lunch #food' }];
    return [{ text: [`🧾 Latest ${expenses.length}:`, ...expenses.map(expenseLine)].join('\n') }];
  },
};

export const reportCommand: Command = {
  name: 'report',
  usage: 'report [week|month|year|YYYY-MM]',
  summary: 'totals per category and currency, beside the previous period',
  async run([periodText], message, deps) {
    const period = await askedPeriod(periodText, message, deps);
    if (isUserError(period)) return period;
    const [current, previous] = await Promise.all([
      deps.totals.totals(message.ledger, period.from, period.to),
      deps.totals.totals(message.ledger, period.previous.from, period.previous.to),
    ]);
    return [{ text: spendingReportText(period, current, previous) }];
  },
};

export const exportCommand: Command = {
  name: 'export',
  usage: 'export [week|month|year|YYYY-MM]',
  summary: 'a CSV file of the period’s expenses',
  async run([periodText], message, deps) {
    const period = await askedPeriod(periodText, message, deps);
    if (isUserError(period)) return { ...period, example: 'export 2026-03' };
    const expenses = await deps.expenses.between(message.ledger, period.from, period.to);
    const csv = expensesCsv(expenses);
    return [
      {
        text: `📎 ${expenses.length} expense${expenses.length === 1 ? '' : 's'} from ${formatDate(period.from)} to ${formatDate(period.to)}.`,
        file: { name: `spendwise-${period.from}-to-${period.to}.csv`, mimeType: 'text/csv', content: Buffer.from(csv, 'utf8') },
      },
    ];
  },
};

export const categoriesCommand: Command = {
  name: 'categories',
  usage: 'categories',
  summary: 'the categories you can use (any #word works)',
  async run(_args, message, deps) {
    const { state } = await todayAndSettings(message, deps);
    const used = state.categories;
    const suggested = DEFAULT_CATEGORIES.filter((c) => !used.includes(c));
    const lines = [
      used.length ? `Yours: ${used.join(', ')}` : 'You have not used any categories yet.',
      `Others: ${suggested.join(', ')}`,
      'Any #word is a category: 12.50 lunch #food',
    ];
    return [{ text: lines.join('\n') }];
  },
};

