import { readFileSync } from 'node:fs';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { Chart, ChartImage, ChartRenderer } from '../core/charts/chart';
import { AMOUNT_FUNCTION, axisAmount, chartSpec } from './chart-spec';

/** The PNG's width: a phone shows it full width with labels still large. */
export const CHART_WIDTH_PX = 1000;

// The font ships in an npm package and system fonts are off: the same pixels on every machine.
const FONT_FILES = ['400Regular/Inter_400Regular.ttf', '600SemiBold/Inter_600SemiBold.ttf'].map((f) => require.resolve(`@expo-google-fonts/inter/${f}`));

/**
 * resvg as WebAssembly, not the native @resvg/resvg-js 2.6.2: that one never frees a rendered
 * image's pixels (about 5 MB a chart, measured), while the WebAssembly build frees them on `free()`
 * and its memory, once grown, is reused. Loaded once per process, when the first chart is drawn.
 */
let rasteriser: Promise<{ fonts: Uint8Array[] }> | undefined;
export function loadRasteriser() {
  rasteriser ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'))).then(() => ({
    fonts: FONT_FILES.map((file) => new Uint8Array(readFileSync(file))),
  }));
  return rasteriser;
}

let registered = false;
function registerFunctions(): void {
  if (registered) return;
  vega.expressionFunction(AMOUNT_FUNCTION, axisAmount);
  registered = true;
}

/** The chart as SVG: Vega-Lite compiled to Vega, run headless (no canvas, no browser). */
export async function chartSvg(chart: Chart): Promise<string> {
  registerFunctions();
  const view = new vega.View(vega.parse(compile(chartSpec(chart)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The SVG drawn as a PNG `CHART_WIDTH_PX` wide by resvg, with the Inter font. */
export async function chartPng(svg: string): Promise<ChartImage> {
  const { fonts } = await loadRasteriser();
  // resvg-wasm 2.6 keeps no font database between images: the fonts are parsed again for each one (a few ms).
  const resvg = new Resvg(svg, {
    font: { fontBuffers: fonts, defaultFontFamily: 'Inter' },
    fitTo: { mode: 'width', value: CHART_WIDTH_PX },
    background: 'white',
  });
  try {
    const rendered = resvg.render();
    try {
      return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
    } finally {
      rendered.free();
    }
  } finally {
    resvg.free();
  }
}

/** Charts drawn by Vega-Lite and rasterised by resvg (WebAssembly from npm: no native build), with the Inter font. */
export function createVegaChartRenderer(): ChartRenderer {
  return {
    async render(chart): Promise<ChartImage> {
      const [svg] = await Promise.all([chartSvg(chart), loadRasteriser()]);
      return chartPng(svg);
    },
  };
}
