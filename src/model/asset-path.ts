// Image paths in narratives: resolved relative to the worksheet, and they must stay inside the
// masterplan repository (no `..` escape, no absolute path, no web address, no symlink escape).

import { existsSync, realpathSync, statSync } from 'node:fs';
import { posix, sep } from 'node:path';

export type AssetPath =
  | { ok: true; rel: string; abs: string }
  | { ok: false; problem: 'remote' | 'outside' | 'missing' };

export function resolveAsset(root: string, fromFile: string, url: string): AssetPath {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return { ok: false, problem: 'remote' };
  let path = url.split('#')[0].split('?')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep as written */
  }
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0')) return { ok: false, problem: 'outside' };
  const rel = posix.normalize(posix.join(posix.dirname(fromFile), path));
  if (rel === '..' || rel.startsWith('../') || rel === '.' ) return { ok: false, problem: 'outside' };
  const abs = root + sep + rel.split('/').join(sep);
  if (!existsSync(abs) || !statSync(abs).isFile()) return { ok: false, problem: 'missing' };
  const real = realpathSync(abs);
  const realRoot = realpathSync(root);
  if (!real.startsWith(realRoot + sep)) return { ok: false, problem: 'outside' };
  return { ok: true, rel, abs: real };
}
