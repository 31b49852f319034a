import { CHART_EXAMPLES } from '../bot/src/charts/chart-examples';
import { createVegaChartRenderer } from '../bot/src/charts/vega-chart-renderer';
import { percentile } from './chat-floor';

const RUNS = Number(process.env.BENCH_CHART_RUNS ?? 30);

/**
 * Chart drawing (Vega-Lite → SVG → PNG with resvg): the first chart of the process (cold), then
 * every example chart `RUNS` times (warm), and the process's peak RSS while drawing against its RSS
 * before the first chart (the chart modules already loaded, as they are in the service). Goal: under 300 ms per chart warm, no more than 60 MB extra.
 */
export async function benchCharts(): Promise<void> {
  const renderer = createVegaChartRenderer();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const timed = async (chart: (typeof CHART_EXAMPLES)[keyof typeof CHART_EXAMPLES]) => {
    const started = process.hrtime.bigint();
    await renderer.render(chart);
    peak = Math.max(peak, process.memoryUsage().rss);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  try {
    const cold = await timed(CHART_EXAMPLES.month);
    const afterFirst = process.memoryUsage().rss;
    const warm = new Map<string, number[]>();
    for (let run = 0; run < RUNS; run += 1) {
      for (const [name, chart] of Object.entries(CHART_EXAMPLES)) warm.set(name, [...(warm.get(name) ?? []), await timed(chart)]);
    }
    const all = [...warm.values()].flat();
    console.log(`\nCharts drawn (Vega-Lite 5 → SVG → PNG 1000 px wide with resvg), ${RUNS} runs of ${warm.size} charts`);
    console.log(`  first chart of the process (cold) ${cold.toFixed(0)} ms`);
    for (const [name, ms] of warm) console.log(`  ${name.padEnd(11)} warm p50 ${percentile(ms, 0.5).toFixed(0).padStart(4)} ms, p95 ${percentile(ms, 0.95).toFixed(0).padStart(4)} ms`);
    console.log(`  all charts  warm p50 ${percentile(all, 0.5).toFixed(0).padStart(4)} ms, p95 ${percentile(all, 0.95).toFixed(0).padStart(4)} ms   (goal < 300 ms)`);
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
    console.log(`  RSS ${mb(before)} before any chart, ${mb(afterFirst)} after the first (rasteriser loaded), peak ${mb(peak)} while drawing`);
    console.log(`  extra memory while drawing: +${mb(peak - before)} at peak   (goal ≤ 60 MB); WebAssembly and native memory ${mb(process.memoryUsage().external)}`);
  } finally {
    clearInterval(sampler);
  }
}

if (require.main === module) void benchCharts();
