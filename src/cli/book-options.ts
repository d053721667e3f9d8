// Options shared by the commands that render books (`build`, `serve`): the templates folder
// and the date shown, both checked before any work starts (a bad one is exit 2).

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BuildDateError, buildDate } from '../publish/build-date.js';
import type { Locale } from '../i18n/index.js';
import { UsageError, type Io } from './context.js';

/** `--templates DIR`, resolved against the working directory; it must be a folder. */
export function templatesOption(io: Io, value: string | undefined, t: Locale['messages']): string | undefined {
  if (value === undefined) return undefined;
  const dir = resolve(io.cwd, value);
  if (!(existsSync(dir) && statSync(dir).isDirectory())) throw new UsageError(t.templatesMissing(value));
  return dir;
}

/** The date the books show: SOURCE_DATE_EPOCH when set, else today. */
export function bookDate(io: Io, t: Locale['messages']): Date {
  try {
    return buildDate(io.env);
  } catch (e) {
    if (e instanceof BuildDateError) throw new UsageError(t.badSourceDateEpoch(e.value));
    throw e;
  }
}
