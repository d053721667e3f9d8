// Facts fixed when the CLI is bundled: scripts/build.mjs defines them with esbuild (and
// vitest.config.ts does the same for the tests, which run the sources), so the version is
// written in package.json alone.

declare const __MASTERPLAN_VERSION__: string;
declare const __MASTERPLAN_SEA__: boolean;

/** The package version, from package.json at build time. */
export const VERSION: string = __MASTERPLAN_VERSION__;

/** true in the single executable (scripts/release.mjs): package files come from its assets. */
export const IN_SEA: boolean = __MASTERPLAN_SEA__;
