// Image files for tests, made at test time: real small PNGs (pixels deflated), PNG and JPEG
// headers that claim any size without the pixels (the check must never decode), and the
// signatures of other formats.

import { deflateSync } from 'node:zlib';
import { crc32 } from '../../src/load/image-header.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

function ihdr(width: number, height: number, colour: number, depth: number): Buffer {
  const d = Buffer.alloc(13);
  d.writeUInt32BE(width, 0);
  d.writeUInt32BE(height, 4);
  d[8] = depth;
  d[9] = colour;
  return chunk('IHDR', d);
}

/** A real, decodable RGB PNG (8-bit) of width × height pixels (keep it small). */
export function png(width: number, height: number, colour: 2 | 6 = 2): Buffer {
  const channels = colour === 6 ? 4 : 3;
  const row = 1 + width * channels;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) for (let i = 1; i < row; i++) raw[y * row + i] = (i * 53 + y * 31) & 0xff;
  return Buffer.concat([SIGNATURE, ihdr(width, height, colour, 8), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A PNG whose header claims width × height but whose image data is a few bytes: a tiny file
 * that a decoder would blow up to width × height × 3 bytes. Structurally valid up to IEND.
 */
export function pngHeaderOnly(width: number, height: number, depth = 8): Buffer {
  return Buffer.concat([SIGNATURE, ihdr(width, height, 2, depth), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG made of SOI, an APP0 (JFIF) segment, a SOF (marker 0xC0 baseline by default) for width × height, EOI. */
export function jpegHeaderOnly(width: number, height: number, sof = 0xc0): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const frame = Buffer.from([0xff, sof, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, frame, Buffer.from([0xff, 0xd9])]);
}

export const GIF = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.from([0x3b])]);
export const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n');
