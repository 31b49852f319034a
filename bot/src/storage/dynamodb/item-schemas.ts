import { z } from 'zod';
import { Category } from '../../core/expenses/categories';
import { LocalDate } from '../../core/calendar/local-date';
import { CurrencyCode } from '../../core/money/currencies';
import { Expense } from '../../core/ledger/expense';
import { LedgerState } from '../../core/ledger/ledger-state';
import { Reply } from '../../core/conversation/reply';

/** Items are parsed on the way in from the database, like any other edge. */
const currency = z.string().regex(/^[A-Z]{3}$/).transform((c) => c as CurrencyCode);
const money = z.object({ minor: z.number().int(), currency });
const category = z.string().min(1).transform((c) => c as Category);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).transform((d) => d as LocalDate);

export const expenseSchema = z.object({
  ref: z.number().int().positive(),
  amount: money,
  category,
  description: z.string(),
  date: localDate,
  recordedAt: z.string(),
  recordedBy: z.string(),
}) satisfies z.ZodType<Expense, unknown>;

const budgetSchema = z.object({
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('total') }),
    z.object({ kind: z.literal('category'), category }),
  ]),
  limit: money,
});

export const ledgerStateSchema = z.object({
  settings: z.object({
    currency,
    timeZone: z.string(),
    dateOrder: z.enum(['dmy', 'mdy']),
  }),
  budgets: z.record(z.string(), budgetSchema),
  announced: z.array(z.string()),
  nextRef: z.number().int().positive(),
  categories: z.array(category),
}) satisfies z.ZodType<LedgerState, unknown>;

export const headItemSchema = z.object({ version: z.number().int().nonnegative(), state: ledgerStateSchema });

export const expenseItemSchema = z.object({ expense: expenseSchema });

const replyFile = z.object({ name: z.string(), mimeType: z.string(), content: z.instanceof(Uint8Array) });
export const repliesSchema = z.array(z.object({
  text: z.string(),
  choices: z.array(z.object({ label: z.string(), action: z.string() })).optional(),
  image: replyFile.optional(),
  file: replyFile.optional(),
})) satisfies z.ZodType<Reply[], unknown>;

export const totalItemSchema = z.object({ sk: z.string(), minor: z.number().int(), count: z.number().int() });
export const memoryItemSchema = z.object({ category });
