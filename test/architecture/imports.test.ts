// The modules read as a pipeline: no import circle among the sources (value imports; `import
// type` is erased and does not count), and the stages depend forwards only — the renderers never
// reach into load/ or check/, and model/ never into book/ or render/.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const SRC = join(REPO_ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) return sources(abs);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [abs] : [];
  });
}

/** Relative value imports of a module (static `import … from`, `export … from`, `import()`). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const pattern = /^\s*(import|export)\s+(?!type\b)([^'";]*?\bfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(pattern)) {
    const spec = m[3] ?? m[4];
    // `import { type A, type B } from` imports nothing at run time either.
    if (m[2] && /^\{\s*(type\s+\w+(\s+as\s+\w+)?\s*,?\s*)+\}\s*from\s+$/.test(m[2])) continue;
    out.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
  }
  return out;
}

const files = sources(SRC);
const graph = new Map(files.map((f) => [f, imports(f).filter((i) => files.includes(i))]));
const name = (f: string) => relative(SRC, f);

describe('the import graph of src/', () => {
  it('has no circle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const next of graph.get(f) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map(name).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it.each([
    // Image paths are resolved once, in the book layout (book/lower-markdown.ts), never by a renderer.
    ['render', ['load', 'check', 'pipeline.ts', 'cli', 'serve', 'lsp', 'publish', 'model/asset-path.ts', 'markdown/link-target.ts']],
    ['book', ['load', 'check', 'render', 'cli', 'serve', 'lsp']],
    ['model', ['book', 'render', 'check', 'cli', 'serve', 'lsp']],
    ['source', ['load', 'check', 'diagnostics', 'model', 'book', 'render']],
  ])('%s/ does not import from %j', (from, forbidden) => {
    const bad = [...graph]
      .filter(([f]) => name(f).startsWith(`${from}/`))
      .flatMap(([f, deps]) => deps.filter((d) => forbidden.some((x) => name(d) === x || name(d).startsWith(`${x}/`))).map((d) => `${name(f)} → ${name(d)}`));
    expect(bad).toEqual([]);
  });
});
