import { bold, line, TextBlock } from '../conversation/formatted-text';
import { textReply } from '../conversation/reply';
import { searchWords } from '../expenses/search-terms';
import { Expense } from '../ledger/expense';
import { CurrencyCode } from '../money/currencies';
import { formatMoney } from '../money/money';
import { SearchHit } from '../ports/ledger-store.port';
import { expenseBlock } from '../presentation/expense-text';
import { parsePeriodWords, ReportPeriod } from '../reports/period';
import { isUserError, userError } from '../user-error';
import { Command } from './command';
import { todayAndSettings } from './report.commands';

const USAGE = 'search <words> [period]';
/** Expenses listed in the answer; the count and totals cover every match. */
const SHOWN = 15;
/** Matches counted per word before the answer says it counted only the newest. */
const MAX_MATCHES = 2_000;
const MAX_WORDS = 5;

export const searchCommand: Command = {
  name: 'search',
  aliases: ['find'],
  usage: USAGE,
  summary: 'expenses whose description or category holds the words (any case or accents), newest first, with their total',
  async run(args, turn, deps) {
    const { today, state } = await todayAndSettings(turn, deps);
    // A period at the end (a word, or two dates) narrows the search; otherwise every word is searched for.
    const range = args.length > 2 ? parsePeriodWords(args.slice(-2), today, state.settings.weekStart) : undefined;
    const last = args.length > 1 ? parsePeriodWords(args.slice(-1), today, state.settings.weekStart) : undefined;
    const [period, periodWords]: [ReportPeriod | undefined, number] =
      range && !isUserError(range) ? [range, 2] : last && !isUserError(last) ? [last, 1] : [undefined, 0];
    const text = args.slice(0, args.length - periodWords).join(' ');
    const words = searchWords(text);
    if (words.length === 0) return userError('search.words', `Tell me what to look for: ${USAGE}.`, 'search coffee month');
    if (words.length > MAX_WORDS) return userError('search.words', `Look for at most ${MAX_WORDS} words at once.`, 'search pho bo');

    const { hits, truncated } = await deps.expenses.search(turn.ledger, words, period ? { from: period.from, to: period.to } : {}, MAX_MATCHES);
    const where = period ? ` in ${period.label}` : '';
    if (hits.length === 0) return [textReply(`🔎 Nothing matches "${text}"${where}.`)];

    const shown = (await Promise.all(hits.slice(0, SHOWN).map((h) => deps.expenses.expense(turn.ledger, h.ref)))).filter((e): e is Expense => e !== undefined);
    const names = turn.scope === 'group' ? await deps.directory.memberNames(turn.ledger) : undefined;
    const blocks: TextBlock[] = [
      line('🔎 ', bold(`${hits.length}${truncated ? '+' : ''} expense${hits.length === 1 ? '' : 's'}`), ` match "${text}"${where}: ${totalsText(hits)}`),
      ...shown.map((e) => expenseBlock(e, names)),
    ];
    if (hits.length > shown.length) blocks.push(line(`… and ${hits.length - shown.length} older.`));
    if (truncated) blocks.push(line(`Counted the newest ${MAX_MATCHES}: name a period to count them all (${USAGE}).`));
    return [textReply(blocks)];
  },
};

/** "$12.50 + €3.00": one total per currency, never converted. */
function totalsText(hits: readonly SearchHit[]): string {
  const sums = new Map<CurrencyCode, number>();
  for (const h of hits) sums.set(h.currency, (sums.get(h.currency) ?? 0) + h.minor);
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => formatMoney({ minor, currency })).join(' + ');
}
