import { z } from 'zod';
import { Category } from '../../core/expenses/categories';
import { LocalDate } from '../../core/calendar/local-date';
import { LocalTime } from '../../core/calendar/zoned-time';
import { Schedule } from '../../core/schedules/schedule';
import { CurrencyCode } from '../../core/money/currencies';
import { Expense } from '../../core/ledger/expense';
import { LedgerState } from '../../core/ledger/ledger-state';
import { Reply } from '../../core/conversation/reply';
import { isLedgerId, isMemberId, LedgerId, MemberId } from '../../core/ledger/ledger-id';

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
  recordedBy: z.string().transform((m) => m as MemberId),
  receipt: z.string().optional(),
}) satisfies z.ZodType<Expense, unknown>;

const budgetSchema = z.object({
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('total') }),
    z.object({ kind: z.literal('category'), category }),
  ]),
  limit: money,
});

const localTime = z.string().regex(/^\d{2}:\d{2}$/).transform((t) => t as LocalTime);
const scheduleSchema = z.strictObject({
  id: z.string(),
  ref: z.number().int().positive(),
  task: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('expense'), amount: money, description: z.string(), category }),
    z.strictObject({ kind: z.literal('digest') }),
    z.strictObject({ kind: z.literal('reminder') }),
  ]),
  recurrence: z.discriminatedUnion('every', [
    z.strictObject({ every: z.literal('day') }),
    z.strictObject({ every: z.literal('week'), weekday: z.number().int().min(0).max(6) }),
    z.strictObject({ every: z.literal('month'), day: z.number().int().min(1).max(31) }),
    z.strictObject({ every: z.literal('year'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  ]),
  at: localTime,
  next: localDate,
  by: z.string().transform((m) => m as MemberId),
  paused: z.enum(['asked', 'unreachable']).optional(),
}) satisfies z.ZodType<Schedule, unknown>;

const address = z.strictObject({
  platform: z.enum(['local', 'slack', 'telegram']),
  workspace: z.string().optional(),
  conversationId: z.string(),
  userId: z.string().optional(),
});

/** Strict: a field added to LedgerState but not here fails loudly instead of vanishing on the way back. */
export const ledgerStateSchema = z.strictObject({
  scope: z.enum(['personal', 'group']),
  address: address.optional(),
  settings: z.strictObject({
    currency,
    timeZone: z.string(),
    dateOrder: z.enum(['dmy', 'mdy']),
    locale: z.string().optional(),
    weekStart: z.enum(['monday', 'sunday']).optional(),
  }),
  budgets: z.record(z.string(), budgetSchema),
  announced: z.array(z.string()),
  nextRef: z.number().int().positive(),
  categories: z.array(category),
  timeZoneChosen: z.boolean().default(false),
  schedules: z.record(z.string(), scheduleSchema).default({}),
  nextScheduleRef: z.number().int().positive().default(1),
}) satisfies z.ZodType<LedgerState, unknown>;

export const headItemSchema = z.object({ version: z.number().int().nonnegative(), state: ledgerStateSchema });

export const expenseItemSchema = z.object({ expense: expenseSchema });

const formattedText = z.array(z.object({
  kind: z.enum(['line', 'item']),
  spans: z.array(z.object({ text: z.string(), style: z.enum(['bold', 'code']).optional() })),
}));
const choice = z.object({ label: z.string(), action: z.string(), style: z.enum(['primary', 'danger']).optional() });
const form = z.object({
  title: z.string(),
  submit: z.object({ label: z.string(), action: z.string() }),
  fields: z.array(z.object({ name: z.string(), label: z.string(), value: z.string(), hint: z.string().optional(), error: z.string().optional() })),
});
/** Replies kept for redeliveries: never files, images or view data (see storableReplies). */
export const repliesSchema = z.array(z.object({
  text: formattedText,
  choices: z.array(z.array(choice)).optional(),
  audience: z.enum(['conversation', 'sender']).optional(),
  replacesPressed: z.boolean().optional(),
  form: form.optional(),
})) satisfies z.ZodType<Reply[], unknown>;

export const conversationItemSchema = z.object({
  ledger: z.string().refine(isLedgerId).transform((l) => l as LedgerId),
  scope: z.enum(['personal', 'group']),
  unreachable: z.literal(true).optional(),
  /** A private conversation's one person, as their membership item has it (see dynamodb-directory.ts). */
  member: z.string().refine(isMemberId).transform((m) => m as MemberId).optional(),
  name: z.string().optional(),
});
export const membershipItemSchema = z.object({ member: z.string().refine(isMemberId).transform((m) => m as MemberId), name: z.string().optional() });
export const memberItemSchema = z.object({ sk: z.string(), name: z.string() });

export const totalItemSchema = z.object({ sk: z.string(), minor: z.number().int(), count: z.number().int() });
export const searchTermItemSchema = z.object({ ref: z.number().int().positive(), date: localDate, minor: z.number().int(), currency })
  .transform(({ ref, date, minor, currency }) => ({ ref, date, minor, currency }));
export const expenseAmountItemSchema = z.object({
  ref: z.number().int().positive(), date: localDate, category, description: z.string(), minor: z.number().int(), currency,
}).transform(({ ref, date, category, description, minor, currency }) => ({ ref, date, category, description, minor, currency }));
export const memoryItemSchema = z.object({ category });
export const localMailboxItemSchema = z.object({ sk: z.string(), reply: z.string() });
