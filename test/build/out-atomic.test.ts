// The output swap through the real binary: a build killed at each rename() it makes (strace
// injects SIGKILL at the Nth rename) leaves OUT as exactly the previous or exactly the new build,
// and the next build removes what the killed one left; builds started together all succeed and
// leave one complete output. (Needs `node scripts/build.mjs` first, as `npm test` does.)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTree } from '../helpers/build.js';
import { BIN, REPO_ROOT, runCliProcess, type CliResult } from '../helpers/cli.js';
import { makeFixture, removeTemps, tempDir } from '../helpers/fixtures.js';

afterAll(removeTemps);

const OLD = '1709294400'; // 2024-03-01
const NEW = '1735732800'; // 2025-01-01

let repo: string;
const refs: Record<string, Map<string, Buffer>> = {};

function build(out: string, epoch: string): CliResult {
  return runCliProcess(['build', repo, '--out', out, '--format', 'html'], { cwd: REPO_ROOT, env: { SOURCE_DATE_EPOCH: epoch } });
}

/** The build run under strace, SIGKILLed on entering its `n`th rename (rename, renameat, renameat2). */
function killedBuild(out: string, epoch: string, n: number): { killed: boolean; code: number | null } {
  const r = spawnSync(
    'strace',
    ['-f', '-o', '/dev/null', '-e', 'trace=/^rename', '-e', `inject=/^rename:signal=KILL:when=${n}`, process.execPath, BIN, 'build', repo, '--out', out, '--format', 'html'],
    // No caches between runs: their writes are renames too, and not the ones counted here.
    { cwd: REPO_ROOT, env: { PATH: process.env.PATH, SOURCE_DATE_EPOCH: epoch, MASTERPLAN_CACHE: 'off' }, encoding: 'utf8', timeout: 60_000 },
  );
  return { killed: r.signal === 'SIGKILL' || r.status === 137, code: r.status };
}

/** OUT's name and one version folder next to it, nothing else (no stage, lock, garbage). */
function expectClean(parent: string): void {
  const names = readdirSync(parent).sort();
  expect(names).toHaveLength(2);
  expect(names[0]).toMatch(/^\.dist\.v-\d+$/);
  expect(names[1]).toBe('dist');
}

beforeAll(() => {
  repo = makeFixture(undefined);
  for (const [name, epoch] of [
    ['old', OLD],
    ['new', NEW],
  ] as const) {
    const out = join(tempDir(), 'ref');
    expect(build(out, epoch).code).toBe(0);
    refs[name] = readTree(out);
  }
  expect(refs.old).not.toEqual(refs.new);
});

// Each case runs up to nine builds one after another: on a loaded machine that is more than the
// default minute, so they get three.
describe('build killed at each rename (strace)', { timeout: 180_000 }, () => {
  it('with a previous OUT: after each kill OUT is the complete old or the complete new build', () => {
    const parent = tempDir();
    const out = join(parent, 'dist');
    expect(build(out, OLD).code).toBe(0);
    let n = 1;
    for (; n <= 10; n++) {
      const r = killedBuild(out, NEW, n);
      expect(lstatSync(out).isSymbolicLink(), `kill at rename ${n}`).toBe(true);
      const tree = readTree(out);
      if (!r.killed) {
        expect(r.code).toBe(0);
        expect(tree).toEqual(refs.new);
        break;
      }
      expect([refs.old, refs.new], `kill at rename ${n}`).toContainEqual(tree);
      // The next build removes what the killed one left, and writes its own output.
      expect(build(out, OLD).code).toBe(0);
      expect(readTree(out)).toEqual(refs.old);
      expectClean(parent);
    }
    // stage → version, link → OUT, old version → garbage: three renames killed, the fourth run ends.
    expect(n).toBe(4);
    expectClean(parent);
  });

  it('without OUT: after each kill OUT is missing or the complete new build', () => {
    let n = 1;
    for (; n <= 10; n++) {
      const parent = tempDir();
      const out = join(parent, 'dist');
      const r = killedBuild(out, NEW, n);
      if (!r.killed) {
        expect(r.code).toBe(0);
        expect(readTree(out)).toEqual(refs.new);
        expectClean(parent);
        break;
      }
      if (existsSync(out)) expect(readTree(out), `kill at rename ${n}`).toEqual(refs.new);
      expect(build(out, NEW).code).toBe(0);
      expect(readTree(out)).toEqual(refs.new);
      expectClean(parent);
    }
    // stage → version, link → OUT: two renames killed, the third run ends.
    expect(n).toBe(3);
  });
});

describe('builds into the same OUT at once', () => {
  function spawnBuild(out: string): Promise<CliResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'build', repo, '--out', out, '--format', 'html'], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH, SOURCE_DATE_EPOCH: NEW },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  it('three started together: all succeed, OUT is one complete build, nothing left over', async () => {
    const parent = tempDir();
    const out = join(parent, 'dist');
    expect(build(out, OLD).code).toBe(0);
    const results = await Promise.all([spawnBuild(out), spawnBuild(out), spawnBuild(out)]);
    for (const r of results) {
      expect(r.code).toBe(0);
      // Each says what it did: written (after waiting for another build, if it had to).
      expect(r.stderr).toMatch(/^(masterplan: menunggu masterplan build lain \(proses \d+\) selesai menulis \S+\n)?masterplan: \d+ berkas ditulis ke \S+\n$/);
    }
    expect(readTree(out)).toEqual(refs.new);
    expectClean(parent);
  });

  it('a build finding OUT locked by a running process waits for it, says so, then writes', async () => {
    const parent = tempDir();
    const out = join(parent, 'dist');
    expect(build(out, OLD).code).toBe(0);
    const holder = spawn('sleep', ['2']);
    writeFileSync(join(parent, '.dist.lock'), JSON.stringify({ pid: holder.pid, host: hostname(), token: 'x' }));
    const r = await spawnBuild(out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`masterplan: menunggu masterplan build lain (proses ${holder.pid}) selesai menulis`);
    expect(readTree(out)).toEqual(refs.new);
    expectClean(parent);
  });
});
