import fc from 'fast-check';
import { LocalDate } from '../calendar/local-date';
import { CurrencyCode } from '../money/currencies';
import { isUserError } from '../user-error';
import { ExpenseText, GrammarContext, parseExpenseText, readExpenseLine } from './parse-expense-text';
import { toDecimalString } from '../money/money';

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
    ['pho 24 50', 'amount.several'],
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

describe('the chat as people type it (issue 10)', () => {
  const vnd = { ...ctx, ledgerCurrency: 'VND' as CurrencyCode, locale: 'vi-VN' };
  const read = (text: string, context: GrammarContext = ctx) => readExpenseLine(text, context);
  test.each([
    ['đổ xăng 100 nghìn', vnd, 100000, 'VND', 'đổ xăng'],
    ['mua áo 2 củ', vnd, 2000000, 'VND', 'mua áo'],
    ['tiền điện 1,2tr', vnd, 1200000, 'VND', 'tiền điện'],
    ['120.000đ grab', vnd, 120000, 'VND', 'grab'],
    ['đ120k phở', vnd, 120000, 'VND', 'phở'],
    ['ăn trưa 3 người 450k', vnd, 450000, 'VND', 'ăn trưa 3 người'],
    ['15 empanadas 1500', { ...ctx, ledgerCurrency: 'ARS' as CurrencyCode }, 150000, 'ARS', '15 empanadas'],
    ['Compré 3 pizzas por 2000', { ...ctx, ledgerCurrency: 'ARS' as CurrencyCode }, 200000, 'ARS', 'Compré 3 pizzas por'],
    ['renta 15 mil pesos', { ...ctx, ledgerCurrency: 'MXN' as CurrencyCode }, 1500000, 'MXN', 'renta'],
    ['отель 50 евро', { ...ctx, ledgerCurrency: 'RUB' as CurrencyCode }, 5000, 'EUR', 'отель'],
    ['ЖКХ 6 200', { ...ctx, ledgerCurrency: 'RUB' as CurrencyCode }, 620000, 'RUB', 'ЖКХ'],
    ['Rp25rb kopi', { ...ctx, ledgerCurrency: 'IDR' as CurrencyCode }, 2500000, 'IDR', 'kopi'],
    ['RM 12.50 nasi lemak', { ...ctx, ledgerCurrency: 'MYR' as CurrencyCode }, 1250, 'MYR', 'nasi lemak'],
    ['1\'250.50 CHF watch', ctx, 125050, 'CHF', 'watch'],
    ['5€50 sandwich', ctx, 550, 'EUR', 'sandwich'],
    ['Pizza 12,- €', ctx, 1200, 'EUR', 'Pizza'],
    ['100. groceries', ctx, 10000, 'USD', 'groceries'],
    ['5.50Coffee', ctx, 550, 'USD', 'Coffee'],
    ['50 Taxi THB', ctx, 5000, 'THB', 'Taxi'],
    ['20.00 Order 12345', ctx, 2000, 'USD', 'Order 12345'],
    ['pho 24 50k', vnd, 50000, 'VND', 'pho 24'],
    ['ăn sáng 1tr2', vnd, 1200000, 'VND', 'ăn sáng'],
    ['điện thoại 12 triệu 500 nghìn', vnd, 12500000, 'VND', 'điện thoại'],
    ['Pizza Fr. 22.-', { ...ctx, ledgerCurrency: 'CHF' as CurrencyCode }, 2200, 'CHF', 'Pizza'],
    ['cañas 12 pavos', { ...ctx, ledgerCurrency: 'EUR' as CurrencyCode }, 1200, 'EUR', 'cañas'],
  ])('%s', (text, context, minor, currency, description) => {
    const reading = read(text, context as GrammarContext);
    expect(reading).toMatchObject({ kind: 'expense', expense: { amount: { minor, currency }, description } });
    expect((reading as { doubt?: string }).doubt).toBeUndefined();
  });

  test.each([
    ['I have 2 meetings today', ctx, 'count'],
    ['mua 3 cái áo', vnd, 'count'],
    ['phở 50', vnd, 'implausible'],
    ['кофе 0,5', { ...ctx, ledgerCurrency: 'RUB' as CurrencyCode }, 'implausible'],
    ['taxi 20 1/5/2019', ctx, 'farDate'],
  ])('%s is asked about (%s)', (text, context, doubt) => {
    expect(read(text, context as GrammarContext)).toMatchObject({ kind: 'expense', doubt });
  });

  test.each(['taxi 50 100', 'grab 45k 60k', 'café 1,50 y tostada 2', 'кофе 250 и булка 90'])('%s offers its amounts to choose from', (text) => {
    expect(read(text)).toMatchObject({ kind: 'choose' });
  });

  test.each(['is 20 too much for a haircut?', '¿me puedo gastar 200 en zapatillas', 'hello', 'thanks!', 'see you at 5', 'Treffen um 15 Uhr', 'встреча в 15:00', 'how much did I spend?'])('%s is no expense', (text) => {
    expect(read(text)).toEqual({ kind: 'notExpense' });
  });

  test('any string gives an expense, a question, a pointer or a user error; never a zero or negative amount', () => {
    const locales = ['en-US', 'vi-VN', 'es-ES', 'pt-BR', 'ru-RU', 'id-ID', 'de-DE', 'fr-FR'];
    const piece = fc.constantFrom('12', '1.234,56', '€', 'RM', 'Rp', 'đ', '50k', '8tr', 'nghìn', 'mil', 'тыс', 'juta', 'евро', 'pesos', '#food', 'hôm qua', 'ayer', '15.11', '3', 'de', 'noviembre', 'and', 'y', 'at', '5€50', '12,-', '1 900', "1'250.50", 'lunch', '0', '-', 'por');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.constantFrom(...locales), fc.constantFrom('USD', 'VND', 'RUB', 'IDR', 'EUR'), (pieces, locale, currency) => {
        const reading = readExpenseLine(pieces.join(' '), { ...ctx, locale, ledgerCurrency: currency as CurrencyCode });
        const amounts = isUserError(reading) ? [] : reading.kind === 'expense' ? [reading.expense.amount] : reading.kind === 'choose' ? reading.options.map((o) => o.amount) : [];
        for (const amount of amounts) {
          expect(Number.isSafeInteger(amount.minor)).toBe(true);
          expect(amount.minor).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('an expense written out the way the bot writes amounts reads back the same, in every locale', () => {
    const locales = ['en-US', 'vi-VN', 'es-ES', 'pt-BR', 'ru-RU', 'id-ID', 'de-DE', 'fr-FR'];
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 99_999_999 }), fc.constantFrom('USD', 'EUR', 'VND', 'RUB', 'IDR', 'BRL', 'JPY', 'KWD'),
        fc.constantFrom('lunch', 'taxi ride', 'phở bò', 'кофе', 'Mittagessen', 'déjeuner'), fc.constantFrom(...locales),
        (minor, currency, description, locale) => {
          const amount = { minor, currency: currency as CurrencyCode };
          const reading = readExpenseLine(`${toDecimalString(amount)} ${currency} ${description}`, { ...ctx, locale });
          const expense = isUserError(reading) || reading.kind !== 'expense' ? undefined : reading.expense;
          expect(expense).toMatchObject({ amount, description });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
