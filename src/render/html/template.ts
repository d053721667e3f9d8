// The page layout lives in two files a region can replace without code: book.html (markup
// with {{placeholders}}) and book.css. Each file is taken from the first folder that has it:
// `--templates DIR`, then masterplan.yaml `templates`, then the package's own templates/.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageFilePath, readPackageFile } from '../../package-files.js';

export const TEMPLATE_FILES = { html: 'book.html', css: 'book.css' } as const;

/** The placeholders book.html may use; anything else is a mistake in the template. */
export const PLACEHOLDERS = [
  'lang',
  'title',
  'css',
  'skipLabel',
  'nav',
  'cover',
  'toc',
  'body',
  'footer',
  'date',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface Template {
  html: string;
  css: string;
  /** Absolute paths the two files were read from (for messages). */
  from: { html: string; css: string };
}

/** A template the build cannot use: a file not found, or an unknown placeholder in it. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly placeholder?: string,
  ) {
    super(placeholder === undefined ? `template file ${file} not found` : `${file}: unknown placeholder {{${placeholder}}}`);
  }
}

export function loadTemplate(folders: readonly (string | undefined)[]): Template {
  const builtin = new Map<string, string>();
  // The template folders, then the package's own templates/ (files of the package, or assets of
  // the single executable).
  const pick = (name: string) => {
    for (const dir of folders) {
      if (dir === undefined) continue;
      const file = join(dir, name);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    const file = packageFilePath(`templates/${name}`);
    builtin.set(file, name);
    return file;
  };
  const from = { html: pick(TEMPLATE_FILES.html), css: pick(TEMPLATE_FILES.css) };
  const read = (file: string) => {
    const name = builtin.get(file);
    let text: string;
    if (name === undefined) text = readFileSync(file, 'utf8');
    else {
      try {
        text = readPackageFile(`templates/${name}`).toString('utf8');
      } catch {
        throw new TemplateError(name);
      }
    }
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  };
  const template = { html: read(from.html), css: read(from.css), from };
  for (const name of placeholdersIn(template.html)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      throw new TemplateError(from.html, name);
    }
  }
  return template;
}

function placeholdersIn(html: string): string[] {
  return [...html.matchAll(/\{\{\s*([^}\s]*)\s*\}\}/g)].map((m) => m[1]);
}

/**
 * Fills every placeholder in one pass, so text inside a value that looks like a placeholder
 * is never filled again. Values are ready-made HTML (or, for css, a stylesheet).
 */
export function fillTemplate(html: string, values: Record<Placeholder, string>): string {
  return html.replace(/\{\{\s*([^}\s]*)\s*\}\}/g, (_, name: string) => values[name as Placeholder] ?? '');
}

/** A stylesheet safe to put inside <style>: it cannot end the element early. */
export function styleText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}
