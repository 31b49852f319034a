import { LocalDate } from '../calendar/local-date';
import { CurrencyCode } from '../money/currencies';
import { readReceipt, receiptAmount, ReadingContext } from './read-receipt';
import { ReceiptCandidate, ScannedReceipt } from './scanned-receipt';

const ctx = (ledger = 'USD', dateOrder: 'dmy' | 'mdy' = 'dmy'): ReadingContext => ({ ledgerCurrency: ledger as CurrencyCode, today: '2026-11-22' as LocalDate, dateOrder });
const scanned = (candidates: ReceiptCandidate[], items: ScannedReceipt['items'] = []): ScannedReceipt => ({ candidates, items, lines: [] });
const c = (kind: ReceiptCandidate['kind'], text: string, confidence = 95, currency?: string): ReceiptCandidate => ({ kind, text, confidence, ...(currency ? { currency } : {}) });

test.each([
  ['$1,810.46', 'USD', 181046],
  ['659.00 Y', 'PHP', 65900],
  ['RM 12.50', 'MYR', 1250],
  ['1.234,56 €', 'EUR', 123456],
  ['¥1,200', 'JPY', 1200],
])('the amount printed as %s reads as %s %s minor units', (text, currency, minor) => {
  expect(receiptAmount(text, currency as CurrencyCode)).toEqual({ minor, currency });
});

test.each([['$-1,136.16'], ['$0.00'], [''], ['$'], ['12 x 3.50']])('"%s" is no amount', (text) => {
  expect(receiptAmount(text, 'USD' as CurrencyCode)).toBeUndefined();
});

test('given no TOTAL, the amount paid, then the amount due, then subtotal + tax (unsure), then the items (unsure)', () => {
  expect(readReceipt(scanned([c('amountPaid', '$20.00'), c('amountDue', '$25.00')]), ctx()).total).toMatchObject({ value: { minor: 2000 }, from: 'amountPaid', sure: true });
  expect(readReceipt(scanned([c('amountDue', '$25.00', 60)]), ctx()).total).toMatchObject({ value: { minor: 2500 }, from: 'amountDue', sure: false });
  expect(readReceipt(scanned([c('subtotal', '$10.00'), c('tax', '$0.80')]), ctx()).total).toMatchObject({ value: { minor: 1080 }, from: 'subtotal+tax', sure: false });
  const fromItems = readReceipt(scanned([], [{ description: 'a', priceText: '2.50', confidence: 90 }, { description: 'b', priceText: '1.25', confidence: 90 }]), ctx());
  expect(fromItems.total).toMatchObject({ value: { minor: 375 }, from: 'items', sure: false });
  expect(readReceipt(scanned([]), ctx()).total).toBeUndefined();
});

test('the currency: the reader’s code, else a symbol or prefix, else the ledger’s (and says so)', () => {
  expect(readReceipt(scanned([c('total', '£9.99')]), ctx()).currency).toEqual({ code: 'GBP', fromReceipt: true });
  expect(readReceipt(scanned([c('total', '$9.99')]), ctx('CAD')).currency).toEqual({ code: 'CAD', fromReceipt: true });
  expect(readReceipt(scanned([c('total', 'RM 9.99')]), ctx()).currency).toEqual({ code: 'MYR', fromReceipt: true });
  expect(readReceipt(scanned([c('total', '9.99', 95, 'EUR')]), ctx()).currency).toEqual({ code: 'EUR', fromReceipt: true });
  expect(readReceipt(scanned([c('total', '9.99')]), ctx('VND')).currency).toEqual({ code: 'VND', fromReceipt: false });
});

test('the date: day/month as the ledger reads it, month names, never a date in the future', () => {
  expect(readReceipt(scanned([c('date', '04/03/2026')]), ctx('USD', 'dmy')).date?.value).toBe('2026-03-04');
  expect(readReceipt(scanned([c('date', '04/03/2026')]), ctx('USD', 'mdy')).date?.value).toBe('2026-04-03');
  expect(readReceipt(scanned([c('date', 'Mar 15, 2026')]), ctx()).date?.value).toBe('2026-03-15');
  expect(readReceipt(scanned([c('date', '15/12/2026')]), ctx()).date).toBeUndefined();
  expect(readReceipt(scanned([c('date', '15/12/2026'), c('date', '14/11/2026', 70)]), ctx()).date).toEqual({ value: '2026-11-14', sure: false });
});
