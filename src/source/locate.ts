// "Where in the data" → "where in the text": walks a YAML document along a data path and returns
// the offsets (in the file's text) of the key or value found there. When the path runs out of
// existing nodes, the nearest existing parent is used.

import type { Document, Node, Pair } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { DataPath } from '../model/types.js';
import { documentOf, type SourceFile } from './source-file.js';
import { LARGE_YAML_CHARS, MAX_REGION_CHARS, narrow } from './narrow-yaml.js';

export interface Span {
  start: number;
  end: number;
}

export type Want = 'value' | 'key';

export function locate(file: SourceFile, path: DataPath, want: Want = 'value'): Span {
  if (!file.doc && file.yaml !== undefined && file.yaml.length > LARGE_YAML_CHARS) return locateLarge(file, file.yaml, path, want);
  return walk(documentOf(file), path, want, file.yamlOffset, firstLine(file));
}

/**
 * A large file is not parsed whole again (narrow-yaml.ts): only the lines of the entry the path
 * leads into, whose positions are then shifted back into the file.
 */
function locateLarge(file: SourceFile, yaml: string, path: DataPath, want: Want): Span {
  const region = narrow(yaml, path);
  const base = file.yamlOffset + region.start;
  const eol = yaml.indexOf('\n', region.start);
  const firstOfRegion = { start: base, end: file.yamlOffset + (eol === -1 || eol > region.end ? region.end : eol) };
  if (region.end - region.start > MAX_REGION_CHARS) return firstOfRegion;
  const doc = yamlLib().parseDocument(yaml.slice(region.start, region.end), { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) return firstOfRegion;
  return walk(doc, region.rest, want, base, firstOfRegion);
}

function walk(doc: Document.Parsed | undefined, path: DataPath, want: Want, base: number, whole: Span): Span {
  const { isMap, isNode, isScalar, isSeq } = yamlLib();
  if (!doc || !isNode(doc.contents)) return whole;
  let node: Node = doc.contents as Node;
  let pair: Pair | undefined;
  for (const seg of path) {
    let next: Node | undefined;
    pair = undefined;
    if (isMap(node)) {
      for (const p of node.items) {
        if (isScalar(p.key) && String(p.key.value) === String(seg)) {
          pair = p;
          break;
        }
      }
      if (!pair) return shift(spanOf(node), base) ?? whole;
      next = isNode(pair.value) ? pair.value : undefined;
      if (!next) return shift(spanOf(pair.key as Node), base) ?? whole;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!isNode(item)) return shift(spanOf(node), base) ?? whole;
      next = item;
    } else {
      return shift(spanOf(node), base) ?? whole;
    }
    node = next;
  }
  if (want === 'key' && pair && isNode(pair.key)) return shift(spanOf(pair.key), base) ?? whole;
  return shift(spanOf(node), base) ?? whole;
}

function spanOf(node: Node | Pair): Span | undefined {
  if (yamlLib().isPair(node) || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}

function shift(span: Span | undefined, base: number): Span | undefined {
  return span && { start: span.start + base, end: span.end + base };
}

function firstLine(file: SourceFile): Span {
  const text = file.source.text;
  const nl = text.indexOf('\n');
  let end = nl === -1 ? text.length : nl;
  if (end > 0 && text[end - 1] === '\r') end--;
  return { start: 0, end };
}
