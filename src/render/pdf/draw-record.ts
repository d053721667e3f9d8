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
import { COLOR, TYPE } from './theme.js';

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
  const first = record.fields[0];
  const firstValue = first ? valueLines(first) : [];
  // The title never stays behind alone: it keeps the first field with it.
  const lead = PAD.top + linesHeight(titleLines) + PAD.title + (first ? fieldLead(first, labelLines(first), firstValue) : 0);
  return { inner, valueFrame, valueStyle, titleLines, valueLines, labelLines, fieldLead, firstValue, lead };
}

/** Height a card needs on the page it starts on. */
export function recordLead(ctx: RenderContext, record: RecordBlock, frame: Frame, level: number): number {
  return cardLayout(ctx, record, frame, level).lead;
}

export function drawRecord(ctx: RenderContext, record: RecordBlock, frame: Frame, level: number): void {
  within(ctx.pdf, 'Sect', () => drawCard(ctx, record, frame, level));
}

function drawCard(ctx: RenderContext, record: RecordBlock, frame: Frame, level: number): void {
  const { flow, pdf } = ctx;
  const card = cardLayout(ctx, record, frame, level);
  flow.ensure(card.lead);

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

  record.fields.forEach((field, i) => {
    const labelLines = card.labelLines(field);
    const valueLines = i === 0 ? card.firstValue : card.valueLines(field);
    flow.ensure(card.fieldLead(field, labelLines, valueLines));
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
  });

  flow.paintSpan(from, flow.mark(), (top, bottom) => {
    pdf.rect(frame.x, top, BAR, bottom - top).fill(COLOR.accent);
  });
}
