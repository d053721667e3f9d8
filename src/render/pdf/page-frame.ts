// The running header (book short title, current chapter) and footer (region, page n of total)
// on every page but the cover — drawn last, when the total is known.

import type { Section } from '../../book/types.js';
import type { RenderContext } from './context.js';
import { drawLine, layoutLines, style, type Line, type TextStyle } from './inline-text.js';
import { COLOR, PAGE, TYPE } from './theme.js';

export function drawPageFrames(ctx: RenderContext, contents: { first: number; count: number }): void {
  const { pdf, book } = ctx;
  const { count: total } = pdf.bufferedPageRange();
  const left = PAGE.margins.left;
  const width = PAGE.width - PAGE.margins.left - PAGE.margins.right;
  const header = style(TYPE.header, { color: COLOR.muted });
  const chapters = chapterStarts(ctx, book.sections);
  for (let page = 1; page < total; page++) {
    pdf.switchToPage(page);
    const chapter =
      page >= contents.first && page < contents.first + contents.count
        ? book.labels.contents
        : chapters.filter((c) => c.page <= page).pop()?.title ?? '';
    const half = width / 2 - 8;
    const titleLine = oneLine(ctx, book.shortTitle, header, half);
    const chapterLine = oneLine(ctx, chapter, header, half, 'right');
    const baseline = PAGE.headerBaseline;
    drawLine(pdf, ctx.dests, titleLine, left, baseline - titleLine.baseline);
    drawLine(pdf, ctx.dests, chapterLine, left + width - half, baseline - chapterLine.baseline);
    pdf.save().lineWidth(0.5).strokeColor(COLOR.ruleLight).moveTo(left, baseline + 6).lineTo(left + width, baseline + 6).stroke().restore();

    const footer = oneLine(ctx, book.labels.footer(book.cover.region, page + 1, total), header, width, 'center');
    drawLine(pdf, ctx.dests, footer, left, PAGE.height - PAGE.footerBaseline - footer.baseline);
  }
}

function chapterStarts(ctx: RenderContext, sections: Section[]): { page: number; title: string }[] {
  return sections
    .map((s) => ({ page: ctx.sectionPages.get(s.id) ?? Infinity, title: s.title }))
    .filter((c) => Number.isFinite(c.page))
    .sort((a, b) => a.page - b.page);
}

/** The text on one line, cut with an ellipsis when it is too long. */
function oneLine(ctx: RenderContext, text: string, s: TextStyle, width: number, align: 'left' | 'right' | 'center' = 'left'): Line {
  let keep = text.length;
  for (;;) {
    const candidate = keep === text.length ? text : `${text.slice(0, keep).trimEnd()}…`;
    const lines = layoutLines(ctx, [{ text: candidate, style: s }], width, align);
    if (lines.length <= 1 || keep <= 1) return lines[0] ?? { pieces: [], width: 0, height: 0, baseline: 0 };
    keep = Math.floor(keep * 0.9);
  }
}
