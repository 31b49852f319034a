import { LocalDate } from '../calendar/local-date';
import { Category, toCategory } from '../expenses/categories';
import { CURRENCY_SYMBOLS, CurrencyCode, currencyForSymbol, toCurrencyCode } from '../money/currencies';
import { Money } from '../money/money';
import { parseAmountNumber } from '../money/parse-amount';
import { isUserError, userError, UserError } from '../user-error';
import { DateOrder, looksLikeDate, parseDateWord } from './parse-date-word';

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
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SYMBOL = `(?:${CURRENCY_SYMBOLS.map(escape).join('|')})`;
/** sign, symbol before, number, k/m, symbol or letters after: "$23", "-5", "50k", "12.50EUR", "1.234,56€". */
const AMOUNT = new RegExp(`^([-−])?(${SYMBOL})?([-−])?(\\d[\\d.,]*\\d|\\d)(k|m)?(${SYMBOL}|[a-z]{3})?$`, 'iu');
const STANDALONE_SYMBOL = new RegExp(`^${SYMBOL}$`, 'u');
/** Currency codes that are also everyday English words: only upper case makes them a currency. */
const WORD_LIKE_CODES = new Set(['all', 'top', 'cup', 'pen', 'try', 'mad', 'gel', 'sos', 'bob', 'mop', 'bam', 'cad', 'php', 'lak']);

interface AmountToken {
  index: number;
  negative: boolean;
  body: string;
  multiplier: '' | 'k' | 'm';
  attachedCurrency?: string;
}

/** "12.50 lunch", "$5 coffee", "50k pho": the line opens with its amount, as a quick add does. */
export function startsWithAmount(text: string): boolean {
  const [first = ''] = text.trim().split(/\s+/u);
  return AMOUNT.test(first);
}

/** Reads one line of chat as an expense, or says what is wrong with it. Never throws. */
export function parseExpenseText(text: string, ctx: GrammarContext): ExpenseText | UserError {
  if (text.length > MAX_MESSAGE_LENGTH) {
    return userError('text.tooLong', `That message is ${text.length} characters; the most I read is ${MAX_MESSAGE_LENGTH}.`, ADD_EXAMPLE);
  }
  const tokens = text.trim().split(/\s+/u).filter(Boolean);
  const amounts: AmountToken[] = [];
  tokens.forEach((token, index) => {
    const m = AMOUNT.exec(token);
    if (!m) return;
    amounts.push({
      index,
      negative: Boolean(m[1] || m[3]),
      body: m[4]!,
      multiplier: (m[5]?.toLowerCase() ?? '') as AmountToken['multiplier'],
      attachedCurrency: m[2] ?? m[6],
    });
  });
  if (amounts.length === 0) {
    return userError('amount.missing', "I couldn't find an amount in that.", ADD_EXAMPLE);
  }
  if (amounts.length > 1) {
    const found = amounts.map((a) => `"${tokens[a.index]}"`).join(' and ');
    return userError('amount.several', `I found more than one amount (${found}); an expense has one.`, ADD_EXAMPLE);
  }
  const amountToken = amounts[0]!;
  const used = new Set<number>([amountToken.index]);

  const currency = resolveCurrency(tokens, amountToken, used, ctx.ledgerCurrency);
  if (isUserError(currency)) return currency;
  if (amountToken.negative) {
    return userError('amount.negative', 'The amount is negative: record what you spent as a positive number.', ADD_EXAMPLE);
  }
  const amount = parseAmountNumber(amountToken.body, amountToken.multiplier, currency);
  if (isUserError(amount)) return amount;

  let date: LocalDate | undefined;
  let category: Category | undefined;
  for (const [index, token] of tokens.entries()) {
    if (used.has(index)) continue;
    if (looksLikeDate(token)) {
      if (date) return userError('date.several', 'I found more than one date; an expense has one.', 'coffee 3.20 yesterday');
      const parsed = parseDateWord(token, ctx.today, ctx.dateOrder);
      if (isUserError(parsed)) return parsed;
      date = parsed;
      used.add(index);
    } else if (token.startsWith('#') && token.length > 1) {
      const tag = toCategory(token);
      if (!tag) return userError('category.invalid', `"${token}" is not a category I can use: letters and digits only.`, ADD_EXAMPLE);
      if (category && category !== tag) return userError('category.several', 'I found more than one #category; an expense has one.', ADD_EXAMPLE);
      category = tag;
      used.add(index);
    }
  }
  const description = tokens.filter((_, i) => !used.has(i)).join(' ');
  return { amount, date: date ?? ctx.today, ...(category ? { category } : {}), description };
}

/** The currency glued to the amount, or in the token just before or after it, else the ledger's. */
function resolveCurrency(
  tokens: string[],
  amount: AmountToken,
  used: Set<number>,
  ledgerCurrency: CurrencyCode,
): CurrencyCode | UserError {
  const found: CurrencyCode[] = [];
  if (amount.attachedCurrency) {
    const code = currencyFromWord(amount.attachedCurrency, ledgerCurrency, true);
    if (!code) return unknownCurrency(amount.attachedCurrency);
    found.push(code);
  }
  for (const index of [amount.index + 1, amount.index - 1]) {
    const token = tokens[index];
    if (token === undefined) continue;
    const code = currencyFromWord(token, ledgerCurrency, false);
    if (code) {
      found.push(code);
      used.add(index);
    } else if (index === amount.index + 1 && /^[A-Z]{3}$/.test(token) && found.length === 0) {
      return unknownCurrency(token);
    }
  }
  const distinct = [...new Set(found)];
  if (distinct.length > 1) {
    return userError('currency.several', `I found more than one currency (${distinct.join(', ')}); an expense has one.`, 'coffee 3.20 EUR');
  }
  return distinct[0] ?? ledgerCurrency;
}

function currencyFromWord(word: string, ledgerCurrency: CurrencyCode, glued: boolean): CurrencyCode | undefined {
  if (STANDALONE_SYMBOL.test(word)) return currencyForSymbol(word, ledgerCurrency);
  if (!/^[a-z]{3}$/i.test(word)) return undefined;
  const isUpper = word === word.toUpperCase();
  if (!glued && !isUpper && WORD_LIKE_CODES.has(word.toLowerCase())) return undefined;
  return toCurrencyCode(word);
}

function unknownCurrency(word: string): UserError {
  return userError('currency.unknown', `I don't know the currency "${word}". Use an ISO code such as EUR, USD or VND.`, 'coffee 3.20 EUR');
}
