// Every character of a worksheet must reach the page: typographic punctuation, accented
// letters and currency signs are drawn (symbols the serif lacks fall back to DejaVu Sans), and
// a character no embedded font has is reported — never silently dropped.

import { describe, expect, it } from 'vitest';
import { renderPdfWithReport } from '../../src/render/pdf/index.js';
import { readPdf } from '../helpers/pdf.js';
import { markdown, sampleBook, section } from '../helpers/sample-book.js';

const UNUSUAL = '“curly” ‘quotes’ — – é ñ ü ø ß Rp€ … ☑ ✓';

describe('font coverage', () => {
  it('draws unusual characters and reports the ones no font has', async () => {
    const doc = sampleBook({
      sections: [
        section('a', `Judul ${UNUSUAL}`, 1, [
          { type: 'paragraph', content: [{ type: 'text', text: `${UNUSUAL} 漢字 🚀` }] },
          markdown(`Narasi *${UNUSUAL}* dan roket 🚀 lagi.\n\n| Kolom |\n|---|\n| ${UNUSUAL} |`),
        ]),
      ],
    });
    const report = await renderPdfWithReport(doc);
    expect(report.missingGlyphs.map((g) => g.char)).toEqual(['字', '漢', '🚀']);
    const rocket = report.missingGlyphs.find((g) => g.char === '🚀')!;
    expect(rocket.codePoint).toBe('U+1F680');
    expect(rocket.count).toBe(2);
    expect(rocket.where).toBe(`Judul ${UNUSUAL}`);

    const pdf = await readPdf(report.pdf);
    const body = pdf.text.slice(2).join(' ');
    for (const word of UNUSUAL.split(' ')) expect(body, word).toContain(word);
    await pdf.close();
  });

  it('reports nothing for plain text', async () => {
    const report = await renderPdfWithReport(sampleBook());
    expect(report.missingGlyphs).toEqual([]);
  });
});
