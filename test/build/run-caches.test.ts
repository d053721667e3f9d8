// The caches a build of the bundled CLI keeps between runs besides its code cache: the Markdown
// trees of the masterplan's texts (load/parse-cache.ts, kind `markdown`), the shaping of the words
// drawn with each face and each face's font subsets (publish/word-cache.ts). Each build is a
// process of its own, as a user's are, and every one of them, with the caches empty, filled or
// damaged, writes the same bytes as a build without them. Needs `node scripts/build.mjs` first
// (npm test does it).

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPOCH, EXAMPLE, readTree } from '../helpers/build.js';
import { REPO_ROOT, runCliProcess } from '../helpers/cli.js';

const temp = mkdtempSync(join(tmpdir(), 'masterplan-run-caches-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let n = 0;
/** A build of the example (HTML and PDF) with the cache folder `cache`; its output files' digests. */
function build(cache: string): Map<string, string> {
  const out = join(temp, `out-${n++}`);
  const r = runCliProcess(['build', EXAMPLE, '--out', out, '-q'], { cwd: REPO_ROOT, env: { MASTERPLAN_CACHE: cache, SOURCE_DATE_EPOCH: EPOCH } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const files = new Map([...readTree(out)].map(([f, bytes]) => [f, createHash('sha256').update(bytes).digest('hex')]));
  rmSync(out, { recursive: true, force: true });
  return files;
}
const cacheFiles = (dir: string, kind: string) => readdirSync(dir).filter((f) => new RegExp(`^masterplan-[0-9a-f]{32}-${kind}-[0-9a-f]{16}\\.json$`).test(f)).sort();

let expected: Map<string, string>;
beforeAll(() => {
  expected = build('off');
  expect([...expected.keys()].filter((f) => f.endsWith('.pdf'))).toHaveLength(6);
}, 60_000);

describe('caches of Markdown trees and shaped words', () => {
  const dir = join(temp, 'cache');

  it('are written by a first build and taken by the next, which writes the same books', () => {
    expect(build(dir)).toEqual(expected);
    const words = cacheFiles(dir, 'words');
    const markdown = cacheFiles(dir, 'markdown');
    const subsets = cacheFiles(dir, 'subsets');
    // A file per face that drew words (text, headings, bold, italic, code…), one for the masterplan's texts.
    expect(words.length).toBeGreaterThanOrEqual(4);
    expect(markdown).toHaveLength(1);
    // The faces' subsets: one per book that drew with the face.
    expect(subsets.map((f) => f.replace('-subsets-', '-words-'))).toEqual(words);
    const serif = JSON.parse(readFileSync(join(dir, subsets[0]!), 'utf8')) as { subsets: Record<string, { glyphs: number[]; bytes: string }> };
    for (const [asked, kept] of Object.entries(serif.subsets)) {
      expect(kept.glyphs.slice(0, asked.split(',').length).join(',')).toBe(asked);
      // A TrueType font file (fontkit writes the tag `true`).
      expect([0x00010000, 0x74727565]).toContain(Buffer.from(kept.bytes, 'base64').readUInt32BE(0));
    }
    const text = JSON.parse(readFileSync(join(dir, words.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0]!), 'utf8')) as { words: Record<string, number[]> };
    expect(Object.keys(text.words).length).toBeGreaterThan(1000);
    expect(text.words['Banggai ']).toEqual(expect.arrayContaining([expect.any(Number)]));
    const trees = JSON.parse(readFileSync(join(dir, markdown[0]!), 'utf8')) as Record<string, string>;
    expect(Object.keys(trees).length).toBeGreaterThan(50);
    for (const [key, tree] of Object.entries(trees)) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect((JSON.parse(tree) as { type: string }).type).toBe('root');
    }
    const stamps = () => [...words, ...markdown, ...subsets].map((f) => statSync(join(dir, f)).mtimeMs);
    const before = stamps();
    // Nothing new to keep: the files stay as they are.
    expect(build(dir)).toEqual(expected);
    expect(stamps()).toEqual(before);
  }, 60_000);

  it('damaged, or holding what does not fit the faces, change nothing in the books', () => {
    const words = cacheFiles(dir, 'words');
    const [markdown] = cacheFiles(dir, 'markdown');
    expect(words.length).toBeGreaterThan(0);
    const good = new Map(words.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    for (const [i, f] of words.entries()) {
      const file = join(dir, f);
      type Shaped = { in: number[]; pos: number[] };
      const kept = JSON.parse(readFileSync(file, 'utf8')) as { words: Record<string, number[] | Shaped> };
      // Other glyph ids, a glyph too many, or no JSON at all (simple words are arrays, words
      // fontkit shaped objects).
      for (const w of Object.keys(kept.words)) {
        const word = kept.words[w]!;
        if (i % 3 === 0) kept.words[w] = Array.isArray(word) ? word.map((v, j) => (j % 2 === 0 ? v + 1 : v)) : { ...word, in: word.in.map((id) => id + 1) };
        else if (i % 3 === 1) (Array.isArray(word) ? word : word.pos).push(3, 250, 0, 0);
      }
      writeFileSync(file, i % 3 === 2 ? '{"words": {"Banggai ": [1, 2' : JSON.stringify(kept));
    }
    writeFileSync(join(dir, markdown!), '{"not": "json');
    for (const f of cacheFiles(dir, 'subsets')) writeFileSync(join(dir, f), '{"subsets": {"0,1": {"glyphs": [0, 1], "bytes": 5}}}');
    expect(build(dir)).toEqual(expected);
    // Written again, whole: the words as shaped, the trees of every text.
    for (const f of words) {
      const now = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { words: Record<string, unknown> };
      const before = JSON.parse(good.get(f)!) as { words: Record<string, unknown> };
      expect(Object.keys(now.words).sort(), f).toEqual(Object.keys(before.words).sort());
      for (const [w, glyphs] of Object.entries(before.words)) expect(now.words[w], `${f}: ${w}`).toEqual(glyphs);
    }
    expect(Object.keys(JSON.parse(readFileSync(join(dir, markdown!), 'utf8')) as object).length).toBeGreaterThan(50);
  }, 60_000);
});
