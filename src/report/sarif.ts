// `--format sarif`: SARIF 2.1.0 (OASIS), what GitHub code scanning uploads
// (github/codeql-action/upload-sarif) and shows on pull requests in place. One run, one rule per
// rule id, paths relative to the repository (GITHUB_WORKSPACE, else the working directory).

import { createHash } from '../digest.js';
import { RULE_SEVERITY, type RuleId } from '../diagnostics/diagnostic.js';
import type { Reporter } from './formats.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const RULES = Object.keys(RULE_SEVERITY) as RuleId[];

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export const formatSarif: Reporter = (diagnostics, _summary, opts) => {
  const t = opts.locale.messages;
  const list = opts.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const seen = new Map<string, number>();
  const results = list.map((d) => {
    const path = opts.displayPath(d.file);
    // Stable across runs and unmoved by edits elsewhere in the file: rule, file, message (and
    // which of identical problems it is), not the line.
    const key = `${d.rule}\0${path}\0${d.message}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      ruleId: d.rule,
      ruleIndex: RULES.indexOf(d.rule),
      level: d.severity,
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriOf(path), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
      partialFingerprints: { 'masterplan/v1': createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32) },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'masterplan',
            informationUri: 'https://www.npmjs.com/package/masterplan',
            rules: RULES.map((id) => ({
              id,
              name: id,
              shortDescription: { text: t.ruleDescriptions[id] },
              defaultConfiguration: { level: RULE_SEVERITY[id] },
            })),
          },
        },
        language: opts.locale.bcp47,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
