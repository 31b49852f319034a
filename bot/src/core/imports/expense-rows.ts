import { parse } from 'csv-parse/sync';
import { LocalDate, parseIsoDate } from '../calendar/local-date';
import { Category, toCategory } from '../expenses/categories';
import { parseRef } from '../ledger/expense';
import { toCurrencyCode } from '../money/currencies';
import { Money } from '../money/money';
import { parseAmountNumber } from '../money/parse-amount';
import { CSV_HEADER } from '../reports/expenses-csv';
import { isUserError } from '../user-error';

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

function readRow(fields: string[], line: number): ExpenseRow | RowProblem {
  if (fields.length !== 6) return { line, problem: `expected 6 fields, found ${fields.length}` };
  const [dateText, amountText, currencyText, categoryText, rawDescription, refText] = fields as [string, string, string, string, string, string];
  const date = parseIsoDate(dateText);
  if (!date) return { line, problem: `"${dateText}" is not a date (YYYY-MM-DD)` };
  const currency = toCurrencyCode(currencyText);
  if (!currency) return { line, problem: `"${currencyText}" is not an ISO 4217 currency code` };
  if (!/^\d+(\.\d+)?$/.test(amountText)) return { line, problem: `"${amountText}" is not an amount (digits, a dot for decimals)` };
  const amount = parseAmountNumber(amountText, '', currency);
  if (isUserError(amount)) return { line, problem: amount.message };
  if (amount.minor <= 0) return { line, problem: 'the amount must be more than zero' };
  const category = toCategory(categoryText);
  if (!category) return { line, problem: `"${categoryText}" is not a category` };
  // The export keeps a leading = + - @ from running as a formula with a quote; take it off again.
  const description = /^'[=+\-@\t\r]/.test(rawDescription) ? rawDescription.slice(1) : rawDescription;
  if (description.length > MAX_DESCRIPTION) return { line, problem: `the description is over ${MAX_DESCRIPTION} characters` };
  const ref = refText === '' ? undefined : parseRef(refText);
  if (refText !== '' && ref === undefined) return { line, problem: `"${refText}" is not a reference like #42` };
  return { line, date, amount, category, description, ...(ref ? { ref } : {}) };
}
