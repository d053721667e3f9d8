// Size limits that keep a build's memory bounded (README, Performance): a file over 10 MB,
// a Markdown text over 10 MB, more than 10 MB of Markdown in all, a block the parser
// cannot split over 512 KB, and a text with `]:` over 512 KB are errors at their place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMarkdownSize } from '../../src/check/markdown-size.js';
import { Collector } from '../../src/diagnostics/collector.js';
import { locale } from '../../src/i18n/index.js';
import { MAX_FILE_MB, parseFile } from '../../src/load/parse-file.js';
import { checkProject } from '../../src/pipeline.js';
import { makeFixture, removeTemps } from '../helpers/fixtures.js';

const en = locale('en').messages;
const id = locale('id').messages;
const INNOVATION = 'pokja/smart-economy/3-inovasi.md';
afterAll(removeTemps);

function errors(overlay: Record<string, string>) {
  const root = makeFixture(undefined, overlay);
  return checkProject(root).diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line, d.column, d.rule, d.message]);
}

/** The base worksheet with its body replaced by `body` (front matter kept). */
function withBody(body: string): string {
  const text = readFileSync(join('test/fixtures/validate/base', INNOVATION), 'utf8');
  return text.slice(0, text.indexOf('\n---\n') + 5) + body;
}
const frontMatterLines = (): number => withBody('').split('\n').length - 1;

describe('Markdown size limits', () => {
  it('refuses a file over 10 MB at 1:1, YAML and .md alike', () => {
    expect(MAX_FILE_MB).toBe(10);
    const big = new Uint8Array(MAX_FILE_MB * 1024 * 1024 + 1).fill(0x61);
    for (const rel of ['pokja/a/3-inovasi.md', 'pokja/a/1-analisis.yaml', 'rpjmd.yaml']) {
      const out = new Collector();
      const file = parseFile(rel, 'worksheet', big, out);
      expect(file.fatal).toBe(true);
      expect(out.diagnostics(locale('en')).map((d) => [d.file, d.line, d.column, d.rule, d.message])).toEqual([[rel, 1, 1, 'syntax', en.fileTooLarge('10.0', '10')]]);
    }
    const out = new Collector();
    parseFile('pokja/a/1-analisis.yaml', 'worksheet', big.subarray(1), out);
    expect(out.diagnostics(locale('en')).some((d) => d.message === en.fileTooLarge('10.0', '10'))).toBe(false);
  });

  it('refuses a block that cannot be split over 512 KB, at the line it starts', () => {
    const para = 'kata '.repeat(110_000); // one 550 KB paragraph
    const diags = errors({ [INNOVATION]: withBody(`# Inovasi\n\nPembuka.\n\n${para}\n\nPenutup.\n`) });
    expect(diags).toEqual([[INNOVATION, frontMatterLines() + 5, 1, 'syntax', id.markdownBlockTooLarge('537', '512')]]);
  });

  it('accepts the same text in blocks separated by blank lines', () => {
    const paras = Array.from({ length: 200 }, (_, i) => `Paragraf ${i}: ${'kata '.repeat(600)}`).join('\n\n');
    expect(errors({ [INNOVATION]: withBody(`# Inovasi\n\n${paras}\n`) })).toEqual([]);
  });

  it('refuses a text with definitions or footnotes over 512 KB, at its start', () => {
    const paras = Array.from({ length: 200 }, (_, i) => `Paragraf ${i}[^1]: ${'kata '.repeat(600)}`).join('\n\n');
    const body = `# Inovasi\n\n${paras}\n\n[^1]: Catatan.\n`;
    const diags = errors({ [INNOVATION]: withBody(body) });
    expect(diags).toEqual([[INNOVATION, frontMatterLines() + 1, 1, 'syntax', id.markdownDefinitionsTooLarge(String(Math.round(Buffer.byteLength(body) / 1024)), '512')]]);
  });

  it('refuses a Markdown text over the text limit and Markdown over the total, once, at the text', () => {
    const { model } = checkProject('examples/banggai');
    const out = new Collector();
    checkMarkdownSize(model, out, { textMb: 1, totalMb: 0.01, blockKb: 512 });
    expect(out.list).toHaveLength(1);
    expect(out.diagnostics(locale('en'))[0].message).toMatch(/^the masterplan's Markdown is too large \(0\.0 MB with this text; limit 0\.01 MB in all\)$/);
    const out2 = new Collector();
    checkMarkdownSize(model, out2, { textMb: 0.001, totalMb: 10, blockKb: 512 });
    expect(out2.list.length).toBeGreaterThan(1);
    expect(out2.diagnostics(locale('en')).every((d) => d.message.startsWith('Markdown text is too large'))).toBe(true);
    // A text refused on its own does not count towards the total as well.
    const out3 = new Collector();
    checkMarkdownSize(model, out3, { textMb: 0.001, totalMb: 0.001, blockKb: 512 });
    expect(out3.diagnostics(locale('en')).filter((d) => d.message.startsWith("the masterplan's Markdown"))).toHaveLength(1);
    expect(out3.list.length).toBe(out2.list.length + 1);
  });
});
