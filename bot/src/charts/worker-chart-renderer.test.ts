import { join } from 'node:path';
import { Chart, ChartNotDrawnError } from '../core/charts/chart';
import { CurrencyCode } from '../core/money/currencies';
import { CHART_EXAMPLES } from './chart-examples';
import { createVegaChartRenderer } from './vega-chart-renderer';
import { createWorkerChartRenderer, WorkerChartRenderer } from './worker-chart-renderer';

const STAND_IN = join(__dirname, '../../../test/support/stand-in-chart-worker.js');
const titled = (title: string): Chart => ({ title, currency: 'USD' as CurrencyCode, locale: 'en-US', panels: [] });
const failure = (promise: Promise<unknown>) => promise.then(() => 'drawn', (error: Error) => (error instanceof ChartNotDrawnError ? error.code : error.message));

const renderers: WorkerChartRenderer[] = [];
function renderer(options: Parameters<typeof createWorkerChartRenderer>[0]) {
  const created = createWorkerChartRenderer(options);
  renderers.push(created);
  return created;
}
afterAll(() => Promise.all(renderers.map((r) => r.close())));

test('the worker thread warms up, then draws the same PNG as drawing on the main thread', async () => {
  const worker = renderer({});
  await worker.warm();
  for (const chart of [CHART_EXAMPLES.month, CHART_EXAMPLES.vietnamese]) {
    const [inWorker, inProcess] = await Promise.all([worker.render(chart), createVegaChartRenderer().render(chart)]);
    expect({ width: inWorker.width, height: inWorker.height }).toEqual({ width: inProcess.width, height: inProcess.height });
    expect(Buffer.from(inWorker.png).equals(Buffer.from(inProcess.png))).toBe(true);
  }
}, 60_000);

test('one chart is drawn at a time; past the waiting limit a chart is refused at once with chart.busy', async () => {
  const charts = renderer({ entry: STAND_IN, maxWaiting: 1 });
  const drawing = failure(charts.render(titled('slow')));
  const waiting = failure(charts.render(titled('slow')));
  const refused = failure(charts.render(titled('slow')));

  expect(await refused).toBe('chart.busy');
  expect(await Promise.all([drawing, waiting])).toEqual(['drawn', 'drawn']);
  expect(await failure(charts.render(titled('slow')))).toBe('drawn'); // the queue has room again
});

test('a chart drawn for too long fails with chart.timeout, and the next chart gets a new worker', async () => {
  const charts = renderer({ entry: STAND_IN, timeoutMs: 1_000 });
  const hung = failure(charts.render(titled('hang')));
  const next = failure(charts.render(titled('quick')));

  expect(await hung).toBe('chart.timeout');
  expect(await next).toBe('drawn');
});

test('a worker that fails fails its chart with chart.worker_failed; the charts waiting are drawn by a new one', async () => {
  const charts = renderer({ entry: STAND_IN });
  const crashed = failure(charts.render(titled('crash')));
  const waiting = failure(charts.render(titled('quick')));

  expect(await crashed).toBe('chart.worker_failed');
  expect(await waiting).toBe('drawn');
  expect(await charts.heap()).toEqual({ usedBytes: 1, totalBytes: 2 });
});

test('closing fails the charts still waiting and draws nothing more', async () => {
  const charts = createWorkerChartRenderer({ entry: STAND_IN });
  const drawing = failure(charts.render(titled('hang')));
  const waiting = failure(charts.render(titled('quick')));
  await charts.close();

  expect(await waiting).toBe('chart.worker_failed');
  expect(await drawing).toBe('chart.worker_failed');
  expect(await failure(charts.render(titled('quick')))).toBe('chart.worker_failed');
});
