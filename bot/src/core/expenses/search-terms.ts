import { Expense } from '../ledger/expense';

/** Letters NFD does not take apart into a base letter and a mark. */
const FOLDED: Record<string, string> = { đ: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th' };
/** An expense is indexed under at most this many words (a very long note is not a paragraph to search). */
export const MAX_TERMS = 12;

/** Words as search compares them: lower case, accents off ("Phở Bò" and "pho bo" are the same words). */
export function searchWords(text: string): string[] {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đłøæœßıþ]/g, (c) => FOLDED[c] ?? c);
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0))];
}

/** The words an expense is found by: those of its description and of its category. */
export function expenseTerms(e: Pick<Expense, 'description' | 'category'>): string[] {
  return [...new Set([...searchWords(e.description), ...searchWords(e.category)])].slice(0, MAX_TERMS);
}
