import { Phrases, phrasesFor } from './phrases';
import { formatDate } from '../calendar/local-date';
import { actions } from '../conversation/actions';
import { Turn } from '../conversation/turn';
import { bold, item, Span } from '../conversation/formatted-text';
import { ChoiceRow } from '../conversation/reply';
import { Expense, formatRef } from '../ledger/expense';
import { MemberId } from '../ledger/ledger-id';
import { formatMoney } from '../money/money';

/** "#42 · $12.50 · food · lunch · Mon 4 Mar 2026", the amount in bold; in a group, who recorded it. */
export function expenseSpans(e: Expense, names?: ReadonlyMap<MemberId, string>): Span[] {
  const after = [e.category, e.description, formatDate(e.date)];
  if (names) after.push(`by ${names.get(e.recordedBy) ?? 'a former member'}`);
  if (e.receipt) after.push('🧾');
  return [{ text: `${formatRef(e.ref)} · ` }, bold(formatMoney(e.amount)), { text: ` · ${after.filter((p) => p !== '').join(' · ')}` }];
}

/** In a group, the acting person's name, for confirmations of what they recorded or changed. */
export function actorName(turn: Turn): ReadonlyMap<MemberId, string> | undefined {
  return turn.scope === 'group' ? new Map([[turn.member, turn.memberName]]) : undefined;
}

export const expenseBlock = (e: Expense, names?: ReadonlyMap<MemberId, string>) => item(...expenseSpans(e, names));

/** The plain text of an expense line. */
export function expenseLine(e: Expense): string {
  return expenseSpans(e).map((s) => s.text).join('');
}

export function expenseChoices(e: Expense, phrases: Phrases = phrasesFor(undefined)): ChoiceRow[] {
  return [[
    { label: phrases.undo, action: actions.undo(e.ref), style: 'danger' },
    { label: phrases.edit, action: actions.edit(e.ref) },
    { label: phrases.changeCategory, action: actions.changeCategory(e.ref) },
  ]];
}
