// `--format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality), so merge
// requests show each problem on its line. A JSON array of
// {description, check_name, fingerprint, severity, location: {path, lines: {begin}}}; paths
// relative to the project (CI_PROJECT_DIR, else the working directory).

import { createHash } from '../digest.js';
import type { Reporter } from './formats.js';

/** GitLab's scale: info, minor, major, critical, blocker. An error stops the build: major. */
const SEVERITY = { error: 'major', warning: 'minor' } as const;

export const formatGitlab: Reporter = (diagnostics, _summary, opts) => {
  const list = opts.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const seen = new Map<string, number>();
  const issues = list.map((d) => {
    const path = opts.displayPath(d.file);
    // GitLab compares reports of the base and the merge request by fingerprint: it must not move
    // when lines above shift, and identical problems in one file still differ (their order).
    const key = `${d.rule}\0${path}\0${d.message}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      description: d.message,
      check_name: d.rule,
      fingerprint: createHash('sha256').update(`${key}\0${n}`).digest('hex'),
      severity: SEVERITY[d.severity],
      location: { path, lines: { begin: d.line } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
};
