// Charts of the book layout (src/book/charts.ts) as native vector drawing: rectangles, lines and
// text, so they stay sharp at any zoom and their labels can be found and copied. A timeline is
// drawn row by row and repeats its year axis after a page break; bar charts are kept whole.
// Segments carry hatching as well as a shade, and every value is written, so the charts read in
// grayscale print. The numbered caption sits under the chart, as under an image.

import { shownCaption } from '../../book/headings.js';
import type { BarChart, ChartBlock, StackedChart, TimelineChart } from '../../book/types.js';
import type { RenderContext } from './context.js';
import type { Frame } from './flow.js';
import { drawLine, layoutLines, linesHeight, style, type Align, type Line, type TextStyle } from './inline-text.js';
import { figure } from './tags.js';
import { COLOR, SPACE, TYPE } from './theme.js';

const PATTERNS = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical'] as const;
const SHADES = ['#1f4e79', '#8fb3d9', '#d99a16', '#4a4a4f', '#c9dbe9', '#7a4b00'];
/** Hatching ink on each shade: light on the dark ones. */
const INKS = ['#ffffff', '#1d1d1f', '#1d1d1f', '#ffffff', '#1d1d1f', '#ffffff'];

const labelStyle = (extra: Partial<TextStyle> = {}) => style(TYPE.label, { size: 7.8, ...extra });

/** One line of text no wider than `width`: cut with an ellipsis when it is longer. */
function oneLine(ctx: RenderContext, text: string, s: TextStyle, width: number, align: Align = 'left'): Line {
  const lay = (t: string) => layoutLines(ctx, [{ text: t, style: s }], width, align);
  let lines = lay(text);
  if (lines.length <= 1) return lines[0] ?? { pieces: [], width: 0, height: s.size * s.leading, baseline: s.size };
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (lay(`${text.slice(0, mid).trimEnd()}…`).length <= 1) lo = mid;
    else hi = mid - 1;
  }
  lines = lay(`${text.slice(0, lo).trimEnd()}…`);
  return lines[0];
}

/** Draw a line vertically centred on `cy`. */
function put(ctx: RenderContext, line: Line, x: number, cy: number): void {
  drawLine(ctx.pdf, ctx.dests, line, x, cy - line.height / 2);
}

export function drawChart(ctx: RenderContext, chart: ChartBlock, frame: Frame): void {
  const { flow, pdf } = ctx;
  const caption = layoutLines(
    ctx,
    [{ text: shownCaption(chart), style: style(TYPE.small, { italic: true, color: COLOR.muted }) }],
    frame.width,
    'center',
  );
  const legend = chart.legend !== undefined ? layoutLines(ctx, [{ text: chart.legend, style: style(TYPE.small, { size: 7.5, color: COLOR.muted }) }], frame.width, 'center') : [];
  const below = 4 + linesHeight(caption) + (legend.length ? 2 + linesHeight(legend) : 0);
  flow.gap(SPACE.block);
  if (chart.kind === 'timeline') {
    // Start where the axis, the first group and two bars fit; the rest follows row by row.
    flow.ensure(AXIS_H + GROUP_H + 2 * BAR_ROW_H);
  } else {
    flow.ensure(chartHeight(chart) + below);
  }
  if (chart.id !== undefined) {
    ctx.dests.add(pdf, chart.id, flow.y);
    ctx.sectionPages.set(chart.id, flow.page);
  }
  const alt = chart.number !== undefined ? `${chart.number} ${chart.caption}` : chart.caption;
  if (chart.kind === 'timeline') drawTimeline(ctx, chart, frame);
  // Bars are kept on one page: a Figure of the structure tree with the caption as alt text. A
  // timeline may run over pages and stays an artifact (its data is in the book's tables).
  else if (chart.kind === 'bars') figure(pdf, alt, [frame.x, flow.y, frame.width, chartHeight(chart)], () => drawBars(ctx, chart, frame));
  else figure(pdf, alt, [frame.x, flow.y, frame.width, chartHeight(chart)], () => drawStacked(ctx, chart, frame));
  flow.ensure(below);
  flow.y += 4;
  for (const line of [...caption, ...legend]) {
    drawLine(pdf, ctx.dests, line, frame.x, flow.y);
    flow.y += line.height;
  }
}

/** Height a chart needs right below a heading. */
export function chartLead(chart: ChartBlock): number {
  return chart.kind === 'timeline' ? AXIS_H + GROUP_H + 2 * BAR_ROW_H : chartHeight(chart);
}

const AXIS_H = 16;
const GROUP_H = 15;
const BAR_ROW_H = 21;
const ROW_H = 17;

function chartHeight(chart: ChartBlock): number {
  if (chart.kind === 'timeline') return AXIS_H + chart.groups.reduce((h, g) => h + GROUP_H + g.bars.length * BAR_ROW_H, 0);
  if (chart.kind === 'bars') return chart.bars.length * ROW_H + 4;
  return chart.bars.length * ROW_H + 4 + keyRows(chart) * 14 + 4;
}

// ---- timeline -------------------------------------------------------------------------------

function drawTimeline(ctx: RenderContext, chart: TimelineChart, frame: Frame): void {
  const { flow, pdf } = ctx;
  const labelW = Math.min(170, frame.width * 0.36);
  const x0 = frame.x + labelW + 6;
  const years = chart.to - chart.from + 1;
  const col = (frame.x + frame.width - x0) / years;
  const xOf = (year: number) => x0 + (year - chart.from) * col;
  const yearStyle = labelStyle({ size: 7.2, color: COLOR.muted });
  const gridlines = (top: number, bottom: number) => {
    pdf.save().lineWidth(0.4).strokeColor(COLOR.ruleLight);
    for (let k = 0; k <= years; k++) pdf.moveTo(xOf(chart.from + k), top).lineTo(xOf(chart.from + k), bottom);
    pdf.stroke().restore();
  };
  const axis = () => {
    const y = flow.y;
    for (let k = 0; k < years; k++) put(ctx, oneLine(ctx, String(chart.from + k), yearStyle, col, 'center'), xOf(chart.from + k), y + AXIS_H / 2);
    pdf.save().lineWidth(0.6).strokeColor(COLOR.rule).moveTo(x0, y + AXIS_H - 1).lineTo(frame.x + frame.width, y + AXIS_H - 1).stroke().restore();
    flow.y += AXIS_H;
  };
  flow.whileBreaking(axis, () => {
    axis();
    chart.groups.forEach((g) => {
      flow.ensure(GROUP_H + BAR_ROW_H);
      pdf.save().rect(frame.x, flow.y + 1, frame.width, GROUP_H - 2).fill(COLOR.headerFill).restore();
      put(ctx, oneLine(ctx, g.label, labelStyle({ bold: true, family: 'sans', size: 7.8 }), frame.width - 8), frame.x + 3, flow.y + GROUP_H / 2);
      flow.y += GROUP_H;
      for (const bar of g.bars) {
        flow.ensure(BAR_ROW_H);
        const top = flow.y;
        gridlines(top, top + BAR_ROW_H);
        const barTop = top + 9;
        const barH = 8;
        put(ctx, oneLine(ctx, bar.label, labelStyle(), labelW - 3), frame.x + 3, barTop + barH / 2);
        const left = xOf(Math.max(bar.from, chart.from));
        const right = xOf(Math.min(bar.to, chart.to) + 1);
        const w = Math.max(2, right - left - 1);
        if (bar.unplanned) {
          // Not in the roadmap yet: a pale bar with a dashed outline.
          pdf.save().roundedRect(left + 0.5, barTop, w, barH, 1.5).fill(COLOR.warningFill).restore();
          pdf.save().lineWidth(0.8).dash(2.5, { space: 1.8 }).roundedRect(left + 0.5, barTop, w, barH, 1.5).stroke(COLOR.warningText).undash().restore();
        } else {
          pdf.save().lineWidth(0.6).roundedRect(left + 0.5, barTop, w, barH, 1.5).fillAndStroke(SHADES[1], COLOR.accent).restore();
        }
        for (const m of bar.milestones) {
          if (m.year < chart.from || m.year > chart.to) continue;
          const cx = xOf(m.year) + col / 2;
          const cy = barTop + barH / 2;
          const d = 4.2;
          pdf.save().lineWidth(0.6).polygon([cx, cy - d], [cx + d, cy], [cx, cy + d], [cx - d, cy]).fillAndStroke(SHADES[2], COLOR.text).restore();
          put(ctx, oneLine(ctx, String(m.year), labelStyle({ size: 6, bold: true, family: 'sans' }), col + 10, 'center'), cx - (col + 10) / 2, top + 4.5);
        }
        flow.y += BAR_ROW_H;
      }
    });
  });
}

// ---- bars -----------------------------------------------------------------------------------

function drawBars(ctx: RenderContext, chart: BarChart, frame: Frame): void {
  const { flow, pdf } = ctx;
  const labelW = Math.min(170, frame.width * 0.36);
  const valueW = 80;
  const x0 = frame.x + labelW + 6;
  const span = frame.x + frame.width - valueW - x0;
  flow.y += 2;
  for (const b of chart.bars) {
    const cy = flow.y + ROW_H / 2;
    const w = chart.max > 0 ? (Math.max(0, b.value) / chart.max) * span : 0;
    put(ctx, oneLine(ctx, b.label, labelStyle(), labelW - 3), frame.x + 3, cy);
    pdf.save().lineWidth(0.4).rect(x0, cy - 5, span, 10).fillAndStroke(COLOR.zebra, COLOR.ruleLight).restore();
    if (w > 0) pdf.save().rect(x0, cy - 5, w, 10).fill(COLOR.accent).restore();
    put(ctx, oneLine(ctx, b.text, labelStyle({ bold: true, family: 'sans', size: 7.5 }), valueW + span - w - 4), x0 + w + 4, cy);
    flow.y += ROW_H;
  }
  flow.y += 2;
}

// ---- stacked bars ---------------------------------------------------------------------------

/** Fill a rectangle with series `k`'s shade and hatching. */
function patterned(pdf: PDFKit.PDFDocument, k: number, x: number, y: number, w: number, h: number): void {
  const i = k % PATTERNS.length;
  pdf.save();
  pdf.rect(x, y, w, h).fill(SHADES[i]);
  pdf.rect(x, y, w, h).clip();
  pdf.lineWidth(0.7).strokeColor(INKS[i]).fillColor(INKS[i]);
  const p = PATTERNS[i];
  const step = 4;
  if (p === 'diagonal' || p === 'cross') {
    for (let s = -h; s < w + h; s += step) pdf.moveTo(x + s, y + h).lineTo(x + s + h, y);
    if (p === 'cross') for (let s = -h; s < w + h; s += step) pdf.moveTo(x + s, y).lineTo(x + s + h, y + h);
    pdf.stroke();
  } else if (p === 'horizontal') {
    for (let t = y + step / 2; t < y + h; t += step) pdf.moveTo(x, t).lineTo(x + w, t);
    pdf.stroke();
  } else if (p === 'vertical') {
    for (let s = x + step / 2; s < x + w; s += step) pdf.moveTo(s, y).lineTo(s, y + h);
    pdf.stroke();
  } else if (p === 'dots') {
    for (let t = y + 2; t < y + h; t += step) for (let s = x + 2; s < x + w; s += step) pdf.circle(s, t, 0.7);
    pdf.fill();
  }
  pdf.restore();
  pdf.save().lineWidth(0.4).rect(x, y, w, h).stroke(COLOR.text).restore();
}

const KEY_PER_ROW = 3;
const keyRows = (chart: StackedChart) => Math.ceil(chart.series.length / KEY_PER_ROW);

function drawStacked(ctx: RenderContext, chart: StackedChart, frame: Frame): void {
  const { flow, pdf } = ctx;
  const labelW = 70;
  const valueW = 80;
  const x0 = frame.x + labelW + 6;
  const span = frame.x + frame.width - valueW - x0;
  const max = Math.max(0, ...chart.bars.map((b) => b.total));
  flow.y += 2;
  for (const b of chart.bars) {
    const cy = flow.y + ROW_H / 2;
    put(ctx, oneLine(ctx, b.label, labelStyle(), labelW - 3), frame.x + 3, cy);
    let x = x0;
    b.values.forEach((v, s) => {
      if (v <= 0 || max <= 0) return;
      const w = (v / max) * span;
      patterned(pdf, chart.seriesKey[s] ?? s, x, cy - 6, w, 12);
      x += w;
    });
    put(ctx, oneLine(ctx, b.totalText, labelStyle({ bold: true, family: 'sans', size: 7.5 }), valueW + x0 + span - x - 4), x + 4, cy);
    flow.y += ROW_H;
  }
  // The key: each series' pattern and name.
  flow.y += 4;
  const cell = frame.width / KEY_PER_ROW;
  chart.series.forEach((name, s) => {
    const row = Math.floor(s / KEY_PER_ROW);
    const x = frame.x + (s % KEY_PER_ROW) * cell;
    const cy = flow.y + row * 14 + 7;
    patterned(pdf, chart.seriesKey[s] ?? s, x + 3, cy - 4.5, 14, 9);
    put(ctx, oneLine(ctx, name, labelStyle({ size: 7.4 }), cell - 24), x + 21, cy);
  });
  flow.y += keyRows(chart) * 14 + 4;
}
