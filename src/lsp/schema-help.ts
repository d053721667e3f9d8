// What the JSON schemas say about a place in a worksheet: the keys a mapping may have (with the
// schema's Indonesian or English description) and the values an enum allows. The schemas are the
// ones shipped in schemas/, so the editor says what `validate` checks.

import type { Lang } from '../model/types.js';
import { readSchema, SCHEMA_NAMES, type SchemaName } from '../schemas/package-schemas.js';

interface JsonSchema {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  then?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
}

/** A schema node with the file it came from (for resolving `#/definitions/…`). */
interface Located {
  node: JsonSchema;
  file: SchemaName;
}

export interface KeyHelp {
  key: string;
  title: string;
  description: string;
  required: boolean;
}

const cache = new Map<SchemaName, JsonSchema>();

function load(name: SchemaName): JsonSchema {
  let s = cache.get(name);
  if (!s) {
    s = JSON.parse(readSchema(name)) as JsonSchema;
    cache.set(name, s);
  }
  return s;
}

function resolveRef(ref: string, from: SchemaName): Located | undefined {
  const [filePart, pointer = ''] = ref.split('#');
  const file = filePart ? (filePart.replace(/\.schema\.json$/, '') as SchemaName) : from;
  if (!(SCHEMA_NAMES as readonly string[]).includes(file)) return undefined;
  let node: unknown = load(file);
  for (const seg of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node && typeof node === 'object' ? { node: node as JsonSchema, file } : undefined;
}

/** The node and everything it is combined with (`$ref`, `allOf`, `anyOf`, `oneOf`, `then`). */
function expand(at: Located, depth = 0): Located[] {
  if (depth > 20) return [];
  const out: Located[] = [at];
  if (at.node.$ref) {
    const r = resolveRef(at.node.$ref, at.file);
    if (r) out.push(...expand(r, depth + 1));
  }
  for (const list of [at.node.allOf, at.node.anyOf, at.node.oneOf]) for (const n of list ?? []) out.push(...expand({ node: n, file: at.file }, depth + 1));
  if (at.node.then) out.push(...expand({ node: at.node.then, file: at.file }, depth + 1));
  return out;
}

/** The schema nodes that describe the value at `path` (`[]` for a list item). */
function nodesAt(root: SchemaName, path: readonly string[]): Located[] {
  let here = expand({ node: load(root), file: root });
  for (const seg of path) {
    const next: Located[] = [];
    for (const at of here) {
      if (seg === '[]') {
        if (at.node.items) next.push(...expand({ node: at.node.items, file: at.file }));
        continue;
      }
      const prop = at.node.properties?.[seg];
      if (prop) next.push(...expand({ node: prop, file: at.file }));
      else {
        for (const [re, p] of Object.entries(at.node.patternProperties ?? {})) if (new RegExp(re, 'u').test(seg)) next.push(...expand({ node: p, file: at.file }));
        if (typeof at.node.additionalProperties === 'object') next.push(...expand({ node: at.node.additionalProperties, file: at.file }));
      }
    }
    here = next;
    if (here.length === 0) break;
  }
  return here;
}

/** One language's half of a bilingual schema text ("Indonesia / English"). */
export function inLanguage(text: string | undefined, lang: Lang): string {
  if (!text) return '';
  const i = text.indexOf(' / ');
  if (i === -1) return text;
  return (lang === 'en' ? text.slice(i + 3) : text.slice(0, i)).trim();
}

/** Keys the mapping at `path` may have, in schema order. */
export function keysAt(root: SchemaName, path: readonly string[], lang: Lang): KeyHelp[] {
  const seen = new Map<string, KeyHelp>();
  for (const at of nodesAt(root, path)) {
    const required = new Set((at.node as { required?: string[] }).required ?? []);
    for (const [key, prop] of Object.entries(at.node.properties ?? {})) {
      const described = expand({ node: prop, file: at.file }).find((x) => x.node.title || x.node.description)?.node ?? prop;
      const prev = seen.get(key);
      if (prev) {
        prev.required ||= required.has(key);
        continue;
      }
      seen.set(key, {
        key,
        title: inLanguage(prop.title ?? described.title, lang),
        description: inLanguage(prop.description ?? described.description, lang),
        required: required.has(key),
      });
    }
  }
  return [...seen.values()];
}

/** The values the schema allows at `path` when it lists them (enum or const). */
export function enumAt(root: SchemaName, path: readonly string[]): string[] {
  const values = new Set<string>();
  for (const at of nodesAt(root, path)) {
    for (const v of at.node.enum ?? []) values.add(String(v));
    if (at.node.const !== undefined) values.add(String(at.node.const));
    if (at.node.items) for (const it of expand({ node: at.node.items, file: at.file })) for (const v of it.node.enum ?? []) values.add(String(v));
  }
  return [...values];
}

/** The description of the field at `path`, for hover on a key. */
export function describeAt(root: SchemaName, path: readonly string[], lang: Lang): { title: string; description: string } | undefined {
  const nodes = nodesAt(root, path);
  const n = nodes.find((x) => x.node.title || x.node.description)?.node;
  if (!n) return undefined;
  return { title: inLanguage(n.title, lang), description: inLanguage(n.description, lang) };
}

/** Which schema a file follows, from its role and (for worksheets) its `stage`. */
export function schemaFor(role: 'config' | 'rpjmd' | 'worksheet' | 'theme', yaml: string): SchemaName {
  if (role === 'config') return 'masterplan';
  if (role === 'theme') return 'theme';
  if (role === 'rpjmd') return 'rpjmd';
  const stage = /^stage:\s*["']?([1-4])\b/m.exec(yaml)?.[1];
  return `stage-${stage ?? '1'}` as SchemaName;
}
