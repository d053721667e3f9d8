// Links and images of a Markdown text, with the offset of each target in the text, for the
// validate path. What the renderers see is what the Markdown parser (micromark → mdast, with GFM,
// as src/markdown/parse.ts) makes of the text, so the same parser decides here: code blocks
// (fenced or indented), code spans, escapes (`\[x](#ID)`), raw HTML, nested brackets, images
// inside links, link text over several lines, reference-style links and images all come out as
// the renderer has them.
//
// The parser costs ~100× a regular expression, and most texts are simple, so two fast paths
// answer when they are certain to give the parser's answer:
// - no `](` and no `]:`: no link, image or definition can exist (an inline link needs `](`, a
//   reference needs a definition, a definition needs `]:`);
// - `simpleScan`: no character that can start code, HTML, an escape, a character reference or a
//   definition anywhere, and every `](` is the middle of a one-line `[text](target)` or
//   `![alt](target)` with no bracket, pipe or such in it, on a line without indentation that could
//   make it code and without a web address or e-mail the autolink extension could extend over it.
// test/markdown/scan-links.test.ts compares the result with the full parse on thousands of
// generated snippets.

import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown, type CompileContext, type Extension, type Token } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export interface ScannedLink {
  /**
   * `link`/`image`: a link or image the renderer draws (for a reference-style one, its target is
   * the definition's); `definition`: a link reference definition no link or image uses.
   */
  kind: 'link' | 'image' | 'definition';
  /** The target as the renderer has it (escapes and character references decoded). */
  url: string;
  /** Offset of the target in the text (for an image with no target: of the image). */
  offset: number;
  /** The target as written in the text (what a diagnostic underlines). */
  raw: string;
  /** Start and end offsets of the link, image or definition (for a reference: its definition). */
  node: [number, number];
}

/** Destination spans of the links, images and definitions of the text being parsed. */
let spans = new Map<Nodes, [number, number]>();

function at(shiftStart: number, shiftEnd: number) {
  return function (this: CompileContext, token: Token): void {
    spans.set(this.stack[this.stack.length - 1] as Nodes, [token.start.offset + shiftStart, token.end.offset - shiftEnd]);
  };
}

// The destination tokens (`resourceDestinationRaw` / `…Literal`, the latter with its `<` `>`)
// have no handler of their own in mdast-util-from-markdown: at their exit, the node on top of
// the stack is the link, image or definition they belong to.
const positions: Extension = {
  exit: {
    resourceDestinationRaw: at(0, 0),
    resourceDestinationLiteral: at(1, 1),
    definitionDestinationRaw: at(0, 0),
    definitionDestinationLiteral: at(1, 1),
  },
};

const extensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown(), positions];

export function scanLinks(source: string): ScannedLink[] {
  if (!source.includes('](') && !source.includes(']:')) return [];
  return simpleScan(source) ?? parsedScan(source, MIXED_PIECE, true);
}

/** `[text](target)` / `![alt](target)` with nothing in it the parser could read otherwise. */
const SIMPLE = /(!?)\[([^[\]\n\\`<>|^]*)\]\(([^\s()<>\\`|&]+)\)/g;
/** Anywhere in the text: HTML or autolinks, escapes, tabs, code fences, definitions. */
const UNSURE_TEXT = /[\\<\t]|```|~~~|\]:/;
/** In a link's line: what the GFM autolink extension could extend over the link. */
const UNSURE_LINE = /:\/\/|www\.|@|mailto:|xmpp:/i;

/** The links and images of a text simple enough to be certain of them without the parser; else undefined. */
export function simpleScan(source: string): ScannedLink[] | undefined {
  if (UNSURE_TEXT.test(source)) return undefined;
  let count = 0;
  for (let i = source.indexOf(']('); i !== -1; i = source.indexOf('](', i + 2)) count++;
  const out: ScannedLink[] = [];
  for (const m of source.matchAll(SIMPLE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const lineStart = source.lastIndexOf('\n', start) + 1;
    const lineEnd = source.indexOf('\n', end) === -1 ? source.length : source.indexOf('\n', end);
    // Indentation before the link that could make its line code (4 columns; tabs are out above).
    if (source.slice(lineStart, start).includes('    ')) return undefined;
    if (UNSURE_LINE.test(source.slice(lineStart, lineEnd))) return undefined;
    // A code span binds tighter than link brackets; without fences it stays inside its paragraph.
    if (paragraphAround(source, lineStart, lineEnd).includes('`')) return undefined;
    const raw = m[3];
    out.push({ kind: m[1] ? 'image' : 'link', url: raw, offset: end - 1 - raw.length, raw, node: [start, end] });
  }
  // A `](` that is not part of a simple link (nested brackets, link text over lines, a title…).
  return out.length === count ? out : undefined;
}

/** The lines around [from, to) up to the nearest blank line (or the text's ends) on each side. */
function paragraphAround(source: string, from: number, to: number): string {
  const blank = /\n[ ]*\n/g;
  let start = 0;
  for (let i = from; i > 0; ) {
    const nl = source.lastIndexOf('\n', i - 2);
    if (nl === -1) break;
    if (source.slice(nl + 1, i - 1).trim() === '') {
      start = i;
      break;
    }
    i = nl + 1;
  }
  blank.lastIndex = to;
  const after = blank.exec(source);
  return source.slice(start, after ? after.index : source.length);
}

/** Texts longer than this are parsed piece by piece (the parser holds ~100 bytes per input byte). */
const PIECE = 256 * 1024;
/** Pieces of a text the fast path could not answer for as a whole: each is tried again alone. */
const MIXED_PIECE = 4 * 1024;

interface Def {
  identifier: string;
  url: string;
  node: [number, number];
  span?: [number, number];
}

/**
 * The links and images of a text, from the Markdown parser. A long text is parsed in pieces cut
 * where nothing can carry over — before an unindented line after a blank line, outside fenced code
 * and outside the HTML blocks that run over blank lines — so memory stays bounded. Definitions
 * (and footnote definitions) are global: when the text has any, each piece is parsed with all of
 * them appended, so that its references form as in the whole text. With `trySimple` and no
 * definitions, a piece the fast path is certain of is not parsed (a long narrative with one
 * escape somewhere is parsed around that escape only).
 */
export function parsedScan(source: string, piece = PIECE, trySimple = false): ScannedLink[] {
  const starts = cutPoints(source, piece);
  const pieces = starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] : source.length] as const);
  const hasDefinitions = source.includes(']:');
  let appended = '';
  if (starts.length > 1 && hasDefinitions) {
    const defs: string[] = [];
    for (const [from, to] of pieces) {
      if (!source.slice(from, to).includes(']:')) continue;
      const tree = parse(source.slice(from, to), new Map());
      for (const n of tree.children) {
        if (n.type === 'definition' || n.type === 'footnoteDefinition') {
          const text = source.slice(from + n.position!.start.offset!, from + n.position!.end.offset!);
          defs.push(n.type === 'definition' ? text : text.split('\n')[0]);
        }
      }
    }
    appended = defs.length > 0 ? '\n\n' + defs.join('\n\n') + '\n' : '';
  }

  const out: ScannedLink[] = [];
  const defs: Def[] = [];
  const references: { kind: 'link' | 'image'; identifier: string }[] = [];
  for (const [from, to] of pieces) {
    const text = source.slice(from, to);
    // Every link, image, reference and definition starts with `[`.
    if (pieces.length > 1 && !text.includes('[')) continue;
    if (trySimple && !hasDefinitions) {
      if (!text.includes('](')) continue;
      const simple = simpleScan(text);
      if (simple) {
        for (const l of simple) out.push({ ...l, offset: l.offset + from, node: [l.node[0] + from, l.node[1] + from] });
        continue;
      }
    }
    const found = new Map<Nodes, [number, number]>();
    const tree = parse(from === 0 && to === source.length ? source : text + appended, found);
    const place = (node: Nodes): [number, number] | undefined =>
      node.position && node.position.start.offset! < text.length ? [from + node.position.start.offset!, from + node.position.end.offset!] : undefined;
    const spanOf = (node: Nodes): [number, number] | undefined => {
      const span = found.get(node);
      return span && [from + span[0], from + span[1]];
    };
    const visit = (node: Nodes) => {
      const at = place(node);
      switch (node.type) {
        case 'link':
          // Autolinks (`<https://…>`, and GFM literal ones, which come from a tree transform
          // without positions) are web or e-mail addresses, never `#ID` links: nothing to check.
          if (at && source[at[0]] === '[') out.push(target(source, 'link', node.url, at, spanOf(node)));
          break;
        case 'image':
          if (at) out.push(target(source, 'image', node.url, at, spanOf(node)));
          break;
        case 'linkReference':
          if (at) references.push({ kind: 'link', identifier: node.identifier });
          break;
        case 'imageReference':
          if (at) references.push({ kind: 'image', identifier: node.identifier });
          break;
        case 'definition':
          if (at) defs.push({ identifier: node.identifier, url: node.url, node: at, span: spanOf(node) });
          break;
      }
      if ('children' in node) for (const child of (node as Parents).children) visit(child);
    };
    visit(tree);
  }

  // The first definition of a label is the one references use (CommonMark, and the renderers).
  const first = new Map<string, Def>();
  for (const d of defs) if (!first.has(d.identifier)) first.set(d.identifier, d);
  const used = new Map<Def, { link: boolean; image: boolean }>(defs.map((d) => [d, { link: false, image: false }]));
  for (const r of references) {
    const def = first.get(r.identifier);
    if (def) used.get(def)![r.kind] = true;
  }
  for (const [def, use] of used) {
    if (use.link) out.push(target(source, 'link', def.url, def.node, def.span));
    if (use.image) out.push(target(source, 'image', def.url, def.node, def.span));
    // Drawn nowhere, but a target written by hand: still checked as a link.
    if (!use.link && !use.image) out.push(target(source, 'definition', def.url, def.node, def.span));
  }
  return out.sort((a, b) => a.offset - b.offset || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

function parse(text: string, found: Map<Nodes, [number, number]>): Root {
  spans = found;
  try {
    return fromMarkdown(text, { extensions, mdastExtensions });
  } finally {
    spans = new Map();
  }
}

function target(source: string, kind: ScannedLink['kind'], url: string, node: [number, number], span?: [number, number]): ScannedLink {
  if (span) return { kind, url, offset: span[0], raw: source.slice(span[0], span[1]), node };
  // No target written (`![x]()`): the renderer shows the image as missing; say so at the image.
  return { kind, url, offset: node[0], raw: source.slice(node[0], node[1]), node };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that may hold blank lines (CommonMark kinds 1–5), with what ends each. */
const HTML_RUNS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * Offsets where a text may be cut into pieces of at least `piece` characters that parse as they
 * do in the whole: the start of a line that is not indented and follows a blank line (it can
 * only start a new top-level block), outside fenced code and outside the HTML blocks that run over
 * blank lines. Always starts with 0.
 */
export function cutPoints(source: string, piece: number): number[] {
  const points = [0];
  if (source.length <= piece) return points;
  let fence: { char: string; length: number } | undefined;
  let html: RegExp | undefined;
  let blankBefore = false;
  for (let at = 0; at < source.length; ) {
    const nl = source.indexOf('\n', at);
    const end = nl === -1 ? source.length : nl + 1;
    const line = source.slice(at, nl === -1 ? source.length : nl).replace(/\r$/, '');
    const blank = line.trim() === '';
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && line.slice(m[0].length).trim() === '') fence = undefined;
    } else if (html) {
      if (html.test(line)) html = undefined;
    } else {
      if (blankBefore && !blank && !/^[ \t]/.test(line) && at - points[points.length - 1] >= piece) points.push(at);
      const m = FENCE.exec(line);
      if (m) fence = { char: m[1][0], length: m[1].length };
      else {
        const run = HTML_RUNS.find(([open]) => open.test(line));
        if (run && !run[1].test(line.slice(line.indexOf('<') + 2))) html = run[1];
      }
    }
    blankBefore = blank;
    at = end;
  }
  return points;
}
