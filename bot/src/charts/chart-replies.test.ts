import sharp from 'sharp';
import { chat } from '../../../test/support/chat';
import { fixedClock, inMemoryCore } from '../../../test/support/in-memory-core';
import { plainText } from '../core/conversation/formatted-text';
import { readFile } from '../core/conversation/reply';
import { ChartNotDrawnError } from '../core/charts/chart';
import { CHART_WIDTH_PX, createVegaChartRenderer } from './vega-chart-renderer';

// `report` through the core on in-memory ports, with the real chart renderer.
function bed(charts = createVegaChartRenderer()) {
  const core = inMemoryCore(fixedClock('2026-11-22T10:00:00Z'));
  const deps = { ...core.deps, charts };
  return { deps, errors: core.errors };
}

test('report answers with its text, then one chart per currency as a PNG with a short caption', async () => {
  const { deps } = bed();
  const ana = chat(deps, 'charted');
  await ana.say('40 dinner 2026-10-15 #food');
  await ana.say('12.50 lunch #food');
  await ana.say('3 EUR coffee #food');
  await ana.say('budget total 500');

  const [text, ...images] = await ana.sendText('report');

  expect(plainText(text!.text)).toContain('USD: $12.50 in 1 expense');
  expect(text!.image).toBeUndefined();
  expect(images.map((r) => [plainText(r.text), r.image?.name, r.image?.mimeType])).toEqual([
    ['📊 EUR: spending in November 2026', 'spendwise-2026-11-01-to-2026-11-30-EUR.png', 'image/png'],
    ['📊 USD: spending in November 2026', 'spendwise-2026-11-01-to-2026-11-30-USD.png', 'image/png'],
  ]);
  const png = await readFile(images[1]!.image!);
  expect(png.byteLength).toBe(images[1]!.image!.size);
  expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: CHART_WIDTH_PX });
});

test('a period with nothing spent has no chart; a chart that cannot be drawn leaves the text, logged with its code', async () => {
  const { deps, errors } = bed({ render: async () => { throw new Error('out of memory'); } });
  const ben = chat(deps, 'uncharted');
  expect(await ben.sendText('report')).toHaveLength(1);
  await ben.say('9 lunch #food');

  const replies = await ben.sendText('report');

  expect(replies).toHaveLength(1);
  expect(plainText(replies[0]!.text)).toContain('USD: $9.00');
  expect(errors).toEqual([expect.objectContaining({ code: 'chart.render_failed' })]);
});

test('when the chart renderer is busy the report still answers in text, and the log says chart.busy', async () => {
  const { deps, errors } = bed({ render: async () => { throw new ChartNotDrawnError('chart.busy', '8 charts are already waiting to be drawn'); } });
  const cy = chat(deps, 'busy');
  await cy.say('9 lunch #food');

  const replies = await cy.sendText('report');

  expect(replies.map((r) => r.image)).toEqual([undefined]);
  expect(plainText(replies[0]!.text)).toContain('USD: $9.00');
  expect(errors).toEqual([expect.objectContaining({ code: 'chart.busy' })]);
});

test('chart and budgets also answer with a chart per currency', async () => {
  const { deps } = bed();
  const ana = chat(deps, 'trends');
  await ana.say('12.50 lunch #food 2026-10-03');
  await ana.say('30 lunch #food');
  await ana.say('budget food 100');
  await ana.say('budget total 70 EUR');

  const [trendText, ...trend] = await ana.sendText('chart food 6');
  const [budgetText, ...budgets] = await ana.sendText('budgets');

  expect(plainText(trendText!.text)).toContain('• 2026-10: $12.50');
  expect(trend.map((r) => [plainText(r.text), r.image?.name])).toEqual([['📈 USD: food, month by month', 'spendwise-trend-food-2026-06-to-2026-11-USD.png']]);
  expect(plainText(budgetText!.text)).toContain('food: $30.00 of $100.00 (30%)');
  expect(budgets.map((r) => [plainText(r.text), r.image?.name])).toEqual([
    ['🎯 EUR: spent against each budget', 'spendwise-budgets-2026-11-EUR.png'],
    ['🎯 USD: spent against each budget', 'spendwise-budgets-2026-11-USD.png'],
  ]);
  for (const reply of [...trend, ...budgets]) expect((await sharp(await readFile(reply.image!)).metadata()).width).toBe(CHART_WIDTH_PX);
});
