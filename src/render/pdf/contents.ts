// The table of contents. Its pages come right after the cover, before the body exists, so it
// is laid out first with the page numbers unknown (their column has a fixed width), those
// pages are reserved, and it is drawn into them once the body has been laid out.

import type { Section } from '../../book/types.js';
import type { RenderContext } from './context.js';
import { drawLine, layoutLines, linesHeight, style, type Line } from './inline-text.js';
import { tagsOf, within } from './tags.js';
import { COLOR, headingSpec, TYPE } from './theme.js';

interface Entry {
  section: Section;
  lines: Line[];
  indent: number;
  gapBefore: number;
}

interface Placed {
  entry: Entry;
  /** Page offset from the first contents page. */
  page: number;
  y: number;
}

export interface ContentsLayout {
  heading: Line[];
  placed: Placed[];
  pages: number;
}

const NUMBER_COLUMN = 34;
const INDENT = 16;

export function contentsSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (s.toc) out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

/**
 * `flat`: every entry on one level, in plain type (the list of tables); otherwise chapters in
 * bold with their sections indented. Numbered chapters read "BAB I Pendahuluan".
 */
export function layoutContents(ctx: RenderContext, sections: Section[], title = ctx.book.labels.contents, flat = false): ContentsLayout {
  const { flow } = ctx;
  const frame = flow.body;
  const heading = layoutLines(ctx, [{ text: title, style: style(headingSpec(1), { color: COLOR.accent }) }], frame.width);
  const entries: Entry[] = sections.map((section, i) => {
    const depth = flat ? 0 : Math.max(0, section.level - 1);
    const top = !flat && section.level === 1;
    const s = style(TYPE.toc, top ? { bold: true } : depth > 1 ? { size: 9.5, color: COLOR.muted } : {});
    const indent = depth * INDENT;
    const text = section.number !== undefined ? `${section.number} ${section.title}` : section.title;
    return {
      section,
      indent,
      gapBefore: i === 0 ? 0 : top ? 7 : flat ? 3 : 1,
      lines: layoutLines(ctx, [{ text, style: s }], frame.width - indent - NUMBER_COLUMN - 8),
    };
  });
  if (entries.length === 0) return { heading, placed: [], pages: 0 };
  const placed: Placed[] = [];
  let page = 0;
  let y = flow.top + linesHeight(heading) + 20;
  const height = (e: Entry) => linesHeight(e.lines);
  entries.forEach((entry, i) => {
    // A chapter's entry and its sections' entries stay on one page when they fit on one.
    let need = height(entry);
    if (entry.section.level === 1) {
      for (let j = i + 1; j < entries.length && entries[j].section.level > 1; j++) need += entries[j].gapBefore + height(entries[j]);
      if (need > flow.pageHeight) need = height(entry);
    }
    if (y + entry.gapBefore + need > flow.bottom) {
      page++;
      y = flow.top;
    } else {
      y += entry.gapBefore;
    }
    placed.push({ entry, page, y });
    y += height(entry);
  });
  return { heading, placed, pages: page + 1 };
}

/** Draw the contents into its reserved pages, now that every section's page is known. */
export function drawContents(ctx: RenderContext, layout: ContentsLayout, firstPage: number, pageLabel: (index: number) => string = (i) => String(i + 1)): void {
  const { pdf, flow } = ctx;
  const frame = flow.body;
  if (layout.pages === 0) return;
  const current = flow.page;
  pdf.switchToPage(firstPage);
  let y = flow.top;
  within(pdf, 'H1', () => {
    for (const line of layout.heading) {
      drawLine(pdf, ctx.dests, line, frame.x, y);
      y += line.height;
    }
  });
  y += 4;
  pdf.save().lineWidth(1.2).strokeColor(COLOR.accent).moveTo(frame.x, y).lineTo(frame.x + frame.width, y).stroke().restore();

  for (const { entry, page, y: top } of layout.placed) {
    pdf.switchToPage(firstPage + page);
    within(pdf, 'TOCI', () => within(pdf, 'Link', () => drawEntry(entry, top)));
  }
  pdf.switchToPage(current);

  function drawEntry(entry: Entry, top: number): void {
    const target = ctx.sectionPages.get(entry.section.id);
    const x = frame.x + entry.indent;
    let lineTop = top;
    for (const line of entry.lines) {
      drawLine(pdf, ctx.dests, line, x, lineTop);
      lineTop += line.height;
    }
    const last = entry.lines[entry.lines.length - 1];
    if (!last || target === undefined) return;
    const lastTop = lineTop - last.height;
    const s = last.pieces[0]?.style ?? style(TYPE.toc);
    const number = pageLabel(target);
    const [numberLine] = layoutLines(ctx, [{ text: number, style: { ...s, color: COLOR.text } }], NUMBER_COLUMN, 'right');
    const right = frame.x + frame.width;
    drawLine(pdf, ctx.dests, numberLine, right - NUMBER_COLUMN, lastTop);
    // Dot leaders from the title to the number.
    const from = x + last.width + 6;
    const to = right - numberLine.width - 6;
    if (to - from > 6) {
      const base = lastTop + last.baseline;
      pdf.save().lineWidth(0.8).strokeColor(COLOR.rule).dash(0.8, { space: 2.6 }).moveTo(from, base).lineTo(to, base).stroke().undash().restore();
    }
    ctx.dests.annotate(pdf, x, top, right - x, lineTop - top, { kind: 'dest', name: entry.section.id }, tagsOf(pdf)?.current);
  }
}
