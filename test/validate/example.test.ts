// The bundled example, examples/banggai, is the reference masterplan: it must validate with no
// errors and no warnings, in-process and through the real binary.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, runCliProcess, STACK_LINE } from '../helpers/cli.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'banggai');

/** masterplan.yaml + rpjmd.yaml + every worksheet under pokja/<id>/. */
function exampleFileCount(): number {
  const pokja = join(EXAMPLE, 'pokja');
  let n = 2;
  for (const dir of readdirSync(pokja, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    n += readdirSync(join(pokja, dir.name)).filter((f) => /\.(ya?ml|md)$/.test(f)).length;
  }
  return n;
}

describe('examples/banggai', () => {
  it('has the six Pokja with four stages each (sanity check of the count below)', () => {
    expect(exampleFileCount()).toBeGreaterThanOrEqual(2 + 6 * 4);
  });

  it('validates with zero errors and zero warnings (in-process, json)', async () => {
    const r = await runCli(['validate', '--format', 'json', 'examples/banggai'], { cwd: REPO_ROOT });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, files: exampleFileCount() });
    expect(r.code).toBe(0);
  });

  it('validates with --strict from inside the folder', async () => {
    const r = await runCli(['validate', '--strict'], { cwd: EXAMPLE });
    expect(r.stdout).toBe(`tidak ada masalah (${exampleFileCount()} berkas diperiksa)\n`);
    expect(r.code).toBe(0);
  });

  it('validates through the real binary: exit 0, clean output, nothing on stderr', () => {
    const r = runCliProcess(['validate', '--strict', 'examples/banggai'], { cwd: REPO_ROOT });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`tidak ada masalah (${exampleFileCount()} berkas diperiksa)\n`);
    expect(r.stdout).not.toMatch(STACK_LINE);
    expect(r.code).toBe(0);
  });
});
