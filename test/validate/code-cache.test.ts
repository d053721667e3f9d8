// The code cache of the bundled CLI (bin/run-bundle.js running dist/cli.cjs): written by the first
// run of a command, taken (not written again) by the next, made again when the file there is
// damaged, and never a reason for a run to fail or to say anything: an unwritable folder, or
// `off`, only means a run without it. Where it lives: the user's cache folder, never the
// masterplan's. Needs `node scripts/build.mjs` first (npm test does it).

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeCacheDir, commandOf } from '../../bin/run-bundle.js';
import { KEPT_FOLDERS } from '../../src/load/parse-cache.js';
import { REPO_ROOT, runCliProcess } from '../helpers/cli.js';
import { FIXTURES, makeFixture, removeTemps } from '../helpers/fixtures.js';

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'masterplan-code-cache-'));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
  removeTemps();
});

let project: string;
let expected: ReturnType<typeof runCliProcess>;
beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `node scripts/build.mjs` before the tests');
  // A masterplan with problems, so the run goes through the checks and the `yaml` library too.
  const rel = 'pokja/smart-economy/1-analisis.yaml';
  const text = readFileSync(join(FIXTURES, 'base', rel), 'utf8');
  project = makeFixture(undefined, { [rel]: text.replace('program: PP-01', 'program: PP-1') });
  expected = runCliProcess(['validate'], { cwd: project, env: { MASTERPLAN_CACHE: 'off' } });
  expect(expected.code).toBe(1);
  expect(expected.stdout).toMatch(/1-analisis\.yaml:4:\d+/);
});

const validate = (cache: string) => runCliProcess(['validate'], { cwd: project, env: { MASTERPLAN_CACHE: cache } });
const files = (dir: string) => readdirSync(dir).sort();
/** The code caches in a cache folder (it holds the parse cache's files too). */
const codeCaches = (dir: string) => files(dir).filter((f) => f.endsWith('.bin'));
const stamp = (file: string) => {
  const s = statSync(file);
  return { ino: s.ino, mtime: s.mtimeMs, size: s.size };
};

describe('code cache of dist/cli.cjs', () => {
  it('is written by the first run of a command and taken as it is by the next', () => {
    const dir = join(tempDir(), 'cache');
    expect(validate(dir)).toEqual(expected);
    const [name, ...more] = codeCaches(dir);
    expect(more).toEqual([]);
    // Keyed by the bundle, Node and V8, the command.
    expect(name).toMatch(/^masterplan-[0-9a-f]{32}-/);
    expect(name).toContain(`${process.version}-v8-${process.versions.v8}`.replace(/[^\w.-]/g, '_'));
    expect(name).toMatch(/-validate\.bin$/);
    const first = stamp(join(dir, name));
    expect(first.size).toBeGreaterThan(100_000);
    // V8 took it: had it refused it, the run would have written it again.
    expect(validate(dir)).toEqual(expected);
    expect(stamp(join(dir, name))).toEqual(first);
    expect(codeCaches(dir)).toEqual([name]);
    // Another command has a cache of its own.
    const schema = runCliProcess(['schema', 'masterplan'], { cwd: project, env: { MASTERPLAN_CACHE: dir } });
    expect(schema.code).toBe(0);
    expect(codeCaches(dir)).toEqual([name.replace(/-validate\.bin$/, '-schema.bin'), name].sort());
  });

  it('is made again when the file there is damaged, and the run is unchanged', () => {
    const dir = join(tempDir(), 'cache');
    validate(dir);
    const [name] = codeCaches(dir);
    const file = join(dir, name);
    const good = readFileSync(file);
    for (const damaged of [Buffer.from('not a code cache at all'), good.subarray(0, good.length >> 1), Buffer.alloc(0)]) {
      writeFileSync(file, damaged);
      expect(validate(dir)).toEqual(expected);
      const made = readFileSync(file);
      expect(made.length).toBeGreaterThan(100_000);
      expect(made.equals(damaged)).toBe(false);
      // ... and taken by the run after.
      const again = stamp(file);
      validate(dir);
      expect(stamp(file)).toEqual(again);
    }
    expect(codeCaches(dir)).toEqual([name]);
  });

  it('is skipped, silently, where it cannot be written, and when turned off', () => {
    const base = tempDir();
    writeFileSync(join(base, 'a-file'), 'x');
    // A folder inside a file cannot be made, not even by root.
    expect(validate(join(base, 'a-file', 'cache'))).toEqual(expected);
    expect(readFileSync(join(base, 'a-file'), 'utf8')).toBe('x');
    expect(validate('off')).toEqual(expected);
    const env = { HOME: base, XDG_CACHE_HOME: undefined, NODE_DISABLE_COMPILE_CACHE: '1' };
    expect(runCliProcess(['validate'], { cwd: project, env })).toEqual(expected);
    expect(files(base)).toEqual(['a-file']);
  });

  it("lives in the user's cache folder, not in the masterplan", () => {
    const home = tempDir();
    const before = readdirSync(project, { recursive: true }).sort();
    expect(runCliProcess(['validate'], { cwd: project, env: { HOME: home, MASTERPLAN_CACHE: undefined, XDG_CACHE_HOME: undefined } })).toEqual(expected);
    expect(files(join(home, '.cache', 'masterplan'))).toEqual([
      expect.stringMatching(/^masterplan-[0-9a-f]{32}-.*-validate\.bin$/),
      expect.stringMatching(/^masterplan-[0-9a-f]{32}-data-[0-9a-f]{16}\.json$/),
    ]);
    expect(readdirSync(project, { recursive: true }).sort()).toEqual(before);
    expect(statSync(join(home, '.cache', 'masterplan')).mode & 0o777).toBe(0o700);
  });

  it('removes caches of other bundles an hour old when it writes one, and nothing else', () => {
    const dir = join(tempDir(), 'cache');
    mkdirSync(dir, { recursive: true });
    const old = 'masterplan-0123456789abcdef0123456789abcdef-1-1-v0-validate.bin';
    const recent = 'masterplan-fedcba9876543210fedcba9876543210-1-1-v0-validate.bin';
    const leftover = 'masterplan-0123456789abcdef0123456789abcdef-1-1-v0-build.bin.123-abc.tmp';
    // The Markdown trees and kerned words of that bundle (a build's caches).
    const oldData = ['markdown', 'words'].map((kind) => `masterplan-0123456789abcdef0123456789abcdef-${kind}-0123456789abcdef.json`);
    // A user's own files in a folder MASTERPLAN_CACHE names, even ones named like ours.
    const mine = ['notes.txt', 'masterplan-rencana.docx', 'masterplan-0123456789abcdef0123456789abcdef-catatan.txt'];
    for (const f of [old, recent, leftover, ...oldData, ...mine]) writeFileSync(join(dir, f), 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (const f of [old, leftover, ...oldData, ...mine]) utimesSync(join(dir, f), twoHoursAgo, twoHoursAgo);
    expect(validate(dir)).toEqual(expected);
    const left = files(dir);
    expect(left).toContain(recent);
    for (const f of mine) expect(left).toContain(f);
    expect(left).not.toContain(old);
    expect(left).not.toContain(leftover);
    for (const f of oldData) expect(left).not.toContain(f);
    expect(left.filter((f) => f.endsWith('-validate.bin'))).toHaveLength(2);
    expect(left.filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  it('starts the bundle in strict mode, like the ES modules it was made of', () => {
    const lines = readFileSync(join(REPO_ROOT, 'dist', 'cli.cjs'), 'latin1').split('\n', 2);
    expect(lines[0]).toMatch(/^\/\/ masterplan-bundle [0-9a-f]{32}$/);
    expect(lines[1]).toMatch(/^"use strict";/);
  });
});

describe('cache of what js-yaml read (src/load/parse-cache.ts), in the bundled CLI', () => {
  const dataFile = (dir: string) => {
    const found = files(dir).filter((f) => f.endsWith('.json'));
    expect(found).toHaveLength(1);
    return join(dir, found[0]);
  };

  it('keeps each file by the hash of its text, and is what the next run reads', () => {
    const dir = join(tempDir(), 'cache');
    expect(validate(dir)).toEqual(expected);
    const file = dataFile(dir);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    // The base masterplan: masterplan.yaml, rpjmd.yaml, four worksheets.
    expect(Object.keys(saved)).toHaveLength(6);
    for (const [key, json] of Object.entries(saved)) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(() => JSON.parse(json)).not.toThrow();
    }
    const before = stamp(file);
    expect(validate(dir)).toEqual(expected);
    // Nothing new read: not written again.
    expect(stamp(file)).toEqual(before);
    // The next run takes the data from there (changed here by hand, as nothing else would).
    const analysis = Object.keys(saved).find((k) => saved[k].includes('"PP-1"'))!;
    writeFileSync(file, JSON.stringify({ ...saved, [analysis]: saved[analysis].replace('"PP-1"', '"PP-01"') }));
    expect(validate(dir)).toEqual({ code: 0, stdout: 'tidak ada masalah (6 berkas diperiksa)\n', stderr: '' });
  });

  it('reads a changed file again, and drops what no file has any more', () => {
    const dir = join(tempDir(), 'cache');
    const copy = makeFixture(undefined);
    const run = () => runCliProcess(['validate'], { cwd: copy, env: { MASTERPLAN_CACHE: dir } });
    const off = () => runCliProcess(['validate'], { cwd: copy, env: { MASTERPLAN_CACHE: 'off' } });
    expect(run()).toEqual(off());
    const rel = join(copy, 'pokja', 'smart-economy', '1-analisis.yaml');
    writeFileSync(rel, readFileSync(rel, 'utf8').replace('program: PP-01', 'program: PP-99'));
    const changed = run();
    expect(changed.code).toBe(1);
    expect(changed).toEqual(off());
    const saved = JSON.parse(readFileSync(dataFile(dir), 'utf8')) as Record<string, string>;
    expect(Object.keys(saved)).toHaveLength(6);
    expect(Object.values(saved).some((json) => json.includes('"PP-99"'))).toBe(true);
    expect(Object.values(saved).some((json) => json.includes('"program":"PP-01"'))).toBe(false);
    // The language masterplan.yaml asks for, read before anything else (peekLanguage), follows it too.
    const config = join(copy, 'masterplan.yaml');
    writeFileSync(config, `language: en\n${readFileSync(config, 'utf8')}`);
    const english = run();
    expect(english).toEqual(off());
    expect(english.stdout).toMatch(/: error: RPJMD program "PP-99" not found \(unknown-reference\)$/m);
    expect(english.stdout).toMatch(/1 error/);
    writeFileSync(config, readFileSync(config, 'utf8').replace('language: en\n', ''));
    expect(run()).toEqual(changed);
  });

  it('is made again when damaged, and never keeps a file with a problem or what JSON would change', () => {
    const dir = join(tempDir(), 'cache');
    const copy = makeFixture(undefined, {
      'pokja/smart-economy/1-analisis.yaml': 'pokja: smart-economy\nstage: 1\nanalysis: [\n',
      'pokja/smart-economy/2-program-opd.yaml': readFileSync(join(FIXTURES, 'base', 'pokja/smart-economy/2-program-opd.yaml'), 'utf8') + 'extra: .nan\n',
    });
    const run = () => runCliProcess(['validate'], { cwd: copy, env: { MASTERPLAN_CACHE: dir } });
    const want = runCliProcess(['validate'], { cwd: copy, env: { MASTERPLAN_CACHE: 'off' } });
    expect(want.code).toBe(1);
    expect(run()).toEqual(want);
    const file = dataFile(dir);
    const keys = Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object);
    expect(keys).toHaveLength(4);
    writeFileSync(file, '{"not json');
    expect(run()).toEqual(want);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object).sort()).toEqual(keys.sort());
  });
});

describe('cache of what js-yaml read: how many folders keep theirs', () => {
  it(`keeps the files of the ${KEPT_FOLDERS} masterplan folders written last`, () => {
    const dir = join(tempDir(), 'cache');
    validate(dir);
    const [mine] = files(dir).filter((f) => f.endsWith('.json'));
    const prefix = mine.replace(/-data-.*$/, '-data-');
    const day = 24 * 3600_000;
    const others = Array.from({ length: KEPT_FOLDERS + 5 }, (_, i) => `${prefix}${String(i).padStart(16, '0')}.json`);
    others.forEach((f, i) => {
      writeFileSync(join(dir, f), '{}');
      const t = new Date(Date.now() - (i + 1) * day);
      utimesSync(join(dir, f), t, t);
    });
    // Another bundle's files are not counted (removed an hour after that bundle's last write).
    writeFileSync(join(dir, 'masterplan-0123456789abcdef0123456789abcdef-data-0000000000000000.json'), '{}');
    // A change makes this run write its file again.
    const copy = makeFixture(undefined);
    expect(runCliProcess(['validate'], { cwd: copy, env: { MASTERPLAN_CACHE: dir } }).code).toBe(0);
    const left = files(dir).filter((f) => f.startsWith(prefix));
    expect(left).toHaveLength(KEPT_FOLDERS);
    expect(left).toContain(mine);
    // The newest of the old ones stay, the oldest went.
    expect(left).toContain(others[0]);
    expect(left).not.toContain(others[others.length - 1]);
    expect(files(dir)).toContain('masterplan-0123456789abcdef0123456789abcdef-data-0000000000000000.json');
  });
});

describe('where the code cache lives', () => {
  const cases: { name: string; env: Record<string, string>; platform: string; home?: string; want: string | undefined }[] = [
    { name: 'Linux: ~/.cache', env: {}, platform: 'linux', home: '/home/a', want: '/home/a/.cache/masterplan' },
    { name: 'Linux: XDG_CACHE_HOME', env: { XDG_CACHE_HOME: '/var/cache/a' }, platform: 'linux', home: '/home/a', want: '/var/cache/a/masterplan' },
    { name: 'Linux: a relative XDG_CACHE_HOME is ignored', env: { XDG_CACHE_HOME: 'rel' }, platform: 'linux', home: '/home/a', want: '/home/a/.cache/masterplan' },
    { name: 'macOS', env: {}, platform: 'darwin', home: '/Users/a', want: '/Users/a/Library/Caches/masterplan' },
    { name: 'Windows: LOCALAPPDATA', env: { LOCALAPPDATA: 'C:/Users/a/AppData/Local' }, platform: 'win32', home: 'C:/Users/a', want: join('C:/Users/a/AppData/Local', 'masterplan', 'Cache') },
    { name: 'no home folder: none', env: {}, platform: 'linux', home: '', want: undefined },
    { name: 'MASTERPLAN_CACHE names it', env: { MASTERPLAN_CACHE: '/tmp/x' }, platform: 'linux', home: '/home/a', want: '/tmp/x' },
    { name: 'MASTERPLAN_CACHE=off', env: { MASTERPLAN_CACHE: 'off' }, platform: 'linux', home: '/home/a', want: undefined },
    { name: 'NODE_DISABLE_COMPILE_CACHE=1', env: { NODE_DISABLE_COMPILE_CACHE: '1' }, platform: 'darwin', home: '/Users/a', want: undefined },
  ];
  it.each(cases)('$name', ({ env, platform, home, want }) => {
    expect(codeCacheDir(env, platform, home)).toBe(want);
  });

  it('one cache per command, one for everything else', () => {
    expect(commandOf(['validate', 'x'])).toBe('validate');
    expect(commandOf(['--lang', 'en', 'build'])).toBe('build');
    expect(commandOf(['-q', 'build'])).toBe('build');
    expect(commandOf(['--help'])).toBe('other');
    expect(commandOf(['validat'])).toBe('other');
    expect(commandOf([])).toBe('other');
  });
});
