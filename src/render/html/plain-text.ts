// Most short Markdown texts in worksheets (a relevance note, a description) are plain prose:
// one paragraph, no syntax at all. Those skip the Markdown parser, whose start-up cost dominates
// a build; the result is the same hast the parser would give (checked by a test on every
// text of the example and on the edge cases).

import type { Element } from 'hast';

// Anything that may start Markdown or GFM syntax, an entity, an autolink (`:`, `@`, `www.`)
// or a line structure (tabs, carriage returns).
const SYNTAX = /[*_`[\]!<>#|~\\&:@=\t\r]|www\./i;
// A line that could open a block: list items, thematic breaks, setext underlines, ordered lists.
const BLOCK_START = /^ *([-+]|\d+[.)])/;

/** The paragraph for `text` when it is plain prose, else undefined (parse it). */
export function plainParagraph(text: string): Element | undefined {
  if (SYNTAX.test(text)) return undefined;
  const lines = text.replace(/\n+$/, '').split('\n');
  if (lines.length === 0 || lines[0].startsWith('    ')) return undefined;
  for (const line of lines) {
    // Blank lines split paragraphs; trailing spaces may be hard breaks.
    if (line.trim() === '' || line.endsWith(' ') || BLOCK_START.test(line)) return undefined;
  }
  const value = lines.map((l) => l.replace(/^ +/, '')).join('\n');
  return { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value }] };
}
