// Images from the narratives (PNG, JPEG), as the layout resolved them inside the masterplan
// repository (src/book/lower-markdown.ts): shown at their natural size (96 dpi) or scaled down
// to fit the column and a share of the page. An image that is missing, outside the repository
// or in another format is named instead.

import type { BookImage } from '../../book/types.js';
import { placeImage, type RenderContext } from './context.js';
import { flowParagraph } from './draw-paragraph.js';
import type { Frame } from './flow.js';
import { drawLine, layoutLines, linesHeight, style } from './inline-text.js';
import { figure as tagFigure, within } from './tags.js';
import { COLOR, TYPE } from './theme.js';

interface OpenedImage {
  width: number;
  height: number;
  orientation?: number;
}

const PT_PER_PX = 0.75;
/** The tallest an image may be, as a share of the text area height. */
const MAX_PAGE_SHARE = 0.6;

/** Draws the image written as `url` (its alt text `alt`); `file`: what the layout found there. */
export function drawImage(ctx: RenderContext, url: string, alt: string, file: BookImage | undefined, frame: Frame): void {
  const { flow, pdf } = ctx;
  let image: OpenedImage | undefined;
  if (file) {
    try {
      image = (pdf as unknown as { openImage(src: string): OpenedImage }).openImage(file.abs);
    } catch {
      image = undefined; // not a PNG or JPEG pdfkit can read
    }
  }
  if (!file || !image) {
    flowParagraph(ctx, [{ text: ctx.book.labels.imageMissing(alt || url), style: style(TYPE.small, { italic: true, color: COLOR.muted }) }], frame);
    return;
  }
  const turned = (image.orientation ?? 1) > 4; // EXIF rotation by 90°: pdfkit swaps the sides
  const naturalW = (turned ? image.height : image.width) * PT_PER_PX;
  const naturalH = (turned ? image.width : image.height) * PT_PER_PX;
  const scale = Math.min(1, frame.width / naturalW, (flow.pageHeight * MAX_PAGE_SHARE) / naturalH);
  const w = naturalW * scale;
  const h = naturalH * scale;
  // A numbered figure: anchored for the list of figures, its caption under the image.
  const figure = ctx.figures?.[0]?.url === url ? ctx.figures.shift() : undefined;
  const captionStyle = style(TYPE.small, { italic: true, color: COLOR.muted });
  const caption = figure ? layoutLines(ctx, [{ text: `${figure.number} ${figure.caption}`, style: captionStyle }], frame.width, 'center') : [];
  flow.ensure(h + (caption.length ? 4 + linesHeight(caption) : 0));
  if (figure) {
    ctx.dests.add(pdf, figure.id, flow.y);
    ctx.sectionPages.set(figure.id, flow.page);
  }
  const left = frame.x + (frame.width - w) / 2;
  // The image as a Figure with its alt text (the caption, when there is no alt text).
  tagFigure(pdf, alt || figure?.caption || url, [left, flow.y, left + w, flow.y + h], () => placeImage(ctx, file.abs, left, flow.y, { width: w, height: h }));
  flow.y += h;
  if (caption.length) {
    flow.y += 4;
    within(pdf, 'Caption', () => {
      for (const line of caption) {
        drawLine(pdf, ctx.dests, line, frame.x, flow.y);
        flow.y += line.height;
      }
    });
  }
}
