// Output injection: worksheet values and file names holding terminal escape sequences, line
// breaks that would start a forged GitHub workflow command, and Markdown/HTML. Text outputs show
// control characters as escapes; the github format keeps every command on its line; the
// Markdown of `status --format markdown` renders exactly the names as written.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, TableCell } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownText, printable } from '../../src/report/printable.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { removeTemps } from '../helpers/fixtures.js';
import { copyFixture } from './helpers.js';

afterAll(removeTemps);

const ESC = '\x1b';
const POKJA_NAME = `Smart *Living* | <script>alert(1)</script> [x](http://evil.example) ![i](http://t.example/x.png) www.evil.example a@b.example \`k\` &amp; $x$ ~~s~~ _u_ \\ ${ESC}[31m`;
const REGION = `Kabupaten <b>Uji</b> ${ESC}]0;judul\x07`;
const BAD_REF = `PP-9${ESC}[31m\n::error file=x::forged`;
const FILE = 'pokja/smart-living/x\n::error file=y::forged.yaml';

/** Control characters other than the line ends of the output itself. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let dir: string;
beforeAll(() => {
  dir = copyFixture('small');
  const edit = (rel: string, from: string, to: string) => {
    const file = join(dir, rel);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };
  edit('masterplan.yaml', 'region: Kabupaten Uji', `region: ${JSON.stringify(REGION)}`);
  edit('masterplan.yaml', '    name: Smart Living', `    name: ${JSON.stringify(POKJA_NAME)}`);
  edit('rpjmd.yaml', '{id: PP-3, name: Pelayanan Kesehatan, target: S1}', `{id: PP-3, name: ${JSON.stringify(`Pelayanan ${ESC}[31mKesehatan\n::error file=x::forged`)}, target: S1}`);
  edit('pokja/smart-living/3-inovasi.yaml', '    rpjmd: [PP-3]\n    opd', `    rpjmd: [PP-3, ${JSON.stringify(BAD_REF)}]\n    opd`);
  edit('pokja/smart-living/3-inovasi.yaml', 'title: Ambulance Dering', `title: ${JSON.stringify(`Ambulance ${ESC}[2JDering\r::warning::forged`)}`);
  writeFileSync(join(dir, ...FILE.split('/')), 'pokja: smart-living\nstage: 9\n');
});

describe('printable', () => {
  it.each([
    ['\x1b[31mred', '\\x1b[31mred'],
    ['a\nb\r\nc\td', 'a\\nb\\r\\nc\\td'],
    ['\u0000\u0007\u007f\u009b', '\\x00\\x07\\x7f\\x9b'],
    ['abc\u202edef\u2066\u2028', 'abc\\u202edef\\u2066\\u2028'],
    ['Kabupaten Banggai – 2022 “ok” ×', 'Kabupaten Banggai – 2022 “ok” ×'],
  ])('%j → %j', (input, output) => expect(printable(input)).toBe(output));
});

describe('validate', () => {
  it('text: values and file names with ESC and line breaks stay on their line, escaped', async () => {
    const r = await runCli(['validate', dir], { cwd: REPO_ROOT });
    expect(r.stdout).not.toMatch(CONTROL);
    const lines = r.stdout.trimEnd().split('\n');
    // Every line is a diagnostic at a place, or the summary: none is a forged command.
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[^:]+(\\n::error file=y::forged\.yaml)?:\d+:\d+: (galat|peringatan): /);
    expect(lines.at(-1)).toBe('4 galat, 6 peringatan, 9 berkas diperiksa');
    expect(r.stdout).toContain('pokja/smart-living/3-inovasi.yaml:10:19: galat: program RPJMD "PP-9\\x1b[31m\\n::error file=x::forged" tidak ditemukan (unknown-reference)\n');
    expect(r.stdout).toContain('pokja/smart-living/x\\n::error file=y::forged.yaml:2:8: galat: kolom "stage" harus 1, 2, 3 atau 4 (schema)\n');
  });

  it('text in colour: only the reporter\'s own colour codes', async () => {
    const r = await runCli(['validate', dir], { cwd: REPO_ROOT, isTTY: true, env: { FORCE_COLOR: '1' } });
    const own = r.stdout.replace(/\x1b\[(0|1|2|31|32|33)m/g, '');
    expect(own).not.toMatch(CONTROL);
    expect(own).toContain('"PP-9\\x1b[31m\\n::error file=x::forged"');
  });

  it('github: one workflow command per line, nothing forged, message and properties escaped', async () => {
    const r = await runCli(['validate', dir, '--format', 'github'], { cwd: dir });
    expect(r.stdout).not.toMatch(CONTROL);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::(error|warning) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=masterplan [a-z-]+::[^\r\n]+$/);
    expect(lines.filter((l) => /^::(error|warning) file=[xy]::/.test(l) || l.startsWith('::warning::'))).toEqual([]);
    expect(r.stdout).toContain(
      '::error file=pokja/smart-living/3-inovasi.yaml,line=10,col=19,endLine=10,endColumn=59,title=masterplan unknown-reference::program RPJMD "PP-9\\x1b[31m\\n::error file=x::forged" tidak ditemukan\n',
    );
    expect(r.stdout).toContain('::error file=pokja/smart-living/x\\n%3A%3Aerror file=y%3A%3Aforged.yaml,line=2,col=8,');
  });

  it('github: % in a value is escaped as GitHub reads it (%25), so %0A in a value is not a line break', async () => {
    const d = copyFixture('small');
    const file = join(d, 'pokja/smart-living/3-inovasi.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    rpjmd: [PP-3]\n    opd', '    rpjmd: [PP-3, "PP-9%0A::error::x"]\n    opd'));
    const r = await runCli(['validate', d, '--format', 'github'], { cwd: d });
    expect(r.stdout).toContain('::program RPJMD "PP-9%250A::error::x" tidak ditemukan\n');
  });
});

describe('status and trace', () => {
  it('status text: names print as escapes, one row per line', async () => {
    const r = await runCli(['status', dir], { cwd: REPO_ROOT });
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout.split('\n')[0]).toBe('Masterplan Smart City Kabupaten <b>Uji</b> \\x1b]0;judul\\x07');
    expect(r.stdout).toContain(`${printable(POKJA_NAME)}  1 Analisis`);
    expect(r.stdout).toContain('pokja/smart-living/x ::error file=y::forged.yaml');
  });

  it('status markdown: names render exactly as written, no HTML, link, image or emphasis', async () => {
    const r = await runCli(['status', dir, '--format', 'markdown'], { cwd: REPO_ROOT });
    expect(r.stdout).not.toMatch(CONTROL);
    const tree = fromMarkdown(r.stdout, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    const kinds = new Set<string>();
    const walk = (n: Nodes) => {
      kinds.add(n.type);
      if ('children' in n) n.children.forEach((c) => walk(c as Nodes));
    };
    walk(tree);
    expect([...kinds].sort()).toEqual(['heading', 'paragraph', 'root', 'strong', 'table', 'tableCell', 'tableRow', 'text']);
    // (Zero-width spaces keep bare addresses from becoming links: they do not show.)
    const text = (n: Nodes): string => ('value' in n ? n.value.replace(/\u200b/g, '') : 'children' in n ? n.children.map((c) => text(c as Nodes)).join('') : '');
    expect(text(tree.children[0] as Nodes)).toBe(`Status Masterplan Smart City ${printable(REGION)}`);
    const cells = (tree.children.filter((c) => c.type === 'table') as { children: { children: TableCell[] }[] }[]).flatMap((t) => t.children.map((row) => text(row.children[0])));
    expect(cells.filter((c) => c.startsWith('Smart'))).toEqual(['Smart Economy', printable(POKJA_NAME), 'Smart Economy', printable(POKJA_NAME)]);
  });

  it('trace text: names and ids print as escapes', async () => {
    const r = await runCli(['trace', dir], { cwd: REPO_ROOT });
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('PP-3  Pelayanan \\x1b[31mKesehatan ::error file=x::forged  2 inovasi');
    expect(r.stdout).toContain('INO-L1  Ambulance \\x1b[2JDering ::warning::forged (');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
  });
});

describe('markdownText', () => {
  it.each(['plain', 'a|b', '<img src=x onerror=alert(1)>', '**bold** _it_ ~~del~~ `code`', '[l](http://x) ![i](y)', 'https://evil.example/x', 'www.evil.example', 'mail a@b.example', '&lt;&amp;', 'back\\slash \\*', '$e=mc^2$'])(
    '%j renders as itself',
    (s) => {
      const tree = fromMarkdown(`| h |\n| --- |\n| ${markdownText(s)} |\n`, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
      const cell = (tree.children[0] as { children: { children: TableCell[] }[] }).children[1].children[0];
      expect(cell.children.map((c) => c.type)).toEqual(['text']);
      expect((cell.children[0] as { value: string }).value.replace(/\u200b/g, '')).toBe(s);
    },
  );
});
