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

/**
 * What a link into another book's PDF says after its text: which book it opens and, when that
 * book's PDF is already laid out (see `RenderContext.otherPage`), the page the target is on as
 * printed there (a stage book sent on its own shows where the reader finds the target; the
 * link itself still opens it).
 */
export function otherBookNote(ctx: RenderContext, link: LinkTarget | undefined, base: TextStyle): Run | undefined {
  if (link?.kind !== 'file' || !link.book) return undefined;
  const page = ctx.otherPage?.(link.file, link.anchor);
  // Short words stay with the word before ("(Buku III," and "hlm. 12)" never part); a line may
  // break after the comma and between the longer words of a label ("Masterplan Smart City").
  const text = ctx.book.labels
    .inOtherBook(link.book, page)
    .replace(/(?<=\S) (?=\S{1,4}(?:\s|$))/g, '\u00a0')
    .replace(/,\u00a0/g, ', ');
  return { text, style: { ...base, color: COLOR.muted } };
}

export function inlineRuns(ctx: RenderContext, content: Inline[], base: TextStyle): Run[] {
  return content.flatMap((inline): Run | Run[] => {
    if (inline.type === 'ref') {
      const link = refTarget(ctx.book, inline.id, ctx.sectionIds);
      const run = { text: inline.text, style: linkStyle(base, link) };
      const note = otherBookNote(ctx, link, base);
      return note ? [run, note] : run;
    }
    const styled = inline.strong || inline.emphasis;
    return {
      text: inline.text,
      style: styled ? { ...base, bold: base.bold || inline.strong, italic: base.italic || inline.emphasis } : base,
    };
  });
}
