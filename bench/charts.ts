import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_EXAMPLES } from '../bot/src/charts/chart-examples';
import { ChartRenderer } from '../bot/src/core/charts/chart';
import { percentile } from './percentile';

const RUNS = Number(process.env.BENCH_CHART_RUNS ?? 200);
const MODES = ['worker', 'in-process'] as const;
type Mode = (typeof MODES)[number];
const STAGES = 'stages';

interface Figures {
  mode: Mode;
  /** RSS with the renderer's module loaded and nothing drawn. */
  before: number;
  cold: { ms: number; peak: number; after: number };
  warm: { ms: number[]; peak: number; start: number; at20: number; end: number; pngBytes: number[] };
  /** The worker's V8 heap, live after a full GC, after 20 warm charts and after all of them. */
  heap?: { at20: number; end: number };
  /** How long the main thread's event loop was held up while charts were drawn. */
  loopDelay: { p99: number; max: number };
}

/** Peak RSS since the last reset (the kernel's high-water mark: exact, no sampling). */
function peakRss(): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;
}
function resetPeakRss(): void {
  writeFileSync('/proc/self/clear_refs', '5');
}

/** One mode measured in a fresh process: nothing else's garbage in its figures. */
async function measure(mode: Mode): Promise<Figures> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // The worker as the image runs it: the bundle's dist/chart-worker.js (built by benchCharts).
  const worker = mode === 'worker'
    ? (await import('../bot/src/charts/worker-chart-renderer')).createWorkerChartRenderer({ entry: join(__dirname, '../dist/chart-worker.js') })
    : undefined;
  const renderer: ChartRenderer = worker ?? (await import('../bot/src/charts/vega-chart-renderer')).createVegaChartRenderer();
  const heap = async () => (worker ? (await worker.heap()).usedBytes : 0);
  gc?.();
  const before = process.memoryUsage().rss;
  resetPeakRss();
  const timed = async (chart: (typeof CHART_EXAMPLES)[keyof typeof CHART_EXAMPLES]) => {
    const started = process.hrtime.bigint();
    const image = await renderer.render(chart);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, bytes: image.png.byteLength };
  };
  const first = await timed(CHART_EXAMPLES.month);
  const cold = { ms: first.ms, peak: peakRss(), after: process.memoryUsage().rss };

  const charts = Object.values(CHART_EXAMPLES);
  const start = process.memoryUsage().rss;
  resetPeakRss();
  // A timer every 2 ms stands for other requests: the longest gap between its ticks is how long
  // the main thread was held up.
  let lastTick = performance.now();
  const gaps: number[] = [];
  const ticker = setInterval(() => {
    const now = performance.now();
    gaps.push(now - lastTick);
    lastTick = now;
  }, 2);
  const ms: number[] = [];
  const pngBytes: number[] = [];
  let at20 = 0;
  let heapAt20 = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const drawn = await timed(charts[run % charts.length]!);
    ms.push(drawn.ms);
    pngBytes.push(drawn.bytes);
    if (run === 19) [at20, heapAt20] = [process.memoryUsage().rss, await heap()];
    await new Promise(setImmediate); // as in the service, each chart is its own request
  }
  clearInterval(ticker);
  gaps.push(performance.now() - lastTick);
  const warm = { ms, peak: peakRss(), start, at20, end: process.memoryUsage().rss, pngBytes };
  const heapEnd = await heap();
  await worker?.close();
  return {
    mode, before, cold, warm, loopDelay: { p99: percentile(gaps, 0.99), max: Math.max(...gaps) },
    ...(mode === 'worker' ? { heap: { at20: heapAt20, end: heapEnd } } : {}),
  };
}

interface Stages {
  /** Resident memory after a full GC, after each step of the first chart. */
  rss: { step: string; bytes: number }[];
  firstSvgMs: number;
  firstPngMs: number;
  /** resvg's WebAssembly linear memory after the first chart and after the warm ones (it never shrinks). */
  wasm: { first: number; warm: number };
  /**
   * Warm, per chart: Vega-Lite → SVG, SVG → PNG; of that, the SVG parsed with its text laid out in
   * the fonts (no drawing) and without fonts (text dropped); and the fonts alone, loaded into resvg
   * for a one-letter SVG (resvg-wasm 2.6 keeps no font database between images).
   */
  warm: { svgMs: number[]; pngMs: number[]; parseWithFontsMs: number[]; parseWithoutFontsMs: number[]; fontsOnlyMs: number[] };
}

/** Where the first chart's memory and a warm chart's time go, step by step, on the main thread of a fresh process. */
async function measureStages(): Promise<Stages> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  // resvg does not expose its WebAssembly memory: the bench keeps the instance's when it is made.
  interface Made { instance?: { exports: { memory?: { buffer: ArrayBuffer } } } }
  const wasmApi = (globalThis as unknown as { WebAssembly: { instantiate(...args: unknown[]): Promise<Made> } }).WebAssembly;
  const instantiate = wasmApi.instantiate.bind(wasmApi);
  let wasmMemory: { buffer: ArrayBuffer } | undefined;
  wasmApi.instantiate = async (...args) => {
    const made = await instantiate(...args);
    wasmMemory = (made.instance ?? (made as NonNullable<Made['instance']>)).exports.memory;
    return made;
  };
  const rss: Stages['rss'] = [];
  const step = (name: string) => {
    gc();
    rss.push({ step: name, bytes: process.memoryUsage().rss });
  };
  step('before');
  require('vega');
  step('Vega loaded');
  require('vega-lite');
  step('Vega-Lite loaded');
  const { chartSvg, chartPng, loadRasteriser } = await import('../bot/src/charts/vega-chart-renderer');
  const { fonts } = await loadRasteriser();
  step('resvg WebAssembly and fonts loaded');
  let started = performance.now();
  const svg = await chartSvg(CHART_EXAMPLES.month);
  const firstSvgMs = performance.now() - started;
  step('first SVG (Vega dataflow)');
  started = performance.now();
  await chartPng(svg);
  const firstPngMs = performance.now() - started;
  step('first PNG (resvg compiled)');
  const first = wasmMemory?.buffer.byteLength ?? 0;

  const { Resvg } = require('@resvg/resvg-wasm') as typeof import('@resvg/resvg-wasm'); // the module instance the renderer initialised
  const timed = async <T>(work: () => Promise<T> | T) => {
    const at = performance.now();
    const value = await work();
    return { ms: performance.now() - at, value };
  };
  const parse = (fontBuffers: Uint8Array[], image = svg) => timed(() => new Resvg(image, { font: { fontBuffers, defaultFontFamily: 'Inter' } }).free());
  const oneLetter = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><text x="5" y="30" font-family="Inter">A</text></svg>';
  const warm: Stages['warm'] = { svgMs: [], pngMs: [], parseWithFontsMs: [], parseWithoutFontsMs: [], fontsOnlyMs: [] };
  const charts = Object.values(CHART_EXAMPLES);
  for (let run = 0; run < Math.min(RUNS, 80); run += 1) {
    const drawn = await timed(() => chartSvg(charts[run % charts.length]!));
    warm.svgMs.push(drawn.ms);
    warm.pngMs.push((await timed(() => chartPng(drawn.value))).ms);
    warm.parseWithFontsMs.push((await parse(fonts)).ms);
    warm.parseWithoutFontsMs.push((await parse([])).ms);
    warm.fontsOnlyMs.push((await parse(fonts, oneLetter)).ms);
  }
  step(`after ${warm.svgMs.length} warm charts`);
  return { rss, firstSvgMs, firstPngMs, wasm: { first, warm: wasmMemory?.buffer.byteLength ?? 0 }, warm };
}

function inChildProcess(mode: typeof STAGES): Promise<Stages>;
function inChildProcess(mode: Mode): Promise<Figures>;
function inChildProcess(mode: Mode | typeof STAGES): Promise<Figures | Stages> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Figures | Stages) : reject(new Error(`chart bench (${mode}) exited with ${code}`))));
  });
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0).padStart(4)} ms`;

/**
 * Chart drawing (Vega-Lite → SVG → PNG with resvg), each way measured in a fresh process: as the
 * service draws them (a worker thread kept warm) and, for comparison, on the main thread. The first
 * chart (cold: the worker, Vega and resvg's WebAssembly started) apart from `RUNS` warm charts;
 * peak RSS over the process before any chart, its growth over the warm charts (a leak would show),
 * and how long the main thread's event loop was held up. Goal: under 300 ms per chart warm, no
 * more than 60 MB extra.
 */
export async function benchCharts(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build'], { cwd: join(__dirname, '..'), encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
  console.log(`\nCharts drawn (Vega-Lite 5 → SVG → PNG 1000 px wide with resvg), ${RUNS} warm charts of ${Object.keys(CHART_EXAMPLES).length} kinds, each way in a fresh process`);
  const stages = await inChildProcess(STAGES);
  console.log('  where the first chart\'s memory goes (main thread of a fresh process, resident after a full GC)');
  console.log(`    ${stages.rss.slice(1).map((s, i) => `${s.step} +${mb(s.bytes - stages.rss[i]!.bytes)}`).join('; ')}`);
  console.log(`    first SVG ${ms(stages.firstSvgMs).trim()}, first PNG ${ms(stages.firstPngMs).trim()}; resvg's WebAssembly memory ${mb(stages.wasm.first)} after the first chart, ${mb(stages.wasm.warm)} after the warm ones`);
  const p50 = (values: number[]) => percentile(values, 0.5).toFixed(1);
  console.log(`    warm, p50 per chart: Vega-Lite → SVG ${p50(stages.warm.svgMs)} ms, SVG → PNG ${p50(stages.warm.pngMs)} ms, of which parsing the SVG with its text laid out ${p50(stages.warm.parseWithFontsMs)} ms (${p50(stages.warm.parseWithoutFontsMs)} ms without text); the two fonts loaded into resvg again ${p50(stages.warm.fontsOnlyMs)} ms`);
  for (const mode of MODES) {
    const f = await inChildProcess(mode);
    const all = f.warm.ms;
    const png = f.warm.pngBytes;
    console.log(`  ${mode === 'worker' ? 'in a worker thread (the service)' : 'on the main thread (comparison)'}`);
    console.log(`    first chart (cold)  ${ms(f.cold.ms)}; RSS ${mb(f.before)} before any chart, peak ${mb(f.cold.peak)} (+${mb(f.cold.peak - f.before)}), ${mb(f.cold.after)} after`);
    console.log(`    warm                p50 ${ms(percentile(all, 0.5))}, p95 ${ms(percentile(all, 0.95))}   (goal < 300 ms); PNG ${(percentile(png, 0.5) / 1e3).toFixed(0)} KB p50, ${(Math.max(...png) / 1e3).toFixed(0)} KB max`);
    console.log(`    warm memory         peak ${mb(f.warm.peak)}: +${mb(f.warm.peak - f.warm.start)} over the warm process (goal ≤ 60 MB); +${mb(Math.max(f.cold.peak, f.warm.peak) - f.before)} over the process before any chart`);
    console.log(`    growth              RSS ${mb(f.warm.at20)} after 20 warm charts, ${mb(f.warm.end)} after ${RUNS}${f.heap ? `; worker heap live ${mb(f.heap.at20)} then ${mb(f.heap.end)}` : ''}`);
    console.log(`    main event loop     held up p99 ${ms(f.loopDelay.p99)}, max ${ms(f.loopDelay.max)} while drawing (a 2 ms timer's longest gaps)`);
  }
}

if (require.main === module) {
  const mode = process.argv[2] as Mode | typeof STAGES | undefined;
  if (mode === STAGES) void measureStages().then((stages) => process.stdout.write(JSON.stringify(stages)));
  else if (mode && MODES.includes(mode)) void measure(mode).then((figures) => process.stdout.write(JSON.stringify(figures)));
  else void benchCharts();
}
