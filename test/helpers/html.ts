// Reading built HTML in tests: parse5 (the HTML standard's parser) and a few queries over its
// tree — elements by tag, ids, links, text — so tests check structure, not strings.

import { readFileSync } from 'node:fs';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

export type Element = T.Element;

export interface Page {
  html: string;
  doc: T.Document;
  elements: Element[];
}

export function parsePage(html: string): Page {
  const doc = parse(html, { sourceCodeLocationInfo: false });
  const elements: Element[] = [];
  const walk = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if ('tagName' in child) {
        elements.push(child);
        walk(child.tagName === 'template' ? (child as T.Template).content : child);
      }
    }
  };
  walk(doc);
  return { html, doc, elements };
}

export function readPage(file: string): Page {
  return parsePage(readFileSync(file, 'utf8'));
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(el: Element, name: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(name);
}

export function byTag(page: Page | Element, tag: string): Element[] {
  const list = 'elements' in page ? page.elements : descendants(page);
  return list.filter((e) => e.tagName === tag);
}

export function byId(page: Page, id: string): Element | undefined {
  return page.elements.find((e) => attr(e, 'id') === id);
}

/** Every id in the page; duplicates are kept so a test can find them. */
export function ids(page: Page): string[] {
  return page.elements.map((e) => attr(e, 'id')).filter((v): v is string => v !== undefined);
}

export function descendants(el: Element): Element[] {
  const out: Element[] = [];
  const walk = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if ('tagName' in child) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(el);
  return out;
}

export function textOf(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  if ('childNodes' in node) return node.childNodes.map(textOf).join('');
  return '';
}

export function parentOf(el: Element): Element | undefined {
  const p = el.parentNode;
  return p && 'tagName' in p ? (p as Element) : undefined;
}
