// `masterplan schema [NAME]`: print one of the package's JSON schemas exactly as shipped, or,
// without NAME, list the names with their titles.

import { locale } from '../i18n/index.js';
import { findRoot, peekLanguage } from '../load/load-project.js';
import type { Lang } from '../model/types.js';
import { readSchema, SCHEMA_NAMES, schemaTitle, type SchemaName } from '../schemas/package-schemas.js';
import type { Io } from './context.js';

export function runSchema(io: Io, name: SchemaName | undefined, opts: { lang?: Lang }): number {
  if (name !== undefined) {
    io.out(readSchema(name));
    return 0;
  }
  // Titles in the language of the masterplan around us, if any, like every other command.
  const root = findRoot(io.cwd, true);
  const lang = opts.lang ?? (root ? peekLanguage(root) : undefined) ?? 'id';
  const width = Math.max(...SCHEMA_NAMES.map((n) => n.length));
  const lines = [locale(lang).workflow.schemaNames, ...SCHEMA_NAMES.map((n) => `  ${n.padEnd(width)}  ${schemaTitle(readSchema(n), lang)}`)];
  io.out(lines.join('\n') + '\n');
  return 0;
}
