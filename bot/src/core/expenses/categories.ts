import { foldedWords, languageOf } from '../grammar/fold-text';
import { EVERYWHERE, KEYWORD_CATEGORIES, KeywordList, NOT_A_CATEGORY, ONLY_IN, WEAK } from './category-keywords';

/** Categories are lower-case words; "#Food" and "food" are the same category. */
export type Category = string & { readonly __brand: 'Category' };

export const FALLBACK_CATEGORY = 'other' as Category;

/** Letters (with their marks), digits and emoji, in any script: #food, #продукты, #🍕. At most 32 code points. */
const CATEGORY_CHAR = String.raw`\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f`;
const CATEGORY_PATTERN = new RegExp(`^[${CATEGORY_CHAR}][${CATEGORY_CHAR}_-]{0,31}$`, 'u');

export function toCategory(input: string): Category | undefined {
  const name = input.replace(/^#/, '').toLowerCase();
  return CATEGORY_PATTERN.test(name) ? (name as Category) : undefined;
}

export const DEFAULT_CATEGORIES = [...KEYWORD_CATEGORIES, FALLBACK_CATEGORY] as Category[];

interface Keyword {
  readonly category: Category | undefined;
  readonly weak: boolean;
}

/** One language's lookup: folded phrase → category (undefined: a phrase that is no category), and the longest phrase's length. */
interface KeywordLookup {
  readonly phrases: ReadonlyMap<string, Keyword>;
  readonly longest: number;
}

function lookupFor(lists: readonly KeywordList[]): KeywordLookup {
  const phrases = new Map<string, Keyword>();
  const add = (list: KeywordList, weak: boolean) => {
    for (const [category, words] of Object.entries(list)) {
      for (const word of words ?? []) phrases.set(word, { category: category as Category, weak });
    }
  };
  for (const list of lists) add(list, false);
  add(WEAK, true);
  for (const phrase of NOT_A_CATEGORY) phrases.set(phrase, { category: undefined, weak: false });
  return { phrases, longest: Math.max(...[...phrases.keys()].map((p) => p.split(' ').length)) };
}

const lookups = new Map<string, KeywordLookup>();
function lookupOf(language: string): KeywordLookup {
  let lookup = lookups.get(language);
  if (!lookup) {
    lookup = lookupFor([EVERYWHERE, ONLY_IN[language] ?? {}]);
    lookups.set(language, lookup);
  }
  return lookup;
}

/** "coffees", "pizzas", "cafés", "lunches": a Latin-script plural read as its singular when only that is a keyword. */
const singulars = (word: string): string[] => {
  if (!/^[a-z'-]{3,}s$/.test(word)) return [];
  return /(?:ch|sh|s|x)es$/.test(word) ? [word.slice(0, -1), word.slice(0, -2)] : [word.slice(0, -1)];
};

/**
 * The default category a description's words name ("bún chả" → food, "tiền điện" → utilities, "Miete" →
 * housing), or undefined. Whole words and phrases, case and accents ignored; the first keyword in reading
 * order wins, the longest phrase at each word. Words that mean something else in another language count
 * only in a ledger of their own language (category-keywords.ts); without a locale, English.
 */
export function categoryFromKeywords(description: string, locale?: string): Category | undefined {
  const { phrases, longest } = lookupOf(languageOf(locale) ?? 'en');
  const words = foldedWords(description);
  let weak: Category | undefined;
  for (let i = 0; i < words.length; i += 1) {
    const found = keywordAt(words, i, phrases, longest);
    if (!found) continue;
    i += found.length - 1;
    if (!found.keyword.category) continue;
    if (!found.keyword.weak) return found.keyword.category;
    weak ??= found.keyword.category;
  }
  return weak;
}

function keywordAt(words: readonly string[], index: number, phrases: ReadonlyMap<string, Keyword>, longest: number) {
  for (let length = Math.min(longest, words.length - index); length >= 1; length -= 1) {
    const phrase = words.slice(index, index + length).join(' ');
    const keyword = phrases.get(phrase) ?? (length === 1 ? singulars(phrase).map((w) => phrases.get(w)).find(Boolean) : undefined);
    if (keyword) return { keyword, length };
  }
  return undefined;
}

/** The key under which a ledger remembers the category it used for a description ("Lunch  " → "lunch"). */
export function descriptionKey(description: string): string | undefined {
  const key = description.toLowerCase().replace(/\s+/g, ' ').trim();
  return key === '' ? undefined : key.slice(0, 100);
}
