import { userError, UserError } from '../user-error';
import { CurrencyCode, currencyExponent } from './currencies';
import { MAX_MAJOR_DIGITS, Money } from './money';

const EXAMPLE = '12.50 lunch #food';

/**
 * Reads the number part of an amount ("1.234,56", "120.000", "12,5", "1.5" with multiplier "k") as
 * minor units of `currency`. One separator followed by exactly three digits is a thousands separator
 * unless the currency itself has three decimals, which is how people write VND, EUR and USD alike.
 */
export function parseAmountNumber(
  body: string,
  multiplier: '' | 'k' | 'm' | number,
  currency: CurrencyCode,
): Money | UserError {
  const exp = currencyExponent(currency);
  const powerOfTen = typeof multiplier === 'number' ? multiplier : multiplier === 'k' ? 3 : multiplier === 'm' ? 6 : 0;
  const split = splitDecimal(body, exp, powerOfTen !== 0);
  if (!split) {
    return userError('amount.unreadable', `I can't read "${body}" as an amount.`, EXAMPLE);
  }
  const { integer, fraction } = split;
  const shift = exp + powerOfTen - fraction.length;
  let minor: bigint;
  if (shift >= 0) {
    minor = BigInt(integer + fraction) * 10n ** BigInt(shift);
  } else {
    const kept = fraction.slice(0, fraction.length + shift);
    const dropped = fraction.slice(fraction.length + shift);
    if (/[1-9]/.test(dropped)) {
      const decimals = exp === 0 ? 'no decimals' : `only ${exp} decimal${exp === 1 ? '' : 's'}`;
      return userError('amount.tooPrecise', `${currency} has ${decimals}, so "${body}" is too precise.`, exp === 0 ? `120000 ${currency} groceries` : `12.50 ${currency} lunch`);
    }
    minor = BigInt(integer + kept);
  }
  const majorDigits = (minor / 10n ** BigInt(exp)).toString().length;
  if (majorDigits > MAX_MAJOR_DIGITS) {
    return userError('amount.absurd', `That amount is too large (more than ${MAX_MAJOR_DIGITS} digits).`, EXAMPLE);
  }
  if (minor === 0n) return userError('amount.zero', 'The amount is zero: there is nothing to record.', EXAMPLE);
  return { minor: Number(minor), currency };
}

function splitDecimal(body: string, exponent: number, hasMultiplier: boolean): { integer: string; fraction: string } | undefined {
  if (/^\d+$/.test(body)) return { integer: body, fraction: '' };
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalSep = lastDot > lastComma ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    const at = body.lastIndexOf(decimalSep);
    const head = body.slice(0, at);
    const fraction = body.slice(at + 1);
    if (!isGrouped(head, groupSep) || !/^\d+$/.test(fraction)) return undefined;
    return { integer: head.split(groupSep).join(''), fraction };
  }
  const sep = lastDot >= 0 ? '.' : ',';
  const pieces = body.split(sep);
  if (pieces.some((p) => !/^\d+$/.test(p))) return undefined;
  if (pieces.length > 2) return isGrouped(body, sep) ? { integer: pieces.join(''), fraction: '' } : undefined;
  const [integer, fraction] = pieces as [string, string];
  const looksGrouped = fraction.length === 3 && exponent !== 3 && !hasMultiplier && integer.length <= 3 && !integer.startsWith('0');
  return looksGrouped ? { integer: integer + fraction, fraction: '' } : { integer, fraction };
}

function isGrouped(text: string, sep: string): boolean {
  const groups = text.split(sep);
  return /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}
