// Runs of styled text (bold, italic, code, links, badges) broken into lines that fit a width,
// then drawn line by line. Our own line breaker rather than pdfkit's `continued` text: it knows
// each line's height before drawing, so paragraphs, table cells and cards can break pages
// cleanly, and every link gets an exact clickable rectangle.

import { breakPoints } from './break-points.js';
import { EMOJI, fontKey, loadFont, unitWidth, verticalMetrics, type Family, type FontKey } from './fonts.js';
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

/** Width of `text` in a face at a size (our own measure; see `unitWidth` and `shapedWidth`). */
export function measure(font: FontKey, size: number, text: string): number {
  if (font === EMOJI) return shapedWidth(font, text) * size;
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) plain = text.charCodeAt(i) < 0xad;
  if (plain) return unitWidth(font, text) * size;
  // Invisible characters take no room (fontkit draws them as nothing); shaping scripts are
  // measured as shaped.
  if (IGNORABLE.test(text)) text = text.replace(IGNORABLE_ALL, '');
  return (COMPLEX.test(text) ? shapedWidth(font, text) : unitWidth(font, text)) * size;
}

/** The default ignorable characters of glyph-coverage.ts's isDefaultIgnorable, as a pattern. */
const IGNORABLE_SOURCE =
  '[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff0-\\ufff8]|[\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0000}-\\u{e0fff}]';
const IGNORABLE = new RegExp(IGNORABLE_SOURCE, 'u');
const IGNORABLE_ALL = new RegExp(IGNORABLE_SOURCE, 'gu');

/**
 * Scripts whose drawn width is not the sum of their characters' advances: the shaper picks
 * contextual forms and ligatures (Hebrew, Arabic, Indic, Thai, …) or decomposes Hangul
 * syllables into jamo. Latin, Greek, Cyrillic, punctuation, symbols and CJK ideographs are
 * measured per character (fast), the rest as shaped.
 */
const COMPLEX = /[\u0590-\u1dff\uac00-\ud7ff\ua960-\ua97f\ufb1d-\ufdff\ufe70-\ufeff]/;

const shaped = new Map<string, number>();

/** Advance width of `text` at size 1 as fontkit (and so pdfkit) shapes it; kept per face and text. */
function shapedWidth(font: FontKey, text: string): number {
  const key = `${font}\u0000${text}`;
  let width = shaped.get(key);
  if (width === undefined) {
    const face = loadFont(font);
    width = face.layout(text).advanceWidth / face.unitsPerEm;
    if (shaped.size > 5_000) shaped.clear();
    shaped.set(key, width);
  }
  return width;
}

/**
 * One unbreakable piece of text, between two UAX #14 break opportunities: possibly in several
 * styles and faces ("**bold**text", a fallback face for one symbol).
 */
interface Word {
  parts: { text: string; font: FontKey; style: TextStyle; width: number }[];
  width: number;
  /** The space before it (null at a line start, after a hard break, or where a break needs none: "sub-|direktori"). */
  space: { style: TextStyle; width: number } | null;
  hardBreakBefore: boolean;
  /** It ended in a soft hyphen (U+00AD): a line that breaks after it ends in a visible hyphen. */
  hyphen?: boolean;
}

const isBlank = (c: number) => c === 32;
/** Characters after which a line must break (UAX #14 classes BK, LF, NL). */
const isHardBreak = (c: number) => c === 10 || c === 11 || c === 12 || c === 0x85 || c === 0x2028 || c === 0x2029;
const SOFT_HYPHEN = '\u00ad';

/** The runs as words, split where UAX #14 allows a break (break-points.ts). */
function toWords(kit: TextKit, runs: Run[]): Word[] {
  // One text for all runs, so that a break between two runs follows the same rules as one
  // inside a run ("**bold**, text": no break before the comma).
  const texts: string[] = [];
  const starts: number[] = [];
  let full = '';
  for (const run of runs) {
    let text = run.text;
    // A badge never breaks inside (see below); tabs and carriage returns are spaces.
    if (run.style.badge) text = text.replace(/ /g, '\u00a0');
    if (text.includes('\t') || text.includes('\r')) text = text.replace(/[\t\r]/g, ' ');
    starts.push(full.length);
    texts.push(text);
    full += text;
  }
  const shy = full.includes(SOFT_HYPHEN);
  const words: Word[] = [];
  let pendingSpace: Word['space'] = null;
  let pendingBreak = false;
  /** Index of the run holding offset `pos` (searched from the last one found). */
  let ri = 0;
  const runAt = (pos: number) => {
    while (ri > 0 && starts[ri] > pos) ri--;
    while (ri < runs.length - 1 && starts[ri] + texts[ri].length <= pos) ri++;
    return ri;
  };
  let from = 0;
  for (const to of breakPoints(full)) {
    // No break inside a badge: the segment goes on to the next opportunity.
    const k = runAt(to - 1);
    if (runs[k].style.badge && to < starts[k] + texts[k].length) continue;
    let end = to;
    const hard = end > from && isHardBreak(full.charCodeAt(end - 1));
    if (hard) end--;
    const ink = trimEnd(full, from, end);
    if (ink > from) {
      const word: Word = { parts: [], width: 0, space: pendingSpace, hardBreakBefore: pendingBreak };
      pendingSpace = null;
      pendingBreak = false;
      for (let pos = from, r = runAt(from); pos < ink; r = runAt(pos)) {
        const stop = Math.min(ink, starts[r] + texts[r].length);
        const style = runs[r].style;
        let text = full.slice(pos, stop);
        if (shy && text.includes(SOFT_HYPHEN)) {
          if (stop === ink && text.endsWith(SOFT_HYPHEN)) word.hyphen = true;
          text = text.replaceAll(SOFT_HYPHEN, '');
        }
        const base = fontKey(style.family, style.bold, style.italic);
        for (const part of kit.glyphs.split(text, base)) {
          const width = measure(part.font, style.size, part.text);
          word.parts.push({ text: part.text, font: part.font, style, width });
          word.width += width;
        }
        if (style.badge) word.width += BADGE_PAD * 2;
        pos = stop;
      }
      if (word.parts.length) words.push(word);
    }
    if (ink < end && !pendingSpace) {
      const style = runs[runAt(ink)].style;
      pendingSpace = { style, width: unitWidth(fontKey(style.family, style.bold, style.italic), ' ') * style.size };
    }
    if (hard) {
      // Two breaks in a row: an empty line between them.
      if (pendingBreak) words.push({ parts: [], width: 0, space: null, hardBreakBefore: true });
      pendingBreak = true;
      pendingSpace = null;
    }
    from = to;
  }
  if (pendingBreak) words.push({ parts: [], width: 0, space: null, hardBreakBefore: true });
  return words;
}

/** End of `text` between `from` and `end` without its trailing spaces. */
function trimEnd(text: string, from: number, end: number): number {
  while (end > from && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Width of the widest word of `runs` (what a table column needs at least not to cut any), each
 * measured in its run's face (a table sizes its columns from this before laying out a cell).
 */
export function widestWord(runs: Run[]): number {
  const single = runs.length === 1 ? runs[0] : undefined;
  const key = single ? `${fontKey(single.style.family, single.style.bold, single.style.italic)}|${single.style.size}|${single.style.badge ? 1 : 0}|${single.text}` : '';
  const hit = single ? widest.get(key) : undefined;
  if (hit !== undefined) return hit;
  const texts: string[] = [];
  const starts: number[] = [];
  let full = '';
  for (const run of runs) {
    let text = run.style.badge ? run.text.replace(/ /g, '\u00a0') : run.text;
    if (text.includes('\t') || text.includes('\r')) text = text.replace(/[\t\r]/g, ' ');
    starts.push(full.length);
    texts.push(text);
    full += text;
  }
  let max = 0;
  let from = 0;
  let r = 0;
  const runAt = (pos: number) => {
    while (r > 0 && starts[r] > pos) r--;
    while (r < runs.length - 1 && starts[r] + texts[r].length <= pos) r++;
    return r;
  };
  for (const to of breakPoints(full)) {
    // No break inside a badge (as in toWords).
    const k = runAt(to - 1);
    if (runs[k].style.badge && to < starts[k] + texts[k].length) continue;
    let end = to;
    if (end > from && isHardBreak(full.charCodeAt(end - 1))) end--;
    end = trimEnd(full, from, end);
    let width = 0;
    for (let pos = from; pos < end; ) {
      const st = runs[runAt(pos)].style;
      const stop = Math.min(end, starts[r] + texts[r].length);
      width += measure(fontKey(st.family, st.bold, st.italic), st.size, full.slice(pos, stop)) + (st.badge ? BADGE_PAD * 2 : 0);
      pos = stop;
    }
    max = Math.max(max, width);
    from = to;
  }
  if (single) {
    if (widest.size > 5_000) widest.clear();
    widest.set(key, max);
  }
  return max;
}

const widest = new Map<string, number>();

const BREAK_AFTER = /[-/_.,;:)\]]/;
/** Grapheme clusters, for cutting words; made on first use (loading ICU's rules takes ~20 ms). */
let graphemes: Intl.Segmenter | undefined;

/**
 * Cut a word wider than a whole line (a long id, a URL with no break opportunity): after
 * punctuation if possible, else between characters, never inside a character with its
 * combining marks or an emoji sequence.
 */
function cutWord(word: Word, width: number): Word[] {
  const chars: { ch: string; font: FontKey; style: TextStyle; w: number }[] = [];
  for (const part of word.parts) {
    graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const { segment } of graphemes.segment(part.text)) chars.push({ ch: segment, font: part.font, style: part.style, w: measure(part.font, part.style.size, segment) });
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
      hyphen: end === chars.length ? word.hyphen : undefined,
    });
    start = end;
  }
  return pieces;
}

/** Width of the hyphen drawn where a line breaks at a word's soft hyphen. */
function hyphenWidth(word: Word): number {
  const part = word.parts[word.parts.length - 1];
  return part ? measure(part.font, part.style.size, '-') : 0;
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
  /** The last word on the current line. */
  let lastPlaced: Word | null = null;
  const endLine = (fallback?: TextStyle) => {
    lines.push(finishLine(pieces, x, lineStyles.length ? lineStyles : fallback ? [fallback] : [], width, align));
    pieces = [];
    x = 0;
    lineStyles = [];
    lastPlaced = null;
  };
  const placeHyphen = (word: Word) => {
    const part = word.parts[word.parts.length - 1];
    const w = hyphenWidth(word);
    const last = pieces[pieces.length - 1];
    if (last && !last.style.badge && sameLook(last, part) && Math.abs(last.x + last.width - x) < 0.01) {
      last.text += '-';
      last.width += w;
    } else pieces.push({ text: '-', font: part.font, style: part.style, x, width: w });
    x += w;
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
    lastPlaced = word;
  };
  const words = toWords(kit, runs);
  if (words.length === 0) return [];
  /** The pieces of a word cut because it is wider than a line, still to place. */
  const cutPieces: Word[] = [];
  let started = false;
  for (let i = 0; i < words.length || cutPieces.length; ) {
    let word = cutPieces.length ? cutPieces.shift()! : words[i++];
    if (word.hardBreakBefore && started) endLine(word.space?.style ?? runs[0]?.style);
    started = true;
    if (word.parts.length === 0) continue;
    const hyphen = word.hyphen ? hyphenWidth(word) : 0;
    let spaceWidth = x > 0 && word.space ? word.space.width : 0;
    if (x > 0 && x + spaceWidth + word.width + hyphen > width + 0.01) {
      // The word goes to the next line; a line broken at a soft hyphen shows the hyphen.
      const prev = lastPlaced as Word | null; // (set by place(); TypeScript cannot see it)
      if (prev?.hyphen) placeHyphen(prev);
      endLine();
      spaceWidth = 0;
    }
    if (x === 0 && word.width + hyphen > width + 0.01) {
      const [first, ...rest] = cutWord({ ...word, space: null, hardBreakBefore: false }, width - hyphen);
      cutPieces.unshift(...rest);
      word = first;
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

const metrics = new Map<FontKey, { ascent: number; descent: number }>();

/** A face's ascent and descent, looked up once (fontkit's getters decode tables on every call). */
function metricsOf(key: FontKey): { ascent: number; descent: number } {
  let m = metrics.get(key);
  if (!m) metrics.set(key, (m = verticalMetrics(key)));
  return m;
}

function finishLine(pieces: Piece[], width: number, styles: TextStyle[], maxWidth: number, align: Align): Line {
  let height = 0;
  let baseline = 0;
  let below = 0;
  let previous: TextStyle | undefined;
  for (const s of styles) {
    // A line's parts mostly share one style: each style counts once.
    if (s === previous) continue;
    previous = s;
    const { ascent, descent } = metricsOf(fontKey(s.family, s.bold, s.italic));
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

/** The parts of pdfkit's embedded font (private API) that `fixNotdefWidth` touches. */
interface EmbeddedFontWidths {
  widths?: number[];
  scale?: number;
  font?: { getGlyph(id: number): { advanceWidth: number } };
}

const notdefFixed = new WeakSet<object>();

/**
 * pdfkit 0.20 writes the width of glyph 0 (the box drawn for a character no face has) in font
 * units instead of thousandths of an em: 1229 for DejaVu, about twice its real advance. A viewer
 * then moves on by that much after each box, and a line of boxes runs past the width it was
 * measured for (off the page). Corrected once per embedded font, before it is first drawn with.
 */
function fixNotdefWidth(pdf: PDFKit.PDFDocument): void {
  const font = (pdf as unknown as { _font?: EmbeddedFontWidths })._font;
  if (!font || notdefFixed.has(font)) return;
  notdefFixed.add(font);
  if (font.widths && font.font && typeof font.scale === 'number') font.widths[0] = font.font.getGlyph(0).advanceWidth * font.scale;
}

/** pdfkit's drawing of one line of text (private API: what `text` calls for each line). */
type Fragment = (text: string, x: number, y: number, options: object) => void;

/**
 * One piece of text at (x, baseline), as `pdf.text(…, { lineBreak: false })` draws it, minus the
 * work around it that a piece never needs: copying the options, splitting at line breaks, and
 * measuring the text again afterwards to move pdfkit's cursor (which nothing here reads). The
 * content written is the same.
 */
function drawText(pdf: PDFKit.PDFDocument, text: string, x: number, baseline: number, width: number): void {
  const fragment = (pdf as unknown as { _fragment?: Fragment })._fragment;
  if (typeof fragment !== 'function' || text.includes('\n')) {
    pdf.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', textWidth: width, wordCount: 1 } as PDFKit.Mixins.TextOptions);
    return;
  }
  pdf.x = x;
  pdf.y = baseline;
  fragment.call(pdf, text, x, baseline, { baseline: 'alphabetic', textWidth: width, wordCount: 1 });
}

function drawPiece(pdf: PDFKit.PDFDocument, line: Line, p: Piece, x: number, top: number): void {
  const base = top + line.baseline;
  const s = p.style;
  const px = x + p.x;
  if (s.badge) {
    const { ascent, descent } = metricsOf(p.font);
    pdf
      .roundedRect(px - BADGE_PAD, base - ascent * s.size - 0.5, p.width + BADGE_PAD * 2, (ascent + descent) * s.size + 1, 2)
      .fill(COLOR.badgeFill);
  }
  pdf.font(p.font).fontSize(s.size).fillColor(s.color);
  fixNotdefWidth(pdf);
  drawText(pdf, p.text, px, base, p.width);
  if (s.underline || s.strike) {
    const thickness = Math.max(0.4, s.size * 0.055);
    const width = p.width - (p.text.endsWith(' ') ? measure(p.font, s.size, ' ') : 0);
    const at = s.underline ? base + s.size * 0.12 : base - s.size * 0.28;
    pdf.save().lineWidth(thickness).strokeColor(s.color).moveTo(px, at).lineTo(px + width, at).stroke().restore();
  }
}
