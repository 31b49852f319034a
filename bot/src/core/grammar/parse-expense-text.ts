import { addDays, LocalDate } from '../calendar/local-date';
import { Category, toCategory } from '../expenses/categories';
import { CURRENCY_SYMBOLS, CurrencyCode } from '../money/currencies';
import { formatMoney, Money } from '../money/money';
import { parseAmountNumber } from '../money/parse-amount';
import { isUserError, userError, UserError } from '../user-error';
import {
  CONJUNCTIONS, COUNT_WORDS, currencyOfWord, LINKING_WORDS, GLUED_CURRENCY_MARKS, GLUED_MULTIPLIERS, multiplierOf, PRICE_WORDS, TIME_AFTER, TIME_BEFORE,
} from './amount-words';
import { DateAt, dateAt, DateOrder, looksLikeDate } from './parse-date-word';
import { plausibleRange } from './plausible-amounts';

export const MAX_MESSAGE_LENGTH = 500;
export const ADD_EXAMPLE = '12.50 lunch #food';

export interface ExpenseText {
  readonly amount: Money;
  readonly date: LocalDate;
  /** Present only when the text named one with "#tag". */
  readonly category?: Category;
  readonly description: string;
}

export interface GrammarContext {
  readonly ledgerCurrency: CurrencyCode;
  readonly today: LocalDate;
  readonly dateOrder: DateOrder;
  /** The ledger's language decides words that are dates in one language only ("hier"). */
  readonly locale?: string;
}

/** Why a reading is confirmed before it is recorded. */
export type Doubt =
  /** "I have 2 meetings today": the number counts something. */
  | 'count'
  /** ₫2, ¥0.5, a million dollars for a coffee: far outside what this currency's expenses are. */
  | 'implausible'
  /** More than a year ago, or more than a month ahead. */
  | 'farDate';

/**
 * What one line of chat says: an expense (to confirm first when in doubt), several readings to
 * choose from, not an expense at all, or a mistake to point out.
 */
export type LineReading =
  | { readonly kind: 'expense'; readonly expense: ExpenseText; readonly doubt?: Doubt }
  | { readonly kind: 'choose'; readonly options: readonly ExpenseText[]; readonly twoExpenses: boolean }
  | { readonly kind: 'notExpense' }
  | UserError;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MARKS = [...CURRENCY_SYMBOLS, ...GLUED_CURRENCY_MARKS].sort((a, b) => b.length - a.length).map(escape).join('|');
const MULTS = Object.keys(GLUED_MULTIPLIERS).sort((a, b) => b.length - a.length).join('|');
const NUMBER = String.raw`\d[\d.,']*\d|\d`;
/**
 * One token with an amount: a mark before ("$", "RM", "đ"), a sign, the number, "100." or "12,-",
 * a glued multiplier ("50k", "8tr"), a mark or code after ("120.000đ", "5eur"), and "5€50".
 */
const AMOUNT = new RegExp(
  `^(?<pre>${MARKS})?(?<sign>[-−])?(?<num>${NUMBER})(?<tail>\\.-|\\.|,-)?(?<mult>${MULTS})?(?<post>${MARKS}|[a-z]{3})?(?<cents>\\d{2})?$`,
  'iu',
);
/** "1tr2", "2tr5", "1k2": a multiplier between the whole part and the next digits (1.2 million). */
const MULTIPLIER_INSIDE = new RegExp(`^(?<whole>\\d{1,3})(?<mult>${MULTS})(?<part>\\d{1,3})$`, 'iu');
/** "5.50Coffee": a number glued to a word (that is not a currency or multiplier). */
const GLUED_WORD = /^(\d+[.,]\d{1,2})(\p{L}{4,})$/u;
/** A group of three digits written apart: "1 900 RSD", "3 400 ₽", "1 250,50". */
const DIGIT_GROUP = new RegExp(`^(?<digits>\\d{3})(?<decimals>[.,]\\d{1,2})?(?<post>${MARKS})?$`, 'iu');

interface Candidate {
  start: number;
  end: number;
  body: string;
  multiplier: number;
  currency?: CurrencyCode;
  negative: boolean;
  /** Marked as money: a currency, a multiplier, decimals or digit groups. */
  strong: boolean;
  /** The word glued to it ("5.50Coffee"), which belongs to the description. */
  gluedWord?: string;
}

/** "12.50 lunch", "$5 coffee", "50k pho": the line opens with its amount, as a quick add does. */
export function startsWithAmount(text: string): boolean {
  const [first = ''] = text.trim().split(/\s+/u);
  return (AMOUNT.test(first) || GLUED_WORD.test(first) || MULTIPLIER_INSIDE.test(first)) && !looksLikeDate(first);
}

/** Reads one line as an expense, or says what is wrong; doubts are not asked about. Never throws. */
export function parseExpenseText(text: string, ctx: GrammarContext): ExpenseText | UserError {
  const reading = readExpenseLine(text, ctx);
  if (isUserError(reading)) return reading;
  switch (reading.kind) {
    case 'expense':
      return reading.expense;
    case 'notExpense':
      return userError('amount.missing', "I couldn't find an amount in that.", ADD_EXAMPLE);
    case 'choose':
      return userError('amount.several', `I found more than one amount (${reading.options.map((o) => formatMoney(o.amount)).join(' and ')}); an expense has one.`, ADD_EXAMPLE);
  }
}

/** Reads one line of chat the way a person would, or says it cannot. Never throws. */
export function readExpenseLine(text: string, ctx: GrammarContext): LineReading {
  if (text.length > MAX_MESSAGE_LENGTH) {
    return userError('text.tooLong', `That message is ${text.length} characters; the most I read is ${MAX_MESSAGE_LENGTH}.`, ADD_EXAMPLE);
  }
  const tokens = text.trim().split(/\s+/u).filter(Boolean);
  const used = new Set<number>();
  // "is 20 too much for a haircut?": a question is asked, not spent.
  if (/\?\s*$/u.test(text) || text.trim().startsWith('¿')) return { kind: 'notExpense' };

  // Categories and dates first: what they take is not an amount.
  let category: Category | undefined;
  const dates: (DateAt & { index: number })[] = [];
  const maybeDates: (DateAt & { index: number })[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.startsWith('#') && token.length > 1) {
      const tag = toCategory(token);
      if (!tag) return userError('category.invalid', `"${token}" is not a category I can use: letters and digits only.`, ADD_EXAMPLE);
      if (category && category !== tag) return userError('category.several', 'I found more than one #category; an expense has one.', ADD_EXAMPLE);
      category = tag;
      used.add(index);
      continue;
    }
    const found = dateAt(tokens, index, ctx.today, ctx.dateOrder, ctx.locale);
    if (!found) continue;
    (found.couldBeAmount ? maybeDates : dates).push({ ...found, index });
    if (!found.couldBeAmount) for (let k = index; k < index + found.length; k += 1) used.add(k);
    index += found.length - 1;
  }

  const foundCandidates = findCandidates(tokens, used, ctx);
  if (isUserError(foundCandidates)) return foundCandidates;
  let candidates: Candidate[] = foundCandidates;
  // "продукты 15.11 2300": a number that could be a date is one when a price remains beside it
  // ("2 beers 5.10" keeps 5.10: a count is no price).
  for (const maybe of maybeDates) {
    const inside = (c: Candidate) => c.start < maybe.index + maybe.length && c.end >= maybe.index;
    const others = candidates.filter((c) => !inside(c));
    if (others.length === 0 || others.every((c) => !c.strong && Number(c.body) <= 20 && /^\p{L}/u.test(tokens[c.end + 1] ?? ''))) continue;
    dates.push(maybe);
    for (let k = maybe.index; k < maybe.index + maybe.length; k += 1) used.add(k);
    candidates = others;
  }
  if (dates.length > 1) return userError('date.several', 'I found more than one date; an expense has one.', 'coffee 3.20 yesterday');
  const date = dates[0]?.date;
  if (date !== undefined && isUserError(date)) return date;
  if (candidates.length === 0) {
    return /\d/.test(tokens.filter((_, i) => !used.has(i)).join(' ')) && !isTimeOnly(tokens)
      ? userError('amount.missing', "I couldn't find an amount in that.", ADD_EXAMPLE)
      : { kind: 'notExpense' };
  }
  const anywhere = currencyElsewhere(tokens, used, candidates, ctx);
  if (isUserError(anywhere)) return anywhere;

  const build = (chosen: Candidate): ExpenseText | UserError => {
    const currency = chosen.currency ?? anywhere?.currency ?? ctx.ledgerCurrency;
    if (chosen.negative) return userError('amount.negative', 'The amount is negative: record what you spent as a positive number.', ADD_EXAMPLE);
    const amount = parseAmountNumber(chosen.body, chosen.multiplier, currency);
    if (isUserError(amount)) return amount;
    const taken = new Set(used);
    for (let i = chosen.start; i <= chosen.end; i += 1) taken.add(i);
    if (anywhere && !chosen.currency) taken.add(anywhere.index);
    const words = tokens.flatMap((t, i) => (!taken.has(i) ? [t] : i === chosen.start && chosen.gluedWord ? [chosen.gluedWord] : []));
    return { amount, date: date ?? ctx.today, ...(category ? { category } : {}), description: words.join(' ') };
  };

  const strong = candidates.filter((c) => c.strong);
  const twoExpenses = candidates.length > 1 && candidates.some((c, i) => i > 0 && tokens.slice(candidates[i - 1]!.end + 1, c.start).some((t) => CONJUNCTIONS.has(t.toLowerCase())));
  let chosen: Candidate | undefined;
  if (!twoExpenses) {
    if (strong.length === 1) chosen = strong[0];
    else if (strong.length === 0) chosen = candidates.length === 1 ? candidates[0] : priceAmong(candidates, tokens);
  }
  if (!chosen) {
    const options = (strong.length > 1 ? strong : candidates).map(build);
    const firstError = options.find(isUserError);
    if (firstError) return firstError;
    return { kind: 'choose', options: options as ExpenseText[], twoExpenses };
  }
  const expense = build(chosen);
  if (isUserError(expense)) return expense;
  if (!chosen.strong && isTime(chosen, tokens)) return { kind: 'notExpense' };
  const doubt = doubtAbout(chosen, expense, tokens, used, ctx);
  return { kind: 'expense', expense, ...(doubt ? { doubt } : {}) };
}

function findCandidates(tokens: readonly string[], used: Set<number>, ctx: GrammarContext): Candidate[] | UserError {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (used.has(i)) continue;
    const token = tokens[i]!;
    const inside = MULTIPLIER_INSIDE.exec(token);
    if (inside?.groups) {
      found.push({ start: i, end: i, body: `${inside.groups.whole}.${inside.groups.part}`, multiplier: GLUED_MULTIPLIERS[inside.groups.mult!.toLowerCase()]!, negative: false, strong: true });
      continue;
    }
    const glued = GLUED_WORD.exec(token);
    if (glued) {
      found.push({ start: i, end: i, body: glued[1]!, multiplier: 0, negative: false, strong: true, gluedWord: glued[2]! });
      continue;
    }
    const m = AMOUNT.exec(token);
    if (!m?.groups) continue;
    const g = m.groups;
    const c: Candidate = { start: i, end: i, body: ungrouped(g.num!), multiplier: 0, negative: Boolean(g.sign), strong: false };
    const currencies: CurrencyCode[] = [];
    for (const mark of [g.pre, g.post]) {
      if (!mark) continue;
      const currency = currencyOfWord(mark, ctx.ledgerCurrency);
      if (!currency) return unknownCurrency(mark);
      currencies.push(currency);
    }
    if (g.cents) {
      if (!g.post || /^[a-z]{3}$/i.test(g.post) || g.mult) continue;
      c.body = `${c.body}.${g.cents}`;
    }
    if (g.mult) c.multiplier = GLUED_MULTIPLIERS[g.mult.toLowerCase()]!;
    c.strong = Boolean(g.pre || g.post || g.mult || g.tail || /[.,']/.test(g.num!));

    // "100 nghìn", "15 mil", "45 тыс.": a multiplier written apart.
    const after = tokens[c.end + 1];
    // A lone "m" apart from the number is more often a word (metres, "m" for me) than a million.
    const apart = !c.multiplier && after !== undefined && !used.has(c.end + 1) && after.toLowerCase() !== 'm' ? multiplierOf(after) : undefined;
    if (apart) {
      c.multiplier = apart;
      c.end += 1;
      c.strong = true;
      // "12 triệu 500 nghìn": millions and thousands, said as one amount.
      const [part, word] = [tokens[c.end + 1], tokens[c.end + 2]];
      if (c.multiplier === 6 && /^\d+$/.test(c.body) && part !== undefined && /^\d{1,3}$/.test(part) && word !== undefined && multiplierOf(word) === 3) {
        c.body = String(Number(c.body) * 1000 + Number(part));
        c.multiplier = 3;
        c.end += 2;
      }
    }
    // "1 900 RSD", "3 400 ₽", "1 000 000": groups of three digits written apart, after one digit or with a mark.
    if (!c.multiplier && !g.post && /^\d{1,3}$/.test(g.num!)) {
      const groups: RegExpExecArray[] = [];
      for (let k = c.end + 1; k < tokens.length && !used.has(k); k += 1) {
        const group = DIGIT_GROUP.exec(tokens[k]!);
        if (!group?.groups) break;
        groups.push(group);
        if (group.groups.decimals || group.groups.post) break;
      }
      const lastGroup = groups.at(-1)?.groups;
      const beyond = tokens[c.end + groups.length + 1];
      const marked = Boolean(lastGroup?.decimals || lastGroup?.post) || (beyond !== undefined && currencyOfWord(beyond, ctx.ledgerCurrency) !== undefined);
      if (lastGroup && (g.num!.length === 1 || marked || groups.length > 1)) {
        c.body = `${g.num}${groups.map((x) => x.groups!.digits).join('')}${lastGroup.decimals ?? ''}`;
        c.end += groups.length;
        c.strong = true;
        if (lastGroup.post) {
          const currency = currencyOfWord(lastGroup.post, ctx.ledgerCurrency);
          if (!currency) return unknownCurrency(lastGroup.post);
          currencies.push(currency);
        }
      }
    }
    // A currency written apart, after the number (or its multiplier) or before it.
    const following = tokens[c.end + 1];
    const followingCurrency = following !== undefined && !used.has(c.end + 1) ? currencyOfWord(following, ctx.ledgerCurrency) : undefined;
    if (followingCurrency) {
      currencies.push(followingCurrency);
      c.end += 1;
      c.strong = true;
    } else if (following !== undefined && /^[A-Z]{3}$/.test(following) && currencies.length === 0) {
      return unknownCurrency(following);
    } else {
      const before = tokens[c.start - 1];
      const taken = found.some((f) => f.end >= c.start - 1);
      const beforeCurrency = before !== undefined && !used.has(c.start - 1) && !taken ? currencyOfWord(before, ctx.ledgerCurrency) : undefined;
      if (beforeCurrency) {
        currencies.push(beforeCurrency);
        c.start -= 1;
        c.strong = true;
      }
    }
    const distinct = [...new Set(currencies)];
    if (distinct.length > 1) return severalCurrencies(distinct);
    if (distinct[0]) c.currency = distinct[0];
    found.push(c);
    i = c.end;
  }
  return found;
}

/** "1'250.50": apostrophes group thousands (Switzerland). */
function ungrouped(num: string): string {
  return /^\d{1,3}('\d{3})+([.,]\d+)?$/.test(num) ? num.replace(/'/g, '') : num;
}

/** "50 Taxi THB": a currency named once elsewhere in the line, for an amount without one. */
function currencyElsewhere(tokens: readonly string[], used: Set<number>, candidates: readonly Candidate[], ctx: GrammarContext): { index: number; currency: CurrencyCode } | undefined | UserError {
  if (candidates.every((c) => c.currency)) return undefined;
  const inCandidates = (i: number) => candidates.some((c) => i >= c.start && i <= c.end);
  const named = tokens.flatMap((t, index) => {
    if (used.has(index) || inCandidates(index)) return [];
    // Only unmistakable names: a code in capitals or a symbol, never an everyday word.
    const currency = /^[A-Z]{3}$/.test(t) || CURRENCY_SYMBOLS.includes(t) ? currencyOfWord(t, ctx.ledgerCurrency) : undefined;
    return currency ? [{ index, currency }] : [];
  });
  if (named.length === 0) return undefined;
  const distinct = [...new Set(named.map((n) => n.currency))];
  if (distinct.length > 1) return severalCurrencies(distinct);
  return named[0];
}

/**
 * Several plain numbers: the price is the one a person would see as one. "15 empanadas 1500",
 * "Compré 3 pizzas por 2000": a small count right before a word, and a price well above it (or
 * after "for", "por", "за"…). Undefined when a person would have to ask.
 */
function priceAmong(candidates: readonly Candidate[], tokens: readonly string[]): Candidate | undefined {
  const value = (c: Candidate) => Number(c.body);
  // The price after "por"/"for" comes last, and counts nothing ("50 for 2 tickets" names no price that way).
  const last = candidates.at(-1)!;
  if (PRICE_WORDS.has((tokens[last.start - 1] ?? '').toLowerCase()) && !/^\p{L}/u.test(tokens[last.end + 1] ?? '')) return last;
  const counts = candidates.filter((c) => value(c) <= 20 && /^\p{L}/u.test(tokens[c.end + 1] ?? ''));
  // "12 lunch with 3 friends": the quick add's own place, the start, holds the amount when the
  // others plainly count ("with 3 friends", "3 items"); "12 lunch 5 coffee" is two expenses.
  const first = candidates[0]!;
  const plainlyCounts = (c: Candidate) => value(c) <= 9
    && (LINKING_WORDS.has((tokens[c.start - 1] ?? '').toLowerCase()) || COUNT_WORDS.has((tokens[c.end + 1] ?? '').toLowerCase()));
  if (first.start === 0 && candidates.slice(1).every(plainlyCounts)) return first;
  const prices = candidates.filter((c) => !counts.includes(c));
  if (prices.length !== 1 || counts.length === 0) return undefined;
  return counts.every((c) => value(prices[0]!) >= 5 * value(c)) ? prices[0] : undefined;
}

const isTimeOnly = (tokens: readonly string[]) => tokens.some((t) => /^\d{1,2}[:h.]\d{2}$|^\d{1,2}(am|pm|h)$/i.test(t));

/** "see you at 5", "Treffen um 15 Uhr", "họp lúc 3 giờ": a small whole number that is an hour. */
function isTime(c: Candidate, tokens: readonly string[]): boolean {
  if (!/^\d{1,2}$/.test(c.body) || Number(c.body) > 24) return false;
  const before = (tokens[c.start - 1] ?? '').toLowerCase();
  const after = (tokens[c.end + 1] ?? '').toLowerCase();
  return TIME_BEFORE.has(before) || TIME_AFTER.has(after);
}

function doubtAbout(c: Candidate, expense: ExpenseText, tokens: readonly string[], used: Set<number>, ctx: GrammarContext): Doubt | undefined {
  if (expense.date < addDays(ctx.today, -366) || expense.date > addDays(ctx.today, 31)) return 'farDate';
  if (countsSomething(c, tokens, used)) return 'count';
  const [low, high] = plausibleRange(expense.amount.currency);
  return expense.amount.minor < low || expense.amount.minor > high ? 'implausible' : undefined;
}

/**
 * A plain number that counts: before a counting word ("3 items", "2 cuộc họp"), or a single digit
 * inside a sentence before a noun ("I have 2 meetings", "mua 3 cái áo"; not "coffee 3 with Sam").
 */
function countsSomething(c: Candidate, tokens: readonly string[], used: Set<number>): boolean {
  if (c.strong || !/^\d{1,2}$/.test(c.body) || Number(c.body) > 20) return false;
  const next = tokens[c.end + 1];
  if (next === undefined || used.has(c.end + 1)) return false;
  if (COUNT_WORDS.has(next.toLowerCase())) return true;
  return c.start > 0 && Number(c.body) <= 9 && /^\p{L}/u.test(next) && !LINKING_WORDS.has(next.toLowerCase());
}

function severalCurrencies(found: readonly CurrencyCode[]): UserError {
  return userError('currency.several', `I found more than one currency (${found.join(', ')}); an expense has one.`, 'coffee 3.20 EUR');
}

function unknownCurrency(word: string): UserError {
  return userError('currency.unknown', `I don't know the currency "${word}". Use an ISO code such as EUR, USD or VND.`, 'coffee 3.20 EUR');
}
