// Start-up: a check of files without problems reads them with js-yaml alone; the `yaml` library
// (positions of every node) is loaded only once a problem has to be placed or explained.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline.js';
import { yamlLibLoaded } from '../../src/source/yaml-lib.js';
import { copyExample } from '../helpers/build.js';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'banggai');

describe('the yaml library, loaded when needed', () => {
  it('is not loaded for the example (no problem), and is once a file has one', () => {
    const clean = checkProject(EXAMPLE);
    expect(clean.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(yamlLibLoaded()).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'masterplan-lazy-yaml-'));
    try {
      copyExample(dir);
      const file = join(dir, 'pokja', 'smart-society', '1-analisis.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^stage: 1$/m, 'stage: 9'));
      const broken = checkProject(dir);
      expect(broken.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toContain('pokja/smart-society/1-analisis.md:3:8 schema');
      expect(yamlLibLoaded()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
