// The Markdown fast path must give exactly what the parser gives, or step aside.

import type { Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { allMarkdown } from '../../src/model/walk.js';
import { checkProject } from '../../src/pipeline.js';
import { toHtml } from '../../src/render/html/hast.js';
import { plainParagraph } from '../../src/render/html/plain-text.js';
import { EXAMPLE } from '../helpers/build.js';

const pipeline = unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);
const parsed = (text: string) => pipeline.stringify(pipeline.runSync(parseMarkdown(text)) as Root);

describe('plainParagraph', () => {
  it('matches the parser on every Markdown text of the example it accepts (and accepts some)', () => {
    const texts = allMarkdown(checkProject(EXAMPLE).model).map((m) => m.text);
    let accepted = 0;
    for (const text of texts) {
      const fast = plainParagraph(text);
      if (!fast) continue;
      accepted++;
      expect(toHtml([fast]), text).toBe(parsed(text));
    }
    expect(accepted).toBeGreaterThan(10);
  });

  it.each([
    'satu baris',
    'satu baris\n',
    'dua\nbaris\n\n',
    '   diawali spasi\n  lanjutan berindentasi',
    'kutip "ganda" dan \'tunggal\', tanda (kurung), 50% & lain',
    'angka 2023. di tengah',
    'baris\n2023. bukan daftar?',
    'a\n- b',
    'a\n+ b',
    'a\n---',
    'a\n===',
    '    kode',
    'akhir dua spasi  \nbaris',
    'akhir satu spasi \nbaris',
    'dua\n\nparagraf',
    'https://contoh.go.id',
    'www.contoh.go.id',
    'surel a@b.id',
    '*tebal*',
    'tab\tdi tengah',
    'crlf\r\nbaris',
    '',
  ])('%j: the parser’s HTML or no answer', (text) => {
    const fast = plainParagraph(text);
    if (fast) expect(toHtml([fast])).toBe(parsed(text));
  });
});
