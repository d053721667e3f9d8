// src/source/locate.ts: data path → source range. Positions are shown as "line:col-endLine:endCol"
// (1-based, as diagnostics print them) so each expectation can be checked against the text by eye.

import { describe, expect, it } from 'vitest';
import { Collector } from '../../src/diagnostics/collector.js';
import { locate } from '../../src/source/locate.js';
import { SourceText } from '../../src/source/source-text.js';
import { parseFile } from '../../src/load/parse-file.js';
import type { SourceFile } from '../../src/source/source-file.js';
import type { DataPath } from '../../src/model/types.js';

function parsed(rel: string, content: string | Uint8Array): SourceFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return parseFile(rel, 'worksheet', bytes, new Collector());
}

function where(file: SourceFile, path: DataPath, want: 'key' | 'value' = 'value'): string {
  const s = locate(file, path, want);
  const a = file.source.position(s.start);
  const b = file.source.position(s.end);
  return `${a.line}:${a.column}-${b.line}:${b.column}`;
}

const YAML = [
  'pokja: smart-economy', //                        1
  'stage: 3', //                                    2
  'innovations:', //                                3
  '  - id: INO-1', //                               4
  '    rpjmd: [PP-01, PP-02]', //                   5
  '    years:', //                                  6
  '      - 2023', //                                7
  '      - 2025', //                                8
  '    description:', //                            9
  '    budget: {source: APBD, estimate: 5}', //     10
  '    targets: {2022: 20}', //                     11
].join('\n') + '\n';

describe('locate: path → range', () => {
  const file = parsed('pokja/x/a.yaml', YAML);

  it('parses the sample without problems', () => {
    expect(file.fatal).toBe(false);
    expect(file.yamlOffset).toBe(0);
  });

  it('value vs key of a top-level field', () => {
    expect(where(file, ['pokja'])).toBe('1:8-1:21');
    expect(where(file, ['pokja'], 'key')).toBe('1:1-1:6');
  });

  it('an item of a flow sequence inside a sequence item', () => {
    expect(where(file, ['innovations', 0, 'rpjmd', 0])).toBe('5:13-5:18');
    expect(where(file, ['innovations', 0, 'rpjmd', 1])).toBe('5:20-5:25');
  });

  it('an item of a block sequence', () => {
    expect(where(file, ['innovations', 0, 'years', 1])).toBe('8:9-8:13');
  });

  it('a value and a key inside a flow mapping', () => {
    expect(where(file, ['innovations', 0, 'budget', 'estimate'])).toBe('10:38-10:39');
    expect(where(file, ['innovations', 0, 'budget', 'estimate'], 'key')).toBe('10:28-10:36');
  });

  it('a numeric key is found by its text (year keys)', () => {
    expect(where(file, ['innovations', 0, 'targets', '2022'], 'key')).toBe('11:15-11:19');
    expect(where(file, ['innovations', 0, 'targets', '2022'])).toBe('11:21-11:23');
  });

  it('an empty value is an empty range right after the colon; its key is the key', () => {
    expect(where(file, ['innovations', 0, 'description'])).toBe('9:17-9:17');
    expect(where(file, ['innovations', 0, 'description'], 'key')).toBe('9:5-9:16');
  });

  it('a missing key falls back to the nearest existing parent (the mapping)', () => {
    expect(where(file, ['innovations', 0, 'opd']).split('-')[0]).toBe('4:5');
    expect(locate(file, ['innovations', 0, 'opd'])).toEqual(locate(file, ['innovations', 0]));
    expect(locate(file, ['innovations', 0, 'opd', 'deeper', 3])).toEqual(locate(file, ['innovations', 0]));
  });

  it('an index past the end falls back to the sequence', () => {
    expect(where(file, ['innovations', 0, 'rpjmd', 7])).toBe('5:12-5:26');
    expect(where(file, ['innovations', 9]).split('-')[0]).toBe('4:3');
  });

  it('a path through a scalar stops at the scalar', () => {
    expect(where(file, ['pokja', 'x', 0])).toBe('1:8-1:21');
  });

  it('a string segment on a sequence stops at the sequence', () => {
    expect(where(file, ['innovations', 'id']).split('-')[0]).toBe('4:3');
  });

  it('want "key" on a sequence item (no key) gives the item', () => {
    expect(locate(file, ['innovations', 0], 'key')).toEqual(locate(file, ['innovations', 0], 'value'));
    expect(where(file, ['innovations', 0], 'key').split('-')[0]).toBe('4:5');
  });

  it('the empty path is the whole document', () => {
    expect(locate(file, [])).toEqual({ start: 0, end: YAML.length });
    expect(locate(file, ['nope'])).toEqual({ start: 0, end: YAML.length });
  });
});

describe('locate: front matter of a .md file (positions from the top of the file)', () => {
  const MD = '---\npokja: smart-economy\nstage: 1\ntitle: Judul\n---\n# Judul\n\nTeks.\n';
  const file = parsed('pokja/x/a.md', MD);

  it('offsets the YAML by the opening fence', () => {
    expect(file.yamlOffset).toBe(4);
    expect(file.body).toEqual({ text: '# Judul\n\nTeks.\n', offset: 51 });
  });

  it('value and key of a front matter field', () => {
    expect(where(file, ['title'])).toBe('4:8-4:13');
    expect(where(file, ['title'], 'key')).toBe('4:1-4:6');
  });

  it('a missing field falls back to the front matter mapping, starting on line 2', () => {
    expect(where(file, ['summary']).split('-')[0]).toBe('2:1');
  });

  it('CRLF front matter: same lines and columns', () => {
    const crlf = parsed('pokja/x/a.md', MD.replace(/\n/g, '\r\n'));
    expect(crlf.fatal).toBe(false);
    expect(crlf.yamlOffset).toBe(5);
    expect(where(crlf, ['title'])).toBe('4:8-4:13');
    expect(where(crlf, ['stage'], 'key')).toBe('3:1-3:6');
  });

  it('BOM: the text has no BOM, so columns are not shifted', () => {
    const bom = parsed('pokja/x/a.md', '\uFEFF' + MD);
    expect(bom.source.text.startsWith('---')).toBe(true);
    expect(where(bom, ['title'])).toBe('4:8-4:13');
  });
});

describe('locate: files without a document', () => {
  it('an undecodable file: the first line of the readable prefix (without CR)', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('abc: 1\r\nx: '), 0xff]);
    const file = parsed('a.yaml', bytes);
    expect(file.fatal).toBe(true);
    expect(file.doc).toBeUndefined();
    expect(locate(file, ['x'])).toEqual({ start: 0, end: 6 });
  });

  it('an empty file: an empty range at 1:1', () => {
    const file = parsed('a.yaml', '');
    expect(locate(file, ['pokja'])).toEqual({ start: 0, end: 0 });
  });
});

describe('SourceText: offsets → line/column', () => {
  it('LF and CRLF lines; the CR is not a column', () => {
    const t = new SourceText('ab\r\ncd\nef');
    expect(t.position(0)).toEqual({ line: 1, column: 1 });
    expect(t.position(2)).toEqual({ line: 1, column: 3 });
    expect(t.position(3)).toEqual({ line: 1, column: 3 }); // the CR itself: end of line 1
    expect(t.position(4)).toEqual({ line: 2, column: 1 });
    expect(t.position(8)).toEqual({ line: 3, column: 2 });
    expect(t.position(99)).toEqual({ line: 3, column: 3 });
    expect(t.range(4, 6)).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 3 });
    expect(t.lineEnd(0)).toBe(2);
    expect(t.offsetOfLine(3)).toBe(7);
  });
});
