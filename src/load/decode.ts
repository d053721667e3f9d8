// Bytes → text: UTF-8 only (a BOM is accepted and dropped). Anything else is an `encoding` problem
// reported at the first bad byte, so the user can find it in an editor.

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; reason: 'not-utf8'; offset: number; byte: number; text: string }
  | { ok: false; reason: 'binary'; offset: number; text: string };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decode(bytes: Uint8Array): Decoded {
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = strict.decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    // The text before the bad byte gives the line and column of the problem.
    const prefix = lenient.decode(body.subarray(0, bad));
    return { ok: false, reason: 'not-utf8', offset: prefix.length, byte: body[bad] ?? 0, text: prefix };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) return { ok: false, reason: 'binary', offset: nul, text };
  return { ok: true, text };
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    if (i + n >= b.length) return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}
