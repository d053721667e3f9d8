// Parse stage: bytes → text → YAML document (+ Markdown body for `.md`). Problems become
// `encoding` / `syntax` diagnostics at their place; such a file is marked fatal and skipped later.

import jsyaml from 'js-yaml';
import { yamlLib } from '../source/yaml-lib.js';
import { LARGE_YAML_CHARS } from '../source/narrow-yaml.js';
import { SourceText } from '../source/source-text.js';
import type { Collector } from '../diagnostics/collector.js';
import { m, type Phrase } from '../diagnostics/message.js';
import { decode } from './decode.js';
import { splitFrontMatter } from './front-matter.js';
import { MAX_DEPTH, tooDeepAt } from './nesting.js';
import { YAML_OPTIONS, type FileRole, type SourceFile } from '../source/source-file.js';
import { yamlErrorMessage } from './yaml-errors.js';
import type { ParseCache } from './parse-cache.js';

/** Aliases allowed per file: enough for any real worksheet, far too few for a "billion laughs". */
export const MAX_ALIASES = 100;
/**
 * Any input file. Memory, not time, sets it: a build takes about 50–90 MB per MB of a file's
 * content (the books show it twice, as HTML and PDF), so 10 MB stays under 1 GB; a 47 MB
 * worksheet took 2.3 GB to build as HTML. Markdown has its own limits (check/markdown-size.ts).
 */
export const MAX_FILE_MB = 10;

export function parseFile(
  rel: string,
  role: FileRole,
  bytes: Uint8Array,
  out: Collector,
  cache?: ParseCache,
): SourceFile {
  const fail = (file: SourceFile, start: number, end: number, rule: 'syntax' | 'encoding', msg: Phrase) => {
    out.files.set(rel, file);
    out.span(rel, start, end, rule, msg);
    file.fatal = true;
    file.data = undefined;
    return file;
  };
  if (bytes.length > MAX_FILE_MB * 1024 * 1024) {
    const file = blank(rel, role, '');
    return fail(file, 0, 0, 'syntax', m.fileTooLarge((bytes.length / 1048576).toFixed(1), String(MAX_FILE_MB)));
  }
  const decoded = decode(bytes);
  if (!decoded.ok) {
    const file = blank(rel, role, decoded.text);
    const msg = decoded.reason === 'binary' ? m.binaryFile : m.notUtf8('0x' + decoded.byte.toString(16).toUpperCase().padStart(2, '0'));
    return fail(file, decoded.offset, decoded.offset + (decoded.reason === 'binary' ? 1 : 0), 'encoding', msg);
  }
  const text = decoded.text;
  const file = blank(rel, role, text);
  out.files.set(rel, file);

  let yamlText = text;
  if (rel.endsWith('.md')) {
    const fm = splitFrontMatter(text);
    if (!fm.ok) return fail(file, fm.offset, fm.end, 'syntax', fm.problem === 'missing' ? m.noFrontMatter : m.unclosedFrontMatter);
    yamlText = fm.yaml;
    file.yamlOffset = fm.yamlOffset;
    file.body = { text: fm.body, offset: fm.bodyOffset };
  }

  if (yamlText.trim() === '' || isOnlyComments(yamlText)) {
    file.data = null;
    return file;
  }

  const deep = tooDeepAt(yamlText);
  if (deep !== undefined) {
    const at = file.yamlOffset + deep;
    return fail(file, at, at + 1, 'syntax', m.tooDeep(MAX_DEPTH));
  }
  // Fast path: js-yaml reads worksheets ~7× faster than the `yaml` library, which keeps node
  // positions. A file js-yaml rejects, or one that uses aliases (js-yaml shares the aliased
  // object, so an alias bomb would explode later, in the checks), takes the `yaml` path: it
  // gives the exact diagnostics and limits aliases. Positions for a file read the fast way are
  // found by parsing it again only when a problem is reported in it (documentOf).
  // What js-yaml read from the same text in an earlier run (parse-cache.ts), or js-yaml now.
  const cached = cache?.get(yamlText);
  if (cached?.found) {
    file.data = cached.data;
    file.yaml = yamlText;
    return file;
  }
  try {
    const data = jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA });
    if (!sharesNodes(data)) {
      file.data = data;
      file.yaml = yamlText;
      if (cached) cache?.put(cached.key, data);
      return file;
    }
    if (yamlText.length > LARGE_YAML_CHARS) {
      // The `yaml` library's document (needed to limit aliases) of a large file takes gigabytes.
      const alias = /(?<=[\s:,[{-])\*[^\s,\]}]+/.exec(yamlText);
      const at = file.yamlOffset + (alias?.index ?? 0);
      return fail(file, at, at + (alias?.[0].length ?? 0), 'syntax', m.aliasInLargeFile((LARGE_YAML_CHARS / 1048576).toFixed(0)));
    }
  } catch (e) {
    // Reported below, with the `yaml` library's positions and messages, except in a large file:
    // that library's document of a 47 MB file takes 4 GB. There js-yaml's own report is used.
    if (yamlText.length > LARGE_YAML_CHARS && e instanceof jsyaml.YAMLException) {
      const at = file.yamlOffset + Math.min(yamlText.length, Math.max(0, e.mark?.position ?? 0));
      return fail(file, at, at, 'syntax', jsYamlMessage(e, yamlText, at - file.yamlOffset));
    }
  }
  let doc;
  try {
    doc = yamlLib().parseDocument(yamlText, YAML_OPTIONS);
  } catch {
    return fail(file, file.yamlOffset, file.yamlOffset, 'syntax', m.tooDeep(MAX_DEPTH));
  }
  file.doc = doc;
  if (doc.errors.length > 0) {
    // Every duplicate key is its own mistake; after any other error the parser's later
    // complaints are mostly consequences of the first, so only the first is shown.
    const first = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    for (const err of doc.errors) {
      if (err.code !== 'DUPLICATE_KEY' && err !== first) continue;
      const [s, e] = err.pos;
      out.span(rel, file.yamlOffset + s, file.yamlOffset + Math.max(s, e), 'syntax', yamlErrorMessage(err, yamlText));
    }
    file.fatal = true;
    return file;
  }
  try {
    file.data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    file.yaml = yamlText;
    file.doc = undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError && !/alias/i.test(message)) {
      return fail(file, file.yamlOffset, file.yamlOffset, 'syntax', m.tooDeep(MAX_DEPTH));
    }
    if (/excessive alias count/i.test(message)) {
      const alias = /\*[^\s,\]}]+/.exec(yamlText);
      const at = file.yamlOffset + (alias?.index ?? 0);
      return fail(file, at, at + (alias?.[0].length ?? 0), 'syntax', m.aliasBomb(MAX_ALIASES));
    }
    // An alias whose anchor is not defined (before it): point at that alias.
    const name = /: *(\S+)\s*$/.exec(message)?.[1];
    const found = name !== undefined ? yamlText.indexOf(`*${name}`) : -1;
    const at = file.yamlOffset + Math.max(0, found);
    return fail(file, at, at + (found === -1 ? 0 : name!.length + 1), 'syntax', m.unresolvedAlias(name ?? ''));
  }
  return file;
}

/** True when some object or array appears twice in the data: the mark of a YAML alias. */
function sharesNodes(data: unknown): boolean {
  const seen = new Set<object>();
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') return false;
    if (seen.has(v)) return true;
    seen.add(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (walk(x)) return true;
    return false;
  };
  return walk(data);
}

function blank(rel: string, role: FileRole, text: string): SourceFile {
  return { rel, role, source: new SourceText(text), yamlOffset: 0, data: undefined, fatal: false };
}

function isOnlyComments(text: string): boolean {
  return text.split('\n').every((line) => /^\s*(#.*)?\r?$/.test(line));
}

function jsYamlMessage(err: jsyaml.YAMLException, src: string, at: number): Phrase {
  const reason = err.reason ?? err.message;
  if (/duplicated mapping key/.test(reason)) return m.duplicateKey((/^[^\n:]*/.exec(src.slice(at))?.[0] ?? '').trim().replace(/^["']|["']$/g, ''));
  if (/tab characters/.test(reason)) return m.tabIndent;
  if (/single document/.test(reason)) return m.multipleDocuments;
  return m.yamlError(reason);
}
