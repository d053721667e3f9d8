// hast → HTML text. The books' hast is simple (elements, text, no raw HTML: Markdown passed
// through rehype-sanitize; the one `raw` node is a long narrative already sanitized and
// serialized here, a group of blocks at a time, by markdown-to-hast.ts), so a direct serializer
// is enough and several times faster than the
// general one, which dominated large builds. Attribute names come from property-information,
// the same table rehype uses; test/build/serialize.test.ts checks the result parses to the
// same document as rehype-stringify's.

import type { Nodes, Properties } from 'hast';
import { find, html } from 'property-information';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style']);

const escapeText = (s: string) => (/[&<>]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s);
const escapeAttribute = (s: string) => (/[&"]/.test(s) ? s.replace(/&/g, '&amp;').replace(/"/g, '&quot;') : s);

export function serialize(node: Nodes): string {
  const out: string[] = [];
  write(node, out, false);
  return out.join('');
}

function write(node: Nodes, out: string[], raw: boolean): void {
  switch (node.type) {
    case 'root':
      for (const c of node.children) write(c, out, false);
      return;
    case 'text':
      out.push(raw ? node.value : escapeText(node.value));
      return;
    case 'comment':
      out.push(`<!--${node.value.replace(/--/g, '- -')}-->`);
      return;
    case 'doctype':
      out.push('<!doctype html>');
      return;
    case 'element': {
      out.push('<', node.tagName, attributes(node.properties));
      out.push('>');
      if (VOID.has(node.tagName)) return;
      const rawText = RAW_TEXT.has(node.tagName);
      for (const c of node.children) write(c, out, rawText);
      out.push('</', node.tagName, '>');
      return;
    }
    case 'raw':
      out.push(node.value); // made by this serializer (markdown-to-hast.ts, long texts)
      return;
    default:
      return;
  }
}

// property-information's lookup normalises the name on every call; books repeat a few dozen names.
const infoCache = new Map<string, ReturnType<typeof find>>();
function info(key: string): ReturnType<typeof find> {
  let i = infoCache.get(key);
  if (!i) {
    i = find(html, key);
    infoCache.set(key, i);
  }
  return i;
}

function attributes(props: Properties | undefined): string {
  if (!props) return '';
  let s = '';
  for (const key in props) {
    const value = props[key];
    if (value === undefined || value === null || value === false) continue;
    const i = info(key);
    if (value === true || (i.boolean && value)) {
      s += ` ${i.attribute}`;
      continue;
    }
    const text = Array.isArray(value) ? value.join(i.commaSeparated ? ', ' : ' ') : String(value);
    s += ` ${i.attribute}="${escapeAttribute(text)}"`;
  }
  return s;
}
