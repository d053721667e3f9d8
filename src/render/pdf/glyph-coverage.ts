// Which face can draw each character: a character the chosen face lacks falls back to DejaVu
// (Serif for text, Sans for the rest, then Sans, which covers the most symbols); one no face
// has is drawn as the font's box and reported, never silently dropped. Emoji come from Noto
// Emoji (monochrome), parsed only for a document that has one.

import { EMOJI, loadFont, type FontKey } from './fonts.js';

/** Characters that are layout, not ink: never looked up in a font. */
function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfe0f || cp === 0xfe0e;
}

/**
 * Unicode's default ignorable code points (as fontkit, which draws them as nothing): zero-width
 * space and joiners, bidi controls, variation selectors, the soft hyphen, tags, fillers.
 */
export function isDefaultIgnorable(cp: number): boolean {
  if (cp < 0xad) return false;
  if (cp < 0x10000) {
    return (
      cp === 0xad || cp === 0x34f || cp === 0x61c || cp === 0x115f || cp === 0x1160 || (cp >= 0x17b4 && cp <= 0x17b5) ||
      (cp >= 0x180b && cp <= 0x180f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2060 && cp <= 0x206f) || cp === 0x3164 || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff || cp === 0xffa0 ||
      (cp >= 0xfff0 && cp <= 0xfff8)
    );
  }
  return (cp >= 0x1bca0 && cp <= 0x1bca3) || (cp >= 0x1d173 && cp <= 0x1d17a) || (cp >= 0xe0000 && cp <= 0xe0fff);
}

/** Pictographs, emoticons, transport and map symbols, flags' regional indicators, … */
const isEmojiPlane = (cp: number) => cp >= 0x1f000 && cp <= 0x1faff;
/** What changes the emoji before it: skin tones, the keycap mark. */
const isEmojiModifier = (cp: number) => (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3;

/**
 * Picks a face for each character and remembers the characters no face has. One instance per
 * rendered document, so the report lists what that document is missing.
 */
export class GlyphCoverage {
  private readonly missing = new Map<string, { count: number; where: string }>();
  private readonly memo = new Map<FontKey, Map<number, FontKey | null>>();
  /** Where drawing currently is (a section title), for the report. */
  where = '';

  /** The face to draw `cp` with, starting from `key`; null when no face has it. */
  faceFor(key: FontKey, cp: number): FontKey | null {
    let memo = this.memo.get(key);
    if (!memo) this.memo.set(key, (memo = new Map()));
    const hit = memo.get(cp);
    if (hit !== undefined) return hit;
    let face: FontKey | null = null;
    for (const candidate of fallbacks(key)) {
      if (loadFont(candidate).hasGlyphForCodePoint(cp)) {
        face = candidate;
        break;
      }
    }
    memo.set(cp, face);
    return face;
  }

  /**
   * Splits text into pieces each drawable with one face, noting characters none can draw.
   * Emoji (a character of the emoji planes, or one followed by VS16, U+FE0F) are drawn from the
   * emoji face when it has them, and what joins an emoji sequence (ZWJ, variation selectors,
   * skin tones, tags, the keycap mark) stays in the piece of the character it modifies, so that
   * the face's ligatures draw 👩‍🌾, 👍🏽, 🇮🇩 or 1️⃣ as one sign. Invisible characters (zero-width
   * spaces and joiners, bidi controls, soft hyphens) and control characters are never reported
   * nor drawn as boxes.
   */
  split(text: string, key: FontKey): { text: string; font: FontKey }[] {
    // Printable ASCII: every face has it (the common case, so skip the per-character work).
    if (/^[\x20-\x7e]*$/.test(text)) return [{ text, font: key }];
    const out: { text: string; font: FontKey }[] = [];
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const n = cp > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + n);
      i += n;
      const last = out[out.length - 1];
      let face: FontKey;
      // Half an emoji (a text cut by UTF-16 index, e.g. to add an ellipsis): nothing to draw.
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (isControl(cp) || isDefaultIgnorable(cp)) {
        // Nothing to draw. fontkit hides such a character only when the face has a glyph for
        // it; one the face lacks comes out as the box (fontkit's glyph 0 loses its code point
        // once any missing character has been drawn), so it is left out.
        face = last?.font ?? key;
        if (!this.hasGlyph(face, cp)) continue;
      } else if (last?.font === EMOJI && isEmojiModifier(cp)) face = EMOJI;
      else if ((text.charCodeAt(i) === 0xfe0f || isEmojiPlane(cp)) && this.emojiHas(cp)) face = EMOJI;
      else {
        const found = this.faceFor(key, cp);
        if (found) face = found;
        else {
          face = key;
          this.note(ch);
        }
      }
      if (last && last.font === face) last.text += ch;
      else out.push({ text: ch, font: face });
    }
    return out;
  }

  private readonly emoji = new Map<number, boolean>();
  private readonly glyphs = new Map<FontKey, Map<number, boolean>>();

  private hasGlyph(face: FontKey, cp: number): boolean {
    let memo = this.glyphs.get(face);
    if (!memo) this.glyphs.set(face, (memo = new Map()));
    let has = memo.get(cp);
    if (has === undefined) memo.set(cp, (has = cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0) && loadFont(face).hasGlyphForCodePoint(cp)));
    return has;
  }

  private emojiHas(cp: number): boolean {
    let has = this.emoji.get(cp);
    if (has === undefined) this.emoji.set(cp, (has = loadFont(EMOJI).hasGlyphForCodePoint(cp)));
    return has;
  }

  private note(ch: string): void {
    const seen = this.missing.get(ch);
    if (seen) seen.count++;
    else this.missing.set(ch, { count: 1, where: this.where });
  }

  /** Characters no embedded face can draw, in code point order. */
  report(): MissingGlyph[] {
    return [...this.missing]
      .map(([char, { count, where }]) => ({
        char,
        codePoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
        count,
        where,
      }))
      .sort((a, b) => a.char.codePointAt(0)! - b.char.codePointAt(0)!);
  }
}

export interface MissingGlyph {
  /** The character itself. */
  char: string;
  /** e.g. `U+1F600`. */
  codePoint: string;
  /** How often it occurs in the document. */
  count: number;
  /** Title of the section where it first occurs (the cover or contents: empty). */
  where: string;
}

/** The faces tried for a character: the chosen one, then DejaVu in the same style, then any. */
function fallbacks(key: FontKey): FontKey[] {
  const [family, variant] = key.split('-');
  const serif = family === 'serif' || family === 'dvserif';
  const near = serif ? [`dvserif-${variant}`, `dvsans-${variant}`] : [`dvsans-${variant}`, `dvserif-${variant}`];
  return [key, ...(near as FontKey[]), 'dvsans-r', 'dvserif-r', 'mono-r', EMOJI];
}
