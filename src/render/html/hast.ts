// Tiny hast builders for the generated structure (headings, tables, cards). Everything the
// renderer writes goes through hast and one serializer (serialize.ts), so escaping is the same
// everywhere.

import type { Element, ElementContent, Properties, Root, RootContent, Text } from 'hast';
import { serialize } from './serialize.js';

export type Child = ElementContent | string | undefined | false | null;

/** An element; strings become text nodes, empty children (undefined/false/null) are dropped. */
export function el(tagName: string, properties?: Properties, children?: Child[]): Element {
  const props: Properties = {};
  // (for…in, not Object.entries: this runs for every element of every book)
  for (const k in properties) {
    const v = properties[k];
    if (v !== undefined && v !== null && v !== false) props[k] = v;
  }
  return { type: 'element', tagName, properties: props, children: children ? kids(children) : [] };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

function kids(children: Child[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    out.push(typeof c === 'string' ? text(c) : c);
  }
  return out;
}

/** Class list without empty entries. */
export function cls(...names: (string | undefined | false)[]): string[] | undefined {
  const list = names.filter((n): n is string => typeof n === 'string' && n !== '');
  return list.length ? list : undefined;
}

/** Heading rank for a nesting level: h1–h6. */
export function headingTag(level: number): string {
  return `h${Math.min(6, Math.max(1, level))}`;
}

export function toHtml(nodes: RootContent[] | Root): string {
  const root: Root = Array.isArray(nodes) ? { type: 'root', children: nodes } : nodes;
  return serialize(root);
}
