import { parse } from 'csv-parse/sync';
import { LocalDate, parseIsoDate } from '../calendar/local-date';
import { Category, toCategory } from '../expenses/categories';
import { parseRef } from '../ledger/expense';
import { CurrencyCode, currencyExponent, toCurrencyCode } from '../money/currencies';
import { Money } from '../money/money';
import { CSV_HEADER } from '../reports/expenses-csv';

/** One row of an export file, read back. */
export interface ExpenseRow {
  readonly line: number;
  readonly date: LocalDate;
  readonly amount: Money;
  readonly category: Category;
  readonly description: string;
  readonly ref?: number;
}

export interface RowProblem {
  readonly line: number;
  readonly problem: string;
}

const MAX_DESCRIPTION = 200;

/**
 * Reads the chat export's CSV (`date,amount,currency,category,description,reference`) back into
 * rows, every row checked; what is wrong is reported with its line number, nothing is guessed.
 */
export function readExpenseRows(csv: string): { rows: ExpenseRow[]; problems: RowProblem[] } {
  let records: string[][];
  try {
    records = parse(csv, { relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    return { rows: [], problems: [{ line: (error as { lines?: number }).lines ?? 1, problem: `not CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  if (!header || header.join(',') !== CSV_HEADER) return { rows: [], problems: [{ line: 1, problem: `the first line must be ${CSV_HEADER}` }] };
  const rows: ExpenseRow[] = [];
  const problems: RowProblem[] = [];
  body.forEach((fields, i) => {
    const line = i + 2;
    const read = readRow(fields, line);
    if ('problem' in read) problems.push(read);
    else rows.push(read);
  });
  return { rows, problems };
}

/** The export writes amounts with a dot and the currency's own decimals ("12.50", "1.250" KWD, "120000" VND). */
function exportedAmount(text: string, currency: CurrencyCode): Money | string {
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(text);
  if (!m) return `"${text}" is not an amount (digits, a dot for decimals)`;
  const exponent = currencyExponent(currency);
  const fraction = m[2] ?? '';
  if (fraction.length > exponent) return `"${text}" has more decimals than ${currency} has (${exponent})`;
  const minor = Number(m[1]! + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor) || minor <= 0) return 'the amount must be more than zero';
  return { minor, currency };
}

function readRow(fields: string[], line: number): ExpenseRow | RowProblem {
  if (fields.length !== 6) return { line, problem: `expected 6 fields, found ${fields.length}` };
  const [dateText, amountText, currencyText, categoryText, rawDescription, refText] = fields as [string, string, string, string, string, string];
  const date = parseIsoDate(dateText);
  if (!date) return { line, problem: `"${dateText}" is not a date (YYYY-MM-DD)` };
  const currency = toCurrencyCode(currencyText);
  if (!currency) return { line, problem: `"${currencyText}" is not an ISO 4217 currency code` };
  const amount = exportedAmount(amountText, currency);
  if (typeof amount === 'string') return { line, problem: amount };
  const category = toCategory(categoryText);
  if (!category) return { line, problem: `"${categoryText}" is not a category` };
  // The export keeps a leading = + - @ from running as a formula with a quote; take it off again.
  const description = /^'[=+\-@\t\r]/.test(rawDescription) ? rawDescription.slice(1) : rawDescription;
  if (description.length > MAX_DESCRIPTION) return { line, problem: `the description is over ${MAX_DESCRIPTION} characters` };
  const ref = refText === '' ? undefined : parseRef(refText);
  if (refText !== '' && ref === undefined) return { line, problem: `"${refText}" is not a reference like #42` };
  return { line, date, amount, category, description, ...(ref ? { ref } : {}) };
}
