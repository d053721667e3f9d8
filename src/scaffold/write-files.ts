// Writes planned files into a folder without ever replacing one: each file is created with the
// exclusive flag, so an existing file (or one created meanwhile) is skipped, not overwritten.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedFile } from './plan.js';

export interface WriteResult {
  path: string;
  created: boolean;
  /** Not written because this worksheet already holds its Pokja × stage (see PlannedFile). */
  coveredBy?: string;
}

export function writeNew(root: string, files: readonly PlannedFile[]): WriteResult[] {
  return files.map((f) => {
    if (f.coveredBy !== undefined) return { path: f.path, created: false, coveredBy: f.coveredBy };
    const abs = join(root, ...f.path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    try {
      writeFileSync(abs, f.content, { flag: 'wx' });
      return { path: f.path, created: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { path: f.path, created: false };
      throw e;
    }
  });
}
