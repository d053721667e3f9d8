// write-output on its own: staged next to OUT, OUT a link swapped by one rename; when any step
// fails OUT is exactly the previous or exactly the new output; leftovers of killed builds are
// removed; one writer at a time (the lock); the fallback without links.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MANIFEST } from '../../src/publish/out-dir.js';
import { OutputBusyError } from '../../src/publish/out-lock.js';
import { OutputRefusedError, writeOutput, type WriteOptions } from '../../src/publish/write-output.js';
import { readTree } from '../helpers/build.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';

// Lets a test make one renameSync call fail (as when OUT is held by another program), or
// symlinkSync fail as on a file system without links.
const fail = vi.hoisted(() => ({ renameAt: -1, renames: 0, symlink: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (fail.renames++ === fail.renameAt) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
      return real.renameSync(from, to);
    },
    symlinkSync: (target: fs.PathLike, path: fs.PathLike, type?: fs.symlink.Type) => {
      if (fail.symlink) throw Object.assign(new Error(`${fail.symlink}: operation not permitted`), { code: fail.symlink });
      return real.symlinkSync(target, path, type);
    },
  };
});

afterEach(() => {
  fail.renameAt = -1;
  fail.renames = 0;
  fail.symlink = undefined;
});
afterAll(removeTemps);

const files = (book = 'new book', copy: Record<string, string> = {}) => ({
  write: new Map<string, string | Uint8Array>([
    ['buku-1.html', book],
    ['index.html', new TextEncoder().encode('index')],
  ]),
  copy: new Map(Object.entries(copy)),
});

/** OUT holding a previous build (written by writeOutput itself, so it carries the marker). */
function previous(opts: WriteOptions = {}): { parent: string; out: string; before: Map<string, Buffer> } {
  const parent = tempDir();
  const out = join(parent, 'dist');
  const img = join(parent, 'img.png');
  writeFileSync(img, 'old image');
  writeOutput(out, { write: new Map([['buku-1.html', 'old book']]), copy: new Map([['assets/a.png', img]]) }, opts);
  fs.rmSync(img);
  fail.renames = 0;
  return { parent, out, before: readTree(out) };
}

/** A process id that no longer exists. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('writeOutput', () => {
  it('first build: OUT is a link to .OUT.v-1 holding exactly the files and the marker', () => {
    const parent = tempDir();
    const out = join(parent, 'dist');
    const img = join(tempDir(), 'img.png');
    writeFileSync(img, 'image');
    writeOutput(out, files('new book', { 'assets/x/img.png': img }));
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readlinkSync(out)).toBe('.dist.v-1');
    const tree = readTree(out);
    expect([...tree.keys()]).toEqual([MANIFEST, 'assets/x/img.png', 'buku-1.html', 'index.html']);
    expect(JSON.parse(tree.get(MANIFEST)!.toString()).files).toEqual(['assets/x/img.png', 'buku-1.html', 'index.html']);
    expect(tree.get('buku-1.html')!.toString()).toBe('new book');
    expect(readdirSync(parent).sort()).toEqual(['.dist.v-1', 'dist']);
    expect(statSync(out).mode & 0o755).toBe(0o755);
  });

  it('replaces OUT with exactly the new files; the previous version and the lock are gone', () => {
    const { parent, out } = previous();
    writeOutput(out, files());
    expect(readlinkSync(out)).toBe('.dist.v-2');
    expect([...readTree(out).keys()]).toEqual([MANIFEST, 'buku-1.html', 'index.html']);
    expect(readdirSync(parent).sort()).toEqual(['.dist.v-2', 'dist']);
  });

  it('creates OUT (and its parents) when missing; an empty folder is replaced', () => {
    const out = join(tempDir(), 'a', 'b', 'dist');
    writeOutput(out, files());
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const empty = join(tempDir(), 'publik');
    mkdirSync(empty);
    writeOutput(empty, files());
    expect(readTree(empty).get('buku-1.html')!.toString()).toBe('new book');
  });

  it('a file that cannot be staged: OUT untouched, stage removed', () => {
    const { parent, out, before } = previous();
    const list = readdirSync(parent).sort();
    expect(() => writeOutput(out, files('x', { 'assets/gone.png': join(parent, 'does-not-exist.png') }))).toThrow();
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(parent).sort()).toEqual(list);
  });

  // Renames of a swap: stage → .dist.v-2, link → dist, .dist.v-1 → garbage.
  it.each([0, 1, 2])('rename %i fails: OUT is exactly the old or the new output, and the next build cleans up', (at) => {
    const { parent, out, before } = previous();
    fail.renameAt = at;
    let threw = false;
    try {
      writeOutput(out, files());
    } catch (e) {
      threw = true;
      expect(String(e)).toMatch(/EBUSY/);
    }
    const after = readTree(out);
    if (at < 2) {
      expect(threw).toBe(true);
      expect(after).toEqual(before);
      expect(readdirSync(parent).sort()).toEqual(['.dist.v-1', 'dist']);
    } else {
      // The swap was done; only moving the old version away failed: not an error.
      expect(threw).toBe(false);
      expect(after.get('buku-1.html')!.toString()).toBe('new book');
    }
    fail.renameAt = -1;
    writeOutput(out, files('third'));
    expect(readTree(out).get('buku-1.html')!.toString()).toBe('third');
    expect(readdirSync(parent).filter((n) => n !== 'dist')).toHaveLength(1);
  });

  it('never writes outside the stage, nor over the marker', () => {
    const { parent, out, before } = previous();
    expect(() => writeOutput(out, { write: new Map([['../escape.html', 'x']]), copy: new Map() })).toThrow();
    expect(() => writeOutput(out, { write: new Map([[MANIFEST, '{}']]), copy: new Map() })).toThrow(/marker/);
    expect(existsSync(join(parent, 'escape.html'))).toBe(false);
    expect(readTree(out)).toEqual(before);
  });

  it('refuses (checked again under the lock) an OUT holding a file it did not write; nothing touched', () => {
    const { parent, out } = previous();
    writeFileSync(join(out, 'catatan.txt'), 'mine');
    const before = readTree(parent);
    expect(() => writeOutput(out, files())).toThrow(OutputRefusedError);
    expect(readTree(parent)).toEqual(before);
  });

  it('removes what killed builds left, and only that', () => {
    const { parent, out } = previous();
    const dead = deadPid();
    const sleeper = spawn('sleep', ['30']);
    try {
      const live = sleeper.pid!;
      const junk = [`.dist.new-${dead}`, `.dist.new-${dead}.old`, `.dist.old-${dead}`];
      for (const j of junk) mkdirSync(join(parent, j, 'assets'), { recursive: true });
      symlinkSync('.dist.v-9', join(parent, `.dist.link-${dead}`));
      writeFileSync(join(parent, `.dist.lock.stale-${dead}`), '');
      // A complete version OUT does not point to (killed after its stage was renamed).
      mkdirSync(join(parent, '.dist.v-7'));
      writeFileSync(join(parent, '.dist.v-7', 'index.html'), 'i');
      writeFileSync(join(parent, '.dist.v-7', MANIFEST), JSON.stringify({ 'masterplan-build': 1, files: ['index.html'] }));
      // Kept: a version folder holding a file its marker does not list, a live build's stage, other names.
      mkdirSync(join(parent, '.dist.v-8'));
      writeFileSync(join(parent, '.dist.v-8', 'catatan.txt'), 'mine');
      mkdirSync(join(parent, `.dist.new-${live}`));
      mkdirSync(join(parent, '.dist.keep'));
      mkdirSync(join(parent, '.distro.new-1'));
      writeOutput(out, files());
      expect(readdirSync(parent).sort()).toEqual(['.dist.keep', `.dist.new-${live}`, '.dist.v-8', '.dist.v-9', '.distro.new-1', 'dist']);
      expect(readlinkSync(out)).toBe('.dist.v-9');
    } finally {
      sleeper.kill();
    }
  });
});

describe('writeOutput: one writer at a time', () => {
  it('a lock held by a live process: waits, then gives up naming it; OUT untouched, stage removed', () => {
    const { parent, out, before } = previous();
    const sleeper = spawn('sleep', ['30']);
    try {
      const lock = join(parent, '.dist.lock');
      writeFileSync(lock, JSON.stringify({ pid: sleeper.pid, host: hostname(), token: 't' }));
      const waited: number[] = [];
      const t0 = Date.now();
      let err: unknown;
      try {
        writeOutput(out, files(), { lockTimeoutMs: 300, onWait: (pid) => waited.push(pid) });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(OutputBusyError);
      expect((err as OutputBusyError).pid).toBe(sleeper.pid);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
      expect(waited).toEqual([sleeper.pid]);
      expect(readTree(out)).toEqual(before);
      expect(readdirSync(parent).sort()).toEqual(['.dist.lock', '.dist.v-1', 'dist']);
    } finally {
      sleeper.kill();
    }
  });

  it('a lock just created (still empty): waits for it without naming a process, then writes', () => {
    const { parent, out } = previous();
    const lock = join(parent, '.dist.lock');
    writeFileSync(lock, '');
    // Another process removes it in a moment, as its writer would.
    const remover = spawn(process.execPath, ['-e', `setTimeout(() => require('fs').unlinkSync(${JSON.stringify(lock)}), 300)`]);
    const waited: number[] = [];
    const t0 = Date.now();
    try {
      writeOutput(out, files('after'), { lockTimeoutMs: 5000, onWait: (pid) => waited.push(pid) });
    } finally {
      remover.kill();
    }
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
    expect(waited).toEqual([]);
    expect(readTree(out).get('buku-1.html')!.toString()).toBe('after');
  });

  it('a stale lock (its process is gone, or empty and old) is taken over and removed', () => {
    const { parent, out } = previous();
    const lock = join(parent, '.dist.lock');
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), token: 't' }));
    writeOutput(out, files('a'), { lockTimeoutMs: 0 });
    expect(readTree(out).get('buku-1.html')!.toString()).toBe('a');
    writeFileSync(lock, '');
    const old = Date.now() / 1000 - 60;
    utimesSync(lock, old, old);
    writeOutput(out, files('b'), { lockTimeoutMs: 0 });
    expect(readTree(out).get('buku-1.html')!.toString()).toBe('b');
    expect(readdirSync(parent).sort()).toEqual(['.dist.v-3', 'dist']);
  });
});

describe('writeOutput without links (Windows, file systems without symlinks)', () => {
  it('OUT is a real folder, replaced by rename; a failed swap puts the previous OUT back', () => {
    const { parent, out, before } = previous({ links: false });
    expect(lstatSync(out).isDirectory()).toBe(true);
    fail.renameAt = 1; // OUT moved aside, then the stage cannot take its place
    expect(() => writeOutput(out, files(), { links: false })).toThrow(/EBUSY/);
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['dist']);
    writeOutput(out, files(), { links: false });
    expect([...readTree(out).keys()]).toEqual([MANIFEST, 'buku-1.html', 'index.html']);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('symlink() refused (EPERM): falls back to the real folder', () => {
    const { parent, out } = previous();
    fail.symlink = 'EPERM';
    writeOutput(out, files());
    expect(lstatSync(out).isDirectory()).toBe(true);
    expect(readTree(out).get('buku-1.html')!.toString()).toBe('new book');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('a real folder OUT with a marker becomes the link on the next build with links', () => {
    const { parent, out } = previous({ links: false });
    writeOutput(out, files());
    expect(readlinkSync(out)).toBe('.dist.v-1');
    expect([...readTree(out).keys()]).toEqual([MANIFEST, 'buku-1.html', 'index.html']);
    expect(readdirSync(parent).sort()).toEqual(['.dist.v-1', 'dist']);
  });
});
