// Image check: each `![alt](path)` of a narrative is resolved as the renderers resolve it
// (src/model/asset-path.ts) and every reason it cannot be used becomes a diagnostic at the
// path in the Markdown: `unknown-reference` for a file that is not there, `unsafe-path` for
// everything else (leaving the repository, hidden places, not a PNG/JPEG, too large).

import type { Collector } from '../diagnostics/collector.js';
import type { Locale } from '../i18n/index.js';
import { MAX_IMAGE_MB, MAX_IMAGE_MEGAPIXELS, MAX_IMAGE_SIDE, resolveAsset, type AssetPath } from '../model/asset-path.js';
import type { Markdown } from '../model/types.js';

/** Checks the image `url` written at `offset` of `md`; reports at most one problem. */
export function checkImageAt(root: string, md: Markdown, offset: number, url: string, out: Collector, t: Locale['messages'], raw = url): void {
  const resolved = resolveAsset(root, md.src.file, url);
  if (resolved.ok) return;
  const message = imageProblem(resolved, url, t);
  // Underlined as written in the source (`raw`: escapes and <…> kept), found at `offset`.
  out.inMarkdown(md, offset, raw, resolved.problem === 'missing' ? 'unknown-reference' : 'unsafe-path', message);
}

export function imageProblem(p: Exclude<AssetPath, { ok: true }>, url: string, t: Locale['messages']): string {
  switch (p.problem) {
    case 'remote':
      return t.imageRemote(url);
    case 'outside':
      return p.link ? t.pathLinksOutside(url) : t.pathOutside(url);
    case 'hidden':
      return t.imageHidden(url, p.name);
    case 'missing':
      return t.imageNotFound(url);
    case 'unreadable':
      return t.imageUnreadable(url, t.readProblem(p.code));
    case 'bad-name':
      return t.imageBadName(url);
    case 'unsupported':
      return t.imageUnsupported(url, p.format);
    case 'not-image':
      return t.imageNotImage(url);
    case 'broken':
      return t.imageBroken(url, p.format);
    case 'too-large':
      return t.imageTooLarge(url, p.width, p.height, (p.width * p.height) / 1e6, MAX_IMAGE_MEGAPIXELS, MAX_IMAGE_SIDE);
    case 'file-too-large':
      return t.imageFileTooLarge(url, (p.bytes / 1048576).toFixed(1), String(MAX_IMAGE_MB));
  }
}
