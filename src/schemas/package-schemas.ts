// The JSON schemas shipped with this package (schemas/*.schema.json), found at run time from the
// package folder: `masterplan schema` prints them, `masterplan init` copies them into a new
// repository so that editors can use them offline.

import type { Lang } from '../model/types.js';
import { readPackageFile } from '../package-files.js';

/** In the order `masterplan schema` lists them: the files users write, then shared definitions. */
export const SCHEMA_NAMES = [
  'masterplan',
  'rpjmd',
  'stage-1',
  'stage-2',
  'stage-3',
  'stage-4',
  'umum-foreword',
  'umum-team',
  'umum-summary',
  'umum-introduction',
  'umum-profile',
  'umum-vision',
  'umum-governance',
  'umum-financing',
  'umum-closing',
  'umum-glossary',
  'umum-commitment',
  'theme',
  'common',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export const schemaFile = (name: SchemaName) => `${name}.schema.json`;

/** The schema file's text, exactly as shipped. */
export function readSchema(name: SchemaName): string {
  return readPackageFile(`schemas/${schemaFile(name)}`).toString('utf8');
}

/** The schema's title in one language: titles are written "Indonesian / English". */
export function schemaTitle(text: string, lang: Lang): string {
  const title = (JSON.parse(text) as { title?: unknown }).title;
  if (typeof title !== 'string') return '';
  const [id, en] = title.split(' / ');
  return (lang === 'en' ? en ?? id : id).trim();
}
