// Lines on a tinted plate (notes, code blocks): the plate is painted per page before the
// lines it holds, so a long note or listing breaks across pages with a plate on each part.

import type { RenderContext } from './context.js';
import type { Frame } from './flow.js';
import { tagsOf } from './tags.js';
import { drawLine, type Line } from './inline-text.js';

export interface BoxLook {
  fill: string;
  /** A coloured bar down the left edge. */
  bar?: string;
  padX: number;
  padY: number;
}

export function flowBoxedLines(ctx: RenderContext, lines: Line[], frame: Frame, look: BoxLook): void {
  const tags = tagsOf(ctx.pdf);
  if (tags && !tags.inLeaf && !tags.drawingArtifact && lines.length) return tags.within('P', () => boxedLines(ctx, lines, frame, look));
  boxedLines(ctx, lines, frame, look);
}

function boxedLines(ctx: RenderContext, lines: Line[], frame: Frame, look: BoxLook): void {
  const { flow, pdf } = ctx;
  const barWidth = look.bar ? 3 : 0;
  const inner: Frame = { x: frame.x + barWidth + look.padX, width: frame.width - barWidth - 2 * look.padX };
  let i = 0;
  // Keep the first two lines (or a short box) together.
  flow.ensure(2 * look.padY + sum(lines.slice(0, lines.length <= 3 ? lines.length : 2)));
  while (i < lines.length) {
    // Lines that fit on this page (at least one, so an oversized line still progresses).
    let j = i;
    let height = 2 * look.padY;
    while (j < lines.length && (j === i || flow.y + height + lines[j].height <= flow.bottom)) {
      height += lines[j].height;
      j++;
    }
    // Do not leave a single last line for the next page.
    if (j === lines.length - 1 && j - i >= 3) {
      j--;
      height -= lines[j].height;
    }
    pdf.rect(frame.x, flow.y, frame.width, height).fill(look.fill);
    if (look.bar) pdf.rect(frame.x, flow.y, barWidth, height).fill(look.bar);
    let y = flow.y + look.padY;
    for (let k = i; k < j; k++) {
      drawLine(pdf, ctx.dests, lines[k], inner.x, y);
      y += lines[k].height;
    }
    flow.y += height;
    i = j;
    if (i < lines.length) flow.newPage();
  }
}

/** The frame the lines of a box are laid out in. */
export function boxInnerWidth(frame: Frame, look: BoxLook): number {
  return frame.width - (look.bar ? 3 : 0) - 2 * look.padX;
}

function sum(lines: Line[]): number {
  return lines.reduce((h, l) => h + l.height, 0);
}
