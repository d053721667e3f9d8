// src/load/decode.ts: UTF-8 only, BOM accepted; the first bad byte's offset (in the decoded text,
// i.e. UTF-16 units, the unit SourceText counts columns in).

import { describe, expect, it } from 'vitest';
import { decode, firstInvalidUtf8 } from '../../src/load/decode.js';

const b = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decode', () => {
  it('plain UTF-8', () => {
    expect(decode(b('a: é\n'))).toEqual({ ok: true, text: 'a: é\n' });
  });

  it('drops one leading BOM, keeps a second one', () => {
    expect(decode(b([0xef, 0xbb, 0xbf], 'a: 1'))).toEqual({ ok: true, text: 'a: 1' });
    expect(decode(b([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'a'))).toEqual({ ok: true, text: '\uFEFFa' });
    expect(decode(b([0xef, 0xbb, 0xbf]))).toEqual({ ok: true, text: '' });
  });

  it('a Latin-1 byte: its offset in characters, the byte, and the text before it', () => {
    expect(decode(b('x', [0xc3, 0xa9, 0xe9], 'y'))).toEqual({ ok: false, reason: 'not-utf8', offset: 2, byte: 0xe9, text: 'xé' });
  });

  it('the BOM is not counted in the offset', () => {
    expect(decode(b([0xef, 0xbb, 0xbf], 'ab', [0xff]))).toEqual({ ok: false, reason: 'not-utf8', offset: 2, byte: 0xff, text: 'ab' });
  });

  it('an astral character before the bad byte counts as two UTF-16 units', () => {
    expect(decode(b([0xf0, 0x9f, 0x98, 0x80, 0xff]))).toMatchObject({ ok: false, offset: 2, byte: 0xff });
  });

  it('NUL in valid UTF-8 is "binary", at the NUL', () => {
    expect(decode(b('ab\ncd', [0], 'e'))).toEqual({ ok: false, reason: 'binary', offset: 5, text: 'ab\ncd\0e' });
  });

  it('an invalid byte wins over an earlier NUL (the file is not UTF-8 at all)', () => {
    expect(decode(b([0, 1, 2, 0xff]))).toMatchObject({ ok: false, reason: 'not-utf8', offset: 3, byte: 0xff });
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['valid ASCII', b('abc'), 3],
    ['valid 2-, 3-, 4-byte sequences', b('é€😀'), 9],
    ['lone continuation byte', b('a', [0x80]), 1],
    ['overlong 2-byte (C0 80)', b('ab', [0xc0, 0x80]), 2],
    ['overlong 3-byte (E0 80 80)', b([0xe0, 0x80, 0x80]), 0],
    ['UTF-16 surrogate (ED A0 80)', b('a', [0xed, 0xa0, 0x80]), 1],
    ['above U+10FFFF (F4 90 80 80)', b([0xf4, 0x90, 0x80, 0x80]), 0],
    ['F5 lead byte', b([0xf5, 0x80, 0x80, 0x80]), 0],
    ['truncated at the end', b('a', [0xe2, 0x82]), 1],
    ['truncated before ASCII', b([0xe2, 0x82], 'a'), 0],
    ['0xFF', b('abc', [0xff]), 3],
  ])('%s', (_name, bytes, expected) => {
    expect(firstInvalidUtf8(bytes)).toBe(expected);
  });

  it('agrees with decode() on every invalid sample', () => {
    for (const bytes of [b('a', [0x80]), b([0xe0, 0x80, 0x80]), b('a', [0xed, 0xa0, 0x80]), b('a', [0xe2, 0x82])]) {
      const d = decode(bytes);
      expect(d.ok).toBe(false);
      expect(d.ok === false && d.reason === 'not-utf8' && d.byte).toBe(bytes[firstInvalidUtf8(bytes)]);
    }
  });
});
