// Tables: columns sized from relative widths, type shrunk (within limits) until the longest
// word of each column fits, rows kept whole when they fit a page, the header row repeated on
// every page the table continues on, and tones shown as tinted cells.

import type { RenderContext } from './context.js';
import type { Frame } from './flow.js';
import { drawLine, layoutLines, linesHeight, measure, style, widestWord, type Align, type Line, type Run, type TextStyle } from './inline-text.js';
import { fontKey } from './fonts.js';
import { flowParagraph } from './draw-paragraph.js';
import { tagsOf, within, type StructElement } from './tags.js';
import { COLOR, SPACE, TABLE, TYPE, type TypeSpec } from './theme.js';

export type Tone = 'warning' | 'ok' | 'muted' | 'mark';

export interface CellSpec {
  /** Each line of the cell, built for the type size the table ends up with. */
  lines: ((base: TextStyle) => Run[])[];
  bullets?: boolean;
  align?: Align;
  tone?: Tone;
}

export interface RowSpec {
  cells: CellSpec[];
  /** Anchor of the record the row shows. */
  id?: string;
  /** The first cell is a row header (bold). */
  header?: boolean;
  tone?: 'warning';
}

export interface TableSpec {
  caption?: string;
  /** Anchor of the table itself (numbered tables: the list of tables links here). */
  id?: string;
  columns: { label: string; width: number; align?: Align }[];
  rows: RowSpec[];
  variant?: 'grid' | 'matrix';
}

interface LaidCell {
  lines: Line[];
  /** Indexes of lines that start a bullet item. */
  bullets: Set<number>;
  indent: number;
  tone?: Tone;
}

const BULLET = '•';

/** Everything about a table that does not depend on where it lands. */
function planTable(ctx: RenderContext, table: TableSpec, frame: Frame) {
  const spec: TypeSpec = TABLE[table.variant ?? 'normal'];
  const { widths, size } = columnLayout(ctx, table, spec, frame.width);
  const xs = widths.map((_, i) => frame.x + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const base = style(spec, { size });
  const headerCells: LaidCell[] = table.columns.map((c, i) =>
    layCell(ctx, { lines: [(b) => [{ text: c.label, style: { ...b, bold: true } }]], align: c.align }, widths[i], base),
  );
  const layRow = (row: RowSpec): LaidCell[] =>
    row.cells.map((cell, i) => {
      const cellBase = row.header && i === 0 ? { ...base, bold: true } : cell.tone === 'muted' ? { ...base, color: COLOR.muted } : base;
      return layCell(ctx, { ...cell, align: cell.align ?? table.columns[i]?.align }, widths[i] ?? widths[widths.length - 1], cellBase);
    });
  const captionStyle = style(TYPE.caption, { color: COLOR.accent });
  const captionLines = table.caption ? layoutLines(ctx, [{ text: table.caption, style: captionStyle }], frame.width) : [];
  const captionHeight = linesHeight(captionLines) + (captionLines.length ? CAPTION_GAP : 0);
  const headerHeight = rowHeight(headerCells);
  return { widths, xs, headerCells, headerHeight, layRow, captionLines, captionHeight };
}

const CAPTION_GAP = 3;

/** Height a table needs on the page it starts on: caption, header and (most of) the first two rows. */
export function tableLead(ctx: RenderContext, table: TableSpec, frame: Frame): number {
  if (table.rows.length === 0) return 3 * TYPE.small.size * TYPE.small.leading;
  table = columnParts(ctx, table, frame)[0];
  const plan = planTable(ctx, table, frame);
  return plan.captionHeight + plan.headerHeight + firstRows(ctx, table.rows.slice(0, SMALL_TABLE + 1).map((r) => plan.layRow(r)));
}

/** A table of at most this many rows is kept whole when it fits in a third of a page. */
const SMALL_TABLE = 4;

/**
 * The rows a table keeps under its header on its first page: all of a small table, else the
 * first two (never one row alone at a page bottom), or the first one when two would take more
 * than a third of a page. `rows`: the first rows laid out (up to SMALL_TABLE + 1 of them).
 */
function firstRows(ctx: RenderContext, rows: LaidCell[][]): number {
  const third = ctx.flow.pageHeight / 3;
  const heights = rows.map(rowHeight);
  const all = heights.reduce((s, h) => s + h, 0);
  if (rows.length <= SMALL_TABLE && all <= third) return all;
  const one = heights[0] ?? 0;
  const two = one + (heights[1] ?? 0);
  return two <= third ? two : Math.min(one, third);
}

/** Narrowest a column may get: a table with more columns than fit at this width is cut in parts. */
const MIN_COLUMN = 40;

/**
 * A table too wide for the page, as parts that fit: each part repeats the first column (the
 * row's name) beside the next columns that fit; the later parts' captions say "(lanjutan)".
 * Row anchors stay in the first part. A table that fits is its own only part.
 */
function columnParts(ctx: RenderContext, table: TableSpec, frame: Frame): TableSpec[] {
  const fit = Math.floor(frame.width / MIN_COLUMN);
  const n = table.columns.length;
  if (n <= fit || fit < 2) return [table];
  const parts: TableSpec[] = [];
  for (let start = 1; start < n; start += fit - 1) {
    const pick = [0, ...Array.from({ length: Math.min(fit - 1, n - start) }, (_, k) => start + k)];
    const first = start === 1;
    parts.push({
      ...table,
      id: first ? table.id : undefined,
      caption: first || !table.caption ? table.caption : `${table.caption} (${ctx.book.labels.continued})`,
      columns: pick.map((i) => table.columns[i]),
      rows: table.rows.map((row) => ({ ...row, id: first ? row.id : undefined, cells: pick.map((i) => row.cells[i] ?? { lines: [] }) })),
    });
  }
  return parts;
}

export function drawTable(ctx: RenderContext, table: TableSpec, frame: Frame): void {
  const parts = columnParts(ctx, table, frame);
  parts.forEach((part, i) => {
    if (i > 0) ctx.flow.gap(SPACE.block);
    drawTablePart(ctx, part, frame);
  });
}

function drawTablePart(ctx: RenderContext, table: TableSpec, frame: Frame): void {
  const { pdf } = ctx;
  if (table.rows.length === 0) {
    if (table.caption) flowParagraph(ctx, [{ text: table.caption, style: style(TYPE.caption, { color: COLOR.accent }) }], frame);
    return;
  }
  within(pdf, 'Table', () => drawRows(ctx, table, frame));
}

function drawRows(ctx: RenderContext, table: TableSpec, frame: Frame): void {
  const { flow, pdf } = ctx;
  const plan = planTable(ctx, table, frame);
  const { widths, xs, headerCells, headerHeight } = plan;
  const grid = table.variant === 'grid' || table.variant === 'matrix';
  const tags = tagsOf(pdf);
  // In the tagged PDF: the first header row is the table's header (TH cells); its repeats on
  // the following pages are artifacts.
  let headerDrawn = false;
  const drawHeader = () => {
    if (headerDrawn && tags) return tags.artifact(paintHeader);
    headerDrawn = true;
    if (tags) tags.within('TR', paintHeader);
    else paintHeader();
  };
  const paintHeader = () => {
    pdf.rect(frame.x, flow.y, frame.width, headerHeight).fill(COLOR.headerFill);
    const cellTags = tags && !tags.drawingArtifact ? headerCells.map(() => ({ el: tags.create('TH', { scope: 'Column' }), type: 'TH' })) : undefined;
    drawCells(ctx, headerCells, xs, flow.y, headerCells.map(() => 0), headerCells.map((c) => c.lines.length), cellTags);
    cellTags?.forEach((c) => c.el.end());
    if (grid) drawColumnRules(pdf, xs, widths, flow.y, headerHeight);
    rule(pdf, frame, flow.y + headerHeight, COLOR.rule, 0.8);
    flow.y += headerHeight;
  };
  // Rows are laid out as they are drawn (with one row of look-ahead), not all at once: a
  // table of thousands of rows would otherwise hold every laid-out line until its end.
  const laid = new Map<number, LaidCell[]>();
  const rowAt = (r: number): LaidCell[] => {
    let cells = laid.get(r);
    if (!cells) laid.set(r, (cells = plan.layRow(table.rows[r])));
    return cells;
  };

  // Caption, header and the first two rows stay together.
  flow.ensure(plan.captionHeight + headerHeight + firstRows(ctx, table.rows.slice(0, SMALL_TABLE + 1).map((_, r) => rowAt(r))));
  if (table.id) {
    ctx.dests.add(pdf, table.id, flow.y);
    ctx.sectionPages.set(table.id, flow.page);
  }
  if (plan.captionLines.length)
    within(pdf, 'Caption', () => {
      for (const line of plan.captionLines) {
        drawLine(pdf, ctx.dests, line, frame.x, flow.y);
        flow.y += line.height;
      }
    });
  if (plan.captionLines.length) flow.y += CAPTION_GAP;
  drawHeader();

  const room = flow.pageHeight - headerHeight;
  flow.whileBreaking(drawHeader, () => {
    table.rows.forEach((row, r) => {
      const cells = rowAt(r);
      laid.delete(r);
      const height = rowHeight(cells);
      const lastTwo = r === table.rows.length - 2 ? height + rowHeight(rowAt(r + 1)) : 0;
      if (height > flow.room && height <= room) flow.newPage();
      // Do not leave the last row alone on a page: take the one before it along.
      else if (lastTwo > flow.room && lastTwo <= room && r >= 2) flow.newPage();
      const firstLine = Math.max(0, ...cells.map((c) => c.lines[0]?.height ?? 0));
      if (flow.room < firstLine + 2 * TABLE.padY) flow.newPage();
      if (row.id) ctx.dests.add(pdf, row.id, flow.y);
      const rowTag = tags?.create('TR');
      const cellTags = rowTag
        ? cells.map((_, i) => {
            const type = row.header && i === 0 ? 'TH' : 'TD';
            return { el: tags!.create(type, type === 'TH' ? { scope: 'Row' } : undefined, rowTag), type };
          })
        : undefined;
      // Usually one slice; a row taller than a page continues on the next one.
      const from = cells.map(() => 0);
      for (;;) {
        const to = cells.map((c, i) => linesThatFit(c.lines, from[i], flow.room - 2 * TABLE.padY));
        const sliceHeight = Math.max(...cells.map((c, i) => sumLines(c.lines, from[i], to[i]))) + 2 * TABLE.padY;
        if (row.tone === 'warning') pdf.rect(frame.x, flow.y, frame.width, sliceHeight).fill(COLOR.warningFill);
        cells.forEach((c, i) => {
          const fill = c.tone === 'warning' ? COLOR.warningFill : c.tone === 'ok' ? COLOR.okFill : c.tone === 'mark' ? COLOR.accentLight : undefined;
          if (fill) pdf.rect(xs[i], flow.y, widths[i], sliceHeight).fill(fill);
        });
        drawCells(ctx, cells, xs, flow.y, from, to, cellTags);
        if (grid) drawColumnRules(pdf, xs, widths, flow.y, sliceHeight);
        flow.y += sliceHeight;
        rule(pdf, frame, flow.y, COLOR.ruleLight, 0.5);
        if (to.every((t, i) => t >= cells[i].lines.length)) break;
        to.forEach((t, i) => (from[i] = t));
        flow.newPage();
      }
      rowTag?.end();
    });
  });
}

/**
 * Column widths and type size. Widths follow the relative widths, but a column never gets
 * narrower than its longest word (taken from columns with room to spare); when the words
 * cannot all fit, the type shrinks (down to a floor), and only below that are words cut.
 */
function columnLayout(ctx: RenderContext, table: TableSpec, spec: TypeSpec, width: number): { widths: number[]; size: number } {
  const total = table.columns.reduce((s, c) => s + Math.max(c.width, 0.01), 0);
  const widths = table.columns.map((c) => (width * Math.max(c.width, 0.01)) / total);
  const probe = style(spec);
  // Words as the line breaker sees them (UAX #14): an address needs only its widest part.
  const longest = (runs: Run[]) => widestWord(runs);
  // Longest word per column at the variant's size.
  const words = table.columns.map((col, i) => {
    let widest = longest([{ text: col.label, style: { ...probe, bold: true } }]);
    for (const row of table.rows) {
      const cell = row.cells[i];
      if (!cell) continue;
      const cellStyle = row.header && i === 0 ? { ...probe, bold: true } : probe;
      const indent = cell.bullets ? bulletIndent(probe) : 0;
      for (const line of cell.lines) widest = Math.max(widest, longest(line(cellStyle)) + indent);
    }
    return widest;
  });
  const pads = 2 * TABLE.padX * widths.length;
  const wordsTotal = words.reduce((s, w) => s + w, 0);
  const floor = table.variant ? TABLE.minSize : spec.size * 0.8;
  let size = spec.size;
  if (wordsTotal + pads > width) size = Math.max(floor, Math.floor(((spec.size * (width - pads)) / wordsTotal) * 10) / 10);
  const need = words.map((w) => Math.min((w * size) / spec.size + 2 * TABLE.padX, width));
  const short = widths.reduce((s, w, i) => s + Math.max(0, need[i] - w), 0);
  const slack = widths.reduce((s, w, i) => s + Math.max(0, w - need[i]), 0);
  if (short > 0 && slack > 0) {
    const take = Math.min(1, short / slack);
    for (let i = 0; i < widths.length; i++) {
      widths[i] = widths[i] < need[i] ? widths[i] + (need[i] - widths[i]) * Math.min(1, slack / short) : widths[i] - (widths[i] - need[i]) * take;
    }
  }
  return { widths, size };
}

function bulletIndent(base: TextStyle): number {
  return measure(fontKey(base.family), base.size, `${BULLET} `);
}

function layCell(ctx: RenderContext, cell: CellSpec, width: number, base: TextStyle): LaidCell {
  const room = width - 2 * TABLE.padX;
  const indent = cell.bullets ? bulletIndent(base) : 0;
  const lines: Line[] = [];
  const bullets = new Set<number>();
  cell.lines.forEach((make, k) => {
    const laid = layoutLines(ctx, make(base), room - indent, cell.align ?? 'left');
    if (laid.length === 0) return;
    if (cell.bullets) bullets.add(lines.length);
    // A little air between the entries of a multi-line cell.
    if (k > 0 && cell.bullets && lines.length) lines[lines.length - 1] = { ...lines[lines.length - 1], height: lines[lines.length - 1].height + 1.5 };
    lines.push(...laid);
  });
  return { lines, bullets, indent, tone: cell.tone };
}

/** `tags`: the cells' structure elements in a tagged PDF (their text is marked into them). */
function drawCells(ctx: RenderContext, cells: LaidCell[], xs: number[], top: number, from: number[], to: number[], tags?: { el: StructElement; type: string }[]): void {
  const tagger = tagsOf(ctx.pdf);
  cells.forEach((cell, i) => {
    const tag = tags?.[i];
    if (tagger && tag) tagger.inside(tag.el, tag.type, () => drawCell(ctx, cell, xs, top, from, to, i), true);
    else drawCell(ctx, cell, xs, top, from, to, i);
  });
}

function drawCell(ctx: RenderContext, cell: LaidCell, xs: number[], top: number, from: number[], to: number[], i: number): void {
  let y = top + TABLE.padY;
  const x = xs[i] + TABLE.padX;
  for (let k = from[i]; k < to[i]; k++) {
    const line = cell.lines[k];
    if (cell.bullets.has(k) && line.pieces[0]) {
      const p = line.pieces[0];
      ctx.pdf.font(fontKey(p.style.family)).fontSize(p.style.size).fillColor(COLOR.muted);
      ctx.pdf.text(BULLET, x, y + line.baseline, { lineBreak: false, baseline: 'alphabetic' } as PDFKit.Mixins.TextOptions);
    }
    drawLine(ctx.pdf, ctx.dests, line, x + cell.indent, y);
    y += line.height;
  }
}

function rowHeight(cells: LaidCell[]): number {
  return Math.max(0, ...cells.map((c) => sumLines(c.lines, 0, c.lines.length))) + 2 * TABLE.padY;
}

function sumLines(lines: Line[], from: number, to: number): number {
  let h = 0;
  for (let k = from; k < to; k++) h += lines[k].height;
  return h;
}

/** Index after the last line (from `from`) that fits in `room`; at least one line. */
function linesThatFit(lines: Line[], from: number, room: number): number {
  let h = 0;
  let k = from;
  while (k < lines.length && (k === from || h + lines[k].height <= room)) {
    h += lines[k].height;
    k++;
  }
  return k;
}

function rule(pdf: PDFKit.PDFDocument, frame: Frame, y: number, color: string, width: number): void {
  pdf.save().lineWidth(width).strokeColor(color).moveTo(frame.x, y).lineTo(frame.x + frame.width, y).stroke().restore();
}

function drawColumnRules(pdf: PDFKit.PDFDocument, xs: number[], widths: number[], top: number, height: number): void {
  pdf.save().lineWidth(0.4).strokeColor(COLOR.ruleLight);
  for (let i = 1; i < xs.length; i++) pdf.moveTo(xs[i], top).lineTo(xs[i], top + height);
  pdf.stroke().restore();
}
