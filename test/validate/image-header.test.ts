// Image headers read without decoding: what the file is by content, and its width and height.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32, readImageHeader } from '../../src/load/image-header.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { GIF, jpegHeaderOnly, png, pngHeaderOnly, SVG } from '../helpers/images.js';

afterAll(removeTemps);

const dir = tempDir();
let n = 0;
function header(bytes: Uint8Array) {
  const file = join(dir, `f${n++}`);
  writeFileSync(file, bytes);
  return readImageHeader(file);
}

/** An APP1 segment of `size` bytes of payload (EXIF data comes before the frame header). */
function app1(size: number): Buffer {
  const seg = Buffer.alloc(4 + size);
  seg[0] = 0xff;
  seg[1] = 0xe1;
  seg.writeUInt16BE(size + 2, 2);
  return seg;
}

describe('readImageHeader', () => {
  it('reads the size of the example images (PNG 400×200, JPEG 400×200)', () => {
    expect(readImageHeader(join(REPO_ROOT, 'examples/banggai/assets/tahapan.png'))).toMatchObject({ ok: true, format: 'png', width: 400, height: 200 });
    expect(readImageHeader(join(REPO_ROOT, 'examples/banggai/assets/peta-jalan.jpg'))).toMatchObject({ ok: true, format: 'jpeg', width: 400, height: 200 });
  });

  it('PNG: size from IHDR, depth, no decoding (a 24000×24000 claim in a tiny file)', () => {
    expect(header(png(3, 2))).toMatchObject({ ok: true, format: 'png', width: 3, height: 2, depth: 8 });
    const big = pngHeaderOnly(24000, 24000);
    expect(big.length).toBeLessThan(200);
    expect(header(big)).toMatchObject({ ok: true, width: 24000, height: 24000 });
    expect(header(pngHeaderOnly(10, 10, 16))).toMatchObject({ ok: true, depth: 16 });
  });

  it('PNG: a damaged IHDR CRC, a truncated file, a missing IEND, an invalid depth, a palette image without PLTE are broken', () => {
    const good = png(2, 2);
    const badCrc = Buffer.from(good);
    badCrc[29] ^= 0xff;
    expect(header(badCrc)).toMatchObject({ ok: false, problem: 'broken', format: 'PNG' });
    expect(header(good.subarray(0, good.length - 6))).toMatchObject({ ok: false, problem: 'broken' });
    expect(header(good.subarray(0, good.length - 12))).toMatchObject({ ok: false, problem: 'broken' }); // no IEND
    expect(header(good.subarray(0, 8))).toMatchObject({ ok: false, problem: 'broken' });
    expect(header(pngHeaderOnly(2, 2, 3))).toMatchObject({ ok: false, problem: 'broken' }); // RGB at 3 bits
    const palette = Buffer.from(pngHeaderOnly(2, 2, 8));
    palette[25] = 3; // colour type 3 (palette), CRC fixed below
    palette.writeUInt32BE(crc32(palette.subarray(12, 29)), 29);
    expect(header(palette)).toMatchObject({ ok: false, problem: 'broken' });
  });

  it('JPEG: size from the first SOF, after large APP segments; progressive accepted; lossless/arithmetic named', () => {
    expect(header(jpegHeaderOnly(640, 480))).toMatchObject({ ok: true, format: 'jpeg', width: 640, height: 480 });
    const withExif = Buffer.concat([Buffer.from([0xff, 0xd8]), app1(60000), app1(60000), jpegHeaderOnly(1200, 900).subarray(2)]);
    expect(header(withExif)).toMatchObject({ ok: true, width: 1200, height: 900 });
    expect(header(jpegHeaderOnly(800, 600, 0xc2))).toMatchObject({ ok: true, width: 800, height: 600 });
    expect(header(jpegHeaderOnly(800, 600, 0xc3))).toMatchObject({ ok: false, problem: 'unsupported', format: 'JPEG (lossless/arithmetic)' });
    expect(header(jpegHeaderOnly(800, 0))).toMatchObject({ ok: false, problem: 'broken' });
    expect(header(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toMatchObject({ ok: false, problem: 'broken', format: 'JPEG' });
    expect(header(jpegHeaderOnly(640, 480).subarray(0, 25))).toMatchObject({ ok: false, problem: 'broken' });
  });

  it('other formats are named; anything else is not an image', () => {
    expect(header(GIF)).toMatchObject({ ok: false, problem: 'unsupported', format: 'GIF' });
    expect(header(SVG)).toMatchObject({ ok: false, problem: 'unsupported', format: 'SVG' });
    expect(header(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ format: 'SVG' });
    expect(header(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toMatchObject({ format: 'WebP' });
    expect(header(Buffer.from('BM\0\0\0\0'))).toMatchObject({ format: 'BMP' });
    expect(header(Buffer.from('II*\0\0\0\0\0'))).toMatchObject({ format: 'TIFF' });
    expect(header(Buffer.from('\0\0\0\x1cftypheic\0\0'))).toMatchObject({ format: 'HEIC' });
    expect(header(Buffer.from('[core]\n\trepositoryformatversion = 0\n'))).toMatchObject({ ok: false, problem: 'not-image' });
    expect(header(Buffer.alloc(0))).toMatchObject({ ok: false, problem: 'not-image' });
  });
});
