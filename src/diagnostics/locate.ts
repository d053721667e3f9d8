// "Where in the data" → "where in the text": walks a YAML document along a data path and returns
// the offsets (in the file's text) of the key or value found there. When the path runs out of
// existing nodes, the nearest existing parent is used.

import { isMap, isNode, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { DataPath } from '../model/types.js';
import type { ParsedFile } from '../load/parsed-file.js';
import { documentOf } from '../load/parse-file.js';

export interface Span {
  start: number;
  end: number;
}

export type Want = 'value' | 'key';

export function locate(file: ParsedFile, path: DataPath, want: Want = 'value'): Span {
  const doc = documentOf(file);
  const base = file.yamlOffset;
  const whole = firstLine(file);
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
  if (isPair(node) || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}

function shift(span: Span | undefined, base: number): Span | undefined {
  return span && { start: span.start + base, end: span.end + base };
}

function firstLine(file: ParsedFile): Span {
  const text = file.source.text;
  const nl = text.indexOf('\n');
  let end = nl === -1 ? text.length : nl;
  if (end > 0 && text[end - 1] === '\r') end--;
  return { start: 0, end };
}
