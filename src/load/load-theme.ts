// The theme of the books: templates/theme.yaml (already parsed and checked against its schema)
// laid over the defaults, with the region's own font files read here — each through the
// repository check, each sniffed (src/load/font-header.ts) before a renderer ever sees it.
// Values the schema refused keep their defaults: the problem is reported once, by the schema.

import { createHash } from '../digest.js';
import { readFileSync, statSync } from 'node:fs';
import type { Collector } from '../diagnostics/collector.js';
import { m } from '../diagnostics/message.js';
import { BUILTIN_FAMILY_NAMES, isBuiltinFamily, VARIANTS, type Variant } from '../theme/font-catalog.js';
import {
  builtinFamily,
  COLOR_NAMES,
  DEFAULT_THEME,
  LOGO_PLACES,
  normalizeHex,
  type FaceSource,
  type LogoPlace,
  type Theme,
  type ThemeFamily,
} from '../theme/theme.js';
import { obj } from '../model/values.js';
import { readFontHeader } from './font-header.js';
import { resolveInside } from './inside-repo.js';
import type { SourceFile } from '../source/source-file.js';

/** A font file larger than this is refused (a full CJK face is ~20 MB). */
export const MAX_FONT_MB = 32;
const HEX = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const FILE_KEYS: Record<Variant, string> = { r: 'regular', b: 'bold', i: 'italic', bi: 'bold_italic' };


export function loadTheme(root: string, file: SourceFile | undefined, out: Collector): Theme {
  const data = file && !file.fatal ? obj(file.data) : undefined;
  if (!file || !data) return DEFAULT_THEME;
  const colors = { ...DEFAULT_THEME.colors };
  const given = obj(data.colors) ?? {};
  for (const name of COLOR_NAMES) {
    const v = given[name];
    if (typeof v === 'string' && HEX.test(v)) colors[name] = normalizeHex(v);
  }
  const fonts = obj(data.fonts) ?? {};
  const logo = obj(data.logo) ?? {};
  const headings = obj(data.headings) ?? {};
  const folder = file.rel.includes('/') ? file.rel.slice(0, file.rel.lastIndexOf('/')) : '';
  const family = (key: 'body' | 'headings'): ThemeFamily =>
    familyOf(root, folder, file, key, fonts[key], out) ?? DEFAULT_THEME.fonts[key];
  return {
    colors,
    fonts: { body: family('body'), headings: family('headings') },
    logo: {
      cover: (LOGO_PLACES as readonly unknown[]).includes(logo.cover) ? (logo.cover as LogoPlace) : DEFAULT_THEME.logo.cover,
      header: typeof logo.header === 'boolean' ? logo.header : DEFAULT_THEME.logo.header,
    },
    headings: {
      capitalization: headings.capitalization === 'as-written' ? 'as-written' : DEFAULT_THEME.headings.capitalization,
    },
  };
}

function familyOf(root: string, folder: string, file: SourceFile, key: string, value: unknown, out: Collector): ThemeFamily | undefined {
  if (isBuiltinFamily(value)) return builtinFamily(value);
  const spec = obj(value);
  if (!spec || typeof spec.name !== 'string' || !spec.name.trim() || typeof spec.regular !== 'string') return undefined;
  const name = spec.name.trim();
  // A family of the region's may not share a built-in family's name (the HTML would mix them).
  const taken = (BUILTIN_FAMILY_NAMES as string[]).includes(name);
  if (taken) out.at({ file: file.rel, path: ['fonts', key, 'name'] }, 'schema', m.themeFontNameTaken(name));
  const faces: Partial<Record<Variant, FaceSource>> = {};
  let usable = !taken;
  for (const v of VARIANTS) {
    const written = spec[FILE_KEYS[v]];
    if (typeof written !== 'string') continue;
    const face = readFace(root, folder, written, { file: file.rel, path: ['fonts', key, FILE_KEYS[v]] }, out);
    if (face) faces[v] = face;
    else usable = false;
  }
  if (!usable || !faces.r) return undefined;
  const r = faces.r;
  return { name, faces: { r, b: faces.b ?? r, i: faces.i ?? r, bi: faces.bi ?? faces.b ?? faces.i ?? r } };
}

function readFace(root: string, folder: string, written: string, place: { file: string; path: (string | number)[] }, out: Collector): FaceSource | undefined {
  const relPath = folder ? `${folder}/${written}` : written;
  const found = resolveInside(root, relPath);
  if (!found.ok) {
    if (found.problem === 'outside') out.at(place, 'unsafe-path', found.rel !== undefined ? m.pathLinksOutside(written) : m.pathOutside(written));
    else if (found.problem === 'git') out.at(place, 'unsafe-path', m.pathInGit(written));
    else if (found.problem === 'missing') out.at(place, 'unknown-reference', m.themeFontNotFound(written));
    else if (found.problem === 'dangling') out.at(place, 'unknown-reference', m.linkDangling(written));
    else out.at(place, 'syntax', m.cannotRead(written, m.readProblem(found.code ?? 'EIO')));
    return undefined;
  }
  if (found.kind !== 'file') {
    out.at(place, 'unknown-reference', m.themeFontNotFound(written));
    return undefined;
  }
  let bytes: Buffer;
  try {
    if (statSync(found.abs).size > MAX_FONT_MB * 1048576) {
      out.at(place, 'unsafe-path', m.themeFontTooLarge(written, String(MAX_FONT_MB)));
      return undefined;
    }
    bytes = readFileSync(found.abs);
  } catch (e) {
    out.at(place, 'syntax', m.cannotRead(written, m.readProblem((e as NodeJS.ErrnoException).code ?? 'EIO')));
    return undefined;
  }
  const header = readFontHeader(bytes);
  if (!header.ok) {
    const message =
      header.problem === 'woff'
        ? m.themeFontWoff(written, header.format!)
        : header.problem === 'collection'
          ? m.themeFontCollection(written)
          : header.problem === 'broken'
            ? m.themeFontBroken(written, header.format!)
            : m.themeFontNotFont(written);
    out.at(place, 'unsafe-path', message);
    return undefined;
  }
  return { kind: 'file', rel: found.rel ?? relPath, bytes, hash: createHash('sha1').update(bytes).digest('hex').slice(0, 12) };
}
