import { exportAll } from '../privacy/export-all';
import { dateInZone, formatDate } from '../calendar/local-date';
import { CoreDeps } from '../core-deps';
import { bold, formatted, line } from '../conversation/formatted-text';
import { fileFromBytes, textReply } from '../conversation/reply';
import { ledgerName, Turn } from '../conversation/turn';
import { DEFAULT_CATEGORIES } from '../expenses/categories';
import { expensesCsv } from '../reports/expenses-csv';
import { parsePeriodWords, wholeMonth } from '../reports/period';
import { buildSpendingReport, spendingReportText } from '../reports/spending-report';
import { reportChartReplies } from '../reports/report-chart-replies';
import { gatherInsights, looksForUnusual } from '../reports/gather-insights';
import { readReportTotals } from '../reports/report-totals';
import { insightsText } from '../reports/insights';
import { expenseBlock } from '../presentation/expense-text';
import { isUserError, userError } from '../user-error';
import { Command } from './command';

const MAX_LIST = 50;

export async function todayAndSettings(turn: Turn, deps: CoreDeps) {
  const { head } = await deps.writer.load(turn.ledger, {});
  return { state: head.state, today: dateInZone(deps.clock.now(), head.state.settings.timeZone) };
}

/** The period named by a command's words, read in the ledger's timezone and its first day of the week. */
async function askedPeriod(words: readonly string[], turn: Turn, deps: CoreDeps) {
  const { today, state } = await todayAndSettings(turn, deps);
  return parsePeriodWords(words, today, state.settings.weekStart);
}

export const listCommand: Command = {
  name: 'list',
  usage: 'list [n]',
  summary: `the latest expenses, newest first (10 unless you say, at most ${MAX_LIST})`,
  async run([countText], turn, deps) {
    const count = countText === undefined ? 10 : Number(countText);
    if (!Number.isInteger(count) || count < 1 || count > MAX_LIST) {
      return userError('list.count', `Ask for between 1 and ${MAX_LIST} expenses.`, 'list 20');
    }
    const expenses = await deps.expenses.recent(turn.ledger, count);
    if (expenses.length === 0) return [textReply('No expenses yet. Record one like this: 12.50 lunch #food')];
    const names = turn.scope === 'group' ? await deps.directory.memberNames(turn.ledger) : undefined;
    return [textReply([line(bold(`🧾 Latest ${expenses.length}:`)), ...expenses.map((e) => expenseBlock(e, names))])];
  },
};

export const reportCommand: Command = {
  name: 'report',
  usage: 'report [week|month|year|YYYY-MM|YYYY|<from> <to>]',
  summary: 'totals per category and currency, beside the previous period',
  async run(args, turn, deps) {
    const { state, today } = await todayAndSettings(turn, deps);
    const period = parsePeriodWords(args, today, state.settings.weekStart);
    if (isUserError(period)) return period;
    const budgets = Object.values(state.budgets);
    // One read of month summaries for a month or a year: the totals, the days to draw, what is usual.
    const { current, previous, daily, history } = await readReportTotals(deps.totals, turn.ledger, period, { daily: Boolean(deps.charts) && wholeMonth(period), history: looksForUnusual(period) });
    const report = buildSpendingReport(period, current, previous);
    const [insights, images] = await Promise.all([
      report.sections.length > 0 ? gatherInsights(deps, turn.ledger, period, { current, previous, ...(history ? { history } : {}) }, budgets) : undefined,
      reportChartReplies(deps, turn.ledger, report, { ledgerName: ledgerName(turn), locale: state.settings.locale ?? 'en-US', budgets, ...(daily ? { daily } : {}) }),
    ]);
    const text = [...spendingReportText(report), ...(insights ? insightsText(insights, period.previous.label) : [])];
    return [{ text, data: { kind: 'report', report } }, ...images];
  },
};

export const exportCommand: Command = {
  name: 'export',
  usage: 'export [week|month|year|YYYY-MM|YYYY|<from> <to>|all]',
  summary: 'a CSV file of the period’s expenses; `all`: everything I hold about you, as a zip',
  async run(args, turn, deps) {
    if (args.length === 1 && args[0]!.toLowerCase() === 'all') return exportAll(turn, deps);
    const period = await askedPeriod(args, turn, deps);
    if (isUserError(period)) return { ...period, example: 'export 2026-03' };
    const expenses = await deps.expenses.between(turn.ledger, period.from, period.to);
    const csv = expensesCsv(expenses);
    return [{
      text: formatted(`📎 ${expenses.length} expense${expenses.length === 1 ? '' : 's'} from ${formatDate(period.from)} to ${formatDate(period.to)}.`),
      file: fileFromBytes(`spendwise-${period.from}-to-${period.to}.csv`, 'text/csv', Buffer.from(csv, 'utf8')),
    }];
  },
};

export const categoriesCommand: Command = {
  name: 'categories',
  usage: 'categories',
  summary: 'the categories you can use (any #word works)',
  async run(_args, turn, deps) {
    const { state } = await todayAndSettings(turn, deps);
    const used = state.categories;
    const suggested = DEFAULT_CATEGORIES.filter((c) => !used.includes(c));
    return [textReply(formatted(
      used.length ? line(bold('Yours: '), used.join(', ')) : 'You have not used any categories yet.',
      line(bold('Others: '), suggested.join(', ')),
      'Any #word is a category: 12.50 lunch #food',
    ))];
  },
};
