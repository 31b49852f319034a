import { Expense, formatRef } from '../ledger/expense';
import { toDecimalString } from '../money/money';

export const CSV_HEADER = 'date,amount,currency,category,description,reference';

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. */
export function expensesCsv(expenses: readonly Expense[]): string {
  return [CSV_HEADER, ...expenses.map(expenseCsvRow)].join('\r\n') + '\r\n';
}

/** One expense as a CSV row, without its line end (for writing page by page). */
export function expenseCsvRow(e: Expense): string {
  return [e.date, toDecimalString(e.amount), e.amount.currency, e.category, e.description, formatRef(e.ref)].map(csvField).join(',');
}

function csvField(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet; a leading quote keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
