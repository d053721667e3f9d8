// splitBlocks: parsing the pieces one by one must give the same top-level blocks as parsing the
// whole text. Differential over many generated texts, split as finely as the scan allows.
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { markdownPiecesAt, parseInPieces, parseMarkdown } from '../../src/markdown/parse.js';
import { PIECE_CHARS, splitBlocks } from '../../src/markdown/split-blocks.js';

const parse = (text: string): Root => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

function strip(node: Nodes): unknown {
  const { position: _, ...rest } = node as Nodes & { children?: Nodes[] };
  return 'children' in rest && Array.isArray(rest.children) ? { ...rest, children: rest.children.map(strip) } : rest;
}

const parsedInPieces = (text: string, size: number): unknown => strip(parseInPieces(text, size));

// Blocks chosen for what may carry over a blank line: lists (loose, nested, continued), code
// fences and HTML blocks holding blank lines, indented code, quotes with lazy lines, tables.
const BLOCKS = [
  'Paragraf biasa dengan **tebal**, *miring* dan [tautan](#PP-01).',
  'Baris satu\nbaris dua yang menyambung.',
  '# Judul',
  '### Subjudul ###',
  'Judul setext\n===',
  'Judul dua\n---',
  '---',
  '* * *',
  '- satu\n- dua',
  '- satu\n\n- dua (longgar)',
  '1. pertama\n2. kedua',
  '3) mulai dari tiga',
  '+ plus',
  '- butir\n\n  lanjutan butir',
  '- luar\n  - dalam\n\n    lanjutan dalam',
  '- [ ] tugas\n- [x] selesai',
  '> kutipan\nbaris malas',
  '> kutipan\n>\n> paragraf kedua',
  '```\nkode\n\nmasih kode\n```',
  '```js\nlet a = 1;\n\n\nb\n```',
  '~~~~\n```\n\nbukan penutup\n~~~~',
  '```\nkode tanpa penutup di sini\n\nx',
  '- ```\n  kode dalam butir\n\n  masih\n  ```',
  '    kode indentasi\n\n    masih kode',
  '<!--\nkomentar\n\nmasih komentar\n-->',
  '<pre>\nteks\n\nmasih pre\n</pre>',
  '<div>\nblok html\n</div>',
  '<?php\n\necho 1;\n?>',
  '<!DOCTYPE html\n\n>',
  '<![CDATA[\n\n]]>',
  'inline <!-- komentar --> selesai',
  '| a | b |\n|---|:-:|\n| 1 | 2 |',
  '| a |\n|---|\n| baris |\nbaris tabel malas',
  'Teks dengan `kode ``` inline` dan ~~coret~~ www.example.com',
  '```` info`dengan`backtick\nbukan pagar',
  '\\- bukan daftar',
  '10. sepuluh\n\n11. sebelas',
  '  dua spasi di depan paragraf',
  'akhir dengan dua spasi  \nbaris keras',
];
const SEPARATORS = ['\n', '\n\n', '\n\n\n', '\n \n', '\n\t\n'];

/** Deterministic pseudo-random texts (LCG). */
function* texts(count: number, seed = 7): Generator<string> {
  let x = seed;
  const next = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const n = 2 + next(12);
    for (let k = 0; k < n; k++) parts.push(BLOCKS[next(BLOCKS.length)], SEPARATORS[next(SEPARATORS.length)]);
    const text = parts.join('');
    yield next(5) === 0 ? text.replace(/\n/g, '\r\n') : text;
  }
}

describe('splitBlocks', () => {
  it('splits a long plain narrative into pieces near the target size', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `## Bagian ${i}\n\nParagraf ${i} tentang pariwisata daerah.\n\n- a\n- b\n`).join('\n');
    const pieces = splitBlocks(text);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeLessThan(PIECE_CHARS + 200);
  });

  it('never splits a text that may hold a definition, or a short one', () => {
    expect(splitBlocks('a\n\nb\n\n[x]: /url\n', 1)).toHaveLength(1);
    expect(splitBlocks('a\n\nb\n')).toHaveLength(1);
    expect(splitBlocks('a\n\nb\n', 1)).toHaveLength(2);
  });

  it('gives the same trees as one parse, over 1,200 generated texts split as finely as allowed', () => {
    let split = 0;
    for (const text of texts(1200)) {
      const pieces = splitBlocks(text, 1);
      expect(pieces.join('')).toBe(text);
      if (pieces.length > 1) split++;
      expect(parsedInPieces(text, 1), JSON.stringify(pieces)).toEqual(strip(parse(text)));
    }
    expect(split).toBeGreaterThan(800);
  });

  it('markdownPiecesAt gives each piece with positions that point into the whole text', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `## Bagian ${i}\n\nLihat [PP-${i}](#PP-${i}).\n`).join('\n');
    let seen = 0;
    for (const { tree, offset } of markdownPiecesAt(text, 4096)) {
      for (const block of tree.children) {
        if (block.type !== 'paragraph') continue;
        const link = block.children.find((c) => c.type === 'link');
        const start = offset + link!.position!.start.offset!;
        expect(text.slice(start, start + 4 + String(seen).length)).toBe(`[PP-${seen}`);
        seen++;
      }
    }
    expect(seen).toBe(3000);
  });

  it('parseMarkdown of a long text equals one parse', () => {
    const text = [...texts(150, 11)].join('\n\n').replace(/\r\n/g, '\n');
    expect(splitBlocks(text).length).toBeGreaterThan(1);
    expect(strip(parseMarkdown(text))).toEqual(strip(parse(text)));
  });
});
