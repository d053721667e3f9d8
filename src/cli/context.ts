// What every command needs to find its masterplan and to speak the user's language.

import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { WriteStream } from 'node:tty';
import { locale, type Locale } from '../i18n/index.js';
import { CONFIG_FILE, findRoot, peekLanguage } from '../load/load-project.js';
import type { Lang } from '../model/types.js';

/** Where a command reads and writes: the real process, or a test's buffers. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  /** stdout is a terminal (colour). */
  isTTY: boolean;
  /** stderr is a terminal (the progress line, which is written there); absent: not a terminal. */
  errIsTTY?: boolean;
  /** stdout's own `tty.WriteStream#hasColors(env)` when it is a terminal; absent: Node's rule for a terminal. */
  hasColors?: (env: Record<string, string | undefined>) => boolean;
  env: Record<string, string | undefined>;
}

export function processIo(): Io {
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    errIsTTY: process.stderr.isTTY === true,
    hasColors: process.stdout.isTTY ? (env) => process.stdout.hasColors(env) : undefined,
    env: process.env,
  };
}

/** A failure of the command itself (exit 2), with a message for the user. */
export class UsageError extends Error {}

export interface Target {
  root: string;
  /** Masterplan-relative paths the user named (FILES mode), or undefined for the whole repository. */
  only?: Set<string>;
  /** FILES mode: each named path inside the masterplan, as the user wrote it. */
  named?: Map<string, string>;
  /** FILES mode: named files outside the masterplan (as written): not checked. */
  outside?: string[];
}

/**
 * `[DIR] [FILES...]`: a first argument that is a folder is DIR; otherwise every argument is a
 * file (what a pre-commit hook passes) and the root is found upward from the files.
 */
export function resolveTarget(args: string[], lang: Lang | undefined, cwd: string): Target {
  const target = resolveFiles(args, lang, cwd);
  if (target.root === undefined) throw new UsageError(locale(lang ?? 'id').messages.noMasterplan(target.start));
  return target as Target;
}

/**
 * As resolveTarget, but FILES that belong to no masterplan leave `root` undefined instead of
 * failing: a pre-commit hook passes every changed .yaml/.md file, and a change that touches no
 * masterplan file has nothing to check.
 */
export function resolveFiles(args: string[], lang: Lang | undefined, cwd: string): Omit<Target, 'root'> & { root?: string; start: string } {
  let dir: string | undefined;
  let files = args;
  if (args.length > 0 && existsSync(resolve(cwd, args[0])) && statSync(resolve(cwd, args[0])).isDirectory()) {
    dir = resolve(cwd, args[0]);
    files = args.slice(1);
  }
  const t = locale(lang ?? 'id').messages;
  if (dir === undefined && args.length > 0 && files === args && !looksLikeFile(args[0])) {
    throw new UsageError(t.notADirectory(args[0]));
  }
  if (files.length === 0) {
    const start = dir ?? cwd;
    const root = findRoot(start, dir === undefined);
    if (!root) throw new UsageError(t.noMasterplan(start));
    configIsFile(root, t);
    return { root, start };
  }
  for (const f of files) {
    const abs = resolve(cwd, f);
    if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(t.fileNotFound(f));
  }
  // With FILES only, the masterplan is the one the first file inside a masterplan belongs to
  // (a masterplan may sit in a subfolder of the repository the hook runs in).
  let root: string | undefined;
  if (dir !== undefined) {
    root = findRoot(dir, false);
    if (!root) throw new UsageError(t.noMasterplan(dir));
  } else {
    for (const f of files) {
      root = findRoot(dirname(resolve(cwd, f)), true);
      if (root) break;
    }
  }
  if (root !== undefined) configIsFile(root, t);
  const start = dir ?? dirname(resolve(cwd, files[0]));
  const only = new Set<string>();
  const named = new Map<string, string>();
  const outside: string[] = [];
  for (const f of files) {
    const rel = root === undefined ? '..' : relative(root, resolve(cwd, f));
    if (rel.startsWith('..') || isAbsolute(rel)) {
      outside.push(f);
      continue;
    }
    const key = rel.split(sep).join('/');
    only.add(key);
    if (!named.has(key)) named.set(key, f);
  }
  return { root, start, only, named, outside };
}

/** masterplan.yaml must be a file: a folder of that name is a usage error, not an internal one. */
function configIsFile(root: string, t: Locale['messages']): void {
  if (!statSync(join(root, CONFIG_FILE)).isFile()) throw new UsageError(t.configNotAFile(join(root, CONFIG_FILE)));
}

function looksLikeFile(arg: string): boolean {
  return /\.(ya?ml|md)$/i.test(arg);
}

export function pickLocale(root: string, lang: Lang | undefined): { lang: Lang; locale: Locale } {
  const picked = lang ?? peekLanguage(root) ?? 'id';
  return { lang: picked, locale: locale(picked) };
}

/**
 * Colour on stdout. `NO_COLOR` (non-empty) always wins, even over `FORCE_COLOR`. Otherwise the
 * stream decides with Node's `hasColors()`: on a terminal it honours `FORCE_COLOR` (`0` / `false`
 * turn colour off), `NODE_DISABLE_COLORS`, `TERM=dumb` and what the terminal supports; a pipe or
 * file gets colour only when `FORCE_COLOR` asks for it (`1`, `2`, `3`, `true` or empty).
 */
export function useColor(io: Io): boolean {
  const env = { ...io.env };
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  delete env.NO_COLOR; // an empty NO_COLOR means "not set" (no-color.org); Node would count it
  if (!io.isTTY && env.FORCE_COLOR === undefined) return false;
  return (io.hasColors ?? terminalHasColors)(env);
}

/** Node's own rule (tty.WriteStream#hasColors, 16 colours), usable without a terminal at hand. */
function terminalHasColors(env: Record<string, string | undefined>): boolean {
  return WriteStream.prototype.hasColors.call(process.stdout, 16, env as NodeJS.ProcessEnv);
}
