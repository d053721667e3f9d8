// Helpers for the workflow commands' tests: fixture folders copied to a temp folder, a tiny
// RFC 4180 CSV reader, and a snapshot of a folder's files (content + mtime) to prove that a
// command changed nothing.

import { cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/fixtures.js';

export const WORKFLOW_FIXTURES = fileURLToPath(new URL('../fixtures/workflow', import.meta.url));
export const SMALL = join(WORKFLOW_FIXTURES, 'small');

/** A fresh copy of test/fixtures/workflow/<name> in a temp folder (removed by removeTemps). */
export function copyFixture(name: string): string {
  const dir = join(tempDir(), name);
  mkdirSync(dir);
  cpSync(join(WORKFLOW_FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Every file under `root` (relative, `/` separators, sorted). */
export function listFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(root, path));
    else out.push(path);
  }
  return out.sort();
}

export function snapshot(root: string): Map<string, { content: string; mtimeMs: number }> {
  return new Map(
    listFiles(root).map((f) => [f, { content: readFileSync(join(root, f), 'utf8'), mtimeMs: statSync(join(root, f)).mtimeMs }]),
  );
}

/** RFC 4180: fields split by `delimiter`, records by CRLF; quoted fields may hold both and "". */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r' || c === '"') {
      throw new Error(`bare ${JSON.stringify(c)} at offset ${i}: not RFC 4180 with CRLF records`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) throw new Error('last record not ended by CRLF');
  return rows;
}
