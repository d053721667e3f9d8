// Markdown phrasing content (mdast) as styled runs: emphasis, strong, code, links (`#ID` links
// to records become internal links), hard breaks, footnote references.

import type { Definition, PhrasingContent, Root } from 'mdast';
import { linkStyle, otherBookNote } from './book-inline.js';
import type { RenderContext } from './context.js';
import type { Run, TextStyle } from './inline-text.js';
import { urlTarget } from './links.js';
import { COLOR } from './theme.js';

/** What the links of one Markdown text go through: its definitions, and its `#ID` links as the layout read them. */
export interface MarkdownLinks {
  /** Link reference definitions, by normalised identifier. */
  defs: Map<string, Definition>;
  /** `#…` link targets → the id each names (BookMarkdown.links). */
  links: ReadonlyMap<string, string>;
}

/** Link reference definitions of a Markdown tree, by normalised identifier. */
export function definitions(tree: Root): Map<string, Definition> {
  const out = new Map<string, Definition>();
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'definition') {
      const def = node as Definition;
      if (!out.has(def.identifier)) out.set(def.identifier, def);
    }
    for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) visit(child);
  };
  visit(tree);
  return out;
}

export function phrasingRuns(
  ctx: RenderContext,
  nodes: PhrasingContent[],
  base: TextStyle,
  { defs, links }: MarkdownLinks,
): Run[] {
  const runs: Run[] = [];
  const walk = (list: PhrasingContent[], s: TextStyle) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          runs.push({ text: node.value.replace(/\s*\n\s*/g, ' '), style: s });
          break;
        case 'strong':
          walk(node.children, { ...s, bold: true });
          break;
        case 'emphasis':
          walk(node.children, { ...s, italic: true });
          break;
        case 'delete':
          walk(node.children, { ...s, strike: true });
          break;
        case 'inlineCode':
          runs.push({ text: node.value, style: { ...s, family: 'mono', bold: false, italic: false, size: s.size * 0.9 } });
          break;
        case 'break':
          runs.push({ text: '\n', style: s });
          break;
        case 'link': {
          const link = urlTarget(ctx.book, links, node.url, ctx.sectionIds);
          walk(node.children, linkStyle(s, link));
          const note = otherBookNote(ctx, link, s);
          if (note) runs.push(note);
          break;
        }
        case 'linkReference': {
          const def = defs.get(node.identifier);
          const link = def ? urlTarget(ctx.book, links, def.url, ctx.sectionIds) : undefined;
          walk(node.children, link ? linkStyle(s, link) : s);
          const note = otherBookNote(ctx, link, s);
          if (note) runs.push(note);
          break;
        }
        case 'image':
        case 'imageReference':
          // Images inside running text are drawn as blocks by the caller; alt text stands in here.
          if (node.alt) runs.push({ text: node.alt, style: { ...s, italic: true, color: COLOR.muted } });
          break;
        case 'footnoteReference':
          runs.push({ text: `[${node.label ?? node.identifier}]`, style: { ...s, size: s.size * 0.8, color: COLOR.link } });
          break;
        case 'html':
          // Raw HTML is not drawn; a <br> still breaks the line.
          if (/^<br\s*\/?>$/i.test(node.value.trim())) runs.push({ text: '\n', style: s });
          break;
        default: {
          // Phrasing added by other syntax extensions: keep its text.
          const other = node as { children?: PhrasingContent[]; value?: unknown };
          if (Array.isArray(other.children)) walk(other.children, s);
          else if (typeof other.value === 'string') runs.push({ text: other.value, style: s });
        }
      }
    }
  };
  walk(nodes, base);
  return runs;
}
