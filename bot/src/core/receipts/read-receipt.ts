import { LocalDate } from '../calendar/local-date';
import { DateOrder, parseDateWord } from '../grammar/parse-date-word';
import { CurrencyCode, currencyForSymbol, CURRENCY_SYMBOLS, toCurrencyCode } from '../money/currencies';
import { Money } from '../money/money';
import { parseAmountNumber } from '../money/parse-amount';
import { isUserError } from '../user-error';
import { CandidateKind, ReceiptCandidate, ScannedReceipt } from './scanned-receipt';

/** A value the reader found, and whether it is sure enough to show without a question mark. */
export interface ReadValue<T> {
  readonly value: T;
  readonly sure: boolean;
}

export interface ReceiptReading {
  readonly merchant?: ReadValue<string>;
  readonly total?: ReadValue<Money> & { readonly from: 'total' | 'amountPaid' | 'amountDue' | 'subtotal+tax' | 'items' };
  readonly date?: ReadValue<LocalDate>;
  /** The receipt's own currency, or the ledger's when the receipt shows none (never guessed). */
  readonly currency: { readonly code: CurrencyCode; readonly fromReceipt: boolean };
  readonly tax?: Money;
  readonly items: readonly { readonly description: string; readonly amount: Money }[];
}

export interface ReadingContext {
  readonly ledgerCurrency: CurrencyCode;
  readonly today: LocalDate;
  readonly dateOrder: DateOrder;
}

/** Below this the reader is guessing ("costco" at 24, "META\n-" at 60): the value is shown as unsure or dropped. */
const SURE = 80;
const USABLE_MERCHANT = 70;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SYMBOL = new RegExp(`(${CURRENCY_SYMBOLS.map(escape).join('|')}|\\bRM\\b|\\b[A-Z]{3}\\b)`, 'u');

/** The currency a printed value shows: the reader's code, a symbol ("$", "€"), a prefix (RM), an ISO code. */
function currencyOf(candidate: ReceiptCandidate, ledger: CurrencyCode): CurrencyCode | undefined {
  if (candidate.currency) return toCurrencyCode(candidate.currency);
  const m = SYMBOL.exec(candidate.text);
  if (!m) return undefined;
  if (m[1] === 'RM') return 'MYR' as CurrencyCode;
  return currencyForSymbol(m[1]!, ledger) ?? toCurrencyCode(m[1]!);
}

/** "$1,810.46", "659.00 Y", "RM 12.50" → minor units; a negative, empty or zero value is no amount. */
export function receiptAmount(text: string, currency: CurrencyCode): Money | undefined {
  if (/-\s*\d/.test(text)) return undefined;
  const numbers = text.match(/\d[\d.,]*\d|\d/g);
  if (!numbers || numbers.length !== 1) return undefined;
  const amount = parseAmountNumber(numbers[0]!, '', currency);
  return isUserError(amount) || amount.minor <= 0 ? undefined : amount;
}

const byConfidence = (a: ReceiptCandidate, b: ReceiptCandidate) => b.confidence - a.confidence;

/**
 * The one place that decides what a receipt says. The total: the surest TOTAL that is a positive
 * amount, else AMOUNT_PAID, else AMOUNT_DUE, else SUBTOTAL + TAX, else the sum of the line items
 * (never sure); a total that SUBTOTAL + TAX confirms is sure. The merchant: the surest name above
 * guessing. The date: the surest one that reads as a date (day/month order from the ledger).
 */
export function readReceipt(scanned: ScannedReceipt, ctx: ReadingContext): ReceiptReading {
  const of = (kind: CandidateKind) => scanned.candidates.filter((c) => c.kind === kind).sort(byConfidence);
  const amountCandidates = scanned.candidates.filter((c) => c.kind !== 'date' && c.kind !== 'merchant');
  const shown = amountCandidates.map((c) => currencyOf(c, ctx.ledgerCurrency)).find((c): c is CurrencyCode => c !== undefined);
  const currency = { code: shown ?? ctx.ledgerCurrency, fromReceipt: shown !== undefined };
  const money = (c: ReceiptCandidate | undefined) => (c ? receiptAmount(c.text, currency.code) : undefined);
  const firstAmount = (kind: CandidateKind) => {
    for (const c of of(kind)) {
      const amount = money(c);
      if (amount) return { amount, confidence: c.confidence };
    }
    return undefined;
  };

  const subtotal = firstAmount('subtotal');
  const taxRead = firstAmount('tax');
  const tax = taxRead?.amount;
  const confirmedBy = (amount: Money) => subtotal !== undefined && subtotal.amount.minor + (tax?.minor ?? 0) === amount.minor;

  let total: ReceiptReading['total'];
  for (const kind of ['total', 'amountPaid', 'amountDue'] as const) {
    const found = firstAmount(kind);
    if (found) {
      total = { value: found.amount, sure: found.confidence >= SURE || confirmedBy(found.amount), from: kind };
      break;
    }
  }
  if (!total && subtotal) {
    total = { value: { minor: subtotal.amount.minor + (tax?.minor ?? 0), currency: currency.code }, sure: false, from: 'subtotal+tax' };
  }
  const items = scanned.items
    .map((i) => ({ description: i.description.replace(/\s+/g, ' ').trim(), amount: receiptAmount(i.priceText, currency.code) }))
    .filter((i): i is { description: string; amount: Money } => i.amount !== undefined);
  if (!total && items.length > 0) {
    total = { value: { minor: items.reduce((s, i) => s + i.amount.minor, 0), currency: currency.code }, sure: false, from: 'items' };
  }

  // A name whose lines are not all words ("META\n-") is a misreading, however sure the reader says it is.
  const merchant = of('merchant').find((c) => c.confidence >= USABLE_MERCHANT && c.text.split(/\n/).every((l) => /\p{L}{2}/u.test(l)));
  let date: ReceiptReading['date'];
  for (const c of of('date')) {
    const parsed = readDate(c.text, ctx);
    if (parsed) {
      date = { value: parsed, sure: c.confidence >= SURE };
      break;
    }
  }
  return {
    ...(merchant ? { merchant: { value: merchant.text.replace(/\s+/g, ' ').trim(), sure: merchant.confidence >= SURE } } : {}),
    ...(total ? { total } : {}),
    ...(date ? { date } : {}),
    currency,
    ...(tax ? { tax } : {}),
    items,
  };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "12/07/2019", "2019-12-07", "01-Jan-2021", "12 March 2020"; a date in the future is a misreading. */
function readDate(text: string, ctx: ReadingContext): LocalDate | undefined {
  const t = text.trim().toLowerCase();
  const named = /^(\d{1,2})[\s-]([a-z]{3})[a-z]*[\s-,]*(\d{4})$/.exec(t) ?? /^([a-z]{3})[a-z]*\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  let candidate = t;
  if (named) {
    const [day, month, year] = /^\d/.test(named[1]!) ? [named[1]!, named[2]!, named[3]!] : [named[2]!, named[1]!, named[3]!];
    const m = MONTHS.indexOf(month);
    if (m < 0) return undefined;
    candidate = `${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  } else {
    const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(t);
    if (numeric) {
      const year = numeric[3]!.length === 2 ? `20${numeric[3]}` : numeric[3]!;
      const [day, month] = ctx.dateOrder === 'mdy' ? [numeric[2]!, numeric[1]!] : [numeric[1]!, numeric[2]!];
      candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    }
  }
  const parsed = parseDateWord(candidate, ctx.today, ctx.dateOrder);
  return isUserError(parsed) || parsed > ctx.today ? undefined : parsed;
}
