// The bundled example, examples/banggai, is the reference masterplan: it must validate with no
// errors and no warnings, in-process and through the real binary.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PART_NAMES } from '../../src/model/types.js';
import { allInnovations, allMarkdown, allQuickWins } from '../../src/model/walk.js';
import { checkProject } from '../../src/pipeline.js';
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
  // The region-level parts under umum/.
  n += readdirSync(join(EXAMPLE, 'umum')).filter((f) => /\.(ya?ml|md)$/.test(f)).length;
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

describe('examples/banggai: the additions to format 1 and what public sources say', () => {
  const { model } = checkProject(EXAMPLE);
  const innovations = allInnovations(model);

  it('has every umum/ part and the new settings', () => {
    expect(Object.keys(model.parts).sort()).toEqual([...PART_NAMES].sort());
    expect(model.issuer).toBe('Pemerintah Kabupaten Banggai');
    expect(model.agency).toBe('DKISP');
    expect(model.edition).toEqual({ date: '2023-04-28', version: '1.0', status: 'final' });
    expect(innovations.every((i) => i.action !== undefined)).toBe(true);
    expect(allQuickWins(model).every((q) => q.status !== undefined && q.progress !== undefined)).toBe(true);
  });

  it('the introduction lives in umum/, not in the Smart Governance chapter', () => {
    const governance = model.books[0].chapters.find((c) => c.pokja === 'smart-governance')!;
    expect(governance.narratives.map((n) => n.text).join('\n')).not.toMatch(/## Latar belakang|Bimtek pertama digelar/);
    expect(model.parts.introduction!.background!.text).toContain('Bimtek pertama digelar');
  });

  it('follows the public record: facilitator, E-Kalibosi, Perbup, SPBE 2023, programme name', () => {
    const all = allMarkdown(model).map((m) => m.text).join('\n') + JSON.stringify(model.parts.introduction);
    expect(all).toContain('Lukito Edi Nugroho');
    expect(all).not.toContain('Lukito Adi');
    const kalibosi = innovations.find((i) => i.title === 'E-Kalibosi')!;
    expect(kalibosi.element).toBe('interaksi-masyarakat');
    expect(kalibosi.description!.text).toMatch(/kelompok-kelompok kerukunan/);
    const perbup = model.books[3].chapters.flatMap((c) => c.regulations).find((r) => /Masterplan Smart City/.test(r.title))!;
    expect(perbup.status).not.toBe('enacted');
    const spbe = model.rpjmd.programs.flatMap((p) => p.indicators).find((i) => i.name === 'Indeks SPBE')!;
    expect(spbe.baseline).toBe(3.23);
    for (const t of spbe.targets) expect(t.value).toBeGreaterThan(3.23);
    const analysis = model.books[0].chapters.find((c) => c.pokja === 'smart-governance')!;
    expect(analysis.readiness.structure.opportunities.join(' ')).toContain('Gerakan Menuju Kota Cerdas (Smart City)');
  });
});
