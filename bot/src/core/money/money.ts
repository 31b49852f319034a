import { CurrencyCode, currencyExponent } from './currencies';

/** An amount in integer minor units of its currency (cents, đồng, fils). Never a float. */
export interface Money {
  readonly minor: number;
  readonly currency: CurrencyCode;
}

/** Twelve digits of major units is the most a chat message may carry. */
export const MAX_MAJOR_DIGITS = 12;

/** "1234.5" style decimal string in major units with the currency's own decimals, e.g. for CSV. */
export function toDecimalString(money: Money): string {
  const exp = currencyExponent(money.currency);
  const sign = money.minor < 0 ? '-' : '';
  const digits = Math.abs(money.minor).toString().padStart(exp + 1, '0');
  if (exp === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** The locale amounts are written in: the ledger's when Intl knows it, else English. */
export function moneyLocale(locale: string | undefined): string {
  if (!locale) return 'en-US';
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en-US';
  } catch {
    return 'en-US'; // not a well-formed tag
  }
}

/** Human formatting for chat replies: "$12.50", "₫120,000", "€1,234.56"; in `locale` when given ("1.234,56 €"). */
export function formatMoney(money: Money, locale?: string): string {
  const tag = moneyLocale(locale);
  const key = `${money.currency}|${tag}`;
  let f = formatters.get(key);
  if (!f) {
    const exp = currencyExponent(money.currency);
    f = new Intl.NumberFormat(tag, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: exp,
      maximumFractionDigits: exp,
    });
    formatters.set(key, f);
  }
  // Through the decimal string, so no float ever carries the amount.
  return f.format(toDecimalString(money) as unknown as number);
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`cannot add ${a.currency} to ${b.currency}`);
  return { minor: a.minor + b.minor, currency: a.currency };
}
