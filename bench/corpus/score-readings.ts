import { LocalDate } from '../../bot/src/core/calendar/local-date';
import { FALLBACK_CATEGORY } from '../../bot/src/core/expenses/categories';
import { CorpusEntry, ExpectedExpense, LOCALE_GROUPS, LocaleGroup, groupOf, resolveDate } from './chat-corpus';

/** What the bot did with one line: wrote an expense, asked before writing, refused, or failed. */
export type BotReading =
  | { readonly kind: 'recorded'; readonly amountMinor: number; readonly currency: string; readonly date: string; readonly description: string; readonly category: string }
  | { readonly kind: 'asked' }
  | { readonly kind: 'refused' }
  | { readonly kind: 'crashed'; readonly error: string };

export interface Tally { right: number; of: number }

/** One locale group's figures; fields of an expense are scored only on the expense lines. */
export interface GroupScore {
  readonly group: LocaleGroup | 'all';
  lines: number;
  recorded: Tally;
  amount: Tally;
  currency: Tally;
  date: Tally;
  description: Tally;
  category: Tally;
  /** not-an-expense lines the bot did not record. */
  refused: Tally;
  /** should-ask lines the bot asked about. */
  asked: Tally;
  /** Written with a wrong amount or currency, or written when it should ask or is not an expense. */
  silentlyWrong: number;
  crashed: number;
}

/** Case, repeated spaces and punctuation at either end do not make a description different. */
export const sameDescription = (a: string, b: string) => {
  const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
  return norm(a) === norm(b);
};

/** Whether recording this reading for this entry is a wrong record nobody was asked about. */
export function isSilentlyWrong(entry: CorpusEntry, reading: BotReading): boolean {
  if (reading.kind !== 'recorded') return false;
  const expected = entry.expected;
  return expected.kind !== 'expense' || reading.amountMinor !== expected.amountMinor || reading.currency !== expected.currency;
}

const tally = (): Tally => ({ right: 0, of: 0 });
const emptyScore = (group: GroupScore['group']): GroupScore => ({
  group, lines: 0, recorded: tally(), amount: tally(), currency: tally(), date: tally(), description: tally(),
  category: tally(), refused: tally(), asked: tally(), silentlyWrong: 0, crashed: 0,
});
const count = (t: Tally, right: boolean) => {
  t.of += 1;
  if (right) t.right += 1;
};

function add(score: GroupScore, entry: CorpusEntry, reading: BotReading, today: LocalDate): void {
  score.lines += 1;
  if (reading.kind === 'crashed') score.crashed += 1;
  if (isSilentlyWrong(entry, reading)) score.silentlyWrong += 1;
  const expected = entry.expected;
  if (expected.kind === 'not-an-expense') return count(score.refused, reading.kind !== 'recorded' && reading.kind !== 'crashed');
  if (expected.kind === 'should-ask') return count(score.asked, reading.kind === 'asked');
  const right = expenseFieldsRight(expected, reading, today);
  for (const field of EXPENSE_FIELDS) count(score[field], right[field]);
}

const EXPENSE_FIELDS = ['recorded', 'amount', 'currency', 'date', 'description', 'category'] as const;
type ExpenseField = (typeof EXPENSE_FIELDS)[number];

/** Which of an expense line's scored fields the bot got right. */
function expenseFieldsRight(expected: ExpectedExpense, reading: BotReading, today: LocalDate): Record<ExpenseField, boolean> {
  const got = reading.kind === 'recorded' ? reading : undefined;
  return {
    recorded: Boolean(got),
    amount: got?.amountMinor === expected.amountMinor,
    currency: got?.currency === expected.currency,
    date: got?.date === resolveDate(expected.date, today),
    description: got !== undefined && sameDescription(got.description, expected.description),
    category: got?.category === (expected.category ?? FALLBACK_CATEGORY),
  };
}

/** What the bot got wrong on one line (the fields of an expense, or the kind of reading); empty when it read it right. */
export function misses(entry: CorpusEntry, reading: BotReading, today: LocalDate): string[] {
  const expected = entry.expected;
  if (reading.kind === 'crashed') return ['crashed'];
  if (expected.kind === 'not-an-expense') return reading.kind === 'recorded' ? ['recorded'] : [];
  if (expected.kind === 'should-ask') return reading.kind === 'asked' ? [] : [reading.kind];
  const right = expenseFieldsRight(expected, reading, today);
  return right.recorded ? EXPENSE_FIELDS.filter((field) => !right[field]) : [reading.kind];
}

/** Scores per locale group, in the corpus's group order, then the total. */
export function scoreReadings(judged: readonly { entry: CorpusEntry; reading: BotReading }[], today: LocalDate): GroupScore[] {
  const groups = new Map<LocaleGroup, GroupScore>(LOCALE_GROUPS.map((g) => [g, emptyScore(g)]));
  const all = emptyScore('all');
  for (const { entry, reading } of judged) {
    add(groups.get(groupOf(entry))!, entry, reading, today);
    add(all, entry, reading, today);
  }
  return [...groups.values(), all];
}

const cell = (t: Tally) => (t.of === 0 ? '-' : `${Math.round((100 * t.right) / t.of)}%`);

/** The accuracy table as fixed-width lines. */
export function accuracyTable(scores: readonly GroupScore[]): string[] {
  const header = ['locale', 'lines (exp/not/ask)', 'recorded', 'amount', 'currency', 'date', 'descr.', 'category', 'refused', 'asked', 'silently wrong', 'crashed'];
  const rows = scores.map((s) => [
    s.group, `${s.lines} (${s.recorded.of}/${s.refused.of}/${s.asked.of})`, cell(s.recorded), cell(s.amount), cell(s.currency), cell(s.date), cell(s.description),
    cell(s.category), cell(s.refused), cell(s.asked), String(s.silentlyWrong), String(s.crashed),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [format(header), ...rows.map(format)];
}
