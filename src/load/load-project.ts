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
  /** Region-level parts: umum/*.yaml, umum/*.md (sorted by path). */
  parts: ParsedFile[];
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
    const doc = parseDocument(readFileSync(join(root, CONFIG_FILE), 'utf8').replace(/^\uFEFF/, ''));
    const lang = (doc.toJS({ maxAliasCount: 10 }) as Record<string, unknown> | null)?.language;
    return isLang(lang) ? lang : undefined;
  } catch {
    return undefined;
  }
}

export function loadProject(root: string, out: Collector, t: Locale['messages']): LoadedProject {
  const read = (rel: string, role: ParsedFile['role']) =>
    parseFile(rel, join(root, ...rel.split('/')), role, readFileSync(join(root, ...rel.split('/'))), out, t);

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

  const worksheets = listWorksheets(root).map((rel) => read(rel, 'worksheet'));
  const parts = listParts(root).map((rel) => read(rel, 'part'));
  return { root, config, rpjmd, rpjmdRel, worksheets, parts, templates };
}

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

export const PARTS_DIR = 'umum';

/** Relative paths of the region-level parts under umum/ (files directly in it), sorted. */
export function listParts(root: string): string[] {
  const dir = join(root, PARTS_DIR);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const realRoot = realpathSync(root);
  const files: string[] = [];
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    if (f.name.startsWith('.') || !WORKSHEET.test(f.name)) continue;
    const abs = join(dir, f.name);
    if (lstatSync(abs).isSymbolicLink()) {
      const real = safeRealpath(abs);
      if (!real || !real.startsWith(realRoot + sep) || !statSync(real).isFile()) continue;
    } else if (!f.isFile()) continue;
    files.push(`${PARTS_DIR}/${f.name}`);
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
