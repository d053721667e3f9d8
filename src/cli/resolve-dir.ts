// `[DIR]` for commands that read a whole masterplan (status, trace): DIR must be a folder; without
// it the masterplan is found upward from the working directory, as for validate.

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { locale } from '../i18n/index.js';
import type { Lang } from '../model/types.js';
import { resolveTarget, UsageError } from './context.js';

export function resolveDir(dir: string | undefined, lang: Lang | undefined, cwd: string): string {
  if (dir === undefined) return resolveTarget([], lang, cwd).root;
  const abs = resolve(cwd, dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UsageError(locale(lang ?? 'id').messages.notADirectory(dir));
  return resolveTarget([dir], lang, cwd).root;
}
