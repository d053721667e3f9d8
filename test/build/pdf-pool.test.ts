// The PDF render order (which book waits for which: src/publish/pdf-order.ts) and the worker
// pool (src/publish/pdf-pool.ts, with the built dist/pdf-worker.js): a book rendered in a worker
// is byte-identical to the same book rendered here, a failure in a worker comes back as an
// error of that book alone, and the pool goes on with the next; the books of a worker that
// cannot start are rendered in this thread.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import { pdfRenderOrder, pdfWaitsFor } from '../../src/publish/pdf-order.js';
import { PdfPool } from '../../src/publish/pdf-pool.js';
import type { BookDoc } from '../../src/book/types.js';
import { checkProject } from '../../src/pipeline.js';
import { renderPdfWithReport } from '../../src/render/pdf/index.js';
import { readPdf } from '../helpers/pdf.js';
import { SAMPLE_ROOT as EXAMPLE } from '../helpers/sample-book.js';

const { model } = checkProject(EXAMPLE);
const docs = buildBooks(model, { date: new Date(Date.UTC(2024, 2, 1)) });
const ids = [...model.index.ids.keys(), ...model.pokja.map((p) => p.id)];
const doc = (file: string) => docs.find((d) => d.file === file)!;

describe('PDF render order', () => {
  it('stage books wait for Buku III, the summary for the masterplan, the others for nothing', () => {
    expect(Object.fromEntries(docs.map((d) => [d.file, pdfWaitsFor(d, docs)]))).toEqual({
      'buku-1': ['buku-3'],
      'buku-2': ['buku-3'],
      'buku-3': [],
      'buku-4': ['buku-3'],
      masterplan: [],
      ringkasan: ['masterplan'],
    });
  });

  it('hands every book to the renderer after the books it waits for, the largest first', () => {
    const order = pdfRenderOrder(docs).map((d) => d.file);
    expect(order.slice(0, 2)).toEqual(['masterplan', 'buku-3']);
    for (const d of docs) for (const w of pdfWaitsFor(d, docs)) expect(order.indexOf(w), d.file).toBeLessThan(order.indexOf(d.file));
  });

  it('says the page in the book language: "(Book III, p. 7)" in English', async () => {
    const en = checkProject(EXAMPLE, { lang: 'en' }).model;
    const book = buildBooks(en, { date: new Date(Date.UTC(2024, 2, 1)) }).find((d) => d.file === 'buku-2')!;
    expect(book.lang).toBe('en');
    const r = await renderPdfWithReport(book, { otherBooks: new Map([['buku-3.pdf', new Map([['INO-ECO-1', '7']])]]) });
    const text = (await readPdf(r.pdf)).text.join(' ');
    expect(text).toContain('INO-ECO-1 (Book III, p. 7)');
    expect(text).not.toContain('hlm.');
  }, 60_000);

  it('waits for no book that is not built (a build of one stage book alone)', () => {
    expect(pdfWaitsFor(doc('buku-2'), [doc('buku-2')])).toEqual([]);
    expect(pdfWaitsFor(doc('ringkasan'), [doc('ringkasan')])).toEqual([]);
  });
});

// dist/ is built by `npm test` (scripts/build.mjs) before vitest runs.
describe('PDF worker pool', () => {
  const pool = new PdfPool(1);
  afterAll(() => pool.close());

  it('renders a book in a worker byte-identical to this thread, with the same destination pages', async () => {
    const otherBooks = new Map([['buku-3.pdf', new Map([['INO-ECO-1', '7']])]]);
    const here = await renderPdfWithReport(doc('buku-2'), { otherBooks });
    const there = await pool.render(doc('buku-2'), ids, { otherBooks });
    expect(Buffer.from(there.pdf).equals(Buffer.from(here.pdf))).toBe(true);
    expect(there.destinationPages).toEqual(here.destinationPages);
    // The page given for INO-ECO-1 is what its notes say; other links into Buku III name the book only.
    const text = (await readPdf(there.pdf)).text.join(' ');
    expect(text).toContain('INO-ECO-1 (Buku III, hlm. 7)');
    expect(text).toContain('(Buku III)');
  }, 60_000);

  it('reports a book that fails in the worker as an error of that book, and renders the next', async () => {
    const broken = { ...doc('buku-4'), sections: [{ ...doc('buku-4').sections[0], blocks: [{ type: 'paragraph', content: null }] }] } as unknown as BookDoc;
    await expect(pool.render(broken, ids, {})).rejects.toThrow(Error);
    const next = await pool.render(doc('ringkasan'), ids, {});
    expect(next.pdf.length).toBeGreaterThan(1000);
  }, 60_000);

  it('renders in this thread the books of a worker that cannot start', async () => {
    const rendered: string[] = [];
    const here = async (d: BookDoc) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      rendered.push(d.file);
      return { pdf: new Uint8Array([1]), missingGlyphs: [], destinationPages: new Map<string, string>() };
    };
    const broken = new PdfPool(1, here, join(tmpdir(), 'masterplan-no-such-worker.js'));
    // The first book goes to this thread, the second to the worker, which fails to load.
    const results = await Promise.all([broken.render(doc('buku-1'), ids, {}), broken.render(doc('buku-2'), ids, {})]);
    expect(results.map((r) => r.pdf.length)).toEqual([1, 1]);
    expect(rendered).toEqual(['buku-1', 'buku-2']);
    await broken.close();
  });
});
