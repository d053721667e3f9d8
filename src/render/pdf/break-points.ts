// Where a line may break in a text, by the Unicode Line Breaking Algorithm (UAX #14, the
// `linebreak` package pdfkit itself uses): after spaces, after hyphens and slashes (so URLs
// wrap), between CJK ideographs, never inside "2024-2029" or before a closing bracket; and
// where it must break (after a newline, U+2028 or U+2029). Line breaking is the hot path of the PDF
// build, and tables lay out the same cell text more than once: results are kept per text.

import LineBreaker from 'linebreak';

/**
 * Break opportunities of a text: the offsets (UTF-16) of the characters after each break, in
 * order; the last one is the text's end. A break after a newline character is mandatory (the
 * caller sees the character; UAX #14's own flag is not set at the very end of a text).
 */
export type BreakPoints = readonly number[];

const cache = new Map<string, BreakPoints>();
/** Distinct texts kept; the example needs a few thousand, an odd book far more. */
const CACHE_LIMIT = 5_000;

/**
 * Plain words and single spaces, punctuation only at a word's end (",", ".", ";", ":"): UAX #14
 * breaks after each space and nowhere else. Most text in a book looks like this; it skips the
 * per-character class lookups.
 */
const PLAIN = /^[A-Za-z0-9]+[,.;:]?(?: [A-Za-z0-9]+[,.;:]?)*$/;

export function breakPoints(text: string): BreakPoints {
  let hit = cache.get(text);
  if (hit) return hit;
  hit = PLAIN.test(text) ? plainBreaks(text) : uax14Breaks(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, hit);
  return hit;
}

function plainBreaks(text: string): number[] {
  const out: number[] = [];
  let from = 0;
  for (;;) {
    const space = text.indexOf(' ', from);
    if (space < 0) break;
    out.push(space + 1);
    from = space + 1;
  }
  if (text.length > 0) out.push(text.length);
  return out;
}

function uax14Breaks(text: string): number[] {
  const out: number[] = [];
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) if (bk.required || !keptTogether(text, bk.position)) out.push(bk.position);
  return out;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isUpperOrDigit = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a);

/**
 * Two tailorings of UAX #14 for these books: no break inside an id ("INO-GOV-2", "SP4N-LAPOR":
 * a hyphen between capitals or digits) nor inside a range of numbers ("13–15", an en dash
 * between digits). An id wider than the line is still cut (emergency cut).
 */
function keptTogether(text: string, at: number): boolean {
  if (at < 2 || at >= text.length) return false;
  const c = text.charCodeAt(at - 1);
  const before = text.charCodeAt(at - 2);
  const after = text.charCodeAt(at);
  if (c === 0x2d || c === 0x2010 || c === 0x2011) return isUpperOrDigit(before) && isUpperOrDigit(after);
  if (c === 0x2013) return isDigit(before) && isDigit(after);
  return false;
}

/** For tests: the breaks computed by the full algorithm, without the plain-text shortcut. */
export const uax14BreaksForTest = uax14Breaks;
