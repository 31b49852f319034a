import type { types } from '@slack/bolt';
import { actions } from '../../core/conversation/actions';
import { budgetIcon } from '../../core/commands/budgets.command';
import { Dashboard } from '../../core/dashboard/dashboard';
import { formatMoney } from '../../core/money/money';
import { expenseLine } from '../../core/presentation/expense-text';
import { privateActionsBlockId } from './slack-render';

const BAR_CELLS = 10;
const MAX_CATEGORIES = 8;

/** "▓▓▓▓▓▓▓▓░░": the share of a whole, in ten cells (full past 100%). */
export function bar(part: number, whole: number): string {
  const filled = whole <= 0 ? 0 : Math.min(BAR_CELLS, Math.round((part * BAR_CELLS) / whole));
  return '▓'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** Slack takes at most 3,000 characters in one text object: lines go into as many sections as they need. */
const MAX_SECTION_TEXT = 2_500;
function sections(lines: readonly string[]): types.KnownBlock[] {
  const groups: string[][] = [[]];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > MAX_SECTION_TEXT && groups.at(-1)!.length > 0) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(line.slice(0, MAX_SECTION_TEXT));
    size += line.length + 1;
  }
  return groups.filter((g) => g.length > 0).map((g) => ({ type: 'section', text: plain(g.join('\n')) }));
}

/**
 * The App Home tab: this month's totals and categories (with the category chart of each currency,
 * given the Slack file ids it was uploaded as), budgets as bars, Report and Export, the
 * last ten expenses. Text people typed is plain_text, so nothing they wrote turns into formatting.
 */
export function toSlackHome(dashboard: Dashboard, chartFiles: ReadonlyMap<string, string> = new Map()): types.HomeView {
  const { month, budgets, recent } = dashboard;
  const blocks: types.KnownBlock[] = [{ type: 'header', text: plain(`📊 ${month.period.label}`) }];
  if (month.sections.length === 0) blocks.push({ type: 'section', text: plain('No expenses this month yet. Type one to the bot: 12.50 lunch #food') });
  for (const s of month.sections) {
    const money = (minor: number) => formatMoney({ minor, currency: s.currency });
    const change = s.changePercent === undefined ? '' : ` (${s.changePercent >= 0 ? '+' : ''}${s.changePercent}%)`;
    blocks.push({
      type: 'section',
      fields: [
        plain(`Spent in ${s.currency}: ${money(s.minor)}`),
        plain(`${month.period.previous.label}: ${money(s.previousMinor)}${change}`),
        plain(`${s.count} expense${s.count === 1 ? '' : 's'}`),
        plain(s.dailyAverageMinor === undefined ? ' ' : `Daily average: ${money(s.dailyAverageMinor)}`),
      ],
    });
    // The category chart, uploaded to Slack beforehand; the bars in text stay for clients without images.
    const chartFile = chartFiles.get(s.currency);
    if (chartFile) blocks.push({ type: 'image', slack_file: { id: chartFile }, alt_text: `Spending by category in ${s.currency}, ${month.period.label}` });
    const top = s.categories.slice(0, MAX_CATEGORIES);
    blocks.push(...sections(top.map((c) => `${bar(c.minor, s.minor)}  ${c.category}: ${money(c.minor)}`)));
  }
  if (budgets.length > 0) {
    blocks.push({ type: 'header', text: plain('🎯 Budgets') });
    blocks.push(...sections(budgets.map((b) => `${budgetIcon(b.percent)} ${bar(b.spent.minor, b.limit.minor)}  ${b.label}: ${formatMoney(b.spent)} of ${formatMoney(b.limit)} (${b.percent}%)`)));
  }
  blocks.push({
    type: 'actions',
    block_id: privateActionsBlockId('home'),
    elements: [
      { type: 'button', action_id: 'home-report', text: plain('Report'), value: actions.say('report'), style: 'primary' as const },
      { type: 'button', action_id: 'home-export', text: plain('Export CSV'), value: actions.say('export') },
      { type: 'button', action_id: 'home-budgets', text: plain('Budgets'), value: actions.say('budgets') },
    ],
  });
  blocks.push({ type: 'divider' }, { type: 'header', text: plain(`🧾 Last ${recent.length || ''}`.trim()) });
  const lines = recent.length ? recent.map(expenseLine) : ['Nothing recorded yet.'];
  blocks.push(...lines.map((text): types.KnownBlock => ({ type: 'section', text: plain(text) })));
  return { type: 'home', blocks };
}
