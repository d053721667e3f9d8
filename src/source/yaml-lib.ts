// The `yaml` library (a parser that keeps every node's position) is loaded only when it is
// needed: to place a reported problem, to explain a syntax error, or in the language server.
// A run over files without problems reads them with js-yaml alone and never pays for it.
//
// `require` is synchronous, as the callers are. In the bundles (dist/, the single executable)
// esbuild bundles the required module as a lazily evaluated one; from the TypeScript sources
// (tests) Node's own require loads it.

import { createRequire } from 'node:module';

type YamlLib = typeof import('yaml');

let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  if (lib) return lib;
  // A free `require` is what esbuild bundles; the sources run as ES modules without one.
  lib = typeof require === 'function' ? (require('yaml') as YamlLib) : (createRequire(import.meta.url)('yaml') as YamlLib);
  return lib;
}

/** Whether the library has been loaded in this process (for the start-up test). */
export function yamlLibLoaded(): boolean {
  return lib !== undefined;
}
