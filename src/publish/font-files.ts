// The font files the HTML books' @font-face rules name (src/render/html/theme-css.ts): the
// theme's text and heading faces, published under assets/fonts/ beside the pages.

import { readFontFile } from '../package-files.js';
import { VARIANTS } from '../theme/font-catalog.js';
import { fontAssetPath, type Theme } from '../theme/theme.js';

/** Output path → bytes of every face the theme's CSS refers to. */
export function fontFiles(theme: Theme): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const family of [theme.fonts.body, theme.fonts.headings]) {
    for (const v of VARIANTS) {
      const source = family.faces[v];
      const path = fontAssetPath(source);
      if (!files.has(path)) files.set(path, source.kind === 'package' ? readFontFile(source.face) : source.bytes);
    }
  }
  return files;
}
