// Markdown narratives (mdast from the shared parser) drawn into a column: headings, paragraphs,
// nested lists, block quotes, code, GFM tables (through the table drawer), images, rules and
// footnotes. Headings inside a narrative rank below the section that holds it.

import { caseHeadingPieces } from '../../book/heading-case.js';
import type {
  Blockquote,
  Code,
  FootnoteDefinition,
  Heading,
  List,
  Paragraph,
  PhrasingContent,
  RootContent,
  Table,
} from 'mdast';
import type { BookImage, BookMarkdown } from '../../book/types.js';
import { headingLevel, shallowestHeading } from '../../markdown/heading-level.js';
import { isStreamed, markdownPieces, parseMarkdown, streamedTop } from '../../markdown/parse.js';
import type { RenderContext } from './context.js';
import { flowBoxedLines } from './draw-box.js';
import { drawImage } from './draw-image.js';
import { flowLines, leadHeight } from './draw-paragraph.js';
import { drawTable, tableLead, type TableSpec } from './draw-table.js';
import type { Frame } from './flow.js';
import { drawLine, layoutLines, measure, style, type Line, type TextStyle } from './inline-text.js';
import { fontKey } from './fonts.js';
import { definitions, phrasingRuns, type MarkdownLinks } from './markdown-inline.js';
import { headingTag, within } from './tags.js';
import { COLOR, headingColor, headingSpec, SPACE, TYPE } from './theme.js';

export interface MarkdownLook {
  /** Style of running text. */
  base: TextStyle;
  /** Level of the section holding the text: its shallowest heading is one level below. */
  level: number;
}

interface State extends MarkdownLook, MarkdownLinks {
  /** Depth of the text's shallowest heading (heading-level.ts). */
  top: number;
  /** The text's images, as the layout resolved them (BookMarkdown.images). */
  images: ReadonlyMap<string, BookImage | undefined>;
  footnotes: FootnoteDefinition[];
}

export function drawMarkdown(ctx: RenderContext, markdown: BookMarkdown, frame: Frame, look: MarkdownLook): void {
  if (isStreamed(markdown.text)) {
    // A long text without definitions or footnotes: drawn a piece at a time, never one tree.
    const state: State = { ...look, links: markdown.links, images: markdown.images, defs: new Map(), footnotes: [], top: streamedTop(markdown.text) };
    drawBlocks(ctx, streamedBlocks(markdown.text), frame, state);
    return;
  }
  const tree = parseMarkdown(markdown.text);
  const state: State = { ...look, links: markdown.links, images: markdown.images, defs: definitions(tree), footnotes: [], top: shallowestHeading(tree) };
  drawBlocks(ctx, tree.children, frame, state);
  if (state.footnotes.length) {
    ctx.flow.gap(SPACE.paragraph);
    rule(ctx, frame, frame.width / 3);
    const small = { ...state, base: { ...state.base, size: state.base.size * 0.85 } };
    for (const note of state.footnotes) {
      const label = { text: `[${note.label ?? note.identifier}] `, style: { ...small.base, color: COLOR.muted } };
      const first = note.children[0];
      const runs = first?.type === 'paragraph' ? phrasingRuns(ctx, first.children, small.base, state) : [];
      ctx.flow.gap(2);
      flowLines(ctx, layoutLines(ctx, [label, ...runs], frame.width), frame);
      drawBlocks(ctx, note.children.slice(first?.type === 'paragraph' ? 1 : 0), frame, small);
    }
  }
}

/** Height the start of a narrative needs below a heading: its first lines, table rows or image. */
export function markdownLead(ctx: RenderContext, markdown: BookMarkdown, frame: Frame, look: MarkdownLook): number {
  let s: State;
  let first: RootContent | undefined;
  if (isStreamed(markdown.text)) {
    s = { ...look, links: markdown.links, images: markdown.images, defs: new Map(), footnotes: [], top: streamedTop(markdown.text) };
    first = streamedBlocks(markdown.text).next().value ?? undefined;
  } else {
    const tree = parseMarkdown(markdown.text);
    s = { ...look, links: markdown.links, images: markdown.images, defs: definitions(tree), footnotes: [], top: shallowestHeading(tree) };
    first = tree.children.find((n) => n.type !== 'definition' && n.type !== 'footnoteDefinition');
  }
  const twoLines = 2 * s.base.size * s.base.leading;
  if (!first) return 0;
  if (first.type === 'heading') {
    const lines = layoutLines(ctx, phrasingRuns(ctx, casedHeading(ctx, first).children, style(headingSpec(headingLevel(s.level, first.depth, s.top))), s), frame.width);
    return lines.reduce((h, l) => h + l.height, 0) + SPACE.keepWithHeading;
  }
  if (first.type === 'paragraph' && !first.children.some((c) => c.type === 'image' || c.type === 'imageReference')) {
    return leadHeight(layoutLines(ctx, phrasingRuns(ctx, first.children, s.base, s), frame.width));
  }
  if (first.type === 'table') return tableLead(ctx, markdownTable(ctx, first, s), frame);
  return first.type === 'paragraph' ? SPACE.keepWithHeading * 2 : twoLines;
}

/** The top-level blocks of a streamed text, one piece parsed at a time. */
function* streamedBlocks(text: string): Generator<RootContent, undefined> {
  for (const piece of markdownPieces(text)) yield* piece.children;
  return undefined;
}

function drawBlocks(ctx: RenderContext, nodes: Iterable<RootContent>, frame: Frame, s: State, gap = SPACE.paragraph): void {
  let first = true;
  for (const node of nodes) {
    if (node.type === 'definition') continue;
    if (node.type === 'footnoteDefinition') {
      s.footnotes.push(node);
      continue;
    }
    if (!first) ctx.flow.gap(node.type === 'heading' ? SPACE.block : gap);
    first = false;
    drawBlock(ctx, node, frame, s);
  }
}

function drawBlock(ctx: RenderContext, node: RootContent, frame: Frame, s: State): void {
  switch (node.type) {
    case 'paragraph':
      return drawParagraph(ctx, node, frame, s);
    case 'heading':
      return drawHeading(ctx, node, frame, s);
    case 'list':
      return drawList(ctx, node, frame, s, 0);
    case 'blockquote':
      return drawQuote(ctx, node, frame, s);
    case 'code':
      return drawCode(ctx, node, frame);
    case 'table':
      return drawTable(ctx, markdownTable(ctx, node, s), frame);
    case 'thematicBreak':
      ctx.flow.gap(4);
      rule(ctx, frame, frame.width);
      ctx.flow.gap(4);
      return;
    case 'html':
      // Raw HTML is dropped, as the HTML books drop it (no raw HTML passes the sanitizer).
      return;
    default:
      if ('children' in node && Array.isArray(node.children)) drawBlocks(ctx, node.children as RootContent[], frame, s);
  }
}

/** Text with images in it: the text flows as paragraphs, each image as a block between them. */
function drawParagraph(ctx: RenderContext, node: Paragraph, frame: Frame, s: State): void {
  let pending: PhrasingContent[] = [];
  let drew = false;
  const flush = () => {
    const runs = phrasingRuns(ctx, pending, s.base, s);
    pending = [];
    if (!runs.some((r) => r.text.trim())) return;
    if (drew) ctx.flow.gap(SPACE.paragraph);
    flowLines(ctx, layoutLines(ctx, runs, frame.width), frame);
    drew = true;
  };
  for (const child of node.children) {
    const url = child.type === 'image' ? child.url : child.type === 'imageReference' ? s.defs.get(child.identifier)?.url : undefined;
    if (url === undefined) {
      pending.push(child);
      continue;
    }
    flush();
    if (drew) ctx.flow.gap(SPACE.paragraph);
    drawImage(ctx, url, (child as { alt?: string | null }).alt ?? '', s.images.get(url), frame);
    drew = true;
  }
  flush();
}

function drawHeading(ctx: RenderContext, node: Heading, frame: Frame, s: State): void {
  const level = headingLevel(s.level, node.depth, s.top);
  within(ctx.pdf, headingTag(level), () => drawHeadingLines(ctx, node, frame, s, level));
}

function drawHeadingLines(ctx: RenderContext, node: Heading, frame: Frame, s: State, level: number): void {
  const spec = headingSpec(level);
  const base = style(spec, { color: headingColor(level) });
  const lines = layoutLines(ctx, phrasingRuns(ctx, casedHeading(ctx, node).children, base, s), frame.width);
  const height = lines.reduce((h, l) => h + l.height, 0);
  ctx.flow.ensure(height + SPACE.keepWithHeading);
  flowLines(ctx, lines, frame);
  ctx.flow.y += 2;
}

const BULLETS = ['•', '◦', '▪'];
/** Lists nest visibly this deep; deeper ones keep their parent's indent (their bullets still differ). */
const MAX_LIST_INDENT = 6;
/** Nested lists and quotes stop indenting before the text column gets narrower than this. */
const MIN_COLUMN = 160;

function drawList(ctx: RenderContext, list: List, frame: Frame, s: State, depth: number): void {
  within(ctx.pdf, 'L', () => drawListItems(ctx, list, frame, s, depth));
}

function drawListItems(ctx: RenderContext, list: List, frame: Frame, s: State, depth: number): void {
  const start = list.start ?? 1;
  const markerStyle = { ...s.base, bold: false, italic: false, color: list.ordered ? s.base.color : COLOR.muted };
  const markerWidth = list.ordered
    ? measure(fontKey(markerStyle.family), markerStyle.size, `${start + list.children.length - 1}.`) + 6
    : s.base.size * 1.2;
  const itemFrame: Frame = { x: frame.x + markerWidth, width: frame.width - markerWidth };
  const lineHeight = s.base.size * s.base.leading;
  list.children.forEach((item, k) => {
    if (k > 0) ctx.flow.gap(list.spread ? SPACE.paragraph : 2);
    ctx.flow.ensure(Math.min(2, countLines(item.children)) * lineHeight);
    const marker =
      item.checked === true ? '☑' : item.checked === false ? '☐' : list.ordered ? `${start + k}.` : BULLETS[depth % BULLETS.length];
    const [markerLine] = layoutLines(ctx, [{ text: marker, style: markerStyle }], markerWidth - 4, list.ordered ? 'right' : 'left');
    within(ctx.pdf, 'LI', () => {
      if (markerLine) within(ctx.pdf, 'Lbl', () => drawLine(ctx.pdf, ctx.dests, markerLine, frame.x, ctx.flow.y));
      within(ctx.pdf, 'LBody', () => {
        let first = true;
        for (const child of item.children) {
          if (!first) ctx.flow.gap(item.spread ? SPACE.paragraph : 2);
          first = false;
          if (child.type === 'list') drawList(ctx, child, depth + 1 < MAX_LIST_INDENT && itemFrame.width >= MIN_COLUMN ? itemFrame : frame, s, depth + 1);
          else drawBlock(ctx, child, itemFrame, s);
        }
      });
    });
    if (item.children.length === 0) ctx.flow.y += lineHeight;
  });
}

function countLines(children: RootContent[]): number {
  return children[0]?.type === 'paragraph' ? 2 : 1;
}

function drawQuote(ctx: RenderContext, node: Blockquote, frame: Frame, s: State): void {
  // Quotes in quotes indent until the column would get too narrow, then stay at that depth.
  const indent = frame.width - 14 >= MIN_COLUMN ? 14 : 0;
  const from = ctx.flow.mark();
  within(ctx.pdf, 'BlockQuote', () =>
    drawBlocks(ctx, node.children, { x: frame.x + indent, width: frame.width - indent }, { ...s, base: { ...s.base, color: '#3c4148' } }),
  );
  ctx.flow.paintSpan(from, ctx.flow.mark(), (top, bottom) => {
    ctx.pdf.rect(frame.x + 2, top, 2.5, bottom - top).fill(COLOR.rule);
  });
}

function drawCode(ctx: RenderContext, node: Code, frame: Frame): void {
  const look = { fill: COLOR.codeFill, padX: 7, padY: 5 };
  const base = style(TYPE.code);
  const width = frame.width - 2 * look.padX;
  const lines: Line[] = [];
  for (const source of node.value.replace(/\t/g, '    ').split('\n')) {
    // Spaces made non-breaking so the breaker keeps indentation; turned back after layout.
    const laid = layoutLines(ctx, [{ text: source.replace(/ /g, '\u00a0') || '\u00a0', style: base }], width);
    for (const line of laid) for (const p of line.pieces) p.text = p.text.replace(/\u00a0/g, ' ');
    lines.push(...laid);
  }
  flowBoxedLines(ctx, lines, frame, look);
}

function markdownTable(ctx: RenderContext, node: Table, s: State): TableSpec {
  const [head, ...body] = node.children;
  const columnCount = Math.max(...node.children.map((r) => r.children.length));
  const plain = (nodes: PhrasingContent[]) =>
    phrasingRuns(ctx, nodes, s.base, s)
      .map((r) => r.text)
      .join('');
  // Column widths follow the text they hold, within bounds, like a browser's auto layout.
  const lengths = Array.from({ length: columnCount }, (_, i) =>
    Math.max(...node.children.map((row) => (row.children[i] ? plain(row.children[i].children).length : 0))),
  );
  return {
    columns: Array.from({ length: columnCount }, (_, i) => ({
      label: head?.children[i] ? plain(head.children[i].children) : '',
      width: Math.min(Math.max(lengths[i], 6), 50),
      align: node.align?.[i] ?? undefined,
    })),
    rows: body.map((row) => ({
      cells: Array.from({ length: columnCount }, (_, i) => ({
        lines: [(b: TextStyle) => phrasingRuns(ctx, row.children[i]?.children ?? [], b, s)],
      })),
    })),
  };
}

function rule(ctx: RenderContext, frame: Frame, width: number): void {
  ctx.flow.ensure(2);
  ctx.pdf.save().lineWidth(0.6).strokeColor(COLOR.rule).moveTo(frame.x, ctx.flow.y).lineTo(frame.x + width, ctx.flow.y).stroke().restore();
  ctx.flow.y += 1;
}

/**
 * A worksheet heading written as the book writes its own (heading-case.ts), unless the theme
 * keeps worksheet headings as written. A copy: the parsed tree is shared by every book.
 */
function casedHeading(ctx: RenderContext, node: Heading): Heading {
  if (ctx.book.theme.headings.capitalization !== 'title') return node;
  const copy = structuredClone(node);
  const texts: { value: string }[] = [];
  const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
    if (n.type === 'text') texts.push(n as { value: string });
    else if (n.type !== 'inlineCode' && Array.isArray(n.children)) for (const c of n.children) walk(c as typeof n);
  };
  walk(copy);
  caseHeadingPieces(texts, (t) => t.value, (t, v) => (t.value = v), ctx.book.lang);
  return copy;
}
