// The Markdown link check sees what the renderers see: scanLinks (its fast paths and the parser
// path) against the full mdast parse of remark-parse + remark-gfm, on the example's texts and on
// thousands of generated snippets that mix code blocks, escapes, nested brackets, reference
// definitions, images in links, link text over lines, raw HTML, autolinks, tables and containers.

import { readdirSync, readFileSync } from 'node:fs';
import type { Definition, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { cutPoints, parsedScan, scanLinks, simpleScan, type ScannedLink } from '../../src/markdown/scan-links.js';

/** What the renderer works from: the full parse, with positions. */
const processor = unified().use(remarkParse).use(remarkGfm);
const fullParse = (text: string) => processor.runSync(processor.parse(text)) as Root;

type Found = { kind: ScannedLink['kind']; url: string; node: [number, number] };

/**
 * Independently of src/markdown/scan-links.ts: every link and image node of the tree; a
 * reference's target is the first definition of its label; definitions nothing uses.
 */
function fromTree(text: string): Found[] {
  const tree = fullParse(text);
  const out: Found[] = [];
  const defs = new Map<string, Definition>();
  const allDefs: Definition[] = [];
  const refs: { kind: 'link' | 'image'; id: string }[] = [];
  const span = (n: Nodes): [number, number] => [n.position!.start.offset!, n.position!.end.offset!];
  const visit = (n: Nodes) => {
    // GFM literal autolinks (made by a tree transform, without positions) are web or e-mail
    // addresses: neither `#ID` links nor images, so the check has nothing to do with them.
    // Autolinks (`<https://…>`) likewise.
    if (n.type === 'link' && (!n.position || text[n.position.start.offset!] !== '[')) expect(n.url).toMatch(/^(https?:|mailto:|xmpp:|[^#/]*@)/i);
    else if (n.type === 'link' || n.type === 'image') out.push({ kind: n.type, url: n.url, node: span(n) });
    if (n.type === 'linkReference') refs.push({ kind: 'link', id: n.identifier });
    if (n.type === 'imageReference') refs.push({ kind: 'image', id: n.identifier });
    if (n.type === 'definition') {
      allDefs.push(n);
      if (!defs.has(n.identifier)) defs.set(n.identifier, n);
    }
    if ('children' in n) n.children.forEach((c) => visit(c as Nodes));
  };
  visit(tree);
  const used = new Set<string>();
  for (const r of refs) {
    const d = defs.get(r.id);
    if (!d) continue;
    const key = `${r.kind}\0${d.position!.start.offset}`;
    if (used.has(key)) continue;
    used.add(key);
    out.push({ kind: r.kind, url: d.url, node: span(d) });
  }
  for (const d of allDefs) {
    const s = d.position!.start.offset;
    if (!used.has(`link\0${s}`) && !used.has(`image\0${s}`)) out.push({ kind: 'definition', url: d.url, node: span(d) });
  }
  return sorted(out);
}

const sorted = (list: Found[]) =>
  [...list].sort((a, b) => a.node[0] - b.node[0] || a.node[1] - b.node[1] || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
const strip = (list: ScannedLink[]): Found[] => sorted(list.map(({ kind, url, node }) => ({ kind, url, node })));

/** The target offset points at the target as written, inside its node. */
function checkOffsets(text: string, list: ScannedLink[]): void {
  for (const l of list) {
    expect(l.offset).toBeGreaterThanOrEqual(l.node[0]);
    expect(l.offset + l.raw.length).toBeLessThanOrEqual(l.node[1]);
    expect(text.slice(l.offset, l.offset + l.raw.length)).toBe(l.raw);
    if (l.offset === l.node[0]) continue; // no target written (an autolink, `![x]()`): the node itself
    if (!/[\\&]/.test(l.raw)) expect(l.raw).toBe(l.url);
    // Just after `(`, `(<`, `]:` or the whitespace that may follow them; just before `)`, `>` or whitespace.
    expect(text[l.offset - 1]).toMatch(/[(<:\s]/);
    expect(text[l.offset + l.raw.length] ?? '\n').toMatch(/[)>\s]/);
  }
}

function compare(text: string): 'none' | 'simple' | 'parsed' {
  const expected = fromTree(text);
  const parsed = parsedScan(text);
  checkOffsets(text, parsed);
  expect(strip(parsed), JSON.stringify(text)).toEqual(expected);
  // Cut into the smallest pieces (as a long text is), the answer is the same.
  if (cutPoints(text, 1).length > 1) {
    expect(parsedScan(text, 1), JSON.stringify(text)).toEqual(parsed);
    // …and with the fast path tried on each piece.
    expect(parsedScan(text, 1, true), JSON.stringify(text)).toEqual(parsed);
  }
  if (!text.includes('](') && !text.includes(']:')) {
    // What scanLinks answers without parsing.
    expect(expected, JSON.stringify(text)).toEqual([]);
    return 'none';
  }
  const simple = simpleScan(text);
  if (simple) {
    // The fast path, when it answers, gives exactly the parser's answer, offsets included.
    expect(simple, JSON.stringify(text)).toEqual(parsed);
    return 'simple';
  }
  return 'parsed';
}

/** scanLinks itself (= the rule above, else simpleScan, else parsedScan) against the tree. */
function compareScan(text: string): void {
  const found = scanLinks(text);
  checkOffsets(text, found);
  expect(strip(found), JSON.stringify(text)).toEqual(fromTree(text));
}

// ---- a seeded generator ------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IDS = ['INO-1', 'PP-01', 'QW-ECO-1', 'smart-economy', 'x_y', 'A.1'];
const WORDS = ['Galeri', 'UKM', '*online*', '**pasar**', 'kopi', 'abon ikan', 'café', '–', '1.', 'RPJMD', 'a & b', '(catatan)', '"kutip"', '~~coret~~', '^', '!'];

/** A snippet; `plain`: mostly of what the fast path may take (and its near misses). */
function snippet(rnd: () => number, plain: boolean): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const id = () => pick(IDS);
  const word = () => pick(WORDS);
  const label = () => pick(['ref', 'Ref', 'gambar', 'peta 1', 'x']);
  const text = () => (rnd() < 0.8 ? word() : `${word()} ${word()}`);
  const pieces: (() => string)[] = [
    () => `[${text()}](#${id()})`,
    () => `[${text()}](#${id()})`,
    () => `![${text()}](../../assets/${pick(['peta.png', 'a b.png', 'tahapan.png'])})`,
    () => `[${text()}](<#${id()}>)`,
    () => `[${text()}](#${id()} "${word()}")`,
    () => `[${text()}](#${id()} '${word()}')`,
    () => `[](#${id()})`,
    () => `![${text()}]()`,
    () => `![x](<>)`,
    () => `[${text()}](#a(b))`,
    () => `[${text()}](#x&amp;y)`,
    () => `[${text()}](#x\\_y)`,
    () => `[a [b] c](#${id()})`,
    () => `[a [b](#${id()}) c](#${id()})`,
    () => `[![${text()}](p.png)](#${id()})`,
    () => `[${text()}\n${text()}](#${id()})`,
    () => `[${'panjang '.repeat(130)}](#${id()})`,
    () => `\\[${text()}](#${id()})`,
    () => `[${text()}\\](#${id()})`,
    () => `\\![${text()}](a.png)`,
    () => `\`[${text()}](#${id()})\``,
    () => `\`\`a\`[x](#${id()})\`\``,
    () => '`',
    () => `\n\`\`\`\n[${text()}](#${id()})\n\`\`\`\n`,
    () => `\n~~~md\n[${text()}](#${id()})\n~~~\n`,
    () => `\n\n    [${text()}](#${id()})\n`,
    () => `\n\n- ${text()}\n\n    [${text()}](#${id()})\n`,
    () => `[${text()}][${label()}]`,
    () => `[${label()}][]`,
    () => `[${label()}]`,
    () => `![${text()}][${label()}]`,
    () => `![${label()}]`,
    () => `\n\n[${label()}]: #${id()}\n`,
    () => `\n\n[${label()}]: <../../assets/peta.png> "judul"\n`,
    () => `\n\n[${label()}]:\n  #${id()}\n`,
    () => `\n\n<div>\n[${text()}](#${id()})\n</div>\n`,
    () => `<!-- [${text()}](#${id()}) -->`,
    () => `\n\n\`\`\`\nkode\n\n[${text()}](#${id()})\n\`\`\`\n`,
    () => `\n\n<!--\n\n[${text()}](#${id()})\n\n-->\n`,
    () => `\n\n<pre>\n\n[${text()}](#${id()})\n</pre>\n`,
    () => `\n\n[^n](#${id()}) dan [^n]\n\n[^n]: catatan\n`,
    () => `<span>[${text()}](#${id()})</span>`,
    () => `<a href="#${id()}">${text()}</a>`,
    () => `<https://contoh.go.id>`,
    () => `https://contoh.go.id/[a](#${id()})`,
    () => `www.contoh.go.id[a](#${id()})`,
    () => `surat@contoh.go.id[a](#${id()})`,
    () => `\n\n| [${text()}](#${id()}) | b |\n|---|---|\n| [c|d](#${id()}) | e |\n`,
    () => `\n\n> [${text()}](#${id()})\n`,
    () => `\n\n>     [${text()}](#${id()})\n`,
    () => `[^1]`,
    () => `\n\n[^1]: catatan [${text()}](#${id()})\n`,
    () => `[${text()}] (#${id()})`,
    () => `[${text()}](#${id()}`,
    () => `](`,
    () => `*[a*](#${id()})`,
    () => `- [ ] [${text()}](#${id()})`,
    () => `\t[${text()}](#${id()})`,
    () => `# [${text()}](#${id()})`,
    () => text(),
    () => text(),
    () => text(),
  ];
  const link = () => `[${text()}](#${id()})`;
  const image = () => `![${text()}](../../assets/peta.png)`;
  const simple: (() => string)[] = [
    ...Array<() => string>(12).fill(link),
    ...Array<() => string>(4).fill(image),
    ...Array<() => string>(8).fill(text),
    () => `[a [b] c](#${id()})`,
    () => `[${text()}\n${text()}](#${id()})`,
    () => `[${text()}](#${id()} "${word()}")`,
    () => `[${text()}](#a(b))`,
    () => `[${text()}] (#${id()})`,
    () => `[${text()}](#${id()}`,
    () => `](`,
    () => `[x|y](#${id()})`,
    () => `[^1](#${id()})`,
    () => `*[a*](#${id()})`,
    () => `- [ ] [${text()}](#${id()})`,
    () => `# [${text()}](#${id()})`,
    () => `\`kode\``,
    () => `| [${text()}](#${id()}) | b |\n|---|---|\n| c | d |`,
    () => text(),
    () => text(),
  ];
  const seps = ['', ' ', ' ', '\n', '\n\n', '\n\n', '\n   ', '\n    ', '\n> ', '\n- ', '\n1. ', '\r\n'];
  const n = 1 + Math.floor(rnd() * (plain ? 5 : 8));
  let out = plain ? pick(['', '', '', '- ', '> ']) : pick(['', '', '  ', '    ', '> ', '- ']);
  for (let i = 0; i < n; i++) out += (i > 0 ? pick(seps) : '') + pick(plain ? simple : pieces)();
  return out;
}

describe('scanLinks finds what the renderer finds', () => {
  it('on the texts of the example', () => {
    const texts: string[] = [];
    for (const p of readdirSync('examples/banggai/pokja')) {
      for (const f of readdirSync(`examples/banggai/pokja/${p}`)) texts.push(readFileSync(`examples/banggai/pokja/${p}/${f}`, 'utf8'));
    }
    texts.push('a `[x](#NO)` b [y](#YES "t") ![i](a.png)\n\n```\n[z](#NO2)\n```\n[d]: #DEF\n<!-- [c](#NO3) -->\n[e](<#E>)');
    for (const t of texts) {
      compare(t);
      compareScan(t);
    }
  });

  it('on 3,000 generated snippets (seeded), with the fast path used where it is certain', () => {
    const rnd = mulberry32(20260101);
    const paths = { none: 0, simple: 0, parsed: 0 };
    for (let i = 0; i < 3000; i++) paths[compare(snippet(rnd, i % 3 === 0))]++;
    // Each path is exercised on a good share of the snippets.
    expect(paths.simple).toBeGreaterThan(300);
    expect(paths.parsed).toBeGreaterThan(1000);
    expect(paths.none).toBeGreaterThan(30);
  }, 120_000);

  it.each([
    ['an indented code block', 'Teks.\n\n    [x](#NO)\n', []],
    // An escaped `!` leaves a link, not an image.
    ['an escaped bracket', '\\[x](#NO) dan \\![y](a.png)', [['link', 'a.png']]],
    ['a reference-style image', '![peta][g]\n\n[g]: ../../assets/peta.png', [['image', '../../assets/peta.png']]],
    ['an image inside a link', '[![logo](logo.png)](#INO-1)', [['image', 'logo.png'], ['link', '#INO-1']]],
    ['link text over two lines', '[Galeri\nUKM](#INO-1)', [['link', '#INO-1']]],
    ['nested brackets', '[a [b] c](#INO-1)', [['link', '#INO-1']]],
    ['long link text', `[${'x'.repeat(1500)}](#INO-1)`, [['link', '#INO-1']]],
    ['an HTML block', '<div>\n[x](#NO)\n</div>', []],
    ['a definition no link uses', '[a]: #INO-1', [['definition', '#INO-1']]],
  ])('%s', (_name, text, expected) => {
    expect(scanLinks(text).map((l) => [l.kind, l.url])).toEqual(expected);
    compare(text);
    compareScan(text);
  });
});
