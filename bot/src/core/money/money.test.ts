import fc from 'fast-check';
import { isUserError } from '../user-error';
import { currencyExponent, CurrencyCode, toCurrencyCode } from './currencies';
import { formatMoney, toDecimalString } from './money';
import { parseAmountNumber } from './parse-amount';

const code = (c: string) => toCurrencyCode(c)!;

describe('money in integer minor units', () => {
  test('ISO 4217 exponents', () => {
    expect(currencyExponent(code('USD'))).toBe(2);
    expect(currencyExponent(code('VND'))).toBe(0);
    expect(currencyExponent(code('JPY'))).toBe(0);
    expect(currencyExponent(code('KWD'))).toBe(3);
    expect(toCurrencyCode('xyz')).toBeUndefined();
  });

  test('decimal strings use the currency’s own decimals', () => {
    expect(toDecimalString({ minor: 1250, currency: code('USD') })).toBe('12.50');
    expect(toDecimalString({ minor: 5, currency: code('USD') })).toBe('0.05');
    expect(toDecimalString({ minor: 120000, currency: code('VND') })).toBe('120000');
    expect(toDecimalString({ minor: 1234, currency: code('KWD') })).toBe('1.234');
  });

  test('formatted for chat', () => {
    expect(formatMoney({ minor: 1250, currency: code('USD') })).toBe('$12.50');
    expect(formatMoney({ minor: 120000, currency: code('VND') })).toBe('₫120,000');
    expect(formatMoney({ minor: 123456, currency: code('EUR') })).toBe('€1,234.56');
    expect(formatMoney({ minor: 99999999999999, currency: code('USD') })).toBe('$999,999,999,999.99');
  });

  test('property: a decimal string reads back as the same minor units, for every currency exponent', () => {
    const currencies = ['USD', 'VND', 'KWD', 'JPY', 'EUR', 'CLF'].map(code);
    fc.assert(
      fc.property(fc.constantFrom(...currencies), fc.integer({ min: 1, max: 999_999_999_999 }), (currency, major) => {
        const minor = major * 10 ** currencyExponent(currency) - (major % 7);
        if (minor <= 0) return;
        const money = { minor, currency: currency as CurrencyCode };
        const back = parseAmountNumber(toDecimalString(money), '', currency);
        expect(back).toEqual(money);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: grouped thousands read as whole amounts in any currency without three decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), fc.constantFrom('.', ','), (n, sep) => {
        const grouped = n.toLocaleString('en-US').replace(/,/g, sep);
        const result = parseAmountNumber(grouped, '', code('VND'));
        expect(isUserError(result) ? result.code : result.minor).toBe(n);
      }),
    );
  });
});
