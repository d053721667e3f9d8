#!/usr/bin/env node
// Installs what test/editors/vscode.test.ts needs: the extension's own dependencies
// (editors/vscode) and a real VS Code, code-server (VS Code's workbench and extension host, served
// to a browser), from the npm registry alone: nothing its install scripts would download from
// elsewhere. Linux (or macOS) with a C++ compiler, make, python3 and ripgrep.
//
//   node scripts/vscode-check.mjs [DIR]     default DIR: node_modules/.cache/code-server-<version>
//
// code-server 4.100 is VS Code 1.100 and the last release whose engines say Node 20. Its
// postinstall would fetch ripgrep from GitHub (@vscode/ripgrep) and node headers from nodejs.org,
// so the scripts are skipped and their work is done here: VS Code's own dependencies installed
// from its shrinkwrap, the native modules built with node-gyp against this Node's own headers,
// the system's `rg` put where @vscode/ripgrep looks for it, and the node_modules.asar link made.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = fileURLToPath(new URL('..', import.meta.url));
export const defaultDir = join(root, 'node_modules', '.cache', `code-server-${CODE_SERVER_VERSION}`);

/** The code-server entry point inside an install folder. */
export const entryOf = (dir) => join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const doneMark = (dir) => join(dir, '.installed');

// Quiet unless a step fails: then its whole output is shown.
function run(cmd, args, cwd, env = {}) {
  try {
    execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  } catch (e) {
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    throw new Error(`vscode-check: ${cmd} ${args.join(' ')} (in ${cwd}) failed\n${out}`);
  }
}

function which(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** node-gyp: npm's own copy, else one from the registry. */
function nodeGyp() {
  const npmRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
  const bundled = join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return existsSync(bundled) ? [process.execPath, bundled] : ['npx', '--yes', 'node-gyp@11'];
}

export function install(dir = defaultDir) {
  // The extension's own dependencies (vsce, the language client), for the test to package it.
  const ext = join(root, 'editors', 'vscode');
  if (!existsSync(join(ext, 'node_modules', '.bin', 'vsce'))) run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], ext);
  if (existsSync(doneMark(dir))) return dir;
  if (process.platform === 'win32') throw new Error('vscode-check: code-server is installed on Linux or macOS only');
  const rg = which('rg');
  if (!rg) throw new Error('vscode-check: ripgrep (rg) is missing: apt-get install ripgrep');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const npmFlags = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  run('npm', ['install', ...npmFlags, `code-server@${CODE_SERVER_VERSION}`], dir);
  const cs = join(dir, 'node_modules', 'code-server');
  const vscode = join(cs, 'lib', 'vscode');
  run('npm', ['install', ...npmFlags, '--omit=dev'], vscode);

  // Native modules, against the headers of the Node that runs this (Debian's nodejs ships them in
  // /usr/include/node); without them node-gyp would download them from nodejs.org.
  const prefix = dirname(dirname(process.execPath));
  const env = existsSync(join(prefix, 'include', 'node', 'common.gypi')) ? { npm_config_nodedir: prefix } : {};
  const [gyp, ...gypArgs] = nodeGyp();
  for (const mod of ['@vscode/spdlog', 'native-watchdog', 'node-pty']) {
    run(gyp, [...gypArgs, 'rebuild', '-j', '2'], join(vscode, 'node_modules', mod), env);
  }
  // argon2 (code-server's password check, loaded at start-up even with --auth none) is placed
  // where node-pre-gyp's loader looks.
  run(join(dir, 'node_modules', '.bin', 'node-pre-gyp'), ['rebuild', '--build-from-source', '-j', '2'], join(dir, 'node_modules', 'argon2'), env);

  const rgDir = join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  symlinkSync(rg, join(rgDir, 'rg'));
  symlinkSync('node_modules', join(vscode, 'node_modules.asar'));
  writeFileSync(doneMark(dir), `${CODE_SERVER_VERSION}\n`);
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const dir = install(process.argv[2] ? resolve(process.argv[2]) : defaultDir);
    process.stdout.write(`code-server ${CODE_SERVER_VERSION}: ${entryOf(dir)}\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
