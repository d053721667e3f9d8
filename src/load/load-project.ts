// Load stage: find the masterplan root, read masterplan.yaml, the RPJMD catalog and every
// worksheet under pokja/<pokja-id>/, each through the parse stage. Never writes anything.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import jsyaml from 'js-yaml';
import type { Collector } from '../diagnostics/collector.js';
import { m, type Phrase } from '../diagnostics/message.js';
import { yamlLib } from '../source/yaml-lib.js';
import { isLang } from '../i18n/index.js';
import type { Lang, SourceRef } from '../model/types.js';
import { TEMPLATE_FILES } from '../render/html/template.js';
import { THEME_FILE } from '../theme/theme.js';
import { resolveInside, type InsidePath } from './inside-repo.js';
import { ParseCache } from './parse-cache.js';
import { parseFile } from './parse-file.js';
import type { SourceFile } from '../source/source-file.js';

export const CONFIG_FILE = 'masterplan.yaml';
const WORKSHEET = /\.(ya?ml|md)$/;

export interface LoadedProject {
  root: string;
  config: SourceFile;
  rpjmd?: SourceFile;
  /** Relative path of the RPJMD catalog (as configured, or the default). */
  rpjmdRel: string;
  worksheets: SourceFile[];
  /** Region-level parts: umum/*.yaml, umum/*.md (sorted by path). */
  parts: SourceFile[];
  /** Template folder from masterplan.yaml `templates` (real path), when it and its files are inside the repository. */
  templates?: string;
  /** theme.yaml of that folder, when there is one. */
  theme?: SourceFile;
  /** Worksheets (or Pokja folders) found but not read: a link leaving the repository, unreadable… */
  lostWorksheets: number;
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
  let text: string;
  try {
    text = readFileSync(join(root, CONFIG_FILE), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
  let data: unknown;
  try {
    // js-yaml first: a tenth of the `yaml` library's time, and only `language` is wanted here.
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    // A file with a mistake further down: the `yaml` library still reads what comes before it,
    // so the mistake is reported in the language the file asks for.
    try {
      data = yamlLib().parseDocument(text, { logLevel: 'error' }).toJS({ maxAliasCount: 10 });
    } catch {
      return undefined;
    }
  }
  const lang = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).language : undefined;
  return isLang(lang) ? lang : undefined;
}

/**
 * Text that stands in for files on disk, by relative path: an editor's unsaved buffers (the
 * language server). A worksheet that exists only there is read as well.
 */
export type Overlay = ReadonlyMap<string, string>;

export function loadProject(root: string, out: Collector, overlay?: Overlay): LoadedProject {
  // What js-yaml read in earlier runs (bundled CLI only); not for an editor's unsaved buffers.
  const cache = overlay === undefined ? ParseCache.open(root) : undefined;
  const read = (rel: string, abs: string, role: SourceFile['role']): SourceFile | undefined => {
    const unsaved = overlay?.get(rel);
    if (unsaved !== undefined) return parseFile(rel, role, Buffer.from(unsaved, 'utf8'), out);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(abs);
    } catch (e) {
      out.span(rel, 0, 0, 'syntax', m.cannotRead(rel, m.readProblem(errCode(e))));
      return undefined;
    }
    return parseFile(rel, role, bytes, out, cache);
  };

  const unsavedConfig = overlay?.get(CONFIG_FILE);
  const configBytes = unsavedConfig !== undefined ? Buffer.from(unsavedConfig, 'utf8') : readFileSync(join(root, CONFIG_FILE));
  const config = parseFile(CONFIG_FILE, 'config', configBytes, out, cache);
  const settings = (config.data !== null && typeof config.data === 'object' ? config.data : {}) as Record<string, unknown>;

  let rpjmdRel = 'rpjmd.yaml';
  let rpjmd: SourceFile | undefined;
  const configured = typeof settings.rpjmd === 'string' ? settings.rpjmd : undefined;
  const rpjmdPlace = { file: CONFIG_FILE, path: configured !== undefined ? ['rpjmd'] : [] };
  const catalog = resolveInside(root, configured ?? rpjmdRel);
  if (catalog.rel !== undefined) rpjmdRel = catalog.rel;
  if (catalog.ok && catalog.kind === 'file') {
    rpjmd = read(rpjmdRel, catalog.abs, 'rpjmd');
  } else if (!catalog.ok && catalog.problem === 'outside') {
    // Without a setting the default rpjmd.yaml is named by nothing: the link itself is the place.
    if (configured !== undefined) out.at(rpjmdPlace, 'unsafe-path', outsideMessage(catalog, configured));
    else out.span(rpjmdRel, 0, 0, 'unsafe-path', m.linkOutside(rpjmdRel));
  } else if (!catalog.ok && catalog.problem === 'git') {
    if (configured !== undefined) out.at(rpjmdPlace, 'unsafe-path', m.pathInGit(configured));
    else out.span(rpjmdRel, 0, 0, 'unsafe-path', m.pathInGit(rpjmdRel));
  } else if (!catalog.ok && (catalog.problem === 'missing' || catalog.problem === 'dangling')) {
    out.at(rpjmdPlace, 'unknown-reference', m.rpjmdMissing(rpjmdRel), { firstLine: true });
  } else {
    out.at(rpjmdPlace, 'syntax', m.cannotRead(rpjmdRel, m.readProblem(whyNot(catalog))), { firstLine: true });
  }

  let templates: string | undefined;
  let theme: SourceFile | undefined;
  if (typeof settings.templates === 'string') {
    const place = { file: CONFIG_FILE, path: ['templates'] };
    const folder = resolveInside(root, settings.templates);
    if (!folder.ok && folder.problem === 'outside') out.at(place, 'unsafe-path', outsideMessage(folder, settings.templates));
    else if (!folder.ok && folder.problem === 'git') out.at(place, 'unsafe-path', m.pathInGit(settings.templates));
    else if (!folder.ok || folder.kind !== 'directory') out.at(place, 'unknown-reference', m.templatesMissing(settings.templates));
    else if (templateFilesSafe(root, folder.rel, place, out)) {
      templates = folder.abs;
      const rel = folder.rel === '.' ? THEME_FILE : `${folder.rel}/${THEME_FILE}`;
      const file = resolveInside(root, rel);
      if (overlay?.has(rel) || (file.ok && file.kind === 'file')) theme = read(rel, file.ok ? file.abs : join(root, ...rel.split('/')), 'theme');
    }
  }

  const listed = listWorksheets(root, out);
  for (const rel of overlay?.keys() ?? []) {
    if (UNSAVED_WORKSHEET.test(rel) && !listed.files.some((f) => f.rel === rel)) listed.files.push({ rel, abs: join(root, ...rel.split('/')) });
  }
  listed.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const worksheets: SourceFile[] = [];
  let lost = listed.lost;
  for (const w of listed.files) {
    const file = read(w.rel, w.abs, 'worksheet');
    if (file) worksheets.push(file);
    else lost++;
  }
  const parts: SourceFile[] = [];
  for (const w of listParts(root, out, overlay)) {
    const file = read(w.rel, w.abs, 'part');
    if (file) parts.push(file);
  }
  cache?.save();
  return { root, config, rpjmd, rpjmdRel, worksheets, parts, templates, theme, lostWorksheets: lost };
}

const UNSAVED_WORKSHEET = /^pokja\/[^/.][^/]*\/[^/.][^/]*\.(ya?ml|md)$/;

/**
 * The files of the templates folder that a build would read (book.html, book.css): each, when
 * present, must stay inside the repository and be a readable file. Problems are reported at
 * the `templates` setting; false when there was one.
 */
function templateFilesSafe(root: string, folder: string, place: SourceRef, out: Collector): boolean {
  let safe = true;
  for (const name of [...Object.values(TEMPLATE_FILES), THEME_FILE]) {
    const rel = folder === '.' ? name : `${folder}/${name}`;
    const file = resolveInside(root, rel);
    if (!file.ok && file.problem === 'missing') continue; // taken from the built-in templates
    if (file.ok && file.kind === 'file') continue;
    safe = false;
    if (!file.ok && file.problem === 'outside') out.at(place, 'unsafe-path', m.pathLinksOutside(rel));
    else if (!file.ok && file.problem === 'git') out.at(place, 'unsafe-path', m.pathInGit(rel));
    else if (!file.ok && file.problem === 'dangling') out.at(place, 'unknown-reference', m.linkDangling(rel));
    else out.at(place, 'syntax', m.cannotRead(rel, m.readProblem(whyNot(file))));
  }
  return safe;
}

interface ListedWorksheets {
  /** Relative path as found (links not resolved) and the real path to read. */
  files: { rel: string; abs: string }[];
  /** Worksheets (or whole Pokja folders) that were found but cannot be used. */
  lost: number;
}

/**
 * Worksheet paths under pokja/<folder>/, sorted (records of one stage merge in this order).
 * Symlinks — pokja/ itself, a Pokja folder, a worksheet — are followed while they stay inside
 * the repository; one that leaves it, one that leads nowhere and a worksheet that cannot be
 * read are reported at the link itself (line 1, column 1 of its path).
 */
export function listWorksheets(root: string, out: Collector): ListedWorksheets {
  const result: ListedWorksheets = { files: [], lost: 0 };
  const problem = (rel: string, found: InsidePath) => {
    result.lost++;
    if (!found.ok && found.problem === 'outside') out.span(rel, 0, 0, 'unsafe-path', m.linkOutside(rel));
    else if (!found.ok && found.problem === 'git') out.span(rel, 0, 0, 'unsafe-path', m.pathInGit(rel));
    else if (!found.ok && (found.problem === 'dangling' || found.problem === 'missing')) out.span(rel, 0, 0, 'unknown-reference', m.linkDangling(rel));
    else out.span(rel, 0, 0, 'syntax', m.cannotRead(rel, m.readProblem(whyNot(found))));
  };
  const list = (rel: string, abs: string): string[] | undefined => {
    try {
      return readdirSync(abs).sort();
    } catch (e) {
      problem(rel, { ok: false, problem: 'unreadable', code: errCode(e) });
      return undefined;
    }
  };

  const pokja = resolveInside(root, 'pokja');
  if (!pokja.ok && pokja.problem === 'missing') return result;
  if (pokja.ok && pokja.kind !== 'directory') return result;
  if (!pokja.ok) {
    problem('pokja', pokja);
    return result;
  }
  for (const name of list('pokja', pokja.abs) ?? []) {
    if (name.startsWith('.')) continue;
    const dirRel = `pokja/${name}`;
    const dir = resolveInside(root, dirRel);
    if (dir.ok && dir.kind !== 'directory') continue; // a file beside the Pokja folders (README…)
    if (!dir.ok) {
      problem(dirRel, dir);
      continue;
    }
    for (const f of list(dirRel, dir.abs) ?? []) {
      if (f.startsWith('.') || !WORKSHEET.test(f)) continue;
      const rel = `${dirRel}/${f}`;
      const file = resolveInside(root, rel);
      if (file.ok && file.kind === 'file') result.files.push({ rel, abs: file.abs });
      else problem(rel, file);
    }
  }
  result.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return result;
}

/** "leaves the repository" as written, or through a symlink on the way. */
function outsideMessage(found: InsidePath, written: string): Phrase {
  return found.rel !== undefined ? m.pathLinksOutside(written) : m.pathOutside(written);
}

export const PARTS_DIR = 'umum';

/**
 * The region-level parts directly under umum/, sorted, read like worksheets: a symlink is
 * followed while it stays inside the repository; one that leaves it or leads nowhere is reported
 * at the link itself. Unsaved editor buffers there count too.
 */
export function listParts(root: string, out: Collector, overlay?: Overlay): { rel: string; abs: string }[] {
  const files: { rel: string; abs: string }[] = [];
  const dir = resolveInside(root, PARTS_DIR);
  if (dir.ok && dir.kind === 'directory') {
    let names: string[] = [];
    try {
      names = readdirSync(dir.abs).sort();
    } catch (e) {
      out.span(PARTS_DIR, 0, 0, 'syntax', m.cannotRead(PARTS_DIR, m.readProblem(errCode(e))));
    }
    for (const name of names) {
      if (name.startsWith('.') || !WORKSHEET.test(name)) continue;
      const rel = `${PARTS_DIR}/${name}`;
      const file = resolveInside(root, rel);
      if (file.ok && file.kind === 'file') files.push({ rel, abs: file.abs });
      else if (file.ok && file.kind === 'directory') continue;
      else if (!file.ok && file.problem === 'outside') out.span(rel, 0, 0, 'unsafe-path', m.linkOutside(rel));
      else if (!file.ok && file.problem === 'git') out.span(rel, 0, 0, 'unsafe-path', m.pathInGit(rel));
      else if (!file.ok && (file.problem === 'dangling' || file.problem === 'missing')) out.span(rel, 0, 0, 'unknown-reference', m.linkDangling(rel));
      else out.span(rel, 0, 0, 'syntax', m.cannotRead(rel, m.readProblem(whyNot(file))));
    }
  } else if (!dir.ok && dir.problem === 'outside') {
    out.span(PARTS_DIR, 0, 0, 'unsafe-path', m.linkOutside(PARTS_DIR));
  } else if (!dir.ok && dir.problem === 'git') {
    out.span(PARTS_DIR, 0, 0, 'unsafe-path', m.pathInGit(PARTS_DIR));
  }
  for (const rel of overlay?.keys() ?? []) {
    if (/^umum\/[^/.][^/]*\.(ya?ml|md)$/.test(rel) && !files.some((f) => f.rel === rel)) files.push({ rel, abs: join(root, ...rel.split('/')) });
  }
  return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The error code that says why a path that exists cannot be read as a file. */
function whyNot(found: InsidePath): string {
  if (!found.ok) return found.code ?? 'EIO';
  return found.kind === 'directory' ? 'EISDIR' : 'ENOTFILE';
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
}
