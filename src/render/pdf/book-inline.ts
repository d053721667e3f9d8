// The book layout's generated inline content (text with emphasis, links to records) as runs.

import type { Inline } from '../../book/types.js';
import type { RenderContext } from './context.js';
import type { Run, TextStyle } from './inline-text.js';
import { refTarget, type LinkTarget } from './links.js';
import { COLOR } from './theme.js';

export function linkStyle(base: TextStyle, link: LinkTarget | undefined): TextStyle {
  if (!link) return base;
  // Spelled out rather than spread: this runs for every reference in every table cell.
  return {
    family: base.family,
    bold: base.bold,
    italic: base.italic,
    size: base.size,
    leading: base.leading,
    color: COLOR.link,
    link,
    underline: link.kind === 'uri' ? true : base.underline,
    strike: base.strike,
    badge: base.badge,
  };
}

export function inlineRuns(ctx: RenderContext, content: Inline[], base: TextStyle): Run[] {
  return content.map((inline) => {
    if (inline.type === 'ref') {
      return { text: inline.text, style: linkStyle(base, refTarget(ctx.book, inline.id, ctx.sectionIds)) };
    }
    const styled = inline.strong || inline.emphasis;
    return {
      text: inline.text,
      style: styled ? { ...base, bold: base.bold || inline.strong, italic: base.italic || inline.emphasis } : base,
    };
  });
}
