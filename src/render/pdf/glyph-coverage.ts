// Which face can draw each character: a character the chosen face lacks falls back to DejaVu
// (Serif for text, Sans for the rest, then Sans, which covers the most symbols); one no face
// has is drawn as the font's box and reported, never silently dropped.

import { loadFont, type FontKey } from './fonts.js';

/** Characters that are layout, not ink: never looked up in a font. */
function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfe0f || cp === 0xfe0e;
}

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

  /** Splits text into pieces each drawable with one face, noting characters none can draw. */
  split(text: string, key: FontKey): { text: string; font: FontKey }[] {
    // Printable ASCII: every face has it (the common case, so skip the per-character work).
    if (/^[\x20-\x7e]*$/.test(text)) return [{ text, font: key }];
    const out: { text: string; font: FontKey }[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let face: FontKey = key;
      if (!isControl(cp)) {
        const found = this.faceFor(key, cp);
        if (found) face = found;
        else this.note(ch);
      }
      const last = out[out.length - 1];
      if (last && last.font === face) last.text += ch;
      else out.push({ text: ch, font: face });
    }
    return out;
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
  return [key, ...(near as FontKey[]), 'dvsans-r', 'dvserif-r', 'mono-r'];
}
