// The build renders the combined masterplan interleaved with the stage books (and frees each
// stage's Markdown as it goes): the result must be exactly what rendering each book alone gives.
import { describe, expect, it } from 'vitest';
import { publishBooks } from '../../src/publish/publish-books.js';
import { checkProject } from '../../src/pipeline.js';
import { loadTemplate, renderBook } from '../../src/render/html/index.js';

const FONT_FILES = ['SourceSerif4_400Regular', 'SourceSerif4_700Bold', 'SourceSerif4_400Regular_Italic', 'SourceSerif4_700Bold_Italic', 'SourceSans3_400Regular', 'SourceSans3_700Bold', 'SourceSans3_400Regular_Italic', 'SourceSans3_700Bold_Italic'].map((f) => `assets/fonts/${f}.ttf`);

describe('interleaved HTML rendering', () => {
  it('gives the same files as rendering each book on its own', async () => {
    const { model } = checkProject('examples/banggai');
    const template = loadTemplate([]);
    const { docs, files } = await publishBooks(model, { date: new Date(Date.UTC(2023, 3, 28)), html: true, template });
    for (const doc of docs) {
      const alone = renderBook(doc, { template, books: docs });
      expect(files.write.get(alone.file), alone.file).toBe(alone.html);
      for (const [to, from] of alone.assets) expect(files.copy.get(to)).toBe(from);
    }
    expect([...files.write.keys()]).toEqual(['buku-1.html', 'buku-2.html', 'buku-3.html', 'buku-4.html', 'masterplan.html', 'ringkasan.html', 'index.html', 'assets/search-index.js', 'assets/site.js', ...FONT_FILES]);
  });
});
