// The cover page: a colour band with the issuing government and its emblem at the top (left or
// centred, as the theme says) and the book's label and title at its lower edge, then the
// masterplan title, region and period, and at the foot the compiling agency, place and edition date, and version. No tool credit (the
// colophon at the end of the book names the tool). No running header or footer.

import { imageSize, placeImage, type RenderContext } from './context.js';
import { drawLine, layoutLines, linesHeight, style, type Line } from './inline-text.js';
import { COLOR, PAGE } from './theme.js';

const BAND_HEIGHT = 330;
const LOGO_HEIGHT = 64;
/** A centred emblem stands larger, alone above the centred issuer. */
const LOGO_HEIGHT_CENTRED = 92;

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
  const lay = (text: string, s: ReturnType<typeof sans>, align: 'left' | 'center' = 'left') =>
    text ? layoutLines(ctx, [{ text, style: s }], width, align) : [];

  // Top of the band: the emblem (where the theme places it), then the issuing government (and
  // the region under it).
  let top = 46;
  const logoPlace = book.theme.logo.cover;
  const image = cover.logo && logoPlace !== 'none' ? imageSize(ctx, cover.logo.abs) : undefined;
  if (cover.logo && image) {
    const height = logoPlace === 'center' ? LOGO_HEIGHT_CENTRED : LOGO_HEIGHT;
    const w = (image.width / image.height) * height;
    placeImage(ctx, cover.logo.abs, logoPlace === 'center' ? (PAGE.width - w) / 2 : x, top, { width: w, height });
    top += height + 12;
  }
  const align = logoPlace === 'center' ? 'center' : 'left';
  top = place(lay(cover.issuer.toUpperCase(), sans(12, { color: COLOR.onAccent, bold: true }), align), top);
  if (!cover.issuer.includes(cover.region)) place(lay(cover.region.toUpperCase(), sans(10, { color: COLOR.onAccentMuted, bold: true }), align), top + 2);

  // Lower edge of the band: the book's label and title.
  const label = lay(cover.bookLabel, sans(34, { color: COLOR.onAccent, bold: true }));
  const title = lay(cover.bookTitle, sans(22, { color: COLOR.onAccent }));
  const bandBottom = BAND_HEIGHT - 40;
  const titleTop = bandBottom - linesHeight(title);
  place(title, titleTop);
  place(label, titleTop - linesHeight(label) - 4);

  const below = place(lay(cover.title, style({ family: 'serif', bold: true, size: 20, leading: 1.25 }, { color: COLOR.text })), BAND_HEIGHT + 50);
  // Titles often end with the period already ("… 2022–2031"): do not say it twice.
  if (!cover.title.includes(cover.period)) place(lay(cover.period, sans(14, { color: COLOR.accent })), below + 10);

  const bottom = PAGE.height - PAGE.margins.bottom;
  const agency = cover.agency ? lay(cover.agency, sans(11, { color: COLOR.text, bold: true })) : [];
  const edition = lay(cover.version ? `${cover.edition} · ${cover.version}` : cover.edition, sans(11, { color: COLOR.text }));
  const editionTop = bottom - linesHeight(edition);
  place(edition, editionTop);
  place(agency, editionTop - 4 - linesHeight(agency));
  // The body starts on a fresh page.
  flow.y = flow.bottom;
}
