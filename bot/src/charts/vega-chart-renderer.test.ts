import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { Chart } from '../core/charts/chart';
import { CurrencyCode } from '../core/money/currencies';
import { CHART_EXAMPLES } from './chart-examples';
import { chartSvg, CHART_WIDTH_PX, createVegaChartRenderer } from './vega-chart-renderer';
import { comparePngs } from '../../../test/support/png-compare';

/**
 * Golden images: PNGs looked at by eye and committed. A change to how charts look fails here until
 * the new images are looked at and written with UPDATE_GOLDEN=1.
 */
const GOLDEN_DIR = join(__dirname, '__golden__');
const MAX_DIFFERING_SHARE = 0.005;
const renderer = createVegaChartRenderer();

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('charts drawn by Vega-Lite and resvg', () => {
  test.each(Object.keys(CHART_EXAMPLES) as (keyof typeof CHART_EXAMPLES)[])('the %s chart is a PNG of the chart width that matches its golden image', async (name) => {
    const image = await renderer.render(CHART_EXAMPLES[name]);

    expect([...image.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const meta = await sharp(image.png).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', width: CHART_WIDTH_PX, height: image.height });

    const golden = join(GOLDEN_DIR, `${name}.png`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(golden, image.png);
      console.warn(`golden image written: ${golden} (look at it before committing)`);
      return;
    }
    const difference = await comparePngs(image.png, readFileSync(golden));
    if (!difference.sameSize || difference.differingShare > MAX_DIFFERING_SHARE) {
      const actual = join(tmpdir(), `chart-${name}.actual.png`);
      writeFileSync(actual, image.png);
      throw new Error(`${name} differs from ${golden} (${(difference.differingShare * 100).toFixed(2)}% of pixels, same size: ${difference.sameSize}); this run's image: ${actual}`);
    }
  });

  test('taller charts for more categories, always the same width', async () => {
    const bars = (n: number): Chart => ({
      title: 't', currency: 'USD' as CurrencyCode, locale: 'en-US',
      panels: [{ kind: 'bars', title: 'b', compare: 'beside', series: { value: 'now', compared: 'before' }, bars: Array.from({ length: n }, (_, i) => ({ label: `c${i}`, minor: 100 * (n - i), compared: 50 })) }],
    });
    const [two, ten] = await Promise.all([renderer.render(bars(2)), renderer.render(bars(10))]);
    expect([two.width, ten.width]).toEqual([CHART_WIDTH_PX, CHART_WIDTH_PX]);
    expect(ten.height).toBeGreaterThan(two.height + 300);
  });

  test('amounts are written for the chart’s currency and locale; text people typed is text, not markup', async () => {
    const svg = await chartSvg({
      title: 'Spending in 2026-03 · <b>Ana</b>', currency: 'EUR' as CurrencyCode, locale: 'de-DE',
      panels: [{ kind: 'bars', title: 'By category', compare: 'beside', series: { value: '2026-03', compared: '2026-02' }, bars: [{ label: 'café & co', minor: 123_456, compared: 100 }] }],
    });
    expect(svg).toMatch(/>1\.234,56\s€</); // Intl puts a no-break space before the sign
    expect(svg).toMatch(/>1,00\s€</);
    expect(svg).toContain('&lt;b&gt;Ana&lt;/b&gt;');
    expect(svg).toContain('café &amp; co');
  });

  test('the comparison into a golden image notices a changed chart', async () => {
    const changed = await renderer.render({ ...CHART_EXAMPLES.budgets, title: 'Budgets for 2026-04 · Ana' });
    const original = await renderer.render(CHART_EXAMPLES.budgets);
    const same = await comparePngs(original.png, original.png);
    const different = await comparePngs(changed.png, original.png);
    expect(same.differingShare).toBe(0);
    expect(different.differingShare).toBeGreaterThan(0);
  });
});
