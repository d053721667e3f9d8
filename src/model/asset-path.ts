// Image paths in narratives: resolved relative to the worksheet, and they must stay inside the
// masterplan repository with every symlink resolved (no `..` escape, no absolute path, no web
// address, no link that leaves), avoid hidden files and folders (`.git/`, `.env`), and name a
// real PNG or JPEG (told by its content) of a size the PDF renderer can afford to decode.
// The check, the HTML renderer and the PDF renderer all resolve images here, so they agree.

import { readImageHeader, type ImageFormat } from '../load/image-header.js';
import { hiddenName, resolveInside } from '../load/inside-repo.js';

/**
 * The pixels of one image (half as many for a 16-bit PNG): the PDF renderer decodes a PNG with
 * transparency whole, ~18 bytes per pixel at its peak (25 megapixels: ~460 MB; 16-bit: twice).
 */
export const MAX_IMAGE_MEGAPIXELS = 25;
/** The longest side of an image, in pixels. */
export const MAX_IMAGE_SIDE = 16384;
/** The size of one image file. */
export const MAX_IMAGE_MB = 50;
/** File names an image may have: the HTML books serve a copy under the same name. */
const IMAGE_NAME = /\.(png|jpe?g)$/i;

export type AssetProblem =
  /** A web address (the books are self-contained). */
  | { problem: 'remote' }
  /** Leaves the repository, as written or (`link`) through a symlink. */
  | { problem: 'outside'; link?: boolean }
  /** A hidden file or folder on the way (`.git`, `.env`…): `name` is the first one. */
  | { problem: 'hidden'; name: string }
  | { problem: 'missing' }
  /** There but cannot be read (`code`: EACCES, EISDIR, ELOOP…). */
  | { problem: 'unreadable'; code: string }
  /** Not named .png, .jpg or .jpeg. */
  | { problem: 'bad-name' }
  /** Another image format (`format`: GIF, SVG, WebP…). */
  | { problem: 'unsupported'; format: string }
  /** Named like an image, but not one. */
  | { problem: 'not-image' }
  /** A damaged or truncated PNG or JPEG. */
  | { problem: 'broken'; format: string }
  /** Too many pixels, or too long a side. */
  | { problem: 'too-large'; width: number; height: number; budget: number }
  /** A file over MAX_IMAGE_MB. */
  | { problem: 'file-too-large'; bytes: number };

export type AssetPath =
  | { ok: true; rel: string; abs: string; format: ImageFormat; width: number; height: number }
  | ({ ok: false } & AssetProblem);

export function resolveAsset(root: string, fromFile: string, url: string): AssetPath {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return { ok: false, problem: 'remote' };
  let path = url.split('#')[0].split('?')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep as written */
  }
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0')) return { ok: false, problem: 'outside' };
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '.';
  const joined = dir + '/' + path;
  const found = resolveInside(root, joined);
  if (!found.ok) {
    if (found.problem === 'outside') return { ok: false, problem: 'outside', link: found.rel !== undefined };
    if (found.problem === 'git') return { ok: false, problem: 'hidden', name: '.git' };
    if (found.problem === 'missing' || found.problem === 'dangling') {
      // A hidden name is refused before its existence is told.
      const hidden = found.rel !== undefined ? hiddenName(found.rel) : undefined;
      return hidden ? { ok: false, problem: 'hidden', name: hidden } : { ok: false, problem: 'missing' };
    }
    return { ok: false, problem: 'unreadable', code: found.code ?? 'EIO' };
  }
  if (found.rel === '.') return { ok: false, problem: 'outside' };
  // Hidden names count both as written and where the links lead (assets/x.png → ../.git/config).
  const hidden = hiddenName(found.rel) ?? hiddenName(found.realRel);
  if (hidden) return { ok: false, problem: 'hidden', name: hidden };
  if (found.kind === 'directory') return { ok: false, problem: 'unreadable', code: 'EISDIR' };
  if (found.kind !== 'file') return { ok: false, problem: 'not-image' };
  let header;
  try {
    header = readImageHeader(found.abs);
  } catch (e) {
    return { ok: false, problem: 'unreadable', code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
  }
  if (!header.ok) {
    if (header.problem === 'unsupported') return { ok: false, problem: 'unsupported', format: header.format ?? '?' };
    if (header.problem === 'broken') return { ok: false, problem: 'broken', format: header.format ?? '?' };
    return { ok: false, problem: 'not-image' };
  }
  if (!IMAGE_NAME.test(found.rel)) return { ok: false, problem: 'bad-name' };
  if (header.bytes > MAX_IMAGE_MB * 1024 * 1024) return { ok: false, problem: 'file-too-large', bytes: header.bytes };
  // A 16-bit PNG takes twice the memory per pixel when decoded: it gets half the pixels.
  const budget = (MAX_IMAGE_MEGAPIXELS * 1_000_000) / (header.format === 'png' && header.depth === 16 ? 2 : 1);
  if (header.width > MAX_IMAGE_SIDE || header.height > MAX_IMAGE_SIDE || header.width * header.height > budget) {
    return { ok: false, problem: 'too-large', width: header.width, height: header.height, budget };
  }
  return { ok: true, rel: found.rel, abs: found.abs, format: header.format, width: header.width, height: header.height };
}

