// Splits a long Markdown text into pieces that parse, one by one, into the same top-level blocks
// as the whole text does: the parser (micromark) holds several hundred bytes of events per
// character while it parses, so a 12 MB narrative parsed in one go needs gigabytes; parsed in
// pieces of ~64 KB it needs a few tens of MB above its trees.
//
// A piece ends only where nothing can carry over into the next line. The scan is conservative:
// when unsure it does not split (the result is then one larger piece, never a different tree).
// test/markdown/split-blocks.test.ts compares whole and split parses over many generated texts.
//
// parse.ts checks each piece after parsing it (endsOpen) and joins it to the next when its last
// block turns out to be an open fence or HTML block, so a wrong guess costs time, not output.
//
// A split is made before a line L when
//   - the line before L is blank (so no paragraph, table, or HTML block of kind 6/7 goes on,
//     and no lazy continuation line can follow),
//   - L starts with a character that is not a space or tab (so L does not continue a list
//     item, a footnote or an indented code block), and is not a list marker (so two lists, or
//     two items of one loose list, are never cut apart),
//   - no fenced code block and no HTML block of kind 1–5 (`<pre`, `<script`, `<style`,
//     `<textarea`, `<!--`, `<?`, `<!X`, `<![CDATA[`, which go on past blank lines) is open,
//   - and the text has no `]:` at all: link reference and footnote definitions work across the
//     whole text, so a text that may hold one is never split.

import type { Root } from 'mdast';

/** Target size of a piece, in characters. */
export const PIECE_CHARS = 16 * 1024;

const BLANK = /^[ \t]*$/;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const HTML_START = /^ {0,3}<(?:(script|pre|style|textarea)(?=[\s>/]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i;
// Openers of HTML blocks that blank lines do not end, found anywhere on a line (also inside a
// block quote or list item, or inline: being unsure only means not splitting), with the text
// that ends each.
const HTML_OPEN = /<(?:(script|pre|style|textarea)(?=[\s>/]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i;

function htmlEnd(m: RegExpExecArray): RegExp {
  if (m[1]) return /<\/(?:script|pre|style|textarea)>/i;
  if (m[2]) return /-->/;
  if (m[3]) return /\?>/;
  if (m[4]) return />/;
  return /\]\]>/;
}

/** The text in pieces (one piece when it is short or cannot be split safely). */
export function splitBlocks(text: string, pieceChars = PIECE_CHARS): string[] {
  // (A lone CR also ends a line for the parser; such rare texts are not split.)
  if (text.length <= pieceChars || text.includes(']:') || /\r(?!\n)/.test(text)) return [text];
  const pieces: string[] = [];
  let start = 0;
  let fence: { char: string; len: number } | undefined;
  let html: RegExp | undefined;
  let prevBlank = false;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(pos, text[end - 1] === '\r' ? end - 1 : end);
    if (fence) {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.len) fence = undefined;
      prevBlank = false;
    } else if (html) {
      if (html.test(line)) html = undefined;
      prevBlank = false;
    } else {
      const blank = BLANK.test(line);
      if (prevBlank && !blank && pos - start >= pieceChars && !/^[ \t]/.test(line) && !LIST_MARKER.test(line)) {
        pieces.push(text.slice(start, pos));
        start = pos;
      }
      prevBlank = blank;
      const open = FENCE_OPEN.exec(line);
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
        fence = { char: open[1][0], len: open[1].length };
      } else {
        html = openHtml(line);
      }
    }
    pos = end + 1;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/**
 * True when the last top-level block of a piece's tree (parsed with positions) is a fenced code
 * block without its closing fence, or an HTML block of kind 1–5 without its end: then the next
 * piece would have been part of it.
 */
export function endsOpen(tree: Root, src: string): boolean {
  const last = tree.children[tree.children.length - 1];
  if (!last?.position || (last.type !== 'code' && last.type !== 'html')) return false;
  const start = last.position.start.offset ?? 0;
  const end = last.position.end.offset ?? src.length;
  const lineStart = src.lastIndexOf('\n', start - 1) + 1;
  const firstEnd = src.indexOf('\n', start);
  const firstLine = src.slice(lineStart, firstEnd === -1 ? src.length : firstEnd).replace(/\r$/, '');
  const lastStart = src.lastIndexOf('\n', end - 1) + 1;
  const lastLine = src.slice(Math.max(lastStart, start), end).replace(/\r$/, '');
  const oneLine = lastStart <= lineStart;
  if (last.type === 'code') {
    const open = FENCE_OPEN.exec(firstLine);
    if (!open) return false; // indented code: ended by the unindented line that follows
    if (oneLine) return true;
    const close = FENCE_CLOSE.exec(lastLine);
    return !(close && close[1][0] === open[1][0] && close[1].length >= open[1].length);
  }
  const m = HTML_START.exec(firstLine);
  if (!m) return false; // kinds 6 and 7 end at a blank line
  const endRe = htmlEnd(m);
  return !endRe.test(oneLine ? firstLine.slice(m.index + m[0].length) : lastLine);
}

/** The end marker of an HTML block opened on this line and not closed on it, if any. */
function openHtml(line: string): RegExp | undefined {
  let rest = line;
  for (;;) {
    const m = HTML_OPEN.exec(rest);
    if (!m) return undefined;
    const endRe = htmlEnd(m);
    const after = rest.slice(m.index + m[0].length);
    const closed = endRe.exec(after);
    if (!closed) return endRe;
    rest = after.slice(closed.index + closed[0].length);
  }
}
