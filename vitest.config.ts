import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The constants scripts/build.mjs defines for the bundle (src/build-info.ts), for the sources.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __MASTERPLAN_VERSION__: JSON.stringify(version), __MASTERPLAN_SEA__: 'false' },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at a time even on a 2-core machine (vitest's default there is one): most
    // files wait on child processes (the CLI, chromium, git, code-server), so the suite takes
    // about 4 minutes instead of 6.5.
    maxWorkers: 2,
    // The CLI's caches between runs (bin/run-bundle.js) go to a folder of the suite's own, not
    // into the home folder of whoever runs the tests; tests of the caches name their own.
    env: { MASTERPLAN_CACHE: fileURLToPath(new URL('./test/.tmp/cache', import.meta.url)) },
  },
});
