// npm's `prepare`: it runs after `npm install` in a clone of this repository and when npm installs
// masterplan from a git URL or a folder. Both need dist/ built, which needs the devDependencies
// (esbuild, ajv's standalone code). A package tarball (`npm pack`, built in `prepack`) carries
// dist/ and never runs this.
//
// `npm install -g git+…` and `npm install -g <folder>` run this in the clone without the
// devDependencies (npm passes its global setting on to the install it runs there, so nothing is
// installed in the clone): then they are installed here first, into the clone only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const canBuild = async () =>
  import('esbuild').then(
    () => true,
    () => false,
  );

if (!(await canBuild())) {
  if (existsSync(new URL('../dist/cli.js', import.meta.url)) && !existsSync(new URL('../src', import.meta.url))) process.exit(0);
  // Only npm's own settings that do not change where or what is installed.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k) || /^npm_config_(cache|registry|userconfig|prefer_offline|offline)$/i.test(k)));
  const npm = process.env.npm_execpath && /\.c?js$/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npm'];
  process.stderr.write('masterplan: installing the build tools (devDependencies) to build dist/\n');
  const r = spawnSync(
    npm[0],
    [...npm.slice(1), 'install', '--global=false', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund', '--no-package-lock'],
    { cwd: root, env, stdio: ['ignore', 2, 2], shell: npm[0] === 'npm' && process.platform === 'win32' },
  );
  if (r.status !== 0 || !(await canBuild())) {
    process.stderr.write('masterplan: could not install the build tools; run `npm ci` in the masterplan folder, or install a release tarball (see README)\n');
    process.exit(1);
  }
}
await import('./build.mjs');
