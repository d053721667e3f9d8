// What a font file is, from its first bytes and its table directory (nothing is parsed further):
// the PDF embeds TrueType and OpenType (CFF) files; WOFF, WOFF2 and collections are refused, and so
// is a file whose table directory is cut off or lacks the tables every renderer needs.

export type FontHeader =
  | { ok: true; format: 'truetype' | 'opentype' }
  | { ok: false; problem: 'woff' | 'collection' | 'not-font' | 'broken'; format?: string };

const REQUIRED = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'];

export function readFontHeader(bytes: Uint8Array): FontHeader {
  if (bytes.length < 12) return { ok: false, problem: 'not-font' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  const version = view.getUint32(0);
  let format: 'truetype' | 'opentype';
  if (version === 0x00010000 || tag === 'true') format = 'truetype';
  else if (tag === 'OTTO') format = 'opentype';
  else if (tag === 'wOFF') return { ok: false, problem: 'woff', format: 'WOFF' };
  else if (tag === 'wOF2') return { ok: false, problem: 'woff', format: 'WOFF2' };
  else if (tag === 'ttcf') return { ok: false, problem: 'collection' };
  else return { ok: false, problem: 'not-font' };
  const count = view.getUint16(4);
  if (count === 0 || 12 + count * 16 > bytes.length) return { ok: false, problem: 'broken', format: label(format) };
  const tables = new Set<string>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const name = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > bytes.length) return { ok: false, problem: 'broken', format: label(format) };
    tables.add(name);
  }
  const outlines = format === 'truetype' ? tables.has('glyf') && tables.has('loca') : tables.has('CFF ');
  if (!outlines || REQUIRED.some((t) => !tables.has(t))) return { ok: false, problem: 'broken', format: label(format) };
  return { ok: true, format };
}

function label(format: 'truetype' | 'opentype'): string {
  return format === 'truetype' ? 'TrueType' : 'OpenType';
}
