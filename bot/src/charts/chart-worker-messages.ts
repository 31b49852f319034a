import { Chart, ChartImage } from '../core/charts/chart';

/** What the main thread asks the chart worker: a chart, or (for the bench) its heap's size. */
export type ChartWorkerRequest =
  | { readonly id: number; readonly kind: 'render'; readonly chart: Chart }
  | { readonly id: number; readonly kind: 'heap' };

export type ChartWorkerReply =
  | { readonly id: number; readonly image: ChartImage }
  | { readonly id: number; readonly error: string }
  | { readonly id: number; readonly heap: { readonly usedBytes: number; readonly totalBytes: number } };
