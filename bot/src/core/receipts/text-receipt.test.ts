import { LocalDate } from '../calendar/local-date';
import { CurrencyCode } from '../money/currencies';
import { readReceipt } from './read-receipt';
import { candidatesFromText } from './text-receipt';

const ctx = { ledgerCurrency: 'USD' as CurrencyCode, today: '2026-11-22' as LocalDate, dateOrder: 'dmy' as const };

test('given OCR text of a receipt, the total confirmed by subtotal and tax, the date, the merchant and the items', () => {
  const scanned = candidatesFromText([
    'GREEN LEAF CAFE', '12 Market Street', 'Date: 14/11/2026 12:41', '', 'Flat White 4.20', 'Avocado Toast 11.50',
    'Orange Juice 5.30', '', 'SUBTOTAL 21.00', 'TAX 1.89', 'TOTAL $22.89', '', 'CARD 22.89', 'Thank you!',
  ].join('\n'));
  const reading = readReceipt(scanned, ctx);
  expect(reading.total).toEqual({ value: { minor: 2289, currency: 'USD' }, sure: true, from: 'total' });
  expect(reading.date).toEqual({ value: '2026-11-14', sure: false });
  expect(reading.merchant).toEqual({ value: 'GREEN LEAF CAFE', sure: false });
  expect(reading.items.map((i) => [i.description, i.amount.minor])).toEqual([['Flat White', 420], ['Avocado Toast', 1150], ['Orange Juice', 530]]);
});

test('a total no subtotal confirms is unsure; with no total line the items add up, also unsure', () => {
  expect(readReceipt(candidatesFromText('SHOP\nTotal 9.99'), ctx).total).toMatchObject({ value: { minor: 999 }, sure: false });
  expect(readReceipt(candidatesFromText('SHOP\nBread 2.50\nMilk 1.20'), ctx).total).toMatchObject({ value: { minor: 370 }, from: 'items', sure: false });
  expect(readReceipt(candidatesFromText(''), ctx).total).toBeUndefined();
});

test('"Total Tax", "Total Savings" and "Total excl. GST" are not the total, "Total incl. GST" is; a trailing currency code is read', () => {
  const reading = readReceipt(candidatesFromText(['SHOP', 'Total Savings 3.00', 'Subtotal 21.50', 'Total Tax 1.90', 'TOTAL 23.40 EUR'].join('\n')), ctx);
  expect(reading.total).toMatchObject({ value: { minor: 2340, currency: 'EUR' }, sure: true });
});

test('a Malaysian receipt: TOTAL INCL. GST is the total, TOTAL EXCL. GST is not', () => {
  const reading = readReceipt(candidatesFromText(['KEDAI MAJU', 'TOTAL EXCL. GST 8.49', 'GST 6% 0.51', 'TOTAL INCL. GST RM9.00', 'CASH 10.00', 'CHANGE 1.00'].join('\n')), { ...ctx, ledgerCurrency: 'MYR' as CurrencyCode });
  expect(reading.total).toMatchObject({ value: { minor: 900, currency: 'MYR' } });
});
