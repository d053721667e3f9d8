// Where a build may write, and what in OUT is the build's own. The output folder is replaced as a
// whole, so it must never be a folder that holds the masterplan itself, its worksheets, or any
// file the build did not write.
//
// Ownership is decided positively: every build leaves `.masterplan-build.json` in OUT, the list of
// exactly the files it wrote. An existing OUT may be replaced only when it is
//  - missing, or an empty folder;
//  - a folder whose marker lists every file in it (nothing else: no other file, folder or link);
//  - the symbolic link a build makes (`OUT -> .OUT.v-<n>`, see write-output.ts) to such a folder.
// Anything else is refused. A folder written by a version from before the marker has no marker
// and is refused too: the user deletes it once (README, masterplan build).

import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';

/** The marker a build writes into OUT: the files it wrote there. */
export const MANIFEST = '.masterplan-build.json';

export type OutProblem =
  | { problem: 'is-root' }
  | { problem: 'contains-root' }
  | { problem: 'inside-pokja' }
  | { problem: 'not-directory' }
  | { problem: 'foreign'; name: string }
  | { problem: 'unmarked'; name: string }
  | { problem: 'bad-marker' }
  | { problem: 'foreign-link'; target: string };

/** What stands at OUT now, when the build may replace it. */
export type OutState =
  | { kind: 'missing' }
  | { kind: 'empty-dir' }
  /** A real folder with a valid marker (written by the fallback without links, or copied). */
  | { kind: 'dir' }
  /** The build's link to the version folder `version` (a sibling name), which may be gone. */
  | { kind: 'link'; version: string };

export function checkOutDir(out: string, root: string): OutProblem | undefined {
  const realOut = realish(out);
  const realRoot = realish(root);
  if (realOut === realRoot) return { problem: 'is-root' };
  if (inside(realRoot, realOut)) return { problem: 'contains-root' };
  const pokja = join(realRoot, 'pokja');
  if (realOut === pokja || inside(realOut, pokja)) return { problem: 'inside-pokja' };
  const state = outState(out);
  return 'problem' in state ? state : undefined;
}

/** What is at OUT, or why the build may not replace it. Never follows a link it did not make. */
export function outState(out: string): OutState | OutProblem {
  // Checked without the lock (before rendering), OUT may be swapped by another build while its
  // version folder is read: that folder vanishes (ENOENT); look again at what OUT is now.
  for (let attempt = 1; ; attempt++) {
    try {
      return outStateOnce(out);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 5) throw e;
    }
  }
}

function outStateOnce(out: string): OutState | OutProblem {
  const st = lstatOrUndefined(out);
  if (st === undefined) return { kind: 'missing' };
  if (st.isSymbolicLink()) {
    const target = readlinkSync(out);
    const version = versionOf(basename(out), target);
    if (version === undefined) return { problem: 'foreign-link', target };
    const dir = join(dirname(out), version);
    const vst = lstatOrUndefined(dir);
    if (vst === undefined) return { kind: 'link', version }; // dangling: nothing to lose
    if (!vst.isDirectory()) return { problem: 'foreign-link', target };
    const problem = ownedProblem(dir);
    return problem ?? { kind: 'link', version };
  }
  if (!st.isDirectory()) return { problem: 'not-directory' };
  if (readdirSync(out).length === 0) return { kind: 'empty-dir' };
  return ownedProblem(out) ?? { kind: 'dir' };
}

/** Why `dir` (a real folder) is not wholly the build's own, or undefined when it is. */
export function ownedProblem(dir: string): OutProblem | undefined {
  const listed = readManifest(dir);
  if (listed === 'missing') {
    const first = sortedEntries(dir)[0];
    return { problem: 'unmarked', name: first?.name ?? MANIFEST };
  }
  if (listed === 'invalid') return { problem: 'bad-marker' };
  const folders = new Set<string>();
  for (const f of listed) for (let d = posix.dirname(f); d !== '.'; d = posix.dirname(d)) folders.add(d);
  const walk = (rel: string): string | undefined => {
    for (const entry of sortedEntries(join(dir, ...rel.split('/').filter(Boolean)))) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (path === MANIFEST) continue;
      if (entry.isDirectory()) {
        if (!folders.has(path)) return path;
        const inner = walk(path);
        if (inner !== undefined) return inner;
      } else if (!entry.isFile() || !listed.has(path)) return path;
    }
    return undefined;
  };
  const foreign = walk('');
  return foreign === undefined ? undefined : { problem: 'foreign', name: foreign };
}

/** The manifest's content for the files a build wrote (relative `/` paths). Deterministic. */
export function manifestText(files: Iterable<string>): string {
  const list = [...new Set(files)].sort();
  return JSON.stringify({ 'masterplan-build': 1, note: 'the files masterplan build wrote here; it replaces this folder only when it holds nothing else', files: list }, null, 2) + '\n';
}

/** The files the marker in `dir` lists; 'missing' without a marker, 'invalid' when unusable. */
function readManifest(dir: string): Set<string> | 'missing' | 'invalid' {
  const path = join(dir, MANIFEST);
  const st = lstatOrUndefined(path);
  if (st === undefined) return 'missing';
  if (!st.isFile() || st.size > 16 * 1024 * 1024) return 'invalid';
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return 'invalid';
  }
  if (typeof data !== 'object' || data === null) return 'invalid';
  const { 'masterplan-build': v, files } = data as Record<string, unknown>;
  if (v !== 1 || !Array.isArray(files)) return 'invalid';
  const out = new Set<string>();
  for (const f of files) {
    if (typeof f !== 'string' || f === '' || posix.normalize(f) !== f || f.startsWith('../') || f === '..' || posix.isAbsolute(f) || f.includes('\\')) return 'invalid';
    out.add(f);
  }
  return out;
}

/** A version folder name `.NAME.v-<n>` for OUT's base name, or undefined when `target` is not one. */
export function versionOf(name: string, target: string): string | undefined {
  return target.startsWith(`.${name}.v-`) && /^\d+$/.test(target.slice(name.length + 4)) ? target : undefined;
}

function sortedEntries(dir: string) {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** `child` is strictly inside `parent`. */
function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realish(p: string): string {
  const abs = resolve(p);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(realish(parent), basename(abs));
}
