// resolveInside: paths judged as written, then with every symlink resolved; and files that are
// there but cannot be read (permissions) reported as diagnostics, never a crash or silence.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hiddenName, lexicalInside, resolveInside } from '../../src/load/inside-repo.js';
import { BIN, runCli } from '../helpers/cli.js';
import { makeFixture, removeTemps, tempDir } from '../helpers/fixtures.js';

afterAll(removeTemps);

describe('resolveInside', () => {
  const parent = tempDir();
  const root = join(parent, 'repo');
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  writeFileSync(join(root, 'a', 'b', 'f.yaml'), 'x: 1\n');
  writeFileSync(join(parent, 'luar.yaml'), 'rahasia: 1\n');
  mkdirSync(join(parent, 'luar-dir'));
  writeFileSync(join(parent, 'luar-dir', 'g.yaml'), 'rahasia: 1\n');
  symlinkSync('b/f.yaml', join(root, 'a', 'dalam.yaml'));
  symlinkSync('a', join(root, 'alias'));
  symlinkSync('../luar.yaml', join(root, 'luar.yaml'));
  symlinkSync('../luar-dir', join(root, 'luar-dir'));
  symlinkSync('tidak-ada.yaml', join(root, 'hilang.yaml'));
  symlinkSync('/tidak-ada/jauh.yaml', join(root, 'jauh.yaml'));
  symlinkSync('putar-2', join(root, 'putar-1'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'config'), '[core]\n');
  symlinkSync('.git', join(root, 'data'));
  symlinkSync('putar-1', join(root, 'putar-2'));

  it('as written: absolute paths, backslashes, NUL and `..` escapes never reach the file system', () => {
    for (const p of ['/etc/passwd', '..', '../x', 'a/../../x', 'a\\b', 'C:/x', 'a\0b']) {
      expect(lexicalInside(p), p).toBeUndefined();
      expect(resolveInside(root, p), p).toEqual({ ok: false, problem: 'outside' });
    }
    expect(lexicalInside('./a//b/../b/')).toBe('a/b');
  });

  it('follows links that stay inside; gives the real path and the name as written', () => {
    const r = resolveInside(root, 'alias/dalam.yaml');
    expect(r).toMatchObject({ ok: true, rel: 'alias/dalam.yaml', realRel: 'a/b/f.yaml', kind: 'file', linked: true });
    expect(resolveInside(root, 'a/b')).toMatchObject({ ok: true, kind: 'directory', linked: false });
  });

  it('refuses links that leave, even through a folder link, even when the target is missing', () => {
    expect(resolveInside(root, 'luar.yaml')).toEqual({ ok: false, rel: 'luar.yaml', problem: 'outside' });
    expect(resolveInside(root, 'luar-dir/g.yaml')).toEqual({ ok: false, rel: 'luar-dir/g.yaml', problem: 'outside' });
    expect(resolveInside(root, 'luar-dir/tidak-ada.yaml')).toEqual({ ok: false, rel: 'luar-dir/tidak-ada.yaml', problem: 'outside' });
    expect(resolveInside(root, 'jauh.yaml')).toEqual({ ok: false, rel: 'jauh.yaml', problem: 'outside' });
  });

  it('tells missing, dangling and looping apart', () => {
    expect(resolveInside(root, 'tidak-ada.yaml')).toEqual({ ok: false, rel: 'tidak-ada.yaml', problem: 'missing' });
    expect(resolveInside(root, 'a/tidak/ada.yaml')).toEqual({ ok: false, rel: 'a/tidak/ada.yaml', problem: 'missing' });
    expect(resolveInside(root, 'hilang.yaml')).toEqual({ ok: false, rel: 'hilang.yaml', problem: 'dangling' });
    expect(resolveInside(root, 'putar-1')).toEqual({ ok: false, rel: 'putar-1', problem: 'unreadable', code: 'ELOOP' });
  });

  it('never into .git/: as written, or where a link leads, existing or not', () => {
    expect(resolveInside(root, '.git/config')).toEqual({ ok: false, rel: '.git/config', problem: 'git' });
    expect(resolveInside(root, 'a/../.git/tidak-ada')).toEqual({ ok: false, rel: '.git/tidak-ada', problem: 'git' });
    expect(resolveInside(root, 'data/config')).toEqual({ ok: false, rel: 'data/config', problem: 'git' });
  });

  it('hiddenName: the first name that starts with a dot', () => {
    expect(hiddenName('.git/config')).toBe('.git');
    expect(hiddenName('assets/x/.env')).toBe('.env');
    expect(hiddenName('assets/x.png')).toBeUndefined();
  });
});

/**
 * Runs validate where files can be made unreadable: as root (who reads anything) the binary
 * runs as the user nobody; otherwise in-process.
 */
async function validateAs(repo: string): Promise<{ code: number; stdout: string }> {
  if (process.getuid?.() !== 0) return runCli(['validate', '--format', 'json'], { cwd: repo });
  chmodSync(resolve(repo, '..'), 0o755);
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'validate', '--format', 'json'], {
    cwd: repo,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  if (r.error) throw r.error;
  expect(r.stderr).toBe('');
  return { code: r.status ?? -1, stdout: r.stdout };
}

const E = 'pokja/smart-economy';

describe('files that cannot be read are diagnostics', () => {
  it.each([
    [
      'a worksheet without read permission',
      `${E}/4-peta-jalan.yaml`,
      { file: `${E}/4-peta-jalan.yaml`, line: 1, column: 1, rule: 'syntax', message: `"${E}/4-peta-jalan.yaml" tidak dapat dibaca (izin ditolak)` },
    ],
    ['a Pokja folder that cannot be listed', E, { file: E, line: 1, column: 1, rule: 'syntax', message: `"${E}" tidak dapat dibaca (izin ditolak)` }],
    [
      'an image without read permission (at the image in the Markdown)',
      'assets/tahapan.png',
      { file: `${E}/3-inovasi.md`, line: 32, column: 12, rule: 'unsafe-path', message: 'gambar "../../assets/tahapan.png" tidak dapat dibaca (izin ditolak)' },
    ],
    ['the RPJMD catalog without read permission', 'rpjmd.yaml', { file: 'rpjmd.yaml', line: 1, column: 1, rule: 'syntax', message: '"rpjmd.yaml" tidak dapat dibaca (izin ditolak)' }],
  ])('%s', async (_name, path, expected) => {
    const repo = makeFixture(undefined);
    chmodSync(join(repo, path), 0o000);
    const r = await validateAs(repo);
    expect(r.code).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(diagnostics.map(({ file, line, column, rule, message }) => ({ file, line, column, rule, message }))).toEqual([expected]);
  });
});
