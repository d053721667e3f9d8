// Fixture folders: test/fixtures/validate/<case>/ holds only what a case changes; it is laid over
// the shared valid masterplan in test/fixtures/validate/base/ in a fresh temp folder (under
// os.tmpdir()), where generated content (bytes that cannot be committed as text) is added too.
//
// A case folder may hold `fixture.json`: {"base": false} (standalone, no base) and/or
// {"remove": ["rel/path", ...]} (base files to drop).

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/validate', import.meta.url));
const FIXTURE_META = 'fixture.json';

interface FixtureMeta {
  base?: boolean;
  remove?: string[];
}

/** Content to write (string: UTF-8 text as given; bytes: as is; null: delete). */
export type Overlay = Record<string, string | Uint8Array | null>;

const temps: string[] = [];

/** A fresh empty temp folder `…/masterplan-test-XXXXXX/` (removed by `removeTemps`). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'masterplan-test-'));
  temps.push(dir);
  return dir;
}

/**
 * Materialises a fixture into `<temp>/repo` and returns that path; `<temp>` (the parent) is free
 * for files "outside the repository". `name` undefined: no case folder, the base alone (or nothing
 * when `opts.base` is false).
 */
export function makeFixture(name: string | undefined, overlay: Overlay = {}, opts: { base?: boolean } = {}): string {
  const repo = join(tempDir(), 'repo');
  mkdirSync(repo);
  const caseDir = name === undefined ? undefined : join(FIXTURES, name);
  if (caseDir !== undefined && !existsSync(caseDir)) throw new Error(`no fixture folder ${caseDir}`);
  const meta: FixtureMeta =
    caseDir !== undefined && existsSync(join(caseDir, FIXTURE_META))
      ? (JSON.parse(readFileSync(join(caseDir, FIXTURE_META), 'utf8')) as FixtureMeta)
      : {};
  if ((opts.base ?? meta.base) !== false) cpSync(join(FIXTURES, 'base'), repo, { recursive: true });
  if (caseDir !== undefined) {
    cpSync(caseDir, repo, { recursive: true, filter: (src) => !src.endsWith(`/${FIXTURE_META}`) });
  }
  for (const rel of meta.remove ?? []) rmSync(join(repo, rel), { force: true });
  writeOverlay(repo, overlay);
  return repo;
}

export function writeOverlay(root: string, overlay: Overlay): void {
  for (const [rel, content] of Object.entries(overlay)) {
    const abs = join(root, ...rel.split('/'));
    if (content === null) {
      rmSync(abs, { force: true, recursive: true });
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** Deletes every temp folder made so far (call from afterAll). */
export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}
