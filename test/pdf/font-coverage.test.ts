// Every character of a worksheet must reach the page: typographic punctuation, accented
// letters and currency signs are drawn (symbols the serif lacks fall back to DejaVu Sans), and
// a character no embedded font has is reported — never silently dropped. Emoji come from the
// monochrome Noto Emoji face, sequences as one sign; invisible and control characters are never
// drawn as boxes.

import { describe, expect, it } from 'vitest';
import { EMOJI } from '../../src/render/pdf/fonts.js';
import { GlyphCoverage } from '../../src/render/pdf/glyph-coverage.js';
import { renderPdfWithReport } from '../../src/render/pdf/index.js';
import { layoutLines, measure, type TextStyle } from '../../src/render/pdf/inline-text.js';
import { TYPE } from '../../src/render/pdf/theme.js';
import { readPdf } from '../helpers/pdf.js';
import { markdown, sampleBook, section } from '../helpers/sample-book.js';

const UNUSUAL = '“curly” ‘quotes’ — – é ñ ü ø ß Rp€ … ☑ ✓';

describe('font coverage', () => {
  it('draws unusual characters and reports the ones no font has', async () => {
    const doc = sampleBook({
      sections: [
        section('a', `Judul ${UNUSUAL}`, 1, [
          { type: 'paragraph', content: [{ type: 'text', text: `${UNUSUAL} 漢字 🚀` }] },
          markdown(`Narasi *${UNUSUAL}* dan aksara 漢 lagi.\n\n| Kolom |\n|---|\n| ${UNUSUAL} |`),
        ]),
      ],
    });
    const report = await renderPdfWithReport(doc);
    // The rocket is drawn from the emoji face.
    expect(report.missingGlyphs.map((g) => g.char)).toEqual(['字', '漢']);
    const han = report.missingGlyphs.find((g) => g.char === '漢')!;
    expect(han.codePoint).toBe('U+6F22');
    expect(han.count).toBe(2);
    expect(han.where).toBe(`Judul ${UNUSUAL}`);

    const pdf = await readPdf(report.pdf);
    const body = pdf.text.slice(2).join(' ');
    for (const word of UNUSUAL.split(' ')) expect(body, word).toContain(word);
    await pdf.close();
  });

  it('reports nothing for plain text, and embeds no emoji face', async () => {
    const report = await renderPdfWithReport(sampleBook());
    expect(report.missingGlyphs).toEqual([]);
    expect(Buffer.from(report.pdf).includes('NotoEmoji')).toBe(false);
  });

  it('draws emoji from Noto Emoji: ZWJ sequences, skin tones, flags and keycaps as one sign each', async () => {
    const signs = ['👩\u200d🌾', '👍🏽', '🇮🇩', '1\ufe0f\u20e3', '👨\u200d👩\u200d👧\u200d👦', '🏳\ufe0f\u200d🌈', '♻\ufe0f', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'];
    // Laid out: each sequence is one piece in the emoji face, as wide as one emoji (the face's
    // ligature draws it as one glyph).
    const body: TextStyle = { family: 'serif', size: 10, leading: 1.4, color: '#000' };
    const one = measure(EMOJI, 10, '🌾');
    for (const sign of signs) {
      const [line] = layoutLines({ glyphs: new GlyphCoverage() }, [{ text: `kata ${sign} kata`, style: body }], 400);
      const piece = line.pieces.find((p) => p.font === EMOJI);
      expect(piece?.text, sign).toBe(sign);
      expect(piece!.width, sign).toBeCloseTo(one, 5);
    }
    // In the PDF, read back: no box, no report, the emoji face embedded, and a sequence as wide
    // as one emoji (each sign with a word after it, so that pdfjs gives it a text item of its own).
    const text = ['🌾', ...signs].map((s, i) => `${s} kata${i}`).join(' ');
    const report = await renderPdfWithReport(sampleBook({ sections: [section('a', 'Emoji', 1, [{ type: 'paragraph', content: [{ type: 'text', text }] }])] }));
    expect(report.missingGlyphs).toEqual([]);
    expect(Buffer.from(report.pdf).includes('NotoEmoji-Regular')).toBe(true);
    const pdf = await readPdf(report.pdf);
    const items = pdf.items[2].filter((it) => it.str.trim());
    const widthOf = (sign: string) => items.find((it) => it.str.trim() === sign)?.width;
    expect(widthOf('🌾')).toBeCloseTo(one * (TYPE.body.size / 10), 1);
    for (const sign of ['👩\u200d🌾', '🇮🇩', '👨\u200d👩\u200d👧\u200d👦']) expect(widthOf(sign), sign).toBeCloseTo(widthOf('🌾')!, 1);
    await pdf.close();
  });

  it('never draws invisible or control characters as boxes', async () => {
    // Word joiner, BOM, bidi controls and C0 controls: in the text faces these have no glyph.
    const text = 'a\u2060b \ufeffc \u202ed\u202c e\u0007f \u200bg\u200dh';
    const report = await renderPdfWithReport(sampleBook({ sections: [section('a', 'Kontrol', 1, [{ type: 'paragraph', content: [{ type: 'text', text }] }])] }));
    expect(report.missingGlyphs).toEqual([]);
    const pdf = await readPdf(report.pdf);
    const line = pdf.text[2];
    // A box would come back as U+0000 (pdfkit maps glyph 0 to it).
    expect(line).not.toContain('\u0000');
    expect(line).toContain('ab c d ef gh');
    await pdf.close();
  });
});
