// Runs of styled text (bold, italic, code, links, badges) broken into lines that fit a width,
// then drawn line by line. Our own line breaker rather than pdfkit's `continued` text: it knows
// each line's height before drawing, so paragraphs, table cells and cards can break pages
// cleanly, and every link gets an exact clickable rectangle.

import { fontKey, unitWidth, verticalMetrics, type Family, type FontKey } from './fonts.js';
import type { GlyphCoverage } from './glyph-coverage.js';
import { linkKey, type Destinations, type LinkTarget } from './links.js';
import { tagsOf } from './tags.js';
import type { TypeSpec } from './theme.js';
import { COLOR } from './theme.js';

export interface TextStyle {
  family: Family;
  bold?: boolean;
  italic?: boolean;
  size: number;
  /** Line height as a multiple of `size`. */
  leading: number;
  color: string;
  link?: LinkTarget;
  underline?: boolean;
  strike?: boolean;
  /** Drawn on a small rounded plate (status badges, record ids). */
  badge?: boolean;
}

/** Styled text; `\n` is a hard line break. */
export interface Run {
  text: string;
  style: TextStyle;
}

export interface Piece {
  text: string;
  font: FontKey;
  style: TextStyle;
  /** Offset from the line's left edge. */
  x: number;
  width: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
  height: number;
  /** Baseline, from the line's top. */
  baseline: number;
}

export type Align = 'left' | 'right' | 'center';

/** What line layout needs besides the text: which face can draw each character. */
export interface TextKit {
  glyphs: GlyphCoverage;
}

export function style(spec: TypeSpec, extra: Partial<TextStyle> = {}): TextStyle {
  return { family: spec.family, bold: spec.bold, italic: spec.italic, size: spec.size, leading: spec.leading, color: COLOR.text, ...extra };
}

const BADGE_PAD = 3;

/** Width of `text` in a face at a size (our own measure; see `unitWidth`). */
export function measure(font: FontKey, size: number, text: string): number {
  return unitWidth(font, text) * size;
}

/** One unbreakable word: consecutive non-space text, possibly in several styles and faces. */
interface Word {
  parts: { text: string; font: FontKey; style: TextStyle; width: number }[];
  width: number;
  /** The space before it (0 at a line start or after a hard break). */
  space: { style: TextStyle; width: number } | null;
  hardBreakBefore: boolean;
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 13;

function toWords(kit: TextKit, runs: Run[]): Word[] {
  const words: Word[] = [];
  let pendingSpace: Word['space'] = null;
  let pendingBreak = false;
  let current: Word | null = null;
  const flush = () => {
    if (current) words.push(current);
    current = null;
  };
  for (const run of runs) {
    const style = run.style;
    const base = fontKey(style.family, style.bold, style.italic);
    // A badge never breaks inside.
    const text = style.badge ? run.text.replace(/ /g, '\u00a0') : run.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        flush();
        if (pendingBreak) words.push({ parts: [], width: 0, space: null, hardBreakBefore: true });
        pendingBreak = true;
        pendingSpace = null;
        i++;
        continue;
      }
      let j = i + 1;
      if (isBlank(c)) {
        while (j < n && isBlank(text.charCodeAt(j))) j++;
        flush();
        if (!pendingSpace) pendingSpace = { style, width: unitWidth(base, ' ') * style.size };
        i = j;
        continue;
      }
      while (j < n && !isBlank(text.charCodeAt(j)) && text.charCodeAt(j) !== 10) j++;
      if (!current) {
        current = { parts: [], width: 0, space: pendingSpace, hardBreakBefore: pendingBreak };
        pendingSpace = null;
        pendingBreak = false;
      }
      for (const part of kit.glyphs.split(text.slice(i, j), base)) {
        const width = unitWidth(part.font, part.text) * style.size;
        current.parts.push({ text: part.text, font: part.font, style, width });
        current.width += width;
      }
      if (style.badge) current.width += BADGE_PAD * 2;
      i = j;
    }
  }
  flush();
  if (pendingBreak) words.push({ parts: [], width: 0, space: null, hardBreakBefore: true });
  return words;
}

const BREAK_AFTER = /[-/_.,;:)\]]/;

/** Cut a word wider than a whole line: after punctuation if possible, else between letters. */
function cutWord(word: Word, width: number): Word[] {
  const chars: { ch: string; font: FontKey; style: TextStyle; w: number }[] = [];
  for (const part of word.parts) {
    for (const ch of part.text) chars.push({ ch, font: part.font, style: part.style, w: measure(part.font, part.style.size, ch) });
  }
  const pieces: Word[] = [];
  let start = 0;
  while (start < chars.length) {
    let used = 0;
    let end = start;
    let lastSoft = -1;
    while (end < chars.length && (end === start || used + chars[end].w <= width)) {
      used += chars[end].w;
      if (BREAK_AFTER.test(chars[end].ch)) lastSoft = end + 1;
      end++;
    }
    if (end < chars.length && lastSoft > start + 1) end = lastSoft;
    const slice = chars.slice(start, end);
    const parts: Word['parts'] = [];
    for (const c of slice) {
      const last = parts[parts.length - 1];
      if (last && last.font === c.font && last.style === c.style) last.text += c.ch;
      else parts.push({ text: c.ch, font: c.font, style: c.style, width: 0 });
    }
    for (const p of parts) p.width = measure(p.font, p.style.size, p.text);
    pieces.push({
      parts,
      width: parts.reduce((s, p) => s + p.width, 0),
      space: start === 0 ? word.space : null,
      hardBreakBefore: start === 0 && word.hardBreakBefore,
    });
    start = end;
  }
  return pieces;
}

/** Whether two pieces can be drawn as one: same face and look, same link. */
function sameLook(a: { font: FontKey; style: TextStyle }, b: { font: FontKey; style: TextStyle }): boolean {
  if (a.font !== b.font) return false;
  const x = a.style;
  const y = b.style;
  if (x === y) return true;
  return (
    x.size === y.size &&
    x.color === y.color &&
    !x.underline === !y.underline &&
    !x.strike === !y.strike &&
    !x.badge === !y.badge &&
    (x.link === y.link || linkKey(x.link) === linkKey(y.link))
  );
}

/** Break runs into lines no wider than `width`. */
export function layoutLines(kit: TextKit, runs: Run[], width: number, align: Align = 'left'): Line[] {
  const lines: Line[] = [];
  let pieces: Piece[] = [];
  let x = 0;
  let lineStyles: TextStyle[] = [];
  const endLine = (fallback?: TextStyle) => {
    lines.push(finishLine(pieces, x, lineStyles.length ? lineStyles : fallback ? [fallback] : [], width, align));
    pieces = [];
    x = 0;
    lineStyles = [];
  };
  const place = (word: Word) => {
    const pad = word.parts.some((p) => p.style.badge) ? BADGE_PAD : 0;
    x += pad;
    for (const part of word.parts) {
      const last = pieces[pieces.length - 1];
      if (last && !part.style.badge && sameLook(last, part) && Math.abs(last.x + last.width - x) < 0.01) {
        last.text += part.text;
        last.width += part.width;
      } else {
        pieces.push({ text: part.text, font: part.font, style: part.style, x, width: part.width });
      }
      lineStyles.push(part.style);
      x += part.width;
    }
    x += pad;
  };
  let words = toWords(kit, runs);
  if (words.length === 0) return [];
  let started = false;
  for (let i = 0; i < words.length; i++) {
    let word = words[i];
    if (word.hardBreakBefore && started) endLine(word.space?.style ?? runs[0]?.style);
    started = true;
    if (word.parts.length === 0) continue;
    const spaceWidth = x > 0 && word.space ? word.space.width : 0;
    if (x > 0 && x + spaceWidth + word.width > width + 0.01) {
      endLine();
      i--;
      words = words.slice();
      words[i + 1] = { ...word, space: null, hardBreakBefore: false };
      continue;
    }
    if (x === 0 && word.width > width + 0.01) {
      const cut = cutWord({ ...word, space: null, hardBreakBefore: false }, width);
      words = [...words.slice(0, i), ...cut, ...words.slice(i + 1)];
      word = words[i];
    }
    if (spaceWidth > 0 && word.space) {
      // The space goes into the text of the piece before it, so copied or extracted text
      // keeps its word boundaries.
      const last = pieces[pieces.length - 1];
      const spaceFont = fontKey(word.space.style.family, word.space.style.bold, word.space.style.italic);
      if (last && !last.style.badge && sameLook(last, { font: spaceFont, style: word.space.style })) {
        last.text += ' ';
        last.width += spaceWidth;
      } else {
        pieces.push({ text: ' ', font: spaceFont, style: word.space.style, x, width: spaceWidth });
      }
      x += spaceWidth;
    }
    place(word);
  }
  if (pieces.length || lines.length === 0) endLine(runs[0]?.style);
  return lines;
}

function finishLine(pieces: Piece[], width: number, styles: TextStyle[], maxWidth: number, align: Align): Line {
  let height = 0;
  let baseline = 0;
  let below = 0;
  for (const s of styles) {
    const { ascent, descent } = verticalMetrics(fontKey(s.family, s.bold, s.italic));
    const h = s.size * s.leading;
    const half = (h - (ascent + descent) * s.size) / 2;
    height = Math.max(height, h);
    baseline = Math.max(baseline, half + ascent * s.size);
    below = Math.max(below, half + descent * s.size);
  }
  height = Math.max(height, baseline + below);
  const shift = align === 'right' ? maxWidth - width : align === 'center' ? (maxWidth - width) / 2 : 0;
  if (shift > 0) for (const p of pieces) p.x += shift;
  return { pieces, width, height, baseline };
}

export function linesHeight(lines: Line[]): number {
  return lines.reduce((h, l) => h + l.height, 0);
}

/**
 * Draw one laid-out line with its top-left corner at (x, top); links become annotations. In a
 * tagged PDF the text is content of the innermost open structure element (tags.ts), and each
 * link a Link element holding its text and its annotation.
 */
export function drawLine(pdf: PDFKit.PDFDocument, dests: Destinations, line: Line, x: number, top: number): void {
  const tags = tagsOf(pdf);
  const leaf = tags?.leaf();
  // Runs of adjacent pieces with the same link (or none): one clickable rectangle per link.
  let i = 0;
  while (i < line.pieces.length) {
    const link = line.pieces[i].style.link;
    const key = linkKey(link);
    let j = i;
    while (j + 1 < line.pieces.length && linkKey(line.pieces[j + 1].style.link) === key) j++;
    const from = i;
    const to = j;
    const draw = () => {
      for (let k = from; k <= to; k++) drawPiece(pdf, line, line.pieces[k], x, top);
    };
    const linkEl = tags && leaf && link ? tags.create('Link', undefined, leaf.el) : undefined;
    if (tags && leaf) {
      tags.mark(linkEl ?? leaf.el, linkEl ? 'Link' : leaf.type, draw);
    } else draw();
    if (link) {
      const last = line.pieces[to];
      const trailing = last.text.endsWith(' ') ? measure(last.font, last.style.size, ' ') : 0;
      const left = x + line.pieces[from].x;
      const right = x + last.x + last.width - trailing;
      dests.annotate(pdf, left, top, right - left, line.height, link, linkEl);
    }
    linkEl?.end();
    i = to + 1;
  }
  if (leaf?.own) leaf.el.end();
}

function drawPiece(pdf: PDFKit.PDFDocument, line: Line, p: Piece, x: number, top: number): void {
  const base = top + line.baseline;
  const s = p.style;
  const px = x + p.x;
  if (s.badge) {
    const { ascent, descent } = verticalMetrics(p.font);
    pdf
      .roundedRect(px - BADGE_PAD, base - ascent * s.size - 0.5, p.width + BADGE_PAD * 2, (ascent + descent) * s.size + 1, 2)
      .fill(COLOR.badgeFill);
  }
  pdf.font(p.font).fontSize(s.size).fillColor(s.color);
  pdf.text(p.text, px, base, { lineBreak: false, baseline: 'alphabetic', textWidth: p.width, wordCount: 1 } as PDFKit.Mixins.TextOptions);
  if (s.underline || s.strike) {
    const thickness = Math.max(0.4, s.size * 0.055);
    const width = p.width - (p.text.endsWith(' ') ? measure(p.font, s.size, ' ') : 0);
    const at = s.underline ? base + s.size * 0.12 : base - s.size * 0.28;
    pdf.save().lineWidth(thickness).strokeColor(s.color).moveTo(px, at).lineTo(px + width, at).stroke().restore();
  }
}
