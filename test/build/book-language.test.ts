// The Indonesian example books carry no English labels: every generated label comes from the
// language tables, Indonesian in `id` (the text of all six HTML books, their attributes a reader
// hears — aria-label, title, alt — and the text of the PDFs read back).

import { describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import { checkProject } from '../../src/pipeline.js';
import { loadTemplate, renderBook } from '../../src/render/html/index.js';
import { renderPdfWithReport } from '../../src/render/pdf/index.js';

const renderPdf = async (doc: Parameters<typeof renderPdfWithReport>[0]) => (await renderPdfWithReport(doc)).pdf;
import { EPOCH, EXAMPLE } from '../helpers/build.js';
import { readPdf } from '../helpers/pdf.js';

/** English labels the books once showed (or the English table has), as whole words. */
const ENGLISH = [
  'Baseline', 'Horizon', 'Id', 'ID', 'final', 'Tagline', 'Coverage', 'Innovation', 'Innovations', 'Number of innovations',
  'not covered', 'Page', 'Contents', 'List of tables', 'List of figures', 'Budget', 'Source', 'Year', 'Years', 'Milestone',
  'Milestones', 'Roadmap', 'Mission', 'Missions', 'Goal', 'Goals', 'Programs covered', 'Appendix', 'Chapter', 'Foreword',
  'Summary', 'Description', 'Title', 'Name', 'Unit', 'Indicator', 'Indicators', 'Value', 'Partners', 'Element', 'Sector',
  'Figure', 'Table', 'Status of', 'draft', 'review', 'planned', 'enacted', 'Back to contents',
];
const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${ENGLISH.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
const found = (text: string) => [...new Set(text.match(pattern) ?? [])].sort();

const checked = checkProject(EXAMPLE);
const docs = buildBooks(checked.model, { date: new Date(Number(EPOCH) * 1000) });

/** What a reader sees or hears of an HTML page: its text and the labels in attributes. */
function readable(html: string): string {
  const body = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ');
  const attrs = [...body.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  return decode(`${body.replace(/<[^>]+>/g, ' ')} ${attrs.join(' ')}`);
}
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|nbsp);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' } as Record<string, string>)[e.toLowerCase()],
  );

describe('the Indonesian example books have no English labels', () => {
  it('the example is Indonesian', () => {
    expect(docs.map((d) => d.lang)).toEqual(docs.map(() => 'id'));
  });

  it.each(docs.map((d) => d.file))('%s.html', (file) => {
    const doc = docs.find((d) => d.file === file)!;
    const html = renderBook(doc, { template: loadTemplate([]), books: docs }).html;
    expect(found(readable(html))).toEqual([]);
  });

  it.each(['masterplan', 'ringkasan', 'buku-3'])('%s.pdf', async (file) => {
    const pdf = await readPdf(await renderPdf(docs.find((d) => d.file === file)!));
    try {
      expect(found(pdf.text.join('\n'))).toEqual([]);
    } finally {
      await pdf.close();
    }
  });

  it('the check itself finds the labels the books used to show', () => {
    expect(found('Id Program Baseline 2021 Horizon jangka pendek; Tagline: x; status final')).toEqual(['Baseline', 'Horizon', 'Id', 'Tagline', 'final']);
    expect(found('Identitas, IDR, Pokja-Id, finalisasi')).toEqual([]);
  });
});
