import { addMonths, formatYearMonth, YearMonth, yearMonthOf } from '../calendar/local-date';
import { chartReplies } from '../charts/chart-replies';
import { Chart } from '../charts/chart';
import { bold, item, line, TextBlock } from '../conversation/formatted-text';
import { textReply } from '../conversation/reply';
import { toCategory } from '../expenses/categories';
import { CurrencyCode } from '../money/currencies';
import { formatMoney } from '../money/money';
import { isUserError, userError } from '../user-error';
import { Command } from './command';
import { ledgerName } from '../conversation/turn';
import { todayAndSettings } from './report.commands';

const USAGE = 'chart <category|total> [months]';
const DEFAULT_MONTHS = 12;
const MAX_MONTHS = 36;

/** What `chart` was asked for: a category or everything, over how many months up to this one. */
function parseChartArgs(args: readonly string[]) {
  const [what = 'total', monthsText, ...extra] = args;
  const example = 'chart food 6';
  if (extra.length > 0) return userError('chart.usage', `Tell me a category (or "total") and how many months: ${USAGE}.`, example);
  const months = monthsText === undefined ? DEFAULT_MONTHS : Number(monthsText);
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) return userError('chart.months', `Ask for between 1 and ${MAX_MONTHS} months.`, example);
  if (what.toLowerCase() === 'total') return { months, category: undefined };
  const category = toCategory(what.replace(/^#/, ''));
  return category ? { months, category } : userError('category.invalid', `"${what}" is not a category I can use.`, example);
}

export const chartCommand: Command = {
  name: 'chart',
  usage: USAGE,
  summary: `monthly totals as a trend (${DEFAULT_MONTHS} months unless you say, at most ${MAX_MONTHS})`,
  async run(args, turn, deps) {
    const asked = parseChartArgs(args);
    if (isUserError(asked)) return asked;
    const { state, today } = await todayAndSettings(turn, deps);
    const last = yearMonthOf(today);
    const first = addMonths(last, -(asked.months - 1));
    const months = Array.from({ length: asked.months }, (_, i) => addMonths(first, i));
    const label = asked.category ?? 'all spending';
    const totals = (await deps.totals.monthly(turn.ledger, first, last)).filter((t) => !asked.category || t.category === asked.category);
    if (totals.length === 0) return [textReply(`📈 Nothing spent on ${label} from ${formatYearMonth(first)} to ${formatYearMonth(last)}.`)];

    const currencies = [...new Set(totals.map((t) => t.currency))].sort();
    const trends = currencies.map((currency) => ({
      currency,
      columns: months.map((month) => ({ label: month, minor: totals.filter((t) => t.month === month && t.currency === currency).reduce((s, t) => s + t.minor, 0) })),
    }));
    const text: TextBlock[] = [line('📈 ', bold(label), `, month by month from ${formatYearMonth(first)} to ${formatYearMonth(last)}`)];
    for (const { currency, columns } of trends) text.push(...trendText(currency, columns));
    const charts = trends.map(({ currency, columns }): Chart => ({
      title: `${label}, month by month · ${ledgerName(turn)}`,
      subtitle: `${currency} · ${formatYearMonth(first)} to ${formatYearMonth(last)}`,
      currency,
      locale: state.settings.locale ?? 'en-US',
      panels: [{ kind: 'columns', title: `Last ${asked.months} month${asked.months === 1 ? '' : 's'}`, columns }],
    }));
    const images = await chartReplies(deps, charts.map((chart) => ({
      chart,
      caption: `📈 ${chart.currency}: ${label}, month by month`,
      fileName: `spendwise-trend-${asked.category ?? 'total'}-${first}-to-${last}-${chart.currency}.png`,
    })));
    return [{ text }, ...images];
  },
};

function trendText(currency: CurrencyCode, columns: readonly { label: YearMonth; minor: number }[]): TextBlock[] {
  const money = (minor: number) => formatMoney({ minor, currency });
  const sum = columns.reduce((s, c) => s + c.minor, 0);
  return [
    line(''),
    line(bold(currency), `: ${money(sum)} in all, ${money(Math.round(sum / columns.length))} a month on average`),
    ...columns.map((c) => item(`${c.label}: ${money(c.minor)}`)),
  ];
}
