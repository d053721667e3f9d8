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
}

/**
 * `[DIR] [FILES...]`: a first argument that is a folder is DIR; otherwise every argument is a
 * file (what a pre-commit hook passes) and the root is found upward from the working directory.
 */
export function resolveTarget(args: string[], lang: Lang | undefined, cwd: string): Target {
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
  // With FILES only, the masterplan is the one the first file belongs to.
  const start = dir ?? (files.length > 0 ? dirname(resolve(cwd, files[0])) : cwd);
  const root = findRoot(start, dir === undefined);
  if (!root) throw new UsageError(t.noMasterplan(start));
  if (!statSync(join(root, CONFIG_FILE)).isFile()) throw new UsageError(t.configNotAFile(join(root, CONFIG_FILE)));
  if (files.length === 0) return { root };
  const only = new Set<string>();
  for (const f of files) {
    const abs = resolve(cwd, f);
    const rel = relative(root, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(t.fileOutside(f, root));
    if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(t.fileNotFound(f));
    only.add(rel.split(sep).join('/'));
  }
  return { root, only };
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
