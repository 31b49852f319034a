import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { Chart, ChartImage, ChartRenderer } from '../core/charts/chart';
import { AMOUNT_FUNCTION, axisAmount, chartSpec } from './chart-spec';

/** The PNG's width: a phone shows it full width with labels still large. */
export const CHART_WIDTH_PX = 1000;

// The font ships in an npm package and system fonts are off: the same pixels on every machine.
const FONT_FILES = [
  require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
];

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

/** Charts drawn by Vega-Lite and rasterised by resvg (a prebuilt binary from npm), with the Inter font. */
export function createVegaChartRenderer(): ChartRenderer {
  return {
    async render(chart): Promise<ChartImage> {
      const svg = await chartSvg(chart);
      const rendered = new Resvg(svg, {
        font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Inter' },
        fitTo: { mode: 'width', value: CHART_WIDTH_PX },
        background: 'white',
      }).render();
      return { png: new Uint8Array(rendered.asPng()), width: rendered.width, height: rendered.height };
    },
  };
}
