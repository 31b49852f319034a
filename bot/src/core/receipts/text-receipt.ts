import { ReceiptCandidate, ReceiptItem, ScannedReceipt } from './scanned-receipt';

/** The last amount on a line: "TOTAL $22.89" → "$22.89", "Avocado Toast 11.50" → "11.50". */
const TRAILING_AMOUNT = /((?:[$€£¥₫₹]|RM|US\$)?\s?(?:\d{1,3}(?:[.,\s]\d{3})*[.,]\d{2}|\d+[.,]\d{2})(?:\s*[A-Z]{3}\b)?)\s*[A-Z]?\s*$/u;
const DATE = /\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[\s-][A-Za-z]{3,9}[\s-,]+\d{4})\b/;

const SUBTOTAL = /\bsub\s*-?\s*total\b/i;
const TOTAL = /\b(grand\s*total|total(\s+(due|amount|to pay))?|amount\s+(due|paid)|balance\s+due|to\s+pay)\b/i;
/** "Total Tax", "Total Savings", "Total Qty", "GST Total", "Total excl. GST": totals of something else ("Total incl. GST" is the total). */
const NOT_THE_TOTAL = /\b(total\s+(tax|vat|gst|savings?|discounts?|items?|qty|quantity|points?)|(tax|vat|gst)\s+total|excl(uding|\.)?)\b/i;
const TAX = /\b(tax|vat|gst|tva|mwst|iva)\b/i;
const PAYMENT = /\b(card|cash|visa|mastercard|amex|change|tend(er(ed)?)?|paid)\b/i;

/**
 * A receipt's text (from local OCR) as candidates, by the words printed beside the amounts:
 * "TOTAL", "SUBTOTAL", "TAX", a date anywhere, the first line with words for the merchant. The
 * confidences are lower than a trained reader's, so read-receipt.ts marks what it picks as unsure
 * unless the subtotal and tax confirm it.
 */
export function candidatesFromText(text: string): ScannedReceipt {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const candidates: ReceiptCandidate[] = [];
  const items: ReceiptItem[] = [];
  for (const [index, line] of lines.entries()) {
    const date = DATE.exec(line);
    if (date) candidates.push({ kind: 'date', text: date[1]!, confidence: 75 });
    const found = TRAILING_AMOUNT.exec(line);
    if (!found) continue;
    const amount = found[1]!;
    const label = line.slice(0, found.index);
    if (SUBTOTAL.test(label)) candidates.push({ kind: 'subtotal', text: amount, confidence: 70 });
    // The first TOTAL line is the surest (on the SROIE sample, later ones are rounding or tender lines).
    else if (TOTAL.test(label) && !NOT_THE_TOTAL.test(label)) candidates.push({ kind: 'total', text: amount, confidence: /grand/i.test(label) ? 75 : 70 - Math.min(index, 10) / 10 });
    else if (TAX.test(label)) candidates.push({ kind: 'tax', text: amount, confidence: 70 });
    else if (!PAYMENT.test(label) && /\p{L}{2}/u.test(label) && !date) items.push({ description: label.trim(), priceText: amount, confidence: 60 });
  }
  const merchant = lines.slice(0, 3).find((l) => /\p{L}{3}/u.test(l) && !DATE.test(l) && !TRAILING_AMOUNT.test(l));
  if (merchant) candidates.push({ kind: 'merchant', text: merchant, confidence: 75 });
  return { candidates, items, lines };
}
