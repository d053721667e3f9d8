// The theme as CSS, put before the template's stylesheet: the colours as the custom properties
// book.css uses, and the text and heading faces as @font-face rules over the files the build
// publishes under assets/fonts/. A region's own book.css comes after it and may override any.

import { VARIANTS, type Variant } from '../../theme/font-catalog.js';
import { fontAssetPath, mix, type Theme, type ThemeFamily } from '../../theme/theme.js';

const WEIGHT: Record<Variant, [number, 'normal' | 'italic']> = { r: [400, 'normal'], b: [700, 'normal'], i: [400, 'italic'], bi: [700, 'italic'] };

export function themeCss(theme: Theme, prefix = ''): string {
  const c = theme.colors;
  const faces = [theme.fonts.body, theme.fonts.headings]
    .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i)
    .flatMap((family) => fontFaces(family, prefix));
  const stack = (family: ThemeFamily, generic: 'serif' | 'sans-serif') =>
    `${cssName(family.name)}, ${generic === 'serif' ? '"DejaVu Serif", Georgia' : '"DejaVu Sans", system-ui, "Segoe UI", Roboto, Arial'}, ${generic}`;
  const vars = [
    `--ink: ${c.text}`,
    `--muted: ${c.muted}`,
    `--line: ${mix(c.rule, '#ffffff', 0.35)}`,
    `--tint: ${mix(c.tint, '#ffffff', 0.35)}`,
    `--accent: ${c.accent}`,
    `--accent-soft: ${c.accent_light}`,
    `--link: ${c.link}`,
    `--warn: ${c.warning}`,
    `--warn-soft: ${c.warning_fill}`,
    `--ok-soft: ${c.ok_fill}`,
    `--mark: ${c.mark}`,
    `--font-body: ${stack(theme.fonts.body, isSerif(theme.fonts.body) ? 'serif' : 'sans-serif')}`,
    `--font-heading: ${stack(theme.fonts.headings, isSerif(theme.fonts.headings) ? 'serif' : 'sans-serif')}`,
  ];
  return `/* theme (generated from theme.yaml) */\n${faces.join('\n')}\n:root { ${vars.join('; ')}; }\n`;
}

function fontFaces(family: ThemeFamily, prefix: string): string[] {
  return VARIANTS.map((v) => {
    const [weight, style] = WEIGHT[v];
    const source = family.faces[v];
    const format = source.kind === 'file' && /\.otf$/i.test(source.rel) ? 'opentype' : 'truetype';
    return `@font-face { font-family: ${cssName(family.name)}; font-weight: ${weight}; font-style: ${style}; font-display: swap; src: url("${prefix}${fontAssetPath(source)}") format("${format}"); }`;
  });
}

/** A generic family for the fallbacks: names that say serif (and are not sans) are serif. */
function isSerif(family: ThemeFamily): boolean {
  return /serif/i.test(family.name) && !/sans/i.test(family.name);
}

function cssName(name: string): string {
  return `"${name.replace(/["\\\n\r]/g, '')}"`;
}
