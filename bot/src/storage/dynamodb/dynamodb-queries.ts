import { GetCommand, QueryCommand, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { firstOfMonth, lastOfMonth, LocalDate, YearMonth, yearMonthOf } from '../../core/calendar/local-date';
import { Category } from '../../core/expenses/categories';
import { Expense } from '../../core/ledger/expense';
import { LedgerId } from '../../core/ledger/ledger-id';
import { CurrencyCode } from '../../core/money/currencies';
import { CategoryTotal, DayTotal, DescriptionTotal, ExpenseAmount, ExpenseQueries, MonthSummary, MonthTotal, SearchResult, SpendingTotals } from '../../core/ports/ledger-store.port';
import { categoryTotalsOf, dayTotalsOf, monthTotalsOf } from '../../core/reports/month-summaries';
import { monthSummaryOf } from './month-summary';
import { wholeMonths } from '../../core/reports/period';
import { DynamoTable } from './dynamodb-tables';
import { expenseAmountItemSchema, expenseItemSchema, searchTermItemSchema, totalItemSchema } from './item-schemas';
import { keys, RANGE_END } from './item-keys';
import { BY_DATE_INDEX } from './table-spec';
import { queryItems } from './ledger-catalog';

/** Reads are strongly consistent: a reply never shows a ledger older than the write just answered. */
async function queryAll(
  table: DynamoTable,
  { stopAfter, ...input }: Omit<QueryCommandInput, 'TableName'> & { stopAfter?: number },
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const enough = stopAfter ?? input.Limit;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(new QueryCommand({ ...input, TableName: table.tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
    if (enough !== undefined && items.length >= enough) break;
  } while (start);
  return items;
}

/** Index entries an event removed stay a while as tombstones (see ledger-indexes.ts). */
const NOT_REMOVED = 'attribute_not_exists(gone)';

const toExpense = (item: Record<string, unknown>): Expense => expenseItemSchema.parse(item).expense;

export function createDynamoExpenseQueries(table: DynamoTable): ExpenseQueries {
  const expense = async (ledger: LedgerId, ref: number) => {
    const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: keys.ledger(ledger), sk: keys.expense(ref) }, ConsistentRead: true }));
    return out.Item ? toExpense(out.Item) : undefined;
  };
  return {
    expense,
    async latestRecorded(ledger, by) {
      // With `by`, a filter: DynamoDB reads newest first until one of theirs turns up.
      const [item] = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ...(by
          ? {
              FilterExpression: '#expense.recordedBy = :by',
              ExpressionAttributeNames: { '#expense': 'expense' },
              ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':prefix': keys.expensePrefix, ':by': by },
            }
          : { ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':prefix': keys.expensePrefix } }),
        ScanIndexForward: false,
        Limit: by ? 100 : 1,
        stopAfter: 1,
      });
      return item ? toExpense(item) : undefined;
    },
    async recent(ledger, limit) {
      const items = await queryAll(table, {
        IndexName: BY_DATE_INDEX,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.ledger(ledger) },
        ScanIndexForward: false,
        Limit: limit,
      });
      return items.slice(0, limit).map(toExpense);
    },
    async withReceipt(ledger, receipt) {
      const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: keys.ledger(ledger), sk: keys.receipt(receipt) }, ConsistentRead: true }));
      const ref = out.Item?.ref;
      return typeof ref === 'number' ? expense(ledger, ref) : undefined;
    },
    async *pages(ledger) {
      let page: Expense[] = [];
      for await (const item of queryItems(table, {
        IndexName: BY_DATE_INDEX,
        KeyConditionExpression: 'pk = :pk AND begins_with(lsi1sk, :d)',
        ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':d': 'D#' },
      })) {
        page.push(toExpense(item));
        if (page.length === EXPORT_PAGE) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
    },
    async search(ledger, words, span, limit): Promise<SearchResult> {
      if (words.length === 0) return { hits: [], truncated: false };
      // One range of the word index per word, newest first; an expense matches when every word finds it.
      const perWord = await Promise.all(words.map((word) => {
        const prefix = keys.searchTermPrefix(word);
        return queryAll(table, {
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lower AND :upper',
          ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':lower': `${prefix}${span.from ?? ''}`, ':upper': `${prefix}${span.to ?? ''}${RANGE_END}` },
          FilterExpression: NOT_REMOVED,
          ScanIndexForward: false,
          Limit: limit + 1,
        });
      }));
      const truncated = perWord.some((items) => items.length > limit);
      const [first, ...others] = perWord.map((items) => items.slice(0, limit).map((item) => searchTermItemSchema.parse(item)));
      const inAll = others.map((hits) => new Set(hits.map((h) => h.ref)));
      return { hits: first!.filter((h) => inAll.every((refs) => refs.has(h.ref))), truncated };
    },
    async between(ledger, from, to) {
      const items = await queryAll(table, {
        IndexName: BY_DATE_INDEX,
        KeyConditionExpression: 'pk = :pk AND lsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':from': `D#${from}`, ':to': `D#${to}#${RANGE_END}` },
      });
      return items.map(toExpense);
    },
  };
}

/** Expenses handed on at a time by `pages`: DynamoDB returns up to 1 MB a query page anyway. */
const EXPORT_PAGE = 500;

export function createDynamoSpendingTotals(table: DynamoTable): SpendingTotals {
  const months = async (ledger: LedgerId, from: YearMonth, to: YearMonth): Promise<MonthSummary[]> => {
    const items = await queryAll(table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lower AND :upper',
      ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':lower': keys.monthSummaryPrefix(from), ':upper': `${keys.monthSummaryPrefix(to)}${RANGE_END}` },
    });
    return items.map(monthSummaryOf).filter((s) => s.categories.length > 0 || s.days.length > 0);
  };
  /** Day totals per category, for spans that are not whole months. */
  const dayItems = (ledger: LedgerId, from: LocalDate, to: LocalDate) => queryAll(table, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lower AND :upper',
    ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':lower': `TD#${from}`, ':upper': `TD#${to}#${RANGE_END}` },
  });
  return {
    months,
    async totals(ledger: LedgerId, from: LocalDate, to: LocalDate): Promise<CategoryTotal[]> {
      if (isWholeMonths(from, to)) return categoryTotalsOf(await months(ledger, yearMonthOf(from), yearMonthOf(to)), yearMonthOf(from), yearMonthOf(to));
      const sums = new Map<string, CategoryTotal>();
      for (const raw of await dayItems(ledger, from, to)) {
        const item = totalItemSchema.parse(raw);
        const [, , currency, category] = item.sk.split('#') as [string, string, string, string];
        const key = `${currency}#${category}`;
        const prior = sums.get(key);
        sums.set(key, {
          category: category as Category,
          currency: currency as CurrencyCode,
          minor: (prior?.minor ?? 0) + item.minor,
          count: (prior?.count ?? 0) + item.count,
        });
      }
      return [...sums.values()].filter((t) => t.count !== 0 || t.minor !== 0);
    },
    async daily(ledger, from, to): Promise<DayTotal[]> {
      if (isWholeMonths(from, to)) return dayTotalsOf(await months(ledger, yearMonthOf(from), yearMonthOf(to)), from, to);
      // Day totals sort by date, then currency: summing neighbours over categories keeps that order.
      const days: DayTotal[] = [];
      for (const raw of await dayItems(ledger, from, to)) {
        const item = totalItemSchema.parse(raw);
        const [, date, currency] = item.sk.split('#') as [string, LocalDate, CurrencyCode];
        const last = days.at(-1);
        if (last && last.date === date && last.currency === currency) days[days.length - 1] = { ...last, minor: last.minor + item.minor, count: last.count + item.count };
        else days.push({ date, currency, minor: item.minor, count: item.count });
      }
      return days.filter((t) => t.count !== 0 || t.minor !== 0);
    },
    async monthly(ledger, from, to): Promise<MonthTotal[]> {
      return monthTotalsOf(await months(ledger, from, to));
    },
    async byDescription(ledger, from, to): Promise<DescriptionTotal[]> {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lower AND :upper',
        ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':lower': keys.descriptionTotalPrefix(from), ':upper': `${keys.descriptionTotalPrefix(to)}${RANGE_END}` },
      });
      const sums = new Map<string, DescriptionTotal>();
      for (const raw of items) {
        const item = totalItemSchema.parse(raw);
        // DS#<month>#<currency>#<description>: the description is the rest, '#' and all.
        const [, , currency, ...rest] = item.sk.split('#') as [string, string, CurrencyCode, ...string[]];
        const description = rest.join('#');
        const prior = sums.get(`${currency}#${description}`);
        sums.set(`${currency}#${description}`, { description, currency, minor: (prior?.minor ?? 0) + item.minor, count: (prior?.count ?? 0) + item.count });
      }
      return [...sums.values()].filter((t) => t.count !== 0 || t.minor !== 0);
    },
    async largest(ledger, month, currency, limit): Promise<ExpenseAmount[]> {
      // BETWEEN, not begins_with: the same range, and DynamoDB Local walks the whole partition for begins_with.
      const prefix = keys.byAmountPrefix(month, currency);
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lower AND :upper',
        ExpressionAttributeValues: { ':pk': keys.ledger(ledger), ':lower': prefix, ':upper': `${prefix}${RANGE_END}` },
        FilterExpression: NOT_REMOVED,
        ScanIndexForward: false,
        Limit: limit,
      });
      return items.slice(0, limit).map((item) => expenseAmountItemSchema.parse(item));
    },
  };
}

const isWholeMonths = (from: LocalDate, to: LocalDate) => wholeMonths({ from, to });
