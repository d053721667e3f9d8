// One block of a section, by kind: Markdown, generated paragraphs, lists and notes here;
// tables and record cards in their own modules.

import { shownCaption } from '../../book/headings.js';
import type { Block, Inline, SignatureBlock, TableBlock } from '../../book/types.js';
import { inlineRuns } from './book-inline.js';
import type { RenderContext } from './context.js';
import { boxInnerWidth, flowBoxedLines, type BoxLook } from './draw-box.js';
import { chartLead, drawChart } from './draw-chart.js';
import { drawMarkdown, markdownLead } from './draw-markdown.js';
import { flowLines, flowParagraph, leadHeight } from './draw-paragraph.js';
import { drawRecord, recordLead } from './draw-record.js';
import { drawTable, tableLead, type TableSpec } from './draw-table.js';
import type { Frame } from './flow.js';
import { drawLine, layoutLines, linesHeight, style, type TextStyle } from './inline-text.js';
import { within } from './tags.js';
import { COLOR, SPACE, TYPE } from './theme.js';

export function drawBlock(ctx: RenderContext, block: Block, frame: Frame, level: number): void {
  const body = style(TYPE.body);
  switch (block.type) {
    case 'markdown': {
      ctx.figures = block.figures ? [...block.figures] : undefined;
      drawMarkdown(ctx, block.markdown, frame, { base: body, level: block.level });
      ctx.figures = undefined;
      return;
    }
    case 'paragraph':
      return flowParagraph(ctx, inlineRuns(ctx, block.content, body), frame);
    case 'list':
      return drawBulleted(ctx, block.items, frame, body, block.tone === 'warning' ? COLOR.warningBar : COLOR.muted, block.ordered);
    case 'signatures':
      return drawSignatures(ctx, block, frame);
    case 'note': {
      const look: BoxLook =
        block.tone === 'warning'
          ? { fill: COLOR.warningFill, bar: COLOR.warningBar, padX: 8, padY: 6 }
          : { fill: COLOR.infoFill, bar: COLOR.infoBar, padX: 8, padY: 6 };
      const text = style(TYPE.body, { size: 9.5, color: block.tone === 'warning' ? COLOR.warningText : COLOR.text });
      return flowBoxedLines(ctx, layoutLines(ctx, inlineRuns(ctx, block.content, text), boxInnerWidth(frame, look)), frame, look);
    }
    case 'table':
      return drawTable(ctx, bookTable(ctx, block), frame);
    case 'record':
      return drawRecord(ctx, block, frame, level);
    case 'chart':
      return drawChart(ctx, block, frame);
  }
}

function drawBulleted(ctx: RenderContext, items: Inline[][], frame: Frame, base: TextStyle, markerColor: string, ordered = false): void {
  within(ctx.pdf, 'L', () => drawItems(ctx, items, frame, base, markerColor, ordered));
}

function drawItems(ctx: RenderContext, items: Inline[][], frame: Frame, base: TextStyle, markerColor: string, ordered: boolean): void {
  const indent = base.size * (ordered ? 2 : 1.2);
  const inner: Frame = { x: frame.x + indent, width: frame.width - indent };
  items.forEach((item, k) => {
    if (k > 0) ctx.flow.gap(2);
    const lines = layoutLines(ctx, inlineRuns(ctx, item, base), inner.width);
    if (!lines.length) return;
    ctx.flow.ensure(leadHeight(lines));
    const [marker] = layoutLines(ctx, [{ text: ordered ? `${k + 1}.` : '•', style: { ...base, color: ordered ? base.color : markerColor } }], indent);
    within(ctx.pdf, 'LI', () => {
      if (marker) within(ctx.pdf, 'Lbl', () => drawLine(ctx.pdf, ctx.dests, marker, frame.x, ctx.flow.y));
      within(ctx.pdf, 'LBody', () => flowLines(ctx, lines, inner));
    });
  });
}

const SIGN_SPACE = 52;

/**
 * Signature blocks. `single` (a foreword): place and date, position, room to sign, the name — at
 * the right of the column. `grid` (the commitment page): two signers side by side per row, each
 * with a line to sign on, the name and the position under it.
 */
function drawSignatures(ctx: RenderContext, block: SignatureBlock, frame: Frame): void {
  const { flow, pdf } = ctx;
  const body = style(TYPE.body);
  const lines = (text: string, width: number, extra: Partial<TextStyle> = {}) => layoutLines(ctx, [{ text, style: { ...body, ...extra } }], width, 'center');
  const place = (ls: ReturnType<typeof lines>, x: number, y: number) => {
    for (const l of ls) {
      drawLine(pdf, ctx.dests, l, x, y);
      y += l.height;
    }
    return y;
  };
  if (block.layout === 'single') {
    const width = Math.min(frame.width / 2, 260);
    const x = frame.x + frame.width - width;
    const signer = block.signers[0];
    const top = [...(block.dateLine ? lines(block.dateLine, width) : []), ...(signer?.position ? lines(signer.position, width) : [])];
    const name = signer ? lines(signer.name, width, { bold: true }) : [];
    flow.gap(SPACE.block);
    flow.ensure(linesHeight(top) + SIGN_SPACE + linesHeight(name));
    let y = place(top, x, flow.y);
    y += SIGN_SPACE;
    y = place(name, x, y);
    flow.y = y;
    return;
  }
  const perRow = 2;
  const gap = 24;
  const width = (frame.width - gap * (perRow - 1)) / perRow;
  for (let i = 0; i < block.signers.length; i += perRow) {
    const row = block.signers.slice(i, i + perRow).map((s) => ({ name: lines(s.name, width, { bold: true }), position: s.position ? lines(s.position, width, { size: body.size - 1 }) : [] }));
    const height = SIGN_SPACE + 4 + Math.max(...row.map((r) => linesHeight(r.name) + linesHeight(r.position)));
    flow.gap(SPACE.block);
    flow.ensure(height);
    row.forEach((r, k) => {
      const x = frame.x + k * (width + gap);
      const lineY = flow.y + SIGN_SPACE;
      pdf.save().lineWidth(0.7).strokeColor(COLOR.text).moveTo(x + 20, lineY).lineTo(x + width - 20, lineY).stroke().restore();
      place(r.position, x, place(r.name, x, lineY + 4));
    });
    flow.y += height;
  }
}

/** Height a block needs right below a heading, so the heading is not left alone at a page end. */
export function blockLead(ctx: RenderContext, block: Block, frame: Frame, level: number): number {
  switch (block.type) {
    case 'record':
      return recordLead(ctx, block, frame, level);
    case 'table':
      return tableLead(ctx, bookTable(ctx, block), frame);
    case 'chart':
      return chartLead(block);
    case 'markdown':
      return markdownLead(ctx, block.markdown, frame, { base: style(TYPE.body), level: block.level });
    default:
      return SPACE.keepWithHeading;
  }
}

/** The book layout's table as the table drawer's input (cells built per chosen type size). */
function bookTable(ctx: RenderContext, table: TableBlock): TableSpec {
  return {
    caption: shownCaption(table) || undefined,
    id: table.id,
    columns: table.columns.map((c) => ({ label: c.label, width: c.width, align: c.align })),
    variant: table.variant,
    rows: table.rows.map((row) => ({
      id: row.id,
      header: row.header,
      tone: row.tone,
      cells: row.cells.map((cell) => ({
        lines: cell.lines.map((line) => (b: TextStyle) => inlineRuns(ctx, line, b)),
        bullets: cell.bullets,
        align: cell.align,
        tone: cell.tone,
      })),
    })),
  };
}
