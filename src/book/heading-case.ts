// Headings written one way in every book: each word capitalised except function words, as the
// Indonesian spelling rules (PUEBI) write titles — "Sektor Prioritas dan Tujuan Pembangunan" —
// and as English title case does. Generated headings follow it already; a worksheet's headings
// ("## Sektor prioritas") and part titles get it here, unless the theme says `as-written`.
// Nothing is ever lowered: acronyms, ids, names with capitals inside, numbers, paths and URLs
// are left exactly as written; only words written all in lower case change.

import type { Lang } from '../model/types.js';

/** Kata tugas: prepositions, conjunctions, articles and particles PUEBI keeps in lower case. */
const SMALL_ID = new Set(
  (
    'di ke dari dan yang untuk pada dalam bagi oleh dengan tentang terhadap kepada antara per sejak menuju melalui ' +
    'hingga sampai atas akan atau serta tetapi namun karena sehingga agar supaya bahwa jika bila maupun si sang sri ' +
    'para pun lah kah sebagai daripada demi tanpa secara guna selama'
  ).split(' '),
);
const SMALL_EN = new Set(
  'a an the and but or nor for so yet as at by in of off on per to up via with from into onto over than vs'.split(' '),
);

/** A word (or hyphen part) written all in lower-case letters (marks allowed): the only kind changed. */
const LOWER_WORD = /^\p{Ll}[\p{Ll}\p{M}]*$/u;

/** `atStart`: the text begins the heading (false for a later piece of it, after a bold word…). */
export function headingCase(text: string, lang: Lang, atStart = true): string {
  const small = lang === 'en' ? SMALL_EN : SMALL_ID;
  let first = atStart;
  return text.replace(/\S+/g, (token) => {
    const isFirst = first;
    first = false;
    // Paths, addresses, code and e-mail: as written.
    if (/[/@\\_`:=]|\.\w/.test(token)) return token;
    const m = /^(\p{P}*)(.*?)(\p{P}*)$/u.exec(token)!;
    const [, lead, core, trail] = m;
    if (!core) return token;
    const parts = core.split('-');
    const cased = parts.map((part, i) => {
      if (!LOWER_WORD.test(part)) return part;
      if (!(isFirst && i === 0) && parts.length === 1 && small.has(part)) return part;
      return part[0].toLocaleUpperCase(lang === 'en' ? 'en' : 'id') + part.slice(1);
    });
    return lead + cased.join('-') + trail;
  });
}

/**
 * The text pieces of one heading, in order, cased as one heading: `pieces` gives the texts and
 * `set` writes each back (the first word of the whole heading counts as its start).
 */
export function caseHeadingPieces<T>(pieces: T[], get: (p: T) => string, set: (p: T, text: string) => void, lang: Lang): void {
  let atStart = true;
  for (const piece of pieces) {
    const text = get(piece);
    set(piece, headingCase(text, lang, atStart));
    if (/\S/.test(text)) atStart = false;
  }
}
