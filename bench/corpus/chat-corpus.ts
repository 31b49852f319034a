import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { addDays, LocalDate, parseIsoDate } from '../../bot/src/core/calendar/local-date';
import { toCategory } from '../../bot/src/core/expenses/categories';
import { MAX_MESSAGE_LENGTH } from '../../bot/src/core/grammar/parse-expense-text';
import { CurrencyCode, isCurrencyCode } from '../../bot/src/core/money/currencies';

/**
 * The chat-lines corpus (bench/corpus/chat-lines.json): one-line messages as people type them to an
 * expense bot, each with the ledger it is typed into and the reading a careful person would give it.
 * SOURCES.md says where the forms come from and the rules the expected readings follow.
 */
export const CHAT_CORPUS_FILE = join(__dirname, 'chat-lines.json');
/** Lines written apart from the grammar (SOURCES.md): what the bot does on lines it has never seen. */
export const UNSEEN_CORPUS_FILE = join(__dirname, 'chat-lines-unseen.json');

/** The locales the corpus covers; Indonesian and Malay share one group (one language family, one rupiah/ringgit chat style). */
export const LOCALE_GROUPS = ['en', 'vi', 'es', 'pt', 'ru', 'id/ms', 'de', 'fr'] as const;
export type LocaleGroup = (typeof LOCALE_GROUPS)[number];

export function localeGroup(locale: string): LocaleGroup | undefined {
  const language = locale.split('-')[0]!.toLowerCase();
  if (language === 'id' || language === 'ms') return 'id/ms';
  return LOCALE_GROUPS.find((group) => group === language);
}

const isBcp47 = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
};

const currency = z.string().refine(isCurrencyCode, 'an active ISO 4217 code').transform((code) => code as CurrencyCode);

/** "today", "yesterday", or a calendar date, read against the corpus's `today`. */
const dateSpec = z.union([
  z.literal('today'),
  z.literal('yesterday'),
  z.string().refine((text) => parseIsoDate(text) !== undefined, 'an ISO date that exists (YYYY-MM-DD)'),
]);

const ledgerContext = z.strictObject({
  locale: z.string().refine(isBcp47, 'a canonical BCP 47 tag such as vi-VN').refine((tag) => localeGroup(tag) !== undefined, `a locale of ${LOCALE_GROUPS.join(', ')}`),
  currency,
  dateOrder: z.enum(['dmy', 'mdy']),
});

const expectedExpense = z.strictObject({
  kind: z.literal('expense'),
  /** In the currency's ISO 4217 minor units (VND, CLP: 0 decimals; IDR, COP: 2). */
  amountMinor: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  currency,
  date: dateSpec,
  description: z.string(),
  /** A default category name or the line's #tag, lower case; null when nothing in the line says. */
  category: z.string().refine((name) => toCategory(name) === name, 'a category as the ledger stores it (lower case, no #)').nullable(),
});

const expectedReading = z.discriminatedUnion('kind', [
  expectedExpense,
  z.strictObject({ kind: z.literal('not-an-expense') }),
  /** A careful person would ask before recording: a count, an implausible amount, two candidates, a far date. */
  z.strictObject({ kind: z.literal('should-ask'), reason: z.string().min(1) }),
]);

const corpusEntry = z.strictObject({
  text: z.string().min(1).max(MAX_MESSAGE_LENGTH)
    .refine((text) => text === text.trim() && !/[\r\n]/.test(text), 'one trimmed line'),
  ledger: ledgerContext,
  expected: expectedReading,
  /** Which section of SOURCES.md the line's form comes from. */
  source: z.enum(['spec', 'issue', 'conventions', 'chat']),
});

export const chatCorpusSchema = z.strictObject({
  /** The date every relative date in the corpus is read against; the bench's clock stands on it. */
  today: z.string().refine((text) => parseIsoDate(text) !== undefined, 'an ISO date'),
  entries: z.array(corpusEntry).min(1),
});

export type ChatCorpus = z.infer<typeof chatCorpusSchema>;
export type CorpusEntry = z.infer<typeof corpusEntry>;
export type ExpectedExpense = z.infer<typeof expectedExpense>;
export type DateSpec = z.infer<typeof dateSpec>;

/** Reads and validates the corpus; throws with every problem listed when the file does not fit. */
export function loadChatCorpus(file: string = CHAT_CORPUS_FILE): ChatCorpus {
  const parsed = chatCorpusSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} does not fit the corpus schema:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function resolveDate(spec: DateSpec, today: LocalDate): LocalDate {
  if (spec === 'today') return today;
  if (spec === 'yesterday') return addDays(today, -1);
  return spec as LocalDate;
}

export const groupOf = (entry: CorpusEntry): LocaleGroup => localeGroup(entry.ledger.locale)!;
