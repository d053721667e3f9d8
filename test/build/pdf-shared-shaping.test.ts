// Threads rendering PDFs share the words they shape (src/render/pdf/fonts.ts,
// shareShapedWordsWith; the pool's channels, src/publish/pdf-pool.ts, with the built
// dist/pdf-worker.js): a book rendered here after a worker rendered it shapes no word itself,
// and its PDF is byte-identical to the worker's.

import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import { PdfPool } from '../../src/publish/pdf-pool.js';
import { checkProject } from '../../src/pipeline.js';
import { loadFont, type FontKey } from '../../src/render/pdf/fonts.js';
import { renderPdfWithReport, shareShapedWordsWith } from '../../src/render/pdf/index.js';
import { SAMPLE_ROOT as EXAMPLE } from '../helpers/sample-book.js';

const { model } = checkProject(EXAMPLE);
const docs = buildBooks(model, { date: new Date(Date.UTC(2024, 2, 1)) });
const ids = [...model.index.ids.keys(), ...model.pokja.map((p) => p.id)];
const book = docs.find((d) => d.file === 'buku-2')!;

// dist/ is built by `npm test` (scripts/build.mjs) before vitest runs.
describe('shaped words shared between threads', () => {
  const pool = new PdfPool(1);
  shareShapedWordsWith(pool.shapedWordPorts);
  afterAll(async () => {
    shareShapedWordsWith([]);
    await pool.close();
  });

  it('takes the words a worker shaped instead of shaping them again, with the same bytes', async () => {
    const there = await pool.render(book, ids, {});
    const faces: FontKey[] = ['serif-r', 'serif-b', 'serif-i', 'sans-r', 'sans-b', 'sans-i'];
    const spies = faces.map((key) => vi.spyOn(loadFont(key), 'layout'));
    const here = await renderPdfWithReport(book, {});
    expect(Buffer.from(here.pdf).equals(Buffer.from(there.pdf))).toBe(true);
    // Every word of the book came from the worker: none was shaped in this thread.
    expect(spies.map((s) => s.mock.calls.length)).toEqual(faces.map(() => 0));
    for (const s of spies) s.mockRestore();
  }, 120_000);
});
