import { CurrencyCode } from '../money/currencies';

/**
 * A chart as data: what to show, never how to draw it. Amounts are integer minor units of the
 * chart's one currency (currencies are never drawn on one axis); the renderer formats them for
 * `locale`.
 */
export interface Chart {
  /** "Spending in 2026-03 · Ana": the period and the ledger. */
  readonly title: string;
  readonly subtitle?: string;
  readonly currency: CurrencyCode;
  /** BCP 47; amounts and dates are written the ledger's way. */
  readonly locale: string;
  /** Drawn one under the other. */
  readonly panels: readonly ChartPanel[];
}

/** One bar per label, in the order given; `compared` is drawn beside it (a bar) or across it (a limit). */
export interface ComparedBar {
  readonly label: string;
  readonly minor: number;
  readonly compared?: number;
}

/** A running total by day of the month: `points[i]` is the total up to day i + 1. */
export interface CumulativeLine {
  readonly name: string;
  readonly points: readonly number[];
}

export type ChartPanel =
  | {
      readonly kind: 'bars';
      readonly title: string;
      /** What the bar and its comparison are called in the legend ("2026-03", "2026-02" or "spent", "budget"). */
      readonly series: { readonly value: string; readonly compared: string };
      /** `beside`: a second bar; `limit`: a mark across the bar (a budget). */
      readonly compare: 'beside' | 'limit';
      readonly bars: readonly ComparedBar[];
    }
  | {
      readonly kind: 'cumulative';
      readonly title: string;
      /** The x axis runs from day 1 to this day. */
      readonly days: number;
      /** The first line is the period itself; the others are drawn fainter. */
      readonly lines: readonly CumulativeLine[];
      /** A horizontal line at this total (the month's budget). */
      readonly limit?: { readonly name: string; readonly minor: number };
    }
  | {
      readonly kind: 'columns';
      readonly title: string;
      /** Oldest first, e.g. one per month. */
      readonly columns: readonly { readonly label: string; readonly minor: number }[];
    };

/** A chart drawn as an image. */
export interface ChartImage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Draws charts; the core asks, an adapter knows the drawing library. */
export interface ChartRenderer {
  render(chart: Chart): Promise<ChartImage>;
}

/**
 * Why a chart was not drawn, as an operational failure with a code: the renderer had too many
 * charts waiting (`chart.busy`), a chart took too long (`chart.timeout`), or the drawing thread
 * failed (`chart.worker_failed`, e.g. out of memory). The answer goes without its chart.
 */
export class ChartNotDrawnError extends Error {
  override readonly name = 'ChartNotDrawnError';
  constructor(readonly code: 'chart.busy' | 'chart.timeout' | 'chart.worker_failed', message: string) {
    super(message);
  }
}

/** The code a chart's failure is logged with: the worker's own, else `chart.render_failed`. */
export const chartFailureCode = (error: unknown) => (error instanceof ChartNotDrawnError ? error.code : 'chart.render_failed');
