// The constants of src/build-info.ts, for esbuild's `define` (scripts/build.mjs, scripts/release.mjs):
// the version comes from package.json alone.
import { readFileSync } from 'node:fs';

export function buildConstants({ sea }) {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return { __MASTERPLAN_VERSION__: JSON.stringify(version), __MASTERPLAN_SEA__: String(sea) };
}
