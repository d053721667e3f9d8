// write-output on its own: staged next to OUT, swapped in by rename, and when any step fails
// the previous OUT stays exactly as it was, with no temporary folder left behind.

import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { writeOutput } from '../../src/build/write-output.js';
import { readTree } from '../helpers/build.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';

// Lets a test make one renameSync call fail, as when OUT is held by another program.
const failRename = vi.hoisted(() => ({ at: -1, calls: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (failRename.calls++ === failRename.at) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
      return real.renameSync(from, to);
    },
  };
});

afterEach(() => {
  failRename.at = -1;
  failRename.calls = 0;
});
afterAll(removeTemps);

function previous(): { parent: string; out: string; before: Map<string, Buffer> } {
  const parent = tempDir();
  const out = join(parent, 'dist');
  mkdirSync(join(out, 'assets'), { recursive: true });
  writeFileSync(join(out, 'buku-1.html'), 'old book');
  writeFileSync(join(out, 'assets', 'a.png'), 'old image');
  return { parent, out, before: readTree(out) };
}

const files = (copy: Record<string, string> = {}) => ({
  write: new Map<string, string | Uint8Array>([
    ['buku-1.html', 'new book'],
    ['index.html', new TextEncoder().encode('index')],
  ]),
  copy: new Map(Object.entries(copy)),
});

describe('writeOutput', () => {
  it('replaces OUT with exactly the new files; readable folder; no temp folder left', () => {
    const { parent, out } = previous();
    const img = join(tempDir(), 'img.png');
    writeFileSync(img, 'image');
    writeOutput(out, files({ 'assets/x/img.png': img }));
    const tree = readTree(out);
    expect([...tree.keys()]).toEqual(['assets/x/img.png', 'buku-1.html', 'index.html']);
    expect(tree.get('buku-1.html')!.toString()).toBe('new book');
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(statSync(out).mode & 0o755).toBe(0o755);
  });

  it('creates OUT (and its parents) when missing', () => {
    const out = join(tempDir(), 'a', 'b', 'dist');
    writeOutput(out, files());
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('a file that cannot be staged: OUT untouched, stage removed', () => {
    const { parent, out, before } = previous();
    expect(() => writeOutput(out, files({ 'assets/gone.png': join(parent, 'does-not-exist.png') }))).toThrow();
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('OUT cannot be moved aside: OUT untouched, stage removed', () => {
    const { parent, out, before } = previous();
    failRename.at = 0;
    expect(() => writeOutput(out, files())).toThrow(/EBUSY/);
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('the new output cannot take its place: the previous OUT is put back', () => {
    const { parent, out, before } = previous();
    failRename.at = 1;
    expect(() => writeOutput(out, files())).toThrow(/EBUSY/);
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('never writes outside the stage', () => {
    const { parent, out, before } = previous();
    expect(() => writeOutput(out, { write: new Map([['../escape.html', 'x']]), copy: new Map() })).toThrow();
    expect(existsSync(join(parent, 'escape.html'))).toBe(false);
    expect(readTree(out)).toEqual(before);
  });
});
