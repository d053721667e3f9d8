// Load stage: find the masterplan root, read masterplan.yaml, the RPJMD catalog and every
// worksheet under pokja/<pokja-id>/, each through the parse stage. Never writes anything.

import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { parseDocument } from 'yaml';
import type { Collector } from '../diagnostics/collector.js';
import { isLang, type Locale } from '../i18n/index.js';
import type { Lang } from '../model/types.js';
import { parseFile } from './parse-file.js';
import type { ParsedFile } from './parsed-file.js';

export const CONFIG_FILE = 'masterplan.yaml';
const WORKSHEET = /\.(ya?ml|md)$/;

export interface LoadedProject {
  root: string;
  config: ParsedFile;
  rpjmd?: ParsedFile;
  /** Relative path of the RPJMD catalog (as configured, or the default). */
  rpjmdRel: string;
  worksheets: ParsedFile[];
  /** Template folder from masterplan.yaml `templates`, when it exists inside the repository. */
  templates?: string;
}

/** The folder holding masterplan.yaml: `start` itself, or (with `walkUp`) the nearest parent. */
export function findRoot(start: string, walkUp: boolean): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (!walkUp || parent === dir) return undefined;
    dir = parent;
  }
}

/** The configured language, read before any message is written (messages depend on it). */
export function peekLanguage(root: string): Lang | undefined {
  try {
    const doc = parseDocument(readFileSync(join(root, CONFIG_FILE), 'utf8').replace(/^\uFEFF/, ''), { logLevel: 'error' });
    const lang = (doc.toJS({ maxAliasCount: 10 }) as Record<string, unknown> | null)?.language;
    return isLang(lang) ? lang : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Text that stands in for files on disk, by relative path: an editor's unsaved buffers (the
 * language server). A worksheet that exists only there is read as well.
 */
export type Overlay = ReadonlyMap<string, string>;

export function loadProject(root: string, out: Collector, t: Locale['messages'], overlay?: Overlay): LoadedProject {
  const read = (rel: string, role: ParsedFile['role']) => {
    const unsaved = overlay?.get(rel);
    const bytes = unsaved !== undefined ? Buffer.from(unsaved, 'utf8') : readFileSync(join(root, ...rel.split('/')));
    return parseFile(rel, join(root, ...rel.split('/')), role, bytes, out, t);
  };

  const config = read(CONFIG_FILE, 'config');
  const settings = (config.data !== null && typeof config.data === 'object' ? config.data : {}) as Record<string, unknown>;

  let rpjmdRel = 'rpjmd.yaml';
  let rpjmd: ParsedFile | undefined;
  const configured = typeof settings.rpjmd === 'string' ? settings.rpjmd : undefined;
  const rpjmdPlace = { file: CONFIG_FILE, path: configured !== undefined ? ['rpjmd'] : [] };
  const rpjmdPath = inside(root, configured ?? rpjmdRel);
  if (!rpjmdPath) {
    out.at(rpjmdPlace, 'unsafe-path', t.pathOutside(configured ?? rpjmdRel));
  } else {
    rpjmdRel = rpjmdPath;
    const abs = join(root, ...rpjmdRel.split('/'));
    if (existsSync(abs) && statSync(abs).isFile()) rpjmd = read(rpjmdRel, 'rpjmd');
    else out.at(rpjmdPlace, 'unknown-reference', t.rpjmdMissing(rpjmdRel), { firstLine: true });
  }

  let templates: string | undefined;
  if (typeof settings.templates === 'string') {
    const rel = inside(root, settings.templates);
    const abs = rel !== undefined ? join(root, ...rel.split('/')) : undefined;
    if (rel === undefined) out.at({ file: CONFIG_FILE, path: ['templates'] }, 'unsafe-path', t.pathOutside(settings.templates));
    else if (!abs || !existsSync(abs) || !statSync(abs).isDirectory())
      out.at({ file: CONFIG_FILE, path: ['templates'] }, 'unknown-reference', t.templatesMissing(settings.templates));
    else templates = abs;
  }

  const listed = listWorksheets(root);
  const unsavedOnly = [...(overlay?.keys() ?? [])].filter((rel) => UNSAVED_WORKSHEET.test(rel) && !listed.includes(rel));
  const worksheets = [...listed, ...unsavedOnly].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((rel) => read(rel, 'worksheet'));
  return { root, config, rpjmd, rpjmdRel, worksheets, templates };
}

const UNSAVED_WORKSHEET = /^pokja\/[^/.][^/]*\/[^/.][^/]*\.(ya?ml|md)$/;

/** Relative worksheet paths, sorted (records of one stage merge in this order). */
export function listWorksheets(root: string): string[] {
  const pokjaDir = join(root, 'pokja');
  if (!existsSync(pokjaDir) || !statSync(pokjaDir).isDirectory()) return [];
  const realRoot = realpathSync(root);
  const files: string[] = [];
  for (const dir of readdirSync(pokjaDir, { withFileTypes: true })) {
    if (dir.name.startsWith('.') || !dir.isDirectory()) continue;
    for (const f of readdirSync(join(pokjaDir, dir.name), { withFileTypes: true })) {
      if (f.name.startsWith('.') || !WORKSHEET.test(f.name)) continue;
      const abs = join(pokjaDir, dir.name, f.name);
      // A symlink is followed only when it stays inside the repository.
      if (lstatSync(abs).isSymbolicLink()) {
        const real = safeRealpath(abs);
        if (!real || !real.startsWith(realRoot + sep) || !statSync(real).isFile()) continue;
      } else if (!f.isFile()) continue;
      files.push(`pokja/${dir.name}/${f.name}`);
    }
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A user-given relative path, normalised, when it stays inside the root; else undefined. */
export function inside(root: string, path: string): string | undefined {
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0') || /^[a-z]:/i.test(path)) return undefined;
  const rel = posix.normalize(path);
  if (rel === '..' || rel.startsWith('../')) return undefined;
  return rel.replace(/\/$/, '');
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}
