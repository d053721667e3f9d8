// The back half shared by `build` and `serve` (src/publish/publish-books.ts): given the previous
// result it draws again only the books whose layout changed — and the files are then exactly
// those of a build from scratch, whatever the edit.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishBooks, type Published } from '../../src/publish/publish-books.js';
import { checkProject } from '../../src/pipeline.js';
import { loadTemplate } from '../../src/render/html/index.js';
import { copyExample } from '../helpers/build.js';

const date = new Date(Date.UTC(2023, 3, 28));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'masterplan-incremental-'));
  copyExample(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const edit = (rel: string, from: string | RegExp, to: string) => {
  const file = join(dir, rel);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${rel}: ${String(from)}`).not.toBe(text);
  writeFileSync(file, next);
};

async function publish(previous?: Published, templates?: string, errors: string[] = []): Promise<Published> {
  const checked = checkProject(dir);
  expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(errors);
  return publishBooks(checked.model, { date, html: true, template: loadTemplate([templates, checked.model.templates]), keepMarkdown: true, remember: true }, previous);
}

describe('publishing again after an edit', () => {
  it.each([
    ['an analysis text', 'pokja/smart-society/1-analisis.md', /\n*$/, '\n\nParagraf tambahan dari uji.\n', ['buku-1', 'masterplan']],
    ['an innovation title', 'pokja/smart-economy/3-inovasi-a.md', 'title: Galeri UKM Online', 'title: Galeri UKM Daring', ['buku-2', 'buku-3', 'buku-4', 'masterplan', 'ringkasan']],
    ['a roadmap entry', 'pokja/smart-living/4-peta-jalan.md', /\n*$/, '\n\nCatatan peta jalan.\n', ['buku-4', 'masterplan']],
    ['the RPJMD catalog', 'rpjmd.yaml', /(name: )(\S)/, '$1Program $2', ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan']],
  ])('%s: draws only the books that show it, and gives the files of a fresh build', async (_what, rel, from, to, drawn) => {
    const first = await publish();
    expect(first.drawn).toEqual(['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan', 'ringkasan']);
    edit(rel, from, to);
    const again = await publish(first);
    expect(again.drawn).toEqual(drawn);
    const fresh = await publish();
    expect([...again.files.write.keys()]).toEqual([...fresh.files.write.keys()]);
    for (const [file, content] of fresh.files.write) {
      const got = again.files.write.get(file)!;
      if (typeof content === 'string') expect(got, file).toBe(content);
      else expect(Buffer.from(got).equals(content), file).toBe(true);
    }
    expect(again.files.copy).toEqual(fresh.files.copy);
    // What changed is what differs from the first build: pages a reader must reload.
    expect(again.changed).toEqual([...fresh.files.write].filter(([f, c]) => first.files.write.get(f) !== c && typeof c === 'string').map(([f]) => f));
  });

  it('an image that was missing is put in place: the books that show it are drawn again, with it', async () => {
    const image = join(dir, 'assets', 'tahapan.png');
    const bytes = readFileSync(image);
    rmSync(image);
    let first: Published;
    try {
      first = await publish(undefined, undefined, ['unknown-reference']);
    } finally {
      writeFileSync(image, bytes);
    }
    expect(first.files.write.get('buku-1.html')).not.toContain('tahapan.png');
    const again = await publish(first);
    // The layout holds each image as it resolved it (book/lower-markdown.ts): a new one changes it.
    expect(again.drawn).toEqual(['buku-1', 'masterplan']);
    expect(again.files.write.get('buku-1.html')).toContain('src="assets/tahapan.png"');
    expect(again.files.copy.get('assets/tahapan.png')).toBe(image);
    const fresh = await publish();
    for (const [file, content] of fresh.files.write) if (typeof content === 'string') expect(again.files.write.get(file), file).toBe(content);
  });

  it('nothing changed: nothing is drawn, nothing is told', async () => {
    const first = await publish();
    const again = await publish(first);
    expect(again.drawn).toEqual([]);
    expect(again.changed).toEqual([]);
  });

  it('an id renamed, or another template: every book is drawn (links and frames of all change)', async () => {
    const first = await publish();
    for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(md|yaml)$/.test(rel)) continue;
      const file = join(dir, rel);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/INO-ECO-1(?!\d)/g, 'INO-ECO-9'));
    }
    const renamed = await publish(first);
    expect(renamed.drawn).toHaveLength(6);
    const templates = join(dir, 'tpl');
    cpSync(join(__dirname, '..', '..', 'templates'), templates, { recursive: true });
    writeFileSync(join(templates, 'book.css'), `${readFileSync(join(templates, 'book.css'), 'utf8')}\n.uji { color: red; }\n`);
    const styled = await publish(renamed, templates);
    expect(styled.drawn).toHaveLength(6);
    expect(styled.files.write.get('buku-2.html')).toContain('.uji');
  });
});
