// Laid-out lines placed down the page: a paragraph breaks between lines, never leaving its
// first line alone at a page bottom or its last line alone at the top of the next page.

import type { RenderContext } from './context.js';
import type { Frame } from './flow.js';
import { tagsOf } from './tags.js';
import { drawLine, layoutLines, type Align, type Line, type Run } from './inline-text.js';

/** Height of the lines a paragraph keeps together at its start (all of a short paragraph). */
export function leadHeight(lines: Line[]): number {
  return sum(lines.slice(0, lines.length <= 3 ? lines.length : 2));
}

export function flowLines(ctx: RenderContext, lines: Line[], frame: Frame): void {
  const tags = tagsOf(ctx.pdf);
  if (tags && !tags.inLeaf && !tags.drawingArtifact && lines.length) return tags.within('P', () => placeLines(ctx, lines, frame));
  placeLines(ctx, lines, frame);
}

function placeLines(ctx: RenderContext, lines: Line[], frame: Frame): void {
  const { flow } = ctx;
  const n = lines.length;
  for (let i = 0; i < n; i++) {
    let need = lines[i].height;
    if (i === 0) need = leadHeight(lines);
    else if (n - i === 2 && i >= 2) need = sum(lines.slice(i));
    flow.ensure(need);
    drawLine(ctx.pdf, ctx.dests, lines[i], frame.x, flow.y);
    flow.y += lines[i].height;
  }
}

export function flowParagraph(ctx: RenderContext, runs: Run[], frame: Frame, align: Align = 'left'): void {
  flowLines(ctx, layoutLines(ctx, runs, frame.width, align), frame);
}

function sum(lines: Line[]): number {
  return lines.reduce((h, l) => h + l.height, 0);
}
