import { Chart } from '../core/charts/chart';
import { CurrencyCode } from '../core/money/currencies';

/** Charts with known content, for the golden-image tests and the bench. */
export const CHART_EXAMPLES: Record<'month' | 'vietnamese' | 'budgets' | 'trend', Chart> = {
  month: {
    title: 'Spending in 2026-03 · Ana',
    subtitle: 'USD · 1 to 31 March, beside February',
    currency: 'USD' as CurrencyCode,
    locale: 'en-US',
    panels: [
      {
        kind: 'bars', title: 'By category', compare: 'beside', series: { value: '2026-03', compared: '2026-02' },
        bars: [
          { label: 'rent', minor: 120_000, compared: 120_000 },
          { label: 'food', minor: 54_320, compared: 41_200 },
          { label: 'transport', minor: 12_050, compared: 18_990 },
          { label: 'fun', minor: 4_500, compared: 0 },
        ],
      },
      {
        kind: 'cumulative', title: 'Day by day', days: 31,
        lines: [
          { name: '2026-03', points: Array.from({ length: 31 }, (_, i) => 120_000 + Math.round((i + 1) * 2_286.7)) },
          { name: '2026-02', points: Array.from({ length: 28 }, (_, i) => 120_000 + (i + 1) * 2_150) },
        ],
        limit: { name: 'budget', minor: 200_000 },
      },
    ],
  },
  vietnamese: {
    title: 'Chi tiêu tháng 2026-03 · Nhóm Phở',
    currency: 'VND' as CurrencyCode,
    locale: 'vi-VN',
    panels: [{
      kind: 'bars', title: 'Theo danh mục', compare: 'beside', series: { value: '2026-03', compared: '2026-02' },
      bars: [{ label: 'ăn uống', minor: 3_250_000, compared: 2_900_000 }, { label: 'đi lại', minor: 420_000, compared: 610_000 }],
    }],
  },
  budgets: {
    title: 'Budgets for 2026-03 · Ana',
    currency: 'EUR' as CurrencyCode,
    locale: 'de-DE',
    panels: [{
      kind: 'bars', title: 'Spent against each budget', compare: 'limit', series: { value: 'spent', compared: 'budget' },
      bars: [{ label: 'total', minor: 85_000, compared: 100_000 }, { label: 'food', minor: 32_050, compared: 30_000 }, { label: 'fun', minor: 2_000, compared: 10_000 }],
    }],
  },
  trend: {
    title: 'food, month by month · Ana',
    currency: 'USD' as CurrencyCode,
    locale: 'en-US',
    panels: [{
      kind: 'columns', title: 'Last 12 months',
      columns: Array.from({ length: 12 }, (_, i) => ({ label: `2025-${String(i + 1).padStart(2, '0')}`, minor: 30_000 + ((i * 7_919) % 25_000) })),
    }],
  },
};
