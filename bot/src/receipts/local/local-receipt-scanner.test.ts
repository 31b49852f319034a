import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalDate } from '../../core/calendar/local-date';
import { CurrencyCode } from '../../core/money/currencies';
import { readReceipt } from '../../core/receipts/read-receipt';
import { createLocalReceiptScanner } from './local-receipt-scanner';

// The local reader on a real image, with every way out to the network closed: it must read offline.
const network = jest.fn(() => {
  throw new Error('the local receipt reader tried the network');
});
let scanner: ReturnType<typeof createLocalReceiptScanner>;
beforeAll(() => {
  global.fetch = network as never;
  scanner = createLocalReceiptScanner();
});
afterAll(() => scanner.close());

test('our own café receipt, read offline: total, date, merchant and items', async () => {
  const image = readFileSync(join(__dirname, 'fixtures', 'green-leaf-cafe.png'));
  const scanned = await scanner.scan(image, 'image/png');
  const reading = readReceipt(scanned, { ledgerCurrency: 'USD' as CurrencyCode, today: '2026-11-22' as LocalDate, dateOrder: 'dmy' });
  expect(reading.total).toMatchObject({ value: { minor: 2289, currency: 'USD' }, sure: true });
  expect(reading.date?.value).toBe('2026-11-14');
  expect(reading.merchant?.value).toBe('GREEN LEAF CAFE');
  expect(reading.items.map((i) => i.amount.minor)).toEqual([420, 1150, 530]);
  expect(network).not.toHaveBeenCalled();
}, 60_000);
