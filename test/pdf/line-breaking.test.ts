// Line breaking of styled runs (inline-text.ts) by UAX #14 (break-points.ts): where a line may
// break (spaces, hyphens, slashes in addresses, between CJK ideographs), where it must
// (newlines, U+2028), soft hyphens, badges that never break, and the emergency cut of a word
// wider than the line — which never splits a letter from its accents or an emoji sequence.

import { describe, expect, it } from 'vitest';
import { breakPoints, uax14BreaksForTest } from '../../src/render/pdf/break-points.js';
import { GlyphCoverage } from '../../src/render/pdf/glyph-coverage.js';
import { layoutLines, measure, widestWord, type Line, type Run, type TextStyle } from '../../src/render/pdf/inline-text.js';

const body: TextStyle = { family: 'serif', size: 10, leading: 1.4, color: '#000' };
const kit = () => ({ glyphs: new GlyphCoverage() });
const lay = (text: string | Run[], width: number) => layoutLines(kit(), typeof text === 'string' ? [{ text, style: body }] : text, width);
const texts = (lines: Line[]) => lines.map((l) => l.pieces.map((p) => p.text).join(''));
/** Width of text in the body style. */
const w = (text: string) => measure('serif-r', body.size, text);

describe('UAX #14 break opportunities', () => {
  it('breaks a web address after its slashes when it does not fit the rest of the line', () => {
    const url = 'https://data.banggaikab.go.id/dataset/anggaran/berkas.csv';
    // The address fits a line of its own, not after "Lihat": it wraps at a slash instead of
    // leaving the first line short.
    const lines = texts(lay(`Lihat ${url}`, w(`Lihat ${url}`) - w('berkas.csv') + 1));
    expect(lines).toEqual(['Lihat https://data.banggaikab.go.id/dataset/anggaran/', 'berkas.csv']);
  });

  it('breaks after a hyphen between words, never inside a year range or before a closing mark', () => {
    expect(texts(lay('kata sosial-ekonomi', w('kata sosial-eko')))).toEqual(['kata sosial-', 'ekonomi']);
    expect(texts(lay('periode 2024-2029', w('periode 2024-')))).toEqual(['periode', '2024-2029']);
    expect(texts(lay('kata (lihat) !', w('kata (lihat) ')))).toEqual(['kata', '(lihat) !']);
  });

  it('never breaks inside an id or a range of numbers', () => {
    expect(texts(lay('lihat INO-GOV-2 dan SP4N-LAPOR!', w('lihat INO-GOV-2 dan SP4N-')))).toEqual(['lihat INO-GOV-2 dan', 'SP4N-LAPOR!']);
    expect(texts(lay('usia 13–15 tahun', w('usia 13–1')))).toEqual(['usia', '13–15', 'tahun']);
    // Between lowercase words the hyphen and the en dash still break.
    expect(texts(lay('a Jakarta–Luwuk', w('a Jakarta–Lu')))).toEqual(['a Jakarta–', 'Luwuk']);
  });

  it('breaks between CJK ideographs, which have no spaces', () => {
    const lines = lay('中文字符测试', w('中文字') + 0.5);
    expect(texts(lines)).toEqual(['中文字', '符测试']);
  });

  it('honours newlines and U+2028 as mandatory breaks, an empty line for two in a row', () => {
    expect(texts(lay('satu\ndua\u2028tiga', 500))).toEqual(['satu', 'dua', 'tiga']);
    expect(texts(lay('satu\n\ndua', 500))).toEqual(['satu', '', 'dua']);
    expect(texts(lay('satu\r\ndua\ttiga', 500))).toEqual(['satu', 'dua tiga']);
  });

  it('breaks at a soft hyphen with a visible hyphen, and draws none where the line does not break', () => {
    const word = 'Pember\u00addayaan';
    expect(texts(lay(`kata ${word}`, w('kata Pemberdaya')))).toEqual(['kata Pember-', 'dayaan']);
    expect(texts(lay(`kata ${word}`, 500))).toEqual(['kata Pemberdayaan']);
  });

  it('never breaks inside a badge', () => {
    const runs: Run[] = [
      { text: 'Status ', style: body },
      { text: 'sedang berjalan-lanjut', style: { ...body, badge: true } },
    ];
    // Too wide after "Status", narrow enough for a line of its own: it moves whole.
    const lines = lay(runs, w('Status sedang berjalan-lanjut'));
    expect(texts(lines)).toEqual(['Status', 'sedang\u00a0berjalan-lanjut']);
  });

  it('keeps runs of several styles together where no break is allowed between them', () => {
    const runs: Run[] = [
      { text: 'kata ', style: body },
      { text: 'tebal', style: { ...body, bold: true } },
      { text: ', lanjut', style: body },
    ];
    // No break before the comma, even though the bold word ends a run.
    expect(texts(lay(runs, w('kata tebal') + 3))).toEqual(['kata', 'tebal,', 'lanjut']);
  });

  it('gives the same breaks on plain text as the full algorithm', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789';
    for (let n = 0; n < 300; n++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 12) }, () => {
        let s = Array.from({ length: 1 + Math.floor(next() * 9) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
        if (next() < 0.3) s += ',.;:'[Math.floor(next() * 4)];
        return s;
      });
      const text = words.join(' ');
      expect(breakPoints(text), text).toEqual(uax14BreaksForTest(text));
    }
  });
});

describe('emergency cuts', () => {
  it('cuts a word wider than the line into pieces that fit', () => {
    const id = 'X'.repeat(200);
    const lines = lay(`id ${id}`, 120);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120 + 0.01);
    expect(texts(lines)[0]).toBe('id');
    expect(texts(lines).slice(1).join('')).toBe(id);
  });

  it('never separates a letter from its combining accents', () => {
    const word = 'e\u0301\u0300'.repeat(80);
    const lines = lay(word, 60);
    expect(lines.length).toBeGreaterThan(2);
    for (const t of texts(lines)) expect(t.normalize('NFD')).toMatch(/^(e\u0301\u0300)+$/);
  });

  it('reports the widest unbreakable word (a table column needs at least that)', () => {
    const runs: Run[] = [{ text: 'a https://example.org/panjang/sekali 2024-2029', style: body }];
    expect(widestWord(runs)).toBeCloseTo(Math.max(w('https://'), w('example.org/'), w('panjang/'), w('sekali'), w('2024-2029')), 5);
  });
});
