// `masterplan schema`: the list, each schema printed exactly as shipped, and the printed text
// compiles in ajv (strict) — from source under vitest and from the bundled binary.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, runCliProcess } from '../helpers/cli.js';
import { SMALL } from './helpers.js';

const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv) => Ajv;
const PARTS = ['foreword', 'team', 'summary', 'introduction', 'profile', 'vision', 'governance', 'financing', 'closing', 'glossary', 'commitment'];
const NAMES = ['masterplan', 'rpjmd', 'stage-1', 'stage-2', 'stage-3', 'stage-4', ...PARTS.map((p) => `umum-${p}`), 'common'];

const LIST_ID = `Skema JSON masterplan (cetak satu dengan: masterplan schema NAMA):
  masterplan         Pengaturan masterplan (masterplan.yaml)
  rpjmd              Katalog RPJMD (rpjmd.yaml)
  stage-1            Lembar kerja tahap 1: Analisis Strategis
  stage-2            Lembar kerja tahap 2: Program OPD dan Quick Win
  stage-3            Lembar kerja tahap 3: Inovasi Pokja
  stage-4            Lembar kerja tahap 4: Peta Jalan dan Rencana Aksi
  umum-foreword      Bagian umum: Kata Pengantar (umum/)
  umum-team          Bagian umum: Tim Penyusun (umum/)
  umum-summary       Bagian umum: Ringkasan Eksekutif (umum/)
  umum-introduction  Bagian umum: Pendahuluan (umum/)
  umum-profile       Bagian umum: Gambaran Umum Daerah (umum/)
  umum-vision        Bagian umum: Visi dan Misi Smart City (umum/)
  umum-governance    Bagian umum: Tata Kelola (umum/)
  umum-financing     Bagian umum: Rencana Pembiayaan (umum/)
  umum-closing       Bagian umum: Penutup (umum/)
  umum-glossary      Bagian umum: Daftar Istilah dan Singkatan (umum/)
  umum-commitment    Bagian umum: Lembar Komitmen (umum/)
  theme              Tema buku (theme.yaml)
  common             Definisi bersama masterplan
`;

describe('masterplan schema', () => {
  it('without NAME lists the schemas with their titles', async () => {
    const r = await runCli(['schema'], { cwd: REPO_ROOT });
    expect(r.stdout).toBe(LIST_ID);
    expect(r.code).toBe(0);
  });

  it('lists in English with --lang en', async () => {
    const r = await runCli(['schema', '--lang', 'en'], { cwd: REPO_ROOT });
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'Masterplan JSON schemas (print one with: masterplan schema NAME):',
      '  masterplan         Masterplan settings (masterplan.yaml)',
      '  rpjmd              RPJMD catalog (rpjmd.yaml)',
    ]);
  });

  it('prints each schema exactly as shipped, and together they compile in strict ajv', async () => {
    const ajv = addFormats(new Ajv({ strict: true, allErrors: true }));
    const printed: Record<string, { $id: string }> = {};
    for (const name of NAMES) {
      const r = await runCli(['schema', name], { cwd: SMALL });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(REPO_ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
      printed[name] = JSON.parse(r.stdout);
      ajv.addSchema(printed[name]);
    }
    for (const name of NAMES.filter((n) => n !== 'common')) {
      const validate = ajv.getSchema(printed[name].$id)!;
      expect(validate, name).toBeTypeOf('function');
      expect(validate.errors ?? null).toBeNull();
    }
    const stage3 = ajv.getSchema(printed['stage-3'].$id)!;
    expect(stage3({ pokja: 'smart-economy', stage: 3, innovations: [] })).toBe(true);
    expect(stage3({ pokja: 'smart-economy', stage: 3, titel: 'x' })).toBe(false);
  });

  it('exits 2 on an unknown name', async () => {
    const r = await runCli(['schema', 'stage-5'], { cwd: REPO_ROOT });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('masterplan: nilai "stage-5" tidak sah untuk nama; pilihan: masterplan, rpjmd, stage-1, stage-2, stage-3, stage-4, umum-foreword, umum-team, umum-summary, umum-introduction, umum-profile, umum-vision, umum-governance, umum-financing, umum-closing, umum-glossary, umum-commitment, theme, common\n');
  });

  it('finds the schemas from the bundled binary too', () => {
    const r = runCliProcess(['schema', 'stage-2'], { cwd: SMALL });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$id).toBe('https://masterplan.id/schemas/v1/stage-2.schema.json');
  });
});
