// The running header (the emblem if the theme asks, book short title, current chapter) and
// footer (region, page n of total) on every page but the cover — drawn last, when the total
// is known.

import type { Section } from '../../book/types.js';
import { imageSize, placeImage, type RenderContext } from './context.js';
import { drawLine, layoutLines, style, type Line, type TextStyle } from './inline-text.js';
import { roman } from '../../book/format.js';
import { runningTitle } from '../../book/headings.js';
import { asArtifact } from './tags.js';
import { COLOR, PAGE, TYPE } from './theme.js';

export interface FrameLayout {
  /** Reserved pages of the contents and of the list of tables, with their titles. */
  lists: { first: number; count: number; title: string }[];
  /** Index of the first body page: pages before it are front matter (roman numbers). */
  bodyStart: number;
}

/** The page's number as printed: roman in the front matter (the cover is i), arabic from the body. */
export function pageLabel(index: number, bodyStart: number): string {
  return index < bodyStart ? roman(index + 1).toLowerCase() : String(index - bodyStart + 1);
}

/** Running headers, footers and the draft mark: artifacts in the tagged PDF. */
export function drawPageFrames(ctx: RenderContext, layout: FrameLayout): void {
  asArtifact(ctx.pdf, () => drawFrames(ctx, layout));
}

function drawFrames(ctx: RenderContext, layout: FrameLayout): void {
  const { pdf, book } = ctx;
  const { count: total } = pdf.bufferedPageRange();
  const left = PAGE.margins.left;
  const header = style(TYPE.header, { color: COLOR.muted });
  const chapters = chapterStarts(ctx, [...book.front, ...book.sections]);
  const bodyPages = total - layout.bodyStart;
  const logo = book.theme.logo.header ? headerLogo(ctx) : undefined;
  for (let page = 0; page < total; page++) {
    pdf.switchToPage(page);
    // Pages differ in size: the traceability matrix is printed on landscape pages.
    const { width: pageWidth, height: pageHeight } = pdf.page;
    const width = pageWidth - PAGE.margins.left - PAGE.margins.right;
    if (book.mark !== undefined) drawMark(ctx, book.mark);
    if (page === 0) continue; // the cover has no header or footer
    const list = layout.lists.find((l) => page >= l.first && page < l.first + l.count);
    const chapter = list ? list.title : chapters.filter((c) => c.page <= page).pop()?.title ?? '';
    const half = width / 2 - 8;
    const baseline = PAGE.headerBaseline;
    // The emblem before the book's title, when the theme asks for it.
    const emblem = logo ? logo.width + 6 : 0;
    if (logo) placeImage(ctx, logo.abs, left, baseline + 2 - HEADER_LOGO_HEIGHT, { width: logo.width, height: HEADER_LOGO_HEIGHT });
    const titleLine = oneLine(ctx, book.shortTitle, header, half - emblem);
    const chapterLine = oneLine(ctx, chapter, header, half, 'right');
    drawLine(pdf, ctx.dests, titleLine, left + emblem, baseline - titleLine.baseline);
    drawLine(pdf, ctx.dests, chapterLine, left + width - half, baseline - chapterLine.baseline);
    pdf.save().lineWidth(0.5).strokeColor(COLOR.ruleLight).moveTo(left, baseline + 6).lineTo(left + width, baseline + 6).stroke().restore();

    const footerText =
      page < layout.bodyStart
        ? book.labels.frontFooter(book.cover.region, pageLabel(page, layout.bodyStart))
        : book.labels.footer(book.cover.region, page - layout.bodyStart + 1, bodyPages);
    const footer = oneLine(ctx, footerText, header, width, 'center');
    drawLine(pdf, ctx.dests, footer, left, pageHeight - PAGE.footerBaseline - footer.baseline);
  }
}

/** Height of the emblem in the running header (points): a little taller than the header's type. */
const HEADER_LOGO_HEIGHT = 14;

function headerLogo(ctx: RenderContext): { abs: string; width: number } | undefined {
  const logo = ctx.book.cover.logo;
  const image = logo && imageSize(ctx, logo.abs);
  return logo && image ? { abs: logo.abs, width: (image.width / image.height) * HEADER_LOGO_HEIGHT } : undefined;
}

/** "DRAF" / "TELAAH" across the page, light enough to read the text under it. */
function drawMark(ctx: RenderContext, mark: string): void {
  const { pdf } = ctx;
  const { width, height } = pdf.page;
  const [line] = layoutLines(ctx, [{ text: mark, style: style({ family: 'sans', size: 96, leading: 1 }, { bold: true, color: COLOR.mark }) }], width * 1.5, 'left');
  if (!line) return;
  const cx = width / 2;
  const cy = height / 2;
  pdf.save();
  pdf.opacity(0.13);
  pdf.rotate(-40, { origin: [cx, cy] });
  drawLine(pdf, ctx.dests, line, cx - line.width / 2, cy - line.height / 2);
  pdf.restore();
}

function chapterStarts(ctx: RenderContext, sections: Section[]): { page: number; title: string }[] {
  return sections
    .map((s) => ({ page: ctx.sectionPages.get(s.id) ?? Infinity, title: runningTitle(s) }))
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
