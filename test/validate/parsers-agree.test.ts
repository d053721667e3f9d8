// The parse stage reads worksheets with js-yaml (fast) and falls back to the `yaml` library for
// positions and for what js-yaml rejects. Both must read every valid file to the same data.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { splitFrontMatter } from '../../src/load/front-matter.js';

const ROOT = join(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.(ya?ml|md)$/.test(name) && !name.startsWith('README') ? [p] : [];
  });
}

const files = [...yamlFiles(join(ROOT, 'examples', 'banggai')), ...yamlFiles(join(ROOT, 'test', 'fixtures'))];

describe('js-yaml and yaml read valid worksheets alike', () => {
  it('covers the example and the fixtures', () => expect(files.length).toBeGreaterThan(60));
  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s', (_, file) => {
    let text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    if (file.endsWith('.md')) {
      const fm = splitFrontMatter(text);
      if (!fm.ok) return;
      text = fm.yaml;
    }
    const doc = parseDocument(text, { uniqueKeys: true, strict: true });
    if (doc.errors.length > 0) {
      // Invalid for `yaml`: js-yaml must not accept it either, or the fast path would let it through.
      expect(() => jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA })).toThrow();
      return;
    }
    let expected: unknown;
    try {
      expected = doc.toJS({ maxAliasCount: 100 });
    } catch {
      return; // alias problems take the `yaml` path by design
    }
    expect(jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) ?? null).toEqual(expected);
  });
});
