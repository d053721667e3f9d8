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
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) out.push(bk.position);
  return out;
}

/** For tests: the breaks computed by the full algorithm, without the plain-text shortcut. */
export const uax14BreaksForTest = uax14Breaks;
