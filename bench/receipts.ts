import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalDate } from '../bot/src/core/calendar/local-date';
import { CurrencyCode } from '../bot/src/core/money/currencies';
import { readReceipt } from '../bot/src/core/receipts/read-receipt';
import { checkReceiptImage } from '../bot/src/core/receipts/receipt-image-check';
import { isUserError } from '../bot/src/core/user-error';
import { createLocalReceiptScanner } from '../bot/src/receipts/local/local-receipt-scanner';
import { percentile } from './chat-floor';

const SROIE = join(__dirname, '..', '..', 'shared', 'fixtures', 'sroie');
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** SROIE's printed strings into what the reader yields: "RM8.60" → 860; "12/03/18", "04 JUN 2018" → ISO. */
const expectedTotal = (text: string) => Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);
function expectedDate(text: string): string | undefined {
  const numeric = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})/.exec(text);
  if (numeric) return `${numeric[3]!.length === 2 ? `20${numeric[3]}` : numeric[3]}-${numeric[2]!.padStart(2, '0')}-${numeric[1]!.padStart(2, '0')}`;
  const named = /(\d{1,2})\s+([A-Z]{3})[A-Z]*\s+(\d{4})/i.exec(text);
  return named ? `${named[3]}-${String(MONTHS.indexOf(named[2]!.toUpperCase()) + 1).padStart(2, '0')}-${named[1]!.padStart(2, '0')}` : undefined;
}
const normalised = (text: string | undefined) => (text ?? '').toUpperCase().replace(/\s+/g, ' ').trim();

/**
 * The local reader on the SROIE sample (32 scanned Malaysian receipts with ground truth): seconds
 * per receipt, peak memory, and exact-match accuracy of total, date and merchant.
 */
export async function benchReceipts(): Promise<void> {
  if (!existsSync(SROIE)) {
    console.log('\nReceipts: skipped (../shared/fixtures/sroie is not here)');
    return;
  }
  const scanner = createLocalReceiptScanner();
  const ctx = { ledgerCurrency: 'MYR' as CurrencyCode, today: '2026-11-22' as LocalDate, dateOrder: 'dmy' as const };
  const seconds: number[] = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const right = { total: 0, date: 0, merchant: 0 };
  let refused = 0;
  const ids = readdirSync(join(SROIE, 'img')).filter((f) => f.endsWith('.jpg')).map((f) => f.slice(0, -4)).sort();
  try {
    for (const id of ids) {
      const key = JSON.parse(readFileSync(join(SROIE, 'key', `${id}.json`), 'utf8')) as { company: string; date: string; total: string };
      const image = checkReceiptImage(readFileSync(join(SROIE, 'img', `${id}.jpg`)));
      if (isUserError(image)) {
        refused += 1;
        continue;
      }
      const started = process.hrtime.bigint();
      const reading = readReceipt(await scanner.scan(image.bytes, image.mimeType), ctx);
      seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      if (reading.total?.value.minor === expectedTotal(key.total)) right.total += 1;
      if (reading.date?.value === expectedDate(key.date)) right.date += 1;
      if (normalised(reading.merchant?.value) === normalised(key.company)) right.merchant += 1;
    }
  } finally {
    clearInterval(sampler);
    await scanner.close();
  }
  const n = ids.length;
  console.log(`\nReceipts read on this machine (tesseract.js), SROIE sample of ${n} scans`);
  console.log(`  seconds per receipt   p50 ${percentile(seconds, 0.5).toFixed(2)}, max ${Math.max(...seconds).toFixed(2)}; peak RSS ${(peak / 1e6).toFixed(0)} MB`);
  console.log(`  total     ${String(right.total).padStart(3)} / ${n}   (exact amount)`);
  console.log(`  date      ${String(right.date).padStart(3)} / ${n}   (same day)`);
  console.log(`  merchant  ${String(right.merchant).padStart(3)} / ${n}   (same name, case and spaces aside)`);
  if (refused) console.log(`  refused   ${String(refused).padStart(3)} / ${n}   (over Textract's limits: not downscaled yet)`);
  console.log('  Published end-to-end SROIE task-3 systems score 82–92 F1 (../shared/RECEIPTS.md §2.3).');
}

if (require.main === module) void benchReceipts();
