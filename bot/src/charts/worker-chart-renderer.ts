import { extname, join } from 'node:path';
import { ResourceLimits, Worker } from 'node:worker_threads';
import { Chart, ChartImage, ChartNotDrawnError, ChartRenderer } from '../core/charts/chart';
import { CurrencyCode } from '../core/money/currencies';
import { ChartWorkerReply, ChartWorkerRequest } from './chart-worker-messages';

/**
 * The worker's entry beside this file: chart-worker.ts when run from source (tsx, jest), and
 * dist/chart-worker.js beside dist/main.js in the bundle (this code is inlined into main.js there).
 */
const WORKER_ENTRY = join(__dirname, `chart-worker${extname(__filename)}`);

export interface WorkerChartRendererOptions {
  /** The worker's file; by default the one beside this module (the bench passes the bundle's). */
  readonly entry?: string;
  /** Charts waiting while one is drawn; one more is refused at once with `chart.busy`. */
  readonly maxWaiting?: number;
  /** A chart taking longer than this ends the worker (`chart.timeout`); the next chart starts a new one. */
  readonly timeoutMs?: number;
  /** The worker's own V8 heap limits: it fails alone (`chart.worker_failed`) rather than grow. */
  readonly resourceLimits?: ResourceLimits;
}

const WORKER_DEFAULTS = {
  entry: WORKER_ENTRY,
  maxWaiting: 8,
  timeoutMs: 15_000,
  // Measured (bench/charts.ts): the worker's heap holds about 24 MB live. Vega makes many short-lived
  // objects; an 8 MB young generation held drawing to +12..+34 MB at peak, 32 MB to +41..+64 MB.
  resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
} satisfies Required<WorkerChartRendererOptions>;

export interface WorkerChartRenderer extends ChartRenderer {
  /**
   * Starts the worker and draws a small chart: the one-time costs (the thread, Vega, compiling
   * resvg's WebAssembly, about 1 s and most of the worker's memory) are paid now, not by the
   * first person asking for a report.
   */
  warm(): Promise<void>;
  /** The worker's V8 heap now (the bench reports it). */
  heap(): Promise<{ usedBytes: number; totalBytes: number }>;
  /** Ends the worker; charts still waiting fail with `chart.worker_failed`. */
  close(): Promise<void>;
}

/** One panel of each kind, with text: every path the drawing takes is compiled. */
const WARM_UP_CHART: Chart = {
  title: 'Warm-up', subtitle: 'USD', currency: 'USD' as CurrencyCode, locale: 'en-US',
  panels: [
    { kind: 'bars', title: 'Bars', compare: 'beside', series: { value: 'now', compared: 'before' }, bars: [{ label: 'food', minor: 1_200, compared: 900 }] },
    { kind: 'cumulative', title: 'Days', days: 3, lines: [{ name: 'now', points: [100, 300, 600] }], limit: { name: 'budget', minor: 1_000 } },
    { kind: 'columns', title: 'Months', columns: [{ label: '2026-01', minor: 500 }, { label: '2026-02', minor: 700 }] },
  ],
};

interface Job {
  readonly request: ChartWorkerRequest;
  resolve(reply: ChartWorkerReply): void;
  reject(error: Error): void;
}

/**
 * Charts drawn in one worker thread, kept warm and reused, so the ~60 ms of CPU each chart takes
 * never holds up the event loop (Slack's acks, other people's messages). One chart at a time: the
 * service has few cores, and one chart's memory is let go before the next. Started with the first
 * chart; started again after a failure.
 */
export function createWorkerChartRenderer(options: WorkerChartRendererOptions = {}): WorkerChartRenderer {
  const { entry, maxWaiting, timeoutMs, resourceLimits } = { ...WORKER_DEFAULTS, ...options };
  const waiting: Job[] = [];
  let worker: Worker | undefined;
  let drawing: { job: Job; timer: NodeJS.Timeout } | undefined;
  let nextId = 1;
  let closed = false;

  function start(): Worker {
    const started = entry.endsWith('.ts')
      // From source the worker compiles its TypeScript with tsx, as `npm start` does.
      ? new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits })
      : new Worker(entry, { resourceLimits });
    started.on('message', (reply: ChartWorkerReply) => {
      if (!drawing || drawing.job.request.id !== reply.id) return;
      const { job, timer } = drawing;
      clearTimeout(timer);
      drawing = undefined;
      job.resolve(reply);
      next();
    });
    started.on('error', (error) => fail(started, new ChartNotDrawnError('chart.worker_failed', `the chart worker failed: ${error.message}`)));
    started.on('exit', (code) => fail(started, new ChartNotDrawnError('chart.worker_failed', `the chart worker stopped (exit code ${code})`)));
    return started;
  }

  /** The worker is gone: the chart it was drawing fails, and the next one starts a new worker. */
  function fail(failed: Worker, error: ChartNotDrawnError): void {
    if (worker !== failed) return;
    worker = undefined;
    if (drawing) {
      clearTimeout(drawing.timer);
      drawing.job.reject(error);
      drawing = undefined;
    }
    next();
  }

  function next(): void {
    if (drawing) return;
    const job = waiting.shift();
    if (!job) {
      worker?.unref(); // an idle worker does not keep the process alive
      return;
    }
    worker ??= start();
    worker.ref();
    const current = worker;
    const timer = setTimeout(() => {
      void current.terminate();
      fail(current, new ChartNotDrawnError('chart.timeout', `a chart took longer than ${timeoutMs} ms to draw`));
    }, timeoutMs);
    drawing = { job, timer };
    current.postMessage(job.request);
  }

  function ask(request: (id: number) => ChartWorkerRequest): Promise<ChartWorkerReply> {
    if (closed) return Promise.reject(new ChartNotDrawnError('chart.worker_failed', 'the chart renderer is closed'));
    if (waiting.length >= maxWaiting) {
      return Promise.reject(new ChartNotDrawnError('chart.busy', `${waiting.length} charts are already waiting to be drawn`));
    }
    return new Promise((resolve, reject) => {
      waiting.push({ request: request(nextId++), resolve, reject });
      next();
    });
  }

  return {
    async render(chart): Promise<ChartImage> {
      const reply = await ask((id) => ({ id, kind: 'render', chart }));
      if ('error' in reply) throw new Error(reply.error);
      if (!('image' in reply)) throw new Error('the chart worker answered a chart with something else');
      return reply.image;
    },
    async warm() {
      await this.render(WARM_UP_CHART);
    },
    async heap() {
      const reply = await ask((id) => ({ id, kind: 'heap' }));
      if (!('heap' in reply)) throw new Error('the chart worker answered a heap question with something else');
      return reply.heap;
    },
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new ChartNotDrawnError('chart.worker_failed', 'the chart renderer closed'));
      const current = worker;
      if (current) await current.terminate();
    },
  };
}
