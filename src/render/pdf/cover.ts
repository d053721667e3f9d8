// The cover page: a colour band with the book's label and title, then the masterplan title,
// region, period and date. No running header or footer.

import type { RenderContext } from './context.js';
import { drawLine, layoutLines, linesHeight, style, type Line } from './inline-text.js';
import { COLOR, PAGE, TYPE } from './theme.js';

const BAND_HEIGHT = 330;

export function drawCover(ctx: RenderContext): void {
  const { pdf, flow, book } = ctx;
  const { cover } = book;
  flow.newPage();
  const x = PAGE.margins.left + 8;
  const width = PAGE.width - 2 * x;
  const sans = (size: number, extra = {}) => style({ family: 'sans', size, leading: 1.2 }, extra);

  pdf.rect(0, 0, PAGE.width, BAND_HEIGHT).fill(COLOR.accent);
  pdf.rect(0, BAND_HEIGHT, PAGE.width, 5).fill(COLOR.accentLight);

  const place = (lines: Line[], top: number): number => {
    let y = top;
    for (const line of lines) {
      drawLine(pdf, ctx.dests, line, x, y);
      y += line.height;
    }
    return y;
  };
  const lay = (text: string, s: ReturnType<typeof sans>) => (text ? layoutLines(ctx, [{ text, style: s }], width) : []);

  // Inside the band, from the bottom up: the book title sits on the band's lower edge.
  const region = lay(cover.region.toUpperCase(), sans(11, { color: '#c9d9ea', bold: true }));
  const label = lay(cover.bookLabel, sans(34, { color: '#ffffff', bold: true }));
  const title = lay(cover.bookTitle, sans(22, { color: '#ffffff' }));
  place(region, 70);
  const bandBottom = BAND_HEIGHT - 40;
  const titleTop = bandBottom - linesHeight(title);
  place(title, titleTop);
  place(label, titleTop - linesHeight(label) - 4);

  const below = place(lay(cover.title, style({ family: 'serif', bold: true, size: 20, leading: 1.25 }, { color: COLOR.text })), BAND_HEIGHT + 50);
  // Titles often end with the period already ("… 2022–2031"): do not say it twice.
  if (!cover.title.includes(cover.period)) place(lay(cover.period, sans(14, { color: COLOR.accent })), below + 10);

  const bottom = PAGE.height - PAGE.margins.bottom;
  const generated = lay(book.labels.generatedBy, style(TYPE.small, { color: COLOR.muted }));
  const date = lay(cover.date, sans(11, { color: COLOR.text }));
  const dateTop = bottom - linesHeight(generated) - 6 - linesHeight(date);
  place(date, dateTop);
  place(generated, dateTop + linesHeight(date) + 6);
  // The body starts on a fresh page.
  flow.y = flow.bottom;
}
