// A section: its heading (anchored under the section id, kept with what follows it), its
// blocks, then its subsections. Sections marked `newPage` start on a fresh page.

import type { Section } from '../../book/types.js';
import type { RenderContext } from './context.js';
import { blockLead, drawBlock } from './draw-block.js';
import type { Frame } from './flow.js';
import { drawLine, layoutLines, linesHeight, style, type Line, type Run } from './inline-text.js';
import { headingTag, within } from './tags.js';
import { COLOR, headingColor, headingSpec, SPACE, TYPE } from './theme.js';

/**
 * `underParent`: the section directly follows its parent's heading (the parent has no blocks);
 * then it shares the parent's page even when it would start a new one — a book heading in the
 * combined masterplan is not left alone on a page above its first chapter.
 */
export function drawSection(ctx: RenderContext, section: Section, onSection: (s: Section) => void, underParent = false): void {
  within(ctx.pdf, 'Sect', () => drawSectionBody(ctx, section, onSection, underParent));
}

function drawSectionBody(ctx: RenderContext, section: Section, onSection: (s: Section) => void, underParent: boolean): void {
  const { flow, pdf } = ctx;
  // A landscape section (the traceability matrix) starts on a landscape page; what follows it
  // goes back to portrait pages.
  const turn = (section.landscape ?? false) !== flow.isLandscape;
  flow.landscape = section.landscape ?? false;
  if (turn || (section.newPage && !underParent && (!flow.atTop || flow.page < 0))) flow.newPage();
  else flow.gap(section.level <= 2 ? 16 : 10);
  const frame = flow.body;
  onSection(section);
  ctx.glyphs.where = section.title;

  const lines = headingLines(ctx, section, frame);
  flow.ensure(linesHeight(lines) + ruleSpace(section) + leadHeight(ctx, section, frame));
  ctx.dests.add(pdf, section.id, flow.y);
  ctx.sectionPages.set(section.id, flow.page);
  within(pdf, headingTag(section.level), () => {
    for (const line of lines) {
      // A heading taller than a page (a pasted paragraph as a title) goes on over the break.
      flow.ensure(line.height);
      drawLine(pdf, ctx.dests, line, frame.x, flow.y);
      flow.y += line.height;
    }
  });
  if (section.level === 1) {
    flow.y += 4;
    pdf.save().lineWidth(1.2).strokeColor(COLOR.accent).moveTo(frame.x, flow.y).lineTo(frame.x + frame.width, flow.y).stroke().restore();
  }
  flow.y += ruleSpace(section) - (section.level === 1 ? 4 : 0);

  section.blocks.forEach((block, i) => {
    if (i > 0) flow.gap(SPACE.block);
    drawBlock(ctx, block, frame, section.level);
  });
  if (section.landscape) {
    flow.landscape = false;
    flow.y = flow.bottom;
  }
  section.children.forEach((child, i) => drawSection(ctx, child, onSection, i === 0 && section.blocks.length === 0));
}

function headingLines(ctx: RenderContext, section: Section, frame: Frame): Line[] {
  const spec = headingSpec(section.level);
  const titleStyle = style(spec, { color: headingColor(section.level) });
  const runs: Run[] = [{ text: section.number !== undefined ? `${section.number} ${section.title}` : section.title, style: titleStyle }];
  if (section.badge) {
    runs.push({ text: '  ', style: titleStyle }, { text: section.badge, style: style(TYPE.small, { color: COLOR.muted, badge: true }) });
  }
  return layoutLines(ctx, runs, frame.width);
}


function ruleSpace(section: Section): number {
  return section.level === 1 ? 14 : 6;
}

/** How much of what follows a heading must fit below it on the same page. */
function leadHeight(ctx: RenderContext, section: Section, frame: Frame): number {
  const [first] = section.blocks;
  if (first) return Math.min(blockLead(ctx, first, frame, section.level), ctx.flow.pageHeight / 2);
  const child = section.children[0];
  if (!child) return 0;
  return 16 + linesHeight(headingLines(ctx, child, frame)) + ruleSpace(child) + leadHeight(ctx, child, frame);
}
