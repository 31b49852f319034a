import fc from 'fast-check';
import { LocalDate } from '../calendar/local-date';
import { CurrencyCode } from '../money/currencies';
import { isUserError } from '../user-error';
import { ExpenseText, GrammarContext, parseExpenseText } from './parse-expense-text';

// Sunday 22 November 2026
const ctx: GrammarContext = { ledgerCurrency: 'USD' as CurrencyCode, today: '2026-11-22' as LocalDate, dateOrder: 'dmy' };

function ok(text: string, context: GrammarContext = ctx): ExpenseText {
  const result = parseExpenseText(text, context);
  if (isUserError(result)) throw new Error(`expected "${text}" to parse, got: ${result.message}`);
  return result;
}

function fails(text: string, context: GrammarContext = ctx) {
  const result = parseExpenseText(text, context);
  if (!isUserError(result)) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result)}`);
  return result;
}

describe('quick add: the forms in SPEC §1', () => {
  test.each([
    ['12.50 lunch #food', 1250, 'USD', 'lunch', 'food', '2026-11-22'],
    ['coffee 3.2 EUR yesterday', 320, 'EUR', 'coffee', undefined, '2026-11-21'],
    ['taxi $23 2026-03-04', 2300, 'USD', 'taxi', undefined, '2026-03-04'],
    ['1.234,56 €', 123456, 'EUR', '', undefined, '2026-11-22'],
    ['₫120.000 groceries', 120000, 'VND', 'groceries', undefined, '2026-11-22'],
    ['rent 1,234.56 #housing', 123456, 'USD', 'rent', 'housing', '2026-11-22'],
    ['lunch 12,50 EUR', 1250, 'EUR', 'lunch', undefined, '2026-11-22'],
    ['sushi 5eur', 500, 'EUR', 'sushi', undefined, '2026-11-22'],
    ['EUR 7 snacks', 700, 'EUR', 'snacks', undefined, '2026-11-22'],
    ['book 20 gbp', 2000, 'GBP', 'book', undefined, '2026-11-22'],
    ['ramen ¥1200', 1200, 'JPY', 'ramen', undefined, '2026-11-22'],
    ['fuel 1.5k', 150000, 'USD', 'fuel', undefined, '2026-11-22'],
    ['dinar 1.250 KWD', 1250, 'KWD', 'dinar', undefined, '2026-11-22'],
  ])('%s', (text, minor, currency, description, category, date) => {
    const e = ok(text);
    expect(e.amount).toEqual({ minor, currency });
    expect(e.description).toBe(description);
    expect(e.category).toBe(category);
    expect(e.date).toBe(date);
  });

  test('50k pho: k is a thousand, in the ledger currency', () => {
    const vnd = { ...ctx, ledgerCurrency: 'VND' as CurrencyCode };
    expect(ok('50k pho', vnd).amount).toEqual({ minor: 50000, currency: 'VND' });
    expect(ok('2m rent', vnd).amount).toEqual({ minor: 2000000, currency: 'VND' });
    expect(ok('1.5m laptop', vnd).amount).toEqual({ minor: 1500000, currency: 'VND' });
  });

  test('"$" means the ledger’s own dollar when it has one', () => {
    expect(ok('taxi $23', { ...ctx, ledgerCurrency: 'AUD' as CurrencyCode }).amount.currency).toBe('AUD');
    expect(ok('taxi $23', { ...ctx, ledgerCurrency: 'EUR' as CurrencyCode }).amount.currency).toBe('USD');
  });

  test('an amount without a currency is in the ledger currency', () => {
    expect(ok('lunch 120000', { ...ctx, ledgerCurrency: 'VND' as CurrencyCode }).amount).toEqual({ minor: 120000, currency: 'VND' });
  });

  test('#Tag categories are lower-cased', () => {
    expect(ok('12 #Food lunch').category).toBe('food');
  });
});

describe('dates', () => {
  test('weekday names are the most recent past one', () => {
    // today is Sunday 2026-11-22
    expect(ok('lunch 12 monday').date).toBe('2026-11-16');
    expect(ok('lunch 12 saturday').date).toBe('2026-11-21');
    expect(ok('lunch 12 sunday').date).toBe('2026-11-15');
    expect(ok('lunch 12 Friday').date).toBe('2026-11-20');
  });

  test('day/month is day first unless the ledger says otherwise', () => {
    expect(ok('taxi 23 04/03').date).toBe('2026-03-04');
    expect(ok('taxi 23 04/03', { ...ctx, dateOrder: 'mdy' }).date).toBe('2026-04-03');
    expect(ok('taxi 23 4/3/2025').date).toBe('2025-03-04');
    expect(ok('taxi 23 04/03/25').date).toBe('2025-03-04');
  });

  test('day/month without a year is the most recent such date, never the future', () => {
    expect(ok('gift 30 24/12').date).toBe('2025-12-24');
    expect(ok('gift 30 22/11').date).toBe('2026-11-22');
  });

  test('today and yesterday', () => {
    expect(ok('tea 2 today').date).toBe('2026-11-22');
    expect(ok('tea 2 yesterday').date).toBe('2026-11-21');
  });

  test.each(['taxi 23 31/02', 'taxi 23 2026-02-30', 'taxi 23 2026-13-01', 'taxi 23 00/05', 'taxi 23 29/02/2025'])(
    'an impossible date is refused: %s',
    (text) => expect(fails(text).code).toBe('date.impossible'),
  );
});

describe('bad input is answered with what was wrong and an example', () => {
  test.each([
    ['lunch with Sam', 'amount.missing'],
    ['', 'amount.missing'],
    ['pho 24 50k', 'amount.several'],
    ['12 lunch 15', 'amount.several'],
    ['12 XYZ lunch', 'currency.unknown'],
    ['12abc lunch', 'currency.unknown'],
    ['0 lunch', 'amount.zero'],
    ['0.00 lunch', 'amount.zero'],
    ['-5 lunch', 'amount.negative'],
    ['lunch -12.50', 'amount.negative'],
    ['1234567890123 lunch', 'amount.absurd'],
    ['5m lunch', 'ok'],
    ['12.5 VND pho', 'amount.tooPrecise'],
    ['12.555 USD', 'ok'],
    ['1234.567 lunch', 'amount.tooPrecise'],
    ['$12 EUR', 'currency.several'],
    ['12 lunch yesterday 2026-01-01', 'date.several'],
    ['12 #food #drinks', 'category.several'],
    ['1.2.3 lunch', 'amount.unreadable'],
    ['x'.repeat(501) + ' 12', 'text.tooLong'],
  ])('%s → %s', (text, code) => {
    const result = parseExpenseText(text, ctx);
    if (code === 'ok') {
      expect(isUserError(result)).toBe(false);
      return;
    }
    expect(isUserError(result) && result.code).toBe(code);
    if (isUserError(result)) {
      expect(result.message.length).toBeGreaterThan(10);
      expect(result.example).toMatch(/\d/);
    }
  });

  test('more than twelve digits of major units is absurd even with k or m', () => {
    expect(fails('5000000m lunch').code).toBe('amount.absurd');
    expect(ok('999999999999 lunch').amount.minor).toBe(99999999999900);
  });
});

describe('properties', () => {
  test('any string gives an expense or a user-facing error, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600, unit: 'binary' }), (text) => {
        const result = parseExpenseText(text, ctx);
        expect(isUserError(result) ? typeof result.message : typeof result.amount.minor).toMatch(/string|number/);
      }),
      { numRuns: 2000 },
    );
  });

  test('strings built from the grammar’s own pieces never throw either', () => {
    const piece = fc.constantFrom('12', '1.234,56', '€', '$', 'EUR', 'vnd', '50k', '#food', 'yesterday', 'monday', '31/02', '04/03', '2026-03-04', 'lunch', '-', '0', '1,5', '₫120.000', '12.5.6', 'k', 'm', '#');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.boolean(), (pieces, glue) => {
        const result = parseExpenseText(pieces.join(glue ? '' : ' '), ctx);
        if (!isUserError(result)) {
          expect(Number.isSafeInteger(result.amount.minor)).toBe(true);
          expect(result.amount.minor).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
