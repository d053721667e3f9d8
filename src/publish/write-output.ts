// Writes a build's files all at once, so that OUT is at every instant either the complete previous
// output or the complete new one, and a build that fails (or is killed) half-way changes nothing.
//
// How: the files are staged in `.OUT.new-<pid>` next to OUT, with the marker listing them
// (out-dir.ts). The stage becomes the version folder `.OUT.v-<n>`, and OUT is a symbolic link to
// it (`OUT -> .OUT.v-<n>`, relative, so the parent folder can be moved or archived). A new build
// makes a new link under a temporary name and rename()s it over OUT: replacing one symlink by
// another with rename() is atomic on POSIX, so a reader (or a kill) sees the old link or the new.
// Why not the alternatives: renaming OUT away and the new folder in is two steps with no OUT in
// between; renameat2(RENAME_EXCHANGE) would swap two real folders atomically but is Linux-only and
// not reachable from Node without a native addon. A link is also what OUT becomes on the first
// build (rename of the link onto a missing name is atomic), so no later build ever needs a step
// that is not atomic. The one exception is a real folder OUT that carries a valid marker (written
// by the fallback below, or copied): it is moved aside and the link put in its place once.
//
// Fallback without links (Windows, where a directory link needs privileges and cannot replace
// another by rename; or a file system without symlinks, e.g. FAT): the previous scheme, OUT a
// real folder moved aside and replaced by the stage; a kill between those two renames leaves the
// previous books in `.OUT.old-<pid>/previous` rather than at OUT.
//
// One writer at a time (out-lock.ts): the lock is held from re-checking OUT's ownership to the
// swap. Under it, what earlier killed builds left is removed: stages and garbage of processes that
// are gone, version folders OUT no longer points to (only when their marker still accounts for
// every file in them).

import { copyFileSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { manifestText, MANIFEST, outState, ownedProblem, type OutProblem, type OutState } from './out-dir.js';
import { acquireLock, alive } from './out-lock.js';

export interface OutputFiles {
  /** Relative path (`/` separators) → content. */
  write: Map<string, string | Uint8Array>;
  /** Relative path → absolute source file to copy (images). */
  copy: Map<string, string>;
}

export interface WriteOptions {
  /** OUT as a link to a version folder (atomic swaps). Default: everywhere but Windows. */
  links?: boolean;
  /** How long to wait for another build writing the same OUT. Default 120 s. */
  lockTimeoutMs?: number;
  /** Told when another build holds OUT's lock and this one starts waiting. */
  onWait?: (pid: number) => void;
}

/** OUT changed, between the argument check and the swap, into something the build may not replace. */
export class OutputRefusedError extends Error {
  constructor(readonly problem: OutProblem) {
    super(`output folder refused: ${problem.problem}`);
  }
}

/** Errors from symlink() meaning "this system or file system does not do links here". */
const NO_LINKS = new Set(['EPERM', 'ENOSYS', 'ENOTSUP', 'EOPNOTSUPP', 'EINVAL']);

export function writeOutput(out: string, files: OutputFiles, opts: WriteOptions = {}): void {
  const parent = dirname(out);
  const name = basename(out);
  mkdirSync(parent, { recursive: true });
  // Named by process id (not mkdtemp: that folder would keep mode 0700 once it becomes OUT).
  const stage = join(parent, `.${name}.new-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage);
  let release: (() => void) | undefined;
  let garbage: string | undefined;
  try {
    const written: string[] = [];
    for (const [rel, data] of files.write) writeFileSync(place(stage, rel, written), data);
    for (const [rel, from] of files.copy) copyFileSync(from, place(stage, rel, written));
    // Last: a stage with its marker is complete.
    writeFileSync(join(stage, MANIFEST), manifestText(written));

    release = acquireLock(join(parent, `.${name}.lock`), { timeoutMs: opts.lockTimeoutMs ?? 120_000, onWait: opts.onWait });
    const state = outState(out);
    if ('problem' in state) throw new OutputRefusedError(state);
    garbage = join(parent, `.${name}.old-${process.pid}`);
    rmSync(garbage, { recursive: true, force: true });
    mkdirSync(garbage);
    collectLeftovers(parent, name, state, garbage);
    if (!((opts.links ?? process.platform !== 'win32') && swapLink(out, stage, state, garbage))) swapPlain(out, stage, state, garbage);
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    throw e;
  } finally {
    release?.();
    if (garbage !== undefined) rmSync(garbage, { recursive: true, force: true });
  }
}

/**
 * The atomic swap: `.NAME.v-<n>` ← stage, then a new link renamed over OUT. False (nothing
 * changed) when links cannot be made here; the caller then falls back to swapPlain.
 */
function swapLink(out: string, stage: string, state: OutState, garbage: string): boolean {
  const parent = dirname(out);
  const name = basename(out);
  const version = `.${name}.v-${nextVersion(parent, name)}`;
  const link = join(parent, `.${name}.link-${process.pid}`);
  rmSync(link, { force: true });
  try {
    symlinkSync(version, link, 'dir');
  } catch (e) {
    if (NO_LINKS.has((e as NodeJS.ErrnoException).code ?? '')) return false;
    throw e;
  }
  const versionPath = join(parent, version);
  let aside: string | undefined;
  try {
    renameSync(stage, versionPath);
    if (state.kind === 'empty-dir') rmdirSync(out); // fails (and stops) if something appeared in it
    if (state.kind === 'dir') {
      aside = join(garbage, 'previous');
      renameSync(out, aside);
    }
    renameSync(link, out);
  } catch (e) {
    if (aside !== undefined && lstatOrUndefined(out) === undefined) renameSync(aside, out);
    rmSync(link, { force: true });
    rmSync(versionPath, { recursive: true, force: true });
    throw e;
  }
  // The previous version is garbage now; if it cannot be moved, the next build removes it.
  if (state.kind === 'link') moveQuietly(join(parent, state.version), join(garbage, state.version));
  return true;
}

/** Without links: OUT (if any) moved aside, the stage renamed in, OUT put back if that fails. */
function swapPlain(out: string, stage: string, state: OutState, garbage: string): void {
  let aside: string | undefined;
  try {
    if (state.kind === 'empty-dir') rmdirSync(out);
    else if (state.kind !== 'missing') {
      aside = join(garbage, 'previous');
      renameSync(out, aside);
    }
    renameSync(stage, out);
  } catch (e) {
    if (aside !== undefined && lstatOrUndefined(out) === undefined) renameSync(aside, out);
    throw e;
  }
  if (state.kind === 'link') moveQuietly(join(dirname(out), state.version), join(garbage, state.version));
}

/**
 * Moves into `garbage` what earlier builds left next to OUT: `.NAME.new-PID` (stages),
 * `.NAME.old-PID` (garbage), `.NAME.link-PID` (links), `.NAME.new-PID.old` (older versions of this
 * tool) and `.NAME.lock.stale-PID` whose process is gone; `.NAME.v-N` that OUT does not point to,
 * when the folder is still wholly the build's own. Anything else is left alone.
 */
function collectLeftovers(parent: string, name: string, state: OutState, garbage: string): void {
  const prefix = `.${name}.`;
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const rest = entry.slice(prefix.length);
    const path = join(parent, entry);
    let drop = false;
    const byPid = /^(?:new|old|link)-(\d+)(?:\.old)?$|^lock\.stale-(\d+)$/.exec(rest);
    if (byPid) {
      const pid = Number(byPid[1] ?? byPid[2]);
      drop = pid !== process.pid && !alive(pid);
    } else if (/^v-\d+$/.test(rest)) {
      const current = state.kind === 'link' && state.version === entry;
      drop = !current && lstatSync(path).isDirectory() && ownedProblem(path) === undefined;
    }
    if (drop) moveQuietly(path, join(garbage, entry));
  }
}

function nextVersion(parent: string, name: string): number {
  let max = 0;
  const prefix = `.${name}.v-`;
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(prefix) && /^\d+$/.test(entry.slice(prefix.length))) max = Math.max(max, Number(entry.slice(prefix.length)));
  }
  return max + 1;
}

function moveQuietly(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // Left where it is; the next build tries again.
  }
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** The absolute path for a relative output path, its folder created; never outside `dir`. */
function place(dir: string, rel: string, written: string[]): string {
  const norm = posix.normalize(rel);
  if (norm.startsWith('../') || norm === '..' || posix.isAbsolute(norm)) throw new Error(`output path outside the output folder: ${rel}`);
  if (norm === MANIFEST) throw new Error(`output path reserved for the build's marker: ${rel}`);
  written.push(norm);
  const abs = join(dir, ...norm.split('/'));
  mkdirSync(dirname(abs), { recursive: true });
  return abs;
}
