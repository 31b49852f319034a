import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalDate } from '../../core/calendar/local-date';
import { CurrencyCode } from '../../core/money/currencies';
import { readReceipt, ReadingContext } from '../../core/receipts/read-receipt';
import { sharedFixture } from '../../../../test/support/telegram-updates';
import { fromAnalyzeExpense } from './from-analyze-expense';

const usd: ReadingContext = { ledgerCurrency: 'USD' as CurrencyCode, today: '2026-11-22' as LocalDate, dateOrder: 'mdy' };
const read = (response: unknown, ctx = usd) => readReceipt(fromAnalyzeExpense(response as never), ctx);

test('our own café receipt: the sure TOTAL over a zero "change" TOTAL, euros from the receipt, the items', () => {
  const response = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'cafe-receipt.analyze-expense.json'), 'utf8'));
  const reading = read(response, { ledgerCurrency: 'USD' as CurrencyCode, today: '2026-11-22' as LocalDate, dateOrder: 'dmy' });
  expect(reading.total).toEqual({ value: { minor: 1694, currency: 'EUR' }, sure: true, from: 'total' }); // 76 % alone, but subtotal + tax confirm it
  expect(reading.currency).toEqual({ code: 'EUR', fromReceipt: true });
  expect(reading.merchant).toEqual({ value: 'Café Lumière', sure: true });
  expect(reading.date).toEqual({ value: '2026-11-14', sure: true });
  expect(reading.tax).toEqual({ minor: 154, currency: 'EUR' });
  expect(reading.items).toEqual([
    { description: 'Croque monsieur', amount: { minor: 990, currency: 'EUR' } },
    { description: 'Café crème', amount: { minor: 550, currency: 'EUR' } },
  ]);
});

// Genuine AnalyzeExpense responses from AWS's own projects (../shared/fixtures/textract).
const genuine = (name: string) => sharedFixture(`textract/${name}.json`);

test('the Mega Market receipt: total, vendor, date and currency as Textract read them', () => {
  const response = genuine('textractor-receipt-mega-market');
  if (!response) return;
  const reading = read(response, { ...usd, today: '2026-11-22' as LocalDate });
  expect(reading.total).toMatchObject({ value: { minor: 181046, currency: 'USD' }, sure: true, from: 'total' });
  expect(reading.merchant?.value).toBe('MEGA MARKET PLUS');
  expect(reading.date?.value).toBe('2019-12-07');
  expect(reading.tax).toEqual({ minor: 11050, currency: 'USD' });
  expect(reading.items.length).toBeGreaterThan(0);
});

test('five TOTALs on one receipt: the surest positive one, not the $0.00 balance', () => {
  const response = genuine('trp-medical-receipt-multiple-totals');
  if (!response) return;
  expect(read(response).total).toMatchObject({ value: { minor: 6000 }, sure: true });
});

test('an invoice whose SUBTOTAL is labelled "Total": the TOTAL by type, never by label', () => {
  const response = genuine('trp-invoice-line-items');
  if (!response) return;
  const reading = read(response);
  expect(reading.total).toMatchObject({ value: { minor: 623109 }, from: 'total' });
  expect(reading.date?.value).toBe('2021-01-01');
});

test('a guessed vendor is dropped; a two-page invoice takes its total from the page that has it', () => {
  const costco = genuine('trp-receipt-costco');
  if (costco) {
    const reading = read(costco);
    expect(reading.merchant).toBeUndefined(); // "costco" at 24 % confidence
    expect(reading.total).toMatchObject({ value: { minor: 3848 } });
  }
  const twoPages = genuine('trp-invoice-2page-async');
  if (twoPages) {
    const reading = read(twoPages);
    expect(reading.total).toMatchObject({ value: { minor: 571500, currency: 'USD' } });
    expect(reading.merchant).toBeUndefined(); // "META\n-"
    expect(reading.date?.value).toBe('2020-03-12');
  }
});

test('no summary fields and no currency: the line items add up, never sure, in the ledger’s currency', () => {
  const response = genuine('textractor-receipt-no-summary-fields');
  if (!response) return;
  const reading = read(response, { ...usd, ledgerCurrency: 'PHP' as CurrencyCode });
  expect(reading.currency).toEqual({ code: 'PHP', fromReceipt: false });
  expect(reading.total).toMatchObject({ sure: false, from: 'items', value: { currency: 'PHP' } });
  expect(reading.total!.value.minor).toBeGreaterThan(0);
});

test('an empty value, a missing geometry: nothing read, nothing thrown', () => {
  const response = genuine('trp-edge-missing-geometry');
  if (response) expect(read(response)).toEqual({ currency: { code: 'USD', fromReceipt: false }, items: [] });
  expect(read({})).toEqual({ currency: { code: 'USD', fromReceipt: false }, items: [] });
});
