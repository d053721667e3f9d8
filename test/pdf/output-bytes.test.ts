// The PDF bytes as pdfkit writes them (output.ts): binary strings and byte chunks in the order
// written, in blocks of 1 MB; a string is written as its bytes (one per character) and a line break.
import { describe, expect, it } from 'vitest';
import { OutputBytes } from '../../src/render/pdf/output.js';

describe('OutputBytes', () => {
  it('keeps strings and chunks in order, across blocks and longer than a block', () => {
    const out = new OutputBytes();
    const expected: Buffer[] = [];
    const line = (s: string) => {
      expect(out.pushLine(s)).toBe(s.length + 1);
      expected.push(Buffer.from(`${s}\n`, 'latin1'));
    };
    const chunk = (b: Uint8Array) => {
      out.push(b);
      expected.push(Buffer.from(b));
    };
    line('%PDF-1.7');
    line('%\xff\xff\xff\xff');
    chunk(new Uint8Array([1, 2, 3]));
    // Fills the first block almost to its end: the next line starts a new block.
    line('x'.repeat((1 << 20) - 40));
    line('1 0 obj <</Type /Catalog>> endobj and some more than fits');
    chunk(new Uint8Array(1 << 20).fill(7));
    line('y'.repeat((1 << 20) + 5));
    line('');
    line('%%EOF');
    expect(Buffer.from(out.bytes()).equals(Buffer.concat(expected))).toBe(true);
  });
});
