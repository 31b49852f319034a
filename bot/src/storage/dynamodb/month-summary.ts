import { LocalDate, YearMonth } from '../../core/calendar/local-date';
import { Category } from '../../core/expenses/categories';
import { CurrencyCode } from '../../core/money/currencies';
import { MonthSummary } from '../../core/ports/ledger-store.port';

/**
 * A month's summary item holds one number per category (`c:<category>` spent, `n:<category>` how
 * many) and per day (`d:<DD>`, `e:<DD>`), each grown with ADD. It stays under 1 KB for a ledger of
 * ten categories, so an add pays one write unit for it and a report reads months of them in one request.
 */
export function monthSummaryFields(category: Category, date: LocalDate, minor: number, count: number): Record<string, number> {
  const day = date.slice(8, 10);
  return { [`c:${category}`]: minor, [`n:${category}`]: count, [`d:${day}`]: minor, [`e:${day}`]: count };
}

/** The summary in an item read back; fields of nothing (a deleted expense's) are left out. */
export function monthSummaryOf(item: Record<string, unknown>): MonthSummary {
  const [, month, currency] = String(item.sk).split('#') as [string, YearMonth, CurrencyCode];
  const number = (name: string) => (typeof item[name] === 'number' ? (item[name] as number) : 0);
  const categories: MonthSummary['categories'][number][] = [];
  const days: MonthSummary['days'][number][] = [];
  for (const name of Object.keys(item).sort()) {
    const [kind, rest] = [name.slice(0, 2), name.slice(2)];
    if (kind === 'c:') categories.push({ category: rest as Category, currency, minor: number(name), count: number(`n:${rest}`) });
    if (kind === 'd:') days.push({ date: `${month}-${rest}` as LocalDate, currency, minor: number(name), count: number(`e:${rest}`) });
  }
  const something = (t: { minor: number; count: number }) => t.minor !== 0 || t.count !== 0;
  return { month, currency, categories: categories.filter(something), days: days.filter(something) };
}
