// What an image file is, told by its content, never by its name: PNG (signature, IHDR with a
// valid CRC, the chunk structure up to IEND) or JPEG (SOI, segments up to the first SOF), with
// width and height read from those headers. Nothing is decoded, so a small file that would
// decompress to gigabytes costs a few reads here. Other image formats are named so the message
// can say which one it is.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type ImageFormat = 'png' | 'jpeg';

export type ImageHeader =
  | {
      ok: true;
      format: ImageFormat;
      width: number;
      height: number;
      /** Bits per sample: 16 for a 16-bit PNG (twice the memory per pixel when decoded), else 8 or less. */
      depth: number;
      bytes: number;
    }
  | {
      ok: false;
      /**
       * `unsupported`: an image format the books cannot use (`format` names it); `broken`: looks
       * like PNG/JPEG but its structure is damaged or truncated; `not-image`: anything else.
       */
      problem: 'unsupported' | 'broken' | 'not-image';
      format?: string;
      bytes: number;
    };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Allowed PNG bit depths per colour type (PNG specification, table 11.1). */
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** More chunks than any real PNG has; a file made of millions of empty chunks is refused. */
const MAX_PNG_CHUNKS = 200_000;

/** Reads the header of the file at `abs` (throws only the file system's errors: open/read). */
export function readImageHeader(abs: string): ImageHeader {
  const fd = openSync(abs, 'r');
  try {
    const size = fstatSync(fd).size;
    const at = (pos: number, n: number): Buffer => {
      const buf = Buffer.alloc(n);
      const got = pos < size ? readSync(fd, buf, 0, n, pos) : 0;
      return got === n ? buf : buf.subarray(0, got);
    };
    const head = at(0, 512);
    if (PNG_SIGNATURE.every((b, i) => head[i] === b)) return png(at, size);
    if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return jpeg(at, size);
    const other = otherFormat(head);
    return other ? { ok: false, problem: 'unsupported', format: other, bytes: size } : { ok: false, problem: 'not-image', bytes: size };
  } finally {
    closeSync(fd);
  }
}

type ReadAt = (pos: number, n: number) => Buffer;

function png(at: ReadAt, size: number): ImageHeader {
  const broken: ImageHeader = { ok: false, problem: 'broken', format: 'PNG', bytes: size };
  const ihdr = at(8, 8 + 13 + 4);
  if (ihdr.length < 25 || ihdr.readUInt32BE(0) !== 13 || ihdr.toString('latin1', 4, 8) !== 'IHDR') return broken;
  if (crc32(ihdr.subarray(4, 21)) !== ihdr.readUInt32BE(21)) return broken;
  const width = ihdr.readUInt32BE(8);
  const height = ihdr.readUInt32BE(12);
  const [depth, colour, compression, filter, interlace] = ihdr.subarray(16, 21);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return broken;
  if (!PNG_DEPTHS[colour]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) return broken;
  // The chunks after IHDR: each must fit in the file; image data and the end must be there.
  let pos = 8 + 25;
  let palette = false;
  let data = false;
  for (let n = 0; n < MAX_PNG_CHUNKS; n++) {
    const h = at(pos, 8);
    if (h.length < 8) return broken;
    const length = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    if (length > 0x7fffffff || pos + 12 + length > size || !/^[A-Za-z]{4}$/.test(type)) return broken;
    if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') data = true;
    else if (type === 'IEND') return data && (colour !== 3 || palette) ? { ok: true, format: 'png', width, height, depth, bytes: size } : broken;
    pos += 12 + length;
  }
  return broken;
}

function jpeg(at: ReadAt, size: number): ImageHeader {
  const broken: ImageHeader = { ok: false, problem: 'broken', format: 'JPEG', bytes: size };
  let pos = 2;
  while (pos + 4 <= size) {
    if (at(pos, 1)[0] !== 0xff) return broken;
    // Fill bytes: any number of 0xFF before the marker code.
    let marker = 0xff;
    while (marker === 0xff && pos < size) {
      pos++;
      marker = at(pos, 1)[0] ?? 0xd9;
    }
    pos++;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker === 0xd9 || marker === 0xda || marker === 0xd8 || marker === 0x00) return broken; // no frame header before the data
    const lenBytes = at(pos, 2);
    if (lenBytes.length < 2) return broken;
    const length = lenBytes.readUInt16BE(0);
    if (length < 2 || pos + length > size) return broken;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const sof = at(pos + 2, 6);
      if (length < 8 || sof.length < 6) return broken;
      const height = sof.readUInt16BE(1);
      const width = sof.readUInt16BE(3);
      const components = sof[5];
      // Baseline, extended and progressive Huffman JPEG: what PDF's DCTDecode and browsers show.
      if (marker > 0xc2) return { ok: false, problem: 'unsupported', format: 'JPEG (lossless/arithmetic)', bytes: size };
      if (width === 0 || height === 0 || ![1, 3, 4].includes(components)) return broken;
      return { ok: true, format: 'jpeg', width, height, depth: sof[0], bytes: size };
    }
    pos += length;
  }
  return broken;
}

/** Names other image formats by their signature (for a message), or undefined. */
function otherFormat(head: Buffer): string | undefined {
  const ascii = head.toString('latin1', 0, 12);
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'GIF';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'WebP';
  if (ascii.startsWith('BM')) return 'BMP';
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'TIFF';
  if (ascii.slice(4, 8) === 'ftyp') {
    const brand = ascii.slice(8, 12);
    if (/^(avif|avis)$/.test(brand)) return 'AVIF';
    if (/^(heic|heix|hevc|heif|mif1|msf1)$/.test(brand)) return 'HEIC';
  }
  if (head[0] === 0 && head[1] === 0 && head[2] === 1 && head[3] === 0) return 'ICO';
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<') && /<svg[\s>]/i.test(text)) return 'SVG';
  return undefined;
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 as PNG uses it (ISO 3309), over the chunk type and data. */
export function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
