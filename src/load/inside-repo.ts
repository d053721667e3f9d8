// Every path the tool reads from a masterplan (the RPJMD catalog, pokja/ and its folders, each
// worksheet, the templates folder and its files, images) goes through `resolveInside`: the path
// is judged first as written (no absolute path, no `..` escape) and then with every symlink
// resolved, so a link that stays inside the repository is followed and one that leaves it is
// refused before anything is read through it.

import { lstatSync, readlinkSync, realpathSync as realpathJs, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';

/**
 * The system's realpath(3): one call, where Node's own walks the path a name at a time in
 * JavaScript (about 10 ms of a `validate` run's start for the example's 40 files). On Windows
 * Node's own is kept: the native one fails on some virtual and network drives.
 */
const realpathSync = process.platform === 'win32' ? realpathJs : realpathJs.native;

export type InsideProblem =
  /** The path as written, or a symlink on the way, leads outside the repository. */
  | 'outside'
  /** Nothing there. */
  | 'missing'
  /** A symlink whose target does not exist. */
  | 'dangling'
  /** There, but cannot be looked at (permissions, a symlink loop…); `code` says why. */
  | 'unreadable'
  /** Inside `.git/` (as written or where a link leads): Git's own data, never read as masterplan input. */
  | 'git';

export type InsidePath =
  | {
      ok: true;
      /** Relative to the root, normalised, `/` separators (the path as named, links not resolved). */
      rel: string;
      /** The real absolute path, every symlink resolved (read through this). */
      abs: string;
      /** The real path relative to the real root, `/` separators. */
      realRel: string;
      kind: 'file' | 'directory' | 'other';
      /** Whether the path itself, or a folder on the way, is a symlink. */
      linked: boolean;
    }
  | {
      ok: false;
      /** The path as named, normalised (undefined when it leaves the repository as written). */
      rel?: string;
      problem: InsideProblem;
      code?: string;
    };

/** A user-given relative path, normalised, when it stays inside the root as written; else undefined. */
export function lexicalInside(path: string): string | undefined {
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0') || /^[a-z]:/i.test(path)) return undefined;
  const rel = posix.normalize(path);
  if (rel === '..' || rel.startsWith('../')) return undefined;
  return rel.replace(/\/$/, '');
}

/** Whether `real` (absolute, resolved) is the real root or inside it. */
function within(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
}

/**
 * `path` (relative to `root`, as a user wrote it) judged with every symlink resolved.
 * Never throws: problems are values.
 */
export function resolveInside(root: string, path: string): InsidePath {
  const rel = lexicalInside(path);
  if (rel === undefined) return { ok: false, problem: 'outside' };
  if (inGit(rel)) return { ok: false, rel, problem: 'git' };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (e) {
    return { ok: false, rel, problem: 'unreadable', code: errCode(e) };
  }
  const abs = rel === '.' ? root : join(root, ...rel.split('/'));
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    return whyNot(realRoot, rel, e);
  }
  if (!within(realRoot, real)) return { ok: false, rel, problem: 'outside' };
  let kind: 'file' | 'directory' | 'other';
  try {
    const st = statSync(real);
    kind = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
  } catch (e) {
    return { ok: false, rel, problem: 'unreadable', code: errCode(e) };
  }
  const realRel = relative(realRoot, real).split(sep).join('/') || '.';
  if (inGit(realRel)) return { ok: false, rel, problem: 'git' };
  return { ok: true, rel, abs: real, realRel, kind, linked: realRel !== rel };
}

/**
 * Why a path did not resolve: walks it from the root, one name at a time, so that a symlink on
 * the way that leaves the repository is "outside" even when what it points at does not exist.
 */
function whyNot(realRoot: string, rel: string, first: unknown): InsidePath {
  let here = realRoot;
  for (const name of rel.split('/')) {
    const next = join(here, name);
    let st;
    try {
      st = lstatSync(next);
    } catch (e) {
      const code = errCode(e);
      return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, rel, problem: 'missing' } : { ok: false, rel, problem: 'unreadable', code };
    }
    if (st.isSymbolicLink()) {
      let target: string;
      try {
        target = readlinkSync(next);
      } catch (e) {
        return { ok: false, rel, problem: 'unreadable', code: errCode(e) };
      }
      const to = isAbsolute(target) ? resolve(target) : resolve(dirname(next), target);
      try {
        here = realpathSync(next);
      } catch (e) {
        const code = errCode(e);
        if (code === 'ENOENT' || code === 'ENOTDIR') {
          // A dangling link: where it would lead decides between "outside" and "dangling".
          return { ok: false, rel, problem: within(realRoot, to) ? 'dangling' : 'outside' };
        }
        return { ok: false, rel, problem: 'unreadable', code };
      }
      if (!within(realRoot, here)) return { ok: false, rel, problem: 'outside' };
    } else {
      here = next;
    }
  }
  // Everything on the way resolved after all (the file appeared meanwhile): report the first error.
  return { ok: false, rel, problem: 'unreadable', code: errCode(first) };
}

function inGit(rel: string): boolean {
  return rel.split('/').includes('.git');
}

/** The first name in a `/`-separated path that starts with a dot (`.git`, `.env`, `.ssh`), if any. */
export function hiddenName(rel: string): string | undefined {
  return rel.split('/').find((name) => name.startsWith('.') && name !== '.' && name !== '..');
}
