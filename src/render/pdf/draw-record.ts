// A record card (an innovation, a quick win, a program analysis): the title with its badge,
// then label/value rows; a value may be Markdown. An accent bar runs down the card's left edge
// on every page the card spans, and the record id is anchored at the card's top.

import type { Field, RecordBlock } from '../../book/types.js';
import { inlineRuns } from './book-inline.js';
import type { RenderContext } from './context.js';
import { drawMarkdown, markdownLead } from './draw-markdown.js';
import { flowLines, leadHeight } from './draw-paragraph.js';
import type { Frame } from './flow.js';
import { drawLine, layoutLines, linesHeight, style, type Line, type Run } from './inline-text.js';
import { headingTag, within } from './tags.js';
import { COLOR, SPACE, TYPE } from './theme.js';

const BAR = 3;
const INSET = 9;
const TITLE = { family: 'sans', bold: true, size: 11.5, leading: 1.3 } as const;
const VALUE = { ...TYPE.body, size: 10, leading: 1.4 };
/** Space above the title, below it, and above each field's text. */
const PAD = { top: 2, title: 3, field: 3 };

function cardLayout(ctx: RenderContext, record: RecordBlock, frame: Frame, level: number) {
  const inner: Frame = { x: frame.x + BAR + INSET, width: frame.width - BAR - INSET };
  const labelWidth = Math.min(120, inner.width * 0.27);
  const valueFrame: Frame = { x: inner.x + labelWidth, width: inner.width - labelWidth };
  const labelStyle = style(TYPE.label, { color: COLOR.muted });
  const valueStyle = style(VALUE);
  const titleStyle = style(TITLE, { color: COLOR.accent });
  const titleRuns: Run[] = inlineRuns(ctx, record.title, titleStyle);
  if (record.badge) titleRuns.push({ text: '  ', style: titleStyle }, { text: record.badge, style: style(TYPE.small, { color: COLOR.muted, badge: true }) });
  const titleLines = layoutLines(ctx, titleRuns, inner.width);

  const valueLines = (field: Field): Line[] | null => {
    const value = field.value;
    if (Array.isArray(value)) return layoutLines(ctx, inlineRuns(ctx, value, valueStyle), valueFrame.width);
    if ('lines' in value) return value.lines.flatMap((line) => layoutLines(ctx, inlineRuns(ctx, line, valueStyle), valueFrame.width));
    return null; // Markdown: laid out as it is drawn
  };
  const labelLines = (field: Field) => layoutLines(ctx, [{ text: field.label, style: labelStyle }], labelWidth - 8);
  /** Room a field needs to start on a page: its label beside the value's first lines. */
  const fieldLead = (field: Field, label: Line[], value: Line[] | null) => {
    const start =
      value !== null
        ? leadHeight(value)
        : 'markdown' in field.value
          ? markdownLead(ctx, field.value.markdown, valueFrame, { base: valueStyle, level: level + 1 })
          : 0;
    return PAD.field + Math.max(linesHeight(label), start) + 1;
  };
  /** Height a whole field takes (a Markdown value estimated from its text laid out plainly). */
  const fieldHeight = (field: Field, label: Line[], value: Line[] | null) => {
    const shift = value?.[0] ? Math.max(0, value[0].baseline - (label[0]?.baseline ?? 0)) : 1.5;
    const body = value !== null ? linesHeight(value) : 'markdown' in field.value ? markdownEstimate(ctx, field.value.markdown.text, valueFrame, valueStyle) : 0;
    return 2 * PAD.field + Math.max(linesHeight(label) + shift, body);
  };
  const first = record.fields[0];
  const firstValue = first ? valueLines(first) : [];
  const head = PAD.top + linesHeight(titleLines) + PAD.title;
  const heights = record.fields.map((f, i) => fieldHeight(f, labelLines(f), i === 0 ? firstValue : valueLines(f)));
  const total = head + heights.reduce((s, h) => s + h, 0);
  // The title never stays behind alone: it keeps the first two fields with it (or, when the
  // first one is long, the start of the first).
  const half = ctx.flow.pageHeight / 2;
  const second = record.fields[1];
  let lead = head + (first ? fieldLead(first, labelLines(first), firstValue) : 0);
  if (first && second) {
    const two = heights[0] + fieldLead(second, labelLines(second), valueLines(second));
    if (two <= half) lead = head + two;
  }
  return { inner, valueFrame, valueStyle, titleStyle, titleLines, valueLines, labelLines, fieldLead, firstValue, lead, heights, total };
}

/** A card up to this share of a page is never split: it moves whole to the next page. */
const KEEP_WHOLE = 0.4;

/** Rough height of a Markdown value: its text in paragraphs, laid out without its markup. */
function markdownEstimate(ctx: RenderContext, text: string, frame: Frame, base: ReturnType<typeof style>): number {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/[*_`#>|]/g, '').trim()).filter(Boolean);
  return paragraphs.reduce((h, p, i) => h + (i ? SPACE.paragraph : 0) + linesHeight(layoutLines(ctx, [{ text: p, style: base }], frame.width)), 0);
}

/** Height a card needs on the page it starts on. */
export function recordLead(ctx: RenderContext, record: RecordBlock, frame: Frame, level: number): number {
  const card = cardLayout(ctx, record, frame, level);
  return card.total <= ctx.flow.pageHeight * KEEP_WHOLE ? card.total : card.lead;
}

export function drawRecord(ctx: RenderContext, record: RecordBlock, frame: Frame, level: number): void {
  within(ctx.pdf, 'Sect', () => drawCard(ctx, record, frame, level));
}

function drawCard(ctx: RenderContext, record: RecordBlock, frame: Frame, level: number): void {
  const { flow, pdf } = ctx;
  const card = cardLayout(ctx, record, frame, level);
  // A small card is kept whole; a longer one starts with its title and first two fields.
  flow.ensure(card.total <= flow.pageHeight * KEEP_WHOLE ? card.total : card.lead);

  const from = flow.mark();
  if (record.id) ctx.dests.add(pdf, record.id, flow.y);
  flow.y += PAD.top;
  within(pdf, headingTag(level + 1), () => {
    for (const line of card.titleLines) {
      drawLine(pdf, ctx.dests, line, card.inner.x, flow.y);
      flow.y += line.height;
    }
  });
  flow.y += PAD.title;

  // On every page the card continues on, its title comes again, marked as a continuation.
  const continued = () => {
    const runs: Run[] = [...inlineRuns(ctx, record.title, card.titleStyle), { text: ` (${ctx.book.labels.continued})`, style: style(TITLE, { color: COLOR.muted, bold: false }) }];
    flow.y += PAD.top;
    for (const line of layoutLines(ctx, runs, card.inner.width)) {
      drawLine(pdf, ctx.dests, line, card.inner.x, flow.y);
      flow.y += line.height;
    }
    flow.y += PAD.title;
  };
  const n = record.fields.length;
  flow.whileBreaking(continued, () => record.fields.forEach((field, i) => {
    const labelLines = card.labelLines(field);
    const valueLines = i === 0 ? card.firstValue : card.valueLines(field);
    let need = card.fieldLead(field, labelLines, valueLines);
    // Never one field alone at the top of the next page: the last two move together.
    if (i === n - 2 && i >= 2 && card.heights[i] + card.heights[i + 1] <= flow.pageHeight / 2) need = card.heights[i] + card.heights[i + 1];
    flow.ensure(need);
    if (!flow.atTop) {
      const color = i === 0 ? COLOR.rule : COLOR.ruleLight;
      pdf.save().lineWidth(0.5).strokeColor(color).moveTo(card.inner.x, flow.y).lineTo(card.inner.x + card.inner.width, flow.y).stroke().restore();
    }
    flow.y += PAD.field;
    const labelPage = flow.page;
    let labelEnd = flow.y;
    // The label sits beside the value's first line: drop it by the difference in baselines.
    const shift = valueLines?.[0] ? Math.max(0, valueLines[0].baseline - (labelLines[0]?.baseline ?? 0)) : 1.5;
    for (const line of labelLines) {
      drawLine(pdf, ctx.dests, line, card.inner.x, labelEnd + shift);
      labelEnd += line.height;
    }
    labelEnd += shift;
    if (valueLines) flowLines(ctx, valueLines, card.valueFrame);
    else if ('markdown' in field.value) drawMarkdown(ctx, field.value.markdown, card.valueFrame, { base: card.valueStyle, level: level + 1 });
    if (flow.page === labelPage) flow.y = Math.max(flow.y, labelEnd);
    flow.y += PAD.field;
  }));

  flow.paintSpan(from, flow.mark(), (top, bottom) => {
    pdf.rect(frame.x, top, BAR, bottom - top).fill(COLOR.accent);
  });
}
