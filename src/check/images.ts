// Image check: each `![alt](path)` of a narrative is resolved as the renderers resolve it
// (src/model/asset-path.ts) and every reason it cannot be used becomes a diagnostic at the
// path in the Markdown: `unknown-reference` for a file that is not there, `unsafe-path` for
// everything else (leaving the repository, hidden places, not a PNG/JPEG, too large).

import type { Collector } from '../diagnostics/collector.js';
import { m, type Phrase } from '../diagnostics/message.js';
import { MAX_IMAGE_MB, MAX_IMAGE_MEGAPIXELS, MAX_IMAGE_SIDE, resolveAsset, type AssetPath } from '../model/asset-path.js';
import type { Markdown } from '../model/types.js';

/** Checks the image `url` written at `offset` of `md`; reports at most one problem. */
export function checkImageAt(root: string, md: Markdown, offset: number, url: string, out: Collector, raw = url): void {
  const resolved = resolveAsset(root, md.src.file, url);
  if (resolved.ok) return;
  const message = imageProblem(resolved, url);
  // Underlined as written in the source (`raw`: escapes and <…> kept), found at `offset`.
  out.inMarkdown(md, offset, raw, resolved.problem === 'missing' ? 'unknown-reference' : 'unsafe-path', message);
}

export function imageProblem(p: Exclude<AssetPath, { ok: true }>, url: string): Phrase {
  switch (p.problem) {
    case 'remote':
      return m.imageRemote(url);
    case 'outside':
      return p.link ? m.pathLinksOutside(url) : m.pathOutside(url);
    case 'hidden':
      return m.imageHidden(url, p.name);
    case 'missing':
      return m.imageNotFound(url);
    case 'unreadable':
      return m.imageUnreadable(url, m.readProblem(p.code));
    case 'bad-name':
      return m.imageBadName(url);
    case 'unsupported':
      return m.imageUnsupported(url, p.format);
    case 'not-image':
      return m.imageNotImage(url);
    case 'broken':
      return m.imageBroken(url, p.format);
    case 'too-large':
      return m.imageTooLarge(url, p.width, p.height, (p.width * p.height) / 1e6, MAX_IMAGE_MEGAPIXELS, MAX_IMAGE_SIDE);
    case 'file-too-large':
      return m.imageFileTooLarge(url, (p.bytes / 1048576).toFixed(1), String(MAX_IMAGE_MB));
  }
}
