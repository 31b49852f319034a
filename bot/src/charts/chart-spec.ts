import type { TopLevelSpec } from 'vega-lite';
import { Chart, ChartPanel } from '../core/charts/chart';
import { currencyExponent } from '../core/money/currencies';
import { formatMoney, moneyLocale } from '../core/money/money';

/** Okabe–Ito, a palette designed to stay distinct under the common colour blindnesses. */
export const OKABE_ITO = { blue: '#0072B2', orange: '#E69F00', vermillion: '#D55E00', grey: '#999999', black: '#000000' } as const;

/** Logical width of every panel; the PNG is drawn at twice this, so labels stay large on a phone. */
export const PANEL_WIDTH = 420;
/** The expression function axis labels call to write amounts (registered by the renderer). */
export const AMOUNT_FUNCTION = 'spendwiseAmount';

/** Short axis amounts ("$1.2K", "120 N ₫"): the bars carry the exact ones. */
export function axisAmount(major: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(moneyLocale(locale), { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(major);
}

/** A chart as a Vega-Lite specification: the panels one under the other, in a colour-blind-safe palette. */
export function chartSpec(chart: Chart): TopLevelSpec {
  const locale = moneyLocale(chart.locale);
  const scale = 10 ** currencyExponent(chart.currency);
  const amounts = {
    major: (minor: number) => minor / scale, // for drawing only: labels come from the integer amounts
    label: (minor: number) => formatMoney({ minor, currency: chart.currency }, locale),
    axis: { labelExpr: `${AMOUNT_FUNCTION}(datum.value, ${JSON.stringify(chart.currency)}, ${JSON.stringify(locale)})`, title: null, tickCount: 5 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: chart.title, ...(chart.subtitle ? { subtitle: chart.subtitle } : {}), anchor: 'start', fontSize: 20, subtitleFontSize: 14, offset: 12 },
    background: 'white',
    padding: 16,
    config: {
      font: 'Inter',
      view: { stroke: null },
      axis: { labelFontSize: 13, titleFontSize: 13, labelColor: '#333333', gridColor: '#e6e6e6', domainColor: '#888888', tickColor: '#888888' },
      legend: { labelFontSize: 13, titleFontSize: 13, orient: 'top', title: null, symbolSize: 160, symbolType: 'square', symbolOpacity: 1 },
      title: { fontSize: 16, anchor: 'start', fontWeight: 600 },
    },
    spacing: 28,
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    vconcat: chart.panels.map((panel) => panelSpec(panel, amounts)),
  } as TopLevelSpec;
}

type Amounts = {
  major(minor: number): number;
  label(minor: number): string;
  axis: { labelExpr: string; title: null; tickCount: number };
};

function panelSpec(panel: ChartPanel, amounts: Amounts): object {
  switch (panel.kind) {
    case 'bars':
      return barsSpec(panel, amounts);
    case 'cumulative':
      return cumulativeSpec(panel, amounts);
    case 'columns':
      return columnsSpec(panel, amounts);
  }
}

function barsSpec(panel: Extract<ChartPanel, { kind: 'bars' }>, amounts: Amounts): object {
  const { value, compared } = panel.series;
  const labels = panel.bars.map((b) => b.label);
  const rows = panel.bars.flatMap((b) => [
    { label: b.label, series: value, amount: amounts.major(b.minor), text: amounts.label(b.minor) },
    ...(b.compared !== undefined ? [{ label: b.label, series: compared, amount: amounts.major(b.compared), text: amounts.label(b.compared) }] : []),
  ]);
  const beside = panel.compare === 'beside';
  const color = { field: 'series', type: 'nominal', scale: { domain: [value, compared], range: [OKABE_ITO.blue, beside ? OKABE_ITO.orange : OKABE_ITO.vermillion] } };
  const y = { field: 'label', type: 'nominal', sort: labels, title: null, axis: { labelLimit: 150, labelFontSize: 14 } };
  // Room on the right for the amount written at the end of the longest bar.
  const largest = Math.max(0, ...rows.map((r) => r.amount));
  const x = { field: 'amount', type: 'quantitative', axis: amounts.axis, scale: { domain: [0, largest > 0 ? largest * 1.22 : 1], nice: false } };
  const bandHeight = beside ? 48 : 32;
  const valueOnly = { filter: { field: 'series', equal: value } };
  return {
    title: panel.title,
    width: PANEL_WIDTH,
    height: Math.max(1, labels.length) * bandHeight,
    data: { values: rows },
    encoding: { y },
    layer: beside
      ? [
          { mark: { type: 'bar', cornerRadiusEnd: 2 }, encoding: { x, yOffset: { field: 'series', sort: [value, compared] }, color } },
          {
            mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#333333' },
            encoding: { x, yOffset: { field: 'series', sort: [value, compared] }, text: { field: 'text' } },
          },
        ]
      : [
          { transform: [valueOnly], mark: { type: 'bar', cornerRadiusEnd: 2, height: { band: 0.6 } }, encoding: { x, color } },
          { transform: [{ filter: { field: 'series', equal: compared } }], mark: { type: 'tick', thickness: 4, bandSize: 26, opacity: 1 }, encoding: { x, color } },
          { transform: [valueOnly], mark: { type: 'text', align: 'left', dx: 6, fontSize: 11, color: '#333333' }, encoding: { x, text: { field: 'text' } } },
        ],
  };
}

function cumulativeSpec(panel: Extract<ChartPanel, { kind: 'cumulative' }>, amounts: Amounts): object {
  const names = panel.lines.map((l) => l.name);
  const rows = panel.lines.flatMap((l) => [
    { series: l.name, day: 0, amount: 0 },
    ...l.points.slice(0, panel.days).map((minor, i) => ({ series: l.name, day: i + 1, amount: amounts.major(minor) })),
  ]);
  const palette = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.grey];
  const x = { field: 'day', type: 'quantitative', title: 'day of the month', scale: { domain: [0, panel.days], nice: false }, axis: { tickMinStep: 1, values: dayTicks(panel.days) } };
  const y = { field: 'amount', type: 'quantitative', axis: amounts.axis };
  const layers: object[] = [{
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 3, interpolate: 'monotone' },
    encoding: {
      x, y,
      color: { field: 'series', type: 'nominal', sort: names, scale: { domain: names, range: palette.slice(0, names.length) }, legend: { symbolType: 'stroke', symbolStrokeWidth: 3 } },
      // A dash as well as a colour: the lines stay apart in greyscale too.
      strokeDash: { field: 'series', type: 'nominal', sort: names, scale: { domain: names, range: [[1, 0], [6, 4], [2, 3]].slice(0, names.length) }, legend: null },
    },
  }];
  if (panel.limit) {
    const limit = { amount: amounts.major(panel.limit.minor), text: `${panel.limit.name} ${amounts.label(panel.limit.minor)}` };
    layers.push(
      { data: { values: [limit] }, mark: { type: 'rule', color: OKABE_ITO.vermillion, strokeWidth: 2, strokeDash: [8, 4] }, encoding: { y } },
      { data: { values: [limit] }, mark: { type: 'text', color: OKABE_ITO.vermillion, align: 'right', baseline: 'top', dy: 4, x: PANEL_WIDTH - 4, fontSize: 12 }, encoding: { y, text: { field: 'text' } } },
    );
  }
  return { title: panel.title, width: PANEL_WIDTH, height: 240, layer: layers };
}

function columnsSpec(panel: Extract<ChartPanel, { kind: 'columns' }>, amounts: Amounts): object {
  const rows = panel.columns.map((c) => ({ label: c.label, amount: amounts.major(c.minor), text: amounts.label(c.minor) }));
  const x = { field: 'label', type: 'ordinal', sort: panel.columns.map((c) => c.label), title: null, axis: { labelAngle: -45, labelFontSize: 12 } };
  const y = { field: 'amount', type: 'quantitative', axis: amounts.axis };
  return {
    title: panel.title,
    width: PANEL_WIDTH,
    height: 260,
    data: { values: rows },
    encoding: { x, y },
    layer: [
      { mark: { type: 'bar', color: OKABE_ITO.blue, cornerRadiusEnd: 2 } },
      { mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 9, color: '#333333' }, encoding: { text: { field: 'text' } } },
    ],
  };
}

/** 1, 5, 10, … and the last day: enough to read a day, few enough to fit. */
function dayTicks(days: number): number[] {
  const ticks = [1];
  for (let d = 5; d < days; d += 5) ticks.push(d);
  if (days > 1 && days - (ticks.at(-1) ?? 0) >= 2) ticks.push(days);
  return ticks;
}
