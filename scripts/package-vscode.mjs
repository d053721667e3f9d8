#!/usr/bin/env node
// Packages the VS Code extension (editors/vscode) into release/masterplan-vscode-<version>.vsix
// with @vscode/vsce: its own dependencies are installed from its lockfile, the client is bundled
// with esbuild into one file, and the extension's version is the package's. Not published.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ext = join(root, 'editors', 'vscode');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifestPath = join(ext, 'package.json');
const manifest = readFileSync(manifestPath, 'utf8');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Quiet unless it fails: the release prints only the paths it wrote.
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ext, stdio: ['ignore', 'pipe', 'inherit'] });

if (existsSync(join(root, 'LICENSE'))) copyFileSync(join(root, 'LICENSE'), join(ext, 'LICENSE'));
const args = process.argv.slice(2);
// --reuse-install (the VS Code test, test/editors/vscode.test.ts): an existing install of the
// extension's dependencies is kept rather than made again (npm ci here takes most of the time).
if (!(args.includes('--reuse-install') && existsSync(join(ext, 'node_modules', '.bin', 'vsce')))) {
  run(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
}
run(npm, ['run', 'bundle']);
const outDir = args.find((a) => !a.startsWith('--')) ?? join(root, 'release');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, `masterplan-vscode-${version}.vsix`);
// The extension carries the tool's version for the time of packaging only.
writeFileSync(manifestPath, manifest.replace(/"version": "[^"]*"/, `"version": "${version}"`));
try {
  run(join(ext, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', out]);
} finally {
  writeFileSync(manifestPath, manifest);
}
