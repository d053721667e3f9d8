// src/load/front-matter.ts: the YAML between "---" fences and the Markdown body, with offsets
// into the whole file.

import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/load/front-matter.js';

describe('splitFrontMatter', () => {
  it('LF: YAML and body with their offsets', () => {
    const text = '---\na: 1\n---\nbody\n';
    expect(splitFrontMatter(text)).toEqual({ ok: true, yaml: 'a: 1\n', yamlOffset: 4, body: 'body\n', bodyOffset: 13 });
    expect(text.slice(13)).toBe('body\n');
  });

  it('CRLF fences', () => {
    const text = '---\r\na: 1\r\n---\r\nbody';
    expect(splitFrontMatter(text)).toEqual({ ok: true, yaml: 'a: 1\r\n', yamlOffset: 5, body: 'body', bodyOffset: 16 });
  });

  it('"..." closes too; trailing blanks after a fence are allowed', () => {
    expect(splitFrontMatter('---  \na: 1\n... \nb')).toEqual({ ok: true, yaml: 'a: 1\n', yamlOffset: 6, body: 'b', bodyOffset: 16 });
  });

  it('empty front matter', () => {
    expect(splitFrontMatter('---\n---\n')).toEqual({ ok: true, yaml: '', yamlOffset: 4, body: '', bodyOffset: 8 });
  });

  it('the closing fence as the very last line, without a newline', () => {
    expect(splitFrontMatter('---\na: 1\n---')).toEqual({ ok: true, yaml: 'a: 1\n', yamlOffset: 4, body: '', bodyOffset: 12 });
  });

  it('an indented "---" inside a block scalar does not close', () => {
    const r = splitFrontMatter('---\na: |\n  ---\n---\nx');
    expect(r).toEqual({ ok: true, yaml: 'a: |\n  ---\n', yamlOffset: 4, body: 'x', bodyOffset: 19 });
  });

  it('only the first closing fence counts; a later "---" belongs to the body', () => {
    expect(splitFrontMatter('---\na: 1\n---\ntext\n---\n')).toMatchObject({ ok: true, yaml: 'a: 1\n', body: 'text\n---\n' });
  });

  it('missing: the first line is not a fence (its range is the first line)', () => {
    expect(splitFrontMatter('# Judul\n---\n')).toEqual({ ok: false, problem: 'missing', offset: 0, end: 7 });
    expect(splitFrontMatter('----\na: 1\n----\n')).toMatchObject({ ok: false, problem: 'missing' });
    expect(splitFrontMatter(' ---\n')).toMatchObject({ ok: false, problem: 'missing' });
    expect(splitFrontMatter('')).toEqual({ ok: false, problem: 'missing', offset: 0, end: 0 });
  });

  it('unclosed: points at the opening fence', () => {
    expect(splitFrontMatter('---\na: 1\n')).toEqual({ ok: false, problem: 'unclosed', offset: 0, end: 3 });
    expect(splitFrontMatter('---')).toEqual({ ok: false, problem: 'unclosed', offset: 0, end: 3 });
  });
});
