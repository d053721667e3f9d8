// Charts of the book layout (src/book/charts.ts) → a <figure> with inline SVG (role="img", named
// by its <title>), the numbered caption, the legend and the chart's data as a table in a
// <details> for readers who cannot see the picture. Bars carry patterns as well as shades, so the
// chart reads in grayscale print; every value is also written as text.

import type { Element, ElementContent, Properties } from 'hast';
import type { BarChart, ChartBlock, StackedChart, TimelineChart } from '../../book/types.js';
import { hrefFor, type RenderContext } from './context.js';
import { cls, el, type Child } from './hast.js';

const W = 640;
const FONT = 11;
const LABEL_W = 230;
const PAD = 8;

/** Shades and patterns of the series (stacked segments), distinct in grayscale. */
const SERIES = [
  { fill: '#1f4e79', pattern: 'solid' },
  { fill: '#8fb3d9', pattern: 'diagonal' },
  { fill: '#d99a16', pattern: 'dots' },
  { fill: '#4a4a4f', pattern: 'cross' },
  { fill: '#c9dbe9', pattern: 'horizontal' },
  { fill: '#7a4b00', pattern: 'vertical' },
] as const;

/** A label cut to about `width` user units, with an ellipsis (the full text is in the table). */
function fit(label: string, width: number, size = FONT): string {
  const max = Math.max(4, Math.floor(width / (size * 0.56)));
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

const txt = (x: number, y: number, s: string, extra: Record<string, string | number> = {}): ElementContent =>
  sv('text', { x: r(x), y: r(y), 'font-size': FONT, ...extra }, [s]);
/** An SVG element: numbers in its attributes written as strings. */
function sv(tag: string, props: Record<string, string | number | string[] | undefined>, children?: Child[]): Element {
  const out: Properties = {};
  for (const k in props) {
    const v = props[k];
    out[k] = typeof v === 'number' ? String(v) : v;
  }
  return el(tag, out, children);
}
const r = (n: number) => String(Math.round(n * 10) / 10);

export function chartToHast(chart: ChartBlock, ctx: RenderContext): ElementContent {
  const name = chart.number !== undefined ? `${chart.number} ${chart.caption}` : chart.caption;
  const prefix = chart.id ?? `chart-${chart.kind}`;
  const { body, height, defs } = chart.kind === 'timeline' ? timeline(chart) : chart.kind === 'bars' ? bars(chart) : stacked(chart, prefix);
  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${W} ${r(height)}`,
      role: 'img',
      ariaLabelledby: `${prefix}-title`,
      className: ['chart-svg', `chart-${chart.kind}`],
      'font-family': 'system-ui, sans-serif',
    },
    [el('title', { id: `${prefix}-title` }, [name]), defs.length > 0 && el('defs', {}, defs), ...body],
  );
  return el('figure', { className: ['chart'], id: chart.id, dataKind: chart.kind }, [
    // On a phone the chart keeps a readable size and scrolls inside this box (keyboard too).
    el('div', { className: ['chart-scroll'], tabIndex: 0 }, [svg]),
    el('figcaption', { className: ['figure-caption'] }, [
      chart.number !== undefined && el('span', { className: ['figure-number'] }, [chart.number]),
      chart.number !== undefined && !chart.repeatsHeading && ' ',
      !chart.repeatsHeading && chart.caption,
    ]),
    chart.legend !== undefined && el('p', { className: ['chart-legend'] }, [chart.legend]),
    el('details', { className: ['chart-data'] }, [el('summary', {}, [chart.dataLabel]), dataTable(chart, ctx, `${chart.dataLabel}: ${name}`)]),
  ]);
}

interface Drawn {
  body: ElementContent[];
  height: number;
  defs: ElementContent[];
}

// ---- timeline -------------------------------------------------------------------------------

const AXIS_H = 22;
const GROUP_H = 20;
const BAR_ROW_H = 28;

function timeline(chart: TimelineChart): Drawn {
  const years = chart.to - chart.from + 1;
  const x0 = LABEL_W + PAD;
  const col = (W - x0 - PAD) / years;
  const xOf = (year: number) => x0 + (year - chart.from) * col;
  const rows = chart.groups.reduce((n, g) => n + 1 + g.bars.length, 0);
  const height = AXIS_H + chart.groups.length * GROUP_H + (rows - chart.groups.length) * BAR_ROW_H + PAD;
  const body: ElementContent[] = [];
  // The axis: a label and a faint rule per year of the period.
  const axis: ElementContent[] = [];
  for (let k = 0; k < years; k++) {
    const x = xOf(chart.from + k);
    axis.push(sv('line', { x1: r(x), y1: AXIS_H - 4, x2: r(x), y2: r(height - PAD), stroke: '#dde2e8', 'stroke-width': 1 }));
    axis.push(txt(x + col / 2, AXIS_H - 8, String(chart.from + k), { 'text-anchor': 'middle', 'font-size': FONT - 1, fill: '#4a4a4f' }));
  }
  axis.push(sv('line', { x1: r(xOf(chart.to + 1)), y1: AXIS_H - 4, x2: r(xOf(chart.to + 1)), y2: r(height - PAD), stroke: '#dde2e8', 'stroke-width': 1 }));
  body.push(el('g', { className: ['chart-axis'] }, axis));
  let y = AXIS_H;
  for (const g of chart.groups) {
    body.push(
      el('g', { className: ['chart-group'], dataLabel: g.label }, [
        sv('rect', { x: 0, y: r(y + 2), width: W, height: GROUP_H - 4, fill: '#e8edf2' }),
        txt(4, y + GROUP_H - 6, fit(g.label, W - 8), { 'font-weight': 'bold' }),
      ]),
    );
    y += GROUP_H;
    for (const bar of g.bars) {
      const barTop = y + 13;
      const barH = 11;
      const left = xOf(Math.max(bar.from, chart.from));
      const right = xOf(Math.min(bar.to, chart.to) + 1);
      const marks = bar.milestones
        .filter((m) => m.year >= chart.from && m.year <= chart.to)
        .map((m) => {
          const cx = xOf(m.year) + col / 2;
          const cy = barTop + barH / 2;
          const d = 6;
          return el('g', { className: ['chart-milestone'], dataYear: m.year }, [
            el('title', {}, [`${m.year}: ${m.label}`]),
            sv('path', { d: `M${r(cx)} ${r(cy - d)}L${r(cx + d)} ${r(cy)}L${r(cx)} ${r(cy + d)}L${r(cx - d)} ${r(cy)}Z`, fill: '#d99a16', stroke: '#1d1d1f', 'stroke-width': 1 }),
            txt(cx, barTop - 2, String(m.year), { 'text-anchor': 'middle', 'font-size': FONT - 2, 'font-weight': 'bold', fill: '#1d1d1f' }),
          ]);
        });
      body.push(
        el('g', { className: cls('chart-bar', bar.unplanned && 'chart-unplanned'), dataId: bar.id, dataFrom: bar.from, dataTo: bar.to }, [
          el('title', {}, [`${bar.label}: ${chart.yearsText[bar.id] ?? `${bar.from}–${bar.to}`}${bar.unplanned ? ` (${chart.unplannedText})` : ''}`]),
          txt(4, barTop + barH - 1, fit(bar.label, LABEL_W - 4)),
          sv('rect', { x: r(left), y: r(barTop), width: r(Math.max(2, right - left)), height: barH, rx: 2, ...(bar.unplanned ? { fill: '#fdf1d6', stroke: '#7a4b00', 'stroke-dasharray': '4 3' } : { fill: '#8fb3d9', stroke: '#1f4e79' }), 'stroke-width': 1 }),
          ...marks,
        ]),
      );
      y += BAR_ROW_H;
    }
  }
  return { body, height, defs: [] };
}

// ---- bars -----------------------------------------------------------------------------------

const ROW_H = 24;

function bars(chart: BarChart): Drawn {
  const x0 = LABEL_W + PAD;
  const valueW = 110;
  const span = W - x0 - valueW;
  const body: ElementContent[] = [];
  chart.bars.forEach((b, k) => {
    const y = PAD + k * ROW_H;
    const w = chart.max > 0 ? (b.value / chart.max) * span : 0;
    body.push(
      el('g', { className: ['chart-value'], dataLabel: b.label, dataValue: b.value }, [
        txt(4, y + 15, fit(b.label, LABEL_W - 4)),
        sv('rect', { x: x0, y: y + 4, width: r(span), height: 14, fill: '#f6f8fa', stroke: '#dde2e8', 'stroke-width': 1 }),
        sv('rect', { x: x0, y: y + 4, width: r(Math.max(w, 0)), height: 14, fill: '#1f4e79' }),
        txt(x0 + w + 4, y + 15, b.text, { 'font-weight': 'bold' }),
      ]),
    );
  });
  return { body, height: PAD * 2 + chart.bars.length * ROW_H, defs: [] };
}

// ---- stacked bars ---------------------------------------------------------------------------

function patternDefs(prefix: string, keys: number[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (let k = 0; k < keys.length; k++) {
    const i = keys[k] % SERIES.length;
    const s = SERIES[i];
    const ink = i === 3 || i === 0 || i === 5 ? '#ffffff' : '#1d1d1f';
    const marks: Child[] = [sv('rect', { width: 8, height: 8, fill: s.fill })];
    if (s.pattern === 'diagonal') marks.push(sv('path', { d: 'M-2 2L2 -2M0 8L8 0M6 10L10 6', stroke: ink, 'stroke-width': 1.2 }));
    if (s.pattern === 'dots') marks.push(sv('circle', { cx: 4, cy: 4, r: 1.4, fill: ink }));
    if (s.pattern === 'cross') marks.push(sv('path', { d: 'M0 0L8 8M8 0L0 8', stroke: ink, 'stroke-width': 0.9 }));
    if (s.pattern === 'horizontal') marks.push(sv('path', { d: 'M0 4H8', stroke: ink, 'stroke-width': 1.2 }));
    if (s.pattern === 'vertical') marks.push(sv('path', { d: 'M4 0V8', stroke: ink, 'stroke-width': 1.2 }));
    out.push(sv('pattern', { id: `${prefix}-p${k}`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' }, marks));
  }
  return out;
}

function stacked(chart: StackedChart, prefix: string): Drawn {
  const labelW = 110;
  const x0 = labelW + PAD;
  const valueW = 120;
  const span = W - x0 - valueW;
  const max = Math.max(0, ...chart.bars.map((b) => b.total));
  const body: ElementContent[] = [];
  chart.bars.forEach((b, k) => {
    const y = PAD + k * ROW_H;
    let x = x0;
    const segments: ElementContent[] = [];
    b.values.forEach((v, s) => {
      if (v <= 0) return;
      const w = max > 0 ? (v / max) * span : 0;
      segments.push(
        sv('rect', { className: ['chart-segment'], dataSeries: chart.series[s], dataValue: v, x: r(x), y: y + 3, width: r(w), height: 16, fill: `url(#${prefix}-p${s})`, stroke: '#1d1d1f', 'stroke-width': 0.6 }, [
          el('title', {}, [`${b.label} · ${chart.series[s]}: ${b.texts[s]}`]),
        ]),
      );
      x += w;
    });
    body.push(
      el('g', { className: ['chart-value'], dataLabel: b.label, dataValue: b.total }, [
        txt(4, y + 15, fit(b.label, labelW - 4)),
        ...segments,
        txt(x + 4, y + 15, b.totalText, { 'font-weight': 'bold' }),
      ]),
    );
  });
  // The key: each Pokja's pattern and name, several per line.
  let y = PAD + chart.bars.length * ROW_H + 6;
  let x = 4;
  const key: ElementContent[] = [];
  chart.series.forEach((name, s) => {
    const label = fit(name, 180, FONT - 1);
    const w = 22 + label.length * (FONT - 1) * 0.56 + 14;
    if (x + w > W && x > 4) {
      x = 4;
      y += 18;
    }
    key.push(sv('rect', { x: r(x), y: r(y), width: 16, height: 12, fill: `url(#${prefix}-p${s})`, stroke: '#1d1d1f', 'stroke-width': 0.6 }));
    key.push(txt(x + 20, y + 10, label, { 'font-size': FONT - 1 }));
    x += w;
  });
  body.push(el('g', { className: ['chart-key'] }, key));
  return { body, height: y + 12 + PAD, defs: patternDefs(prefix, chart.series.map((_, k) => chart.seriesKey[k] ?? k)) };
}

// ---- the data table -------------------------------------------------------------------------

function dataTable(chart: ChartBlock, ctx: RenderContext, title: string): ElementContent {
  // Named like the figure (for screen readers; the summary line already says what it is).
  const caption = el('caption', { className: ['sr-only'] }, [title]);
  const th = (s: string) => el('th', { scope: 'col' }, [s]);
  const row = (head: Child, cells: Child[]) => el('tr', {}, [el('th', { scope: 'row' }, [head]), ...cells.map((c) => el('td', {}, [c]))]);
  if (chart.kind === 'timeline') {
    const link = (id: string, label: string): Child => {
      const href = hrefFor(ctx, id);
      return href ? el('a', { href }, [label]) : label;
    };
    return el('table', {}, [
      caption,
      el('thead', {}, [el('tr', {}, [th(chart.headers.item), th(chart.headers.years), th(chart.headers.milestones)])]),
      ...chart.groups.map((g) =>
        el('tbody', {}, [
          el('tr', {}, [el('th', { scope: 'row', colSpan: 3 }, [g.label])]),
          ...g.bars.map((b) => row(link(b.id, b.label), [chart.yearsText[b.id] ?? `${b.from}–${b.to}`, b.unplanned ? chart.unplannedText : b.milestones.map((m) => `${m.year}: ${m.label}`).join('; ')])),
        ]),
      ),
    ]);
  }
  if (chart.kind === 'bars') {
    return el('table', {}, [
      caption,
      el('thead', {}, [el('tr', {}, [th(chart.headers.label), th(chart.headers.value)])]),
      el('tbody', {}, chart.bars.map((b) => row(b.label, [b.text]))),
    ]);
  }
  return el('table', {}, [
    caption,
    el('thead', {}, [el('tr', {}, [th(chart.headers.label), ...chart.series.map(th), th(chart.headers.total)])]),
    el('tbody', {}, chart.bars.map((b) => row(b.label, [...b.texts, b.totalText]))),
  ]);
}
