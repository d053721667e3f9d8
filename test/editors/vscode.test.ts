// The VS Code extension in a real VS Code: code-server (VS Code's workbench and extension host,
// installed by `node scripts/vscode-check.mjs`) with the packaged .vsix installed, the example
// masterplan as the workspace, driven in Debian's chromium by playwright-core as a user would:
// open a worksheet, break an `rpjmd:` reference without saving, see the masterplan problem (its
// Indonesian message, rule id and position), fix it, complete a program id, hover, go to definition.
// Screenshots land in test/.tmp/vscode/.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../helpers/cli.js';
import { defaultDir, entryOf } from '../../scripts/vscode-check.mjs';
import { copyExample } from '../helpers/build.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(REPO_ROOT, 'test', '.tmp', 'vscode');
const WORKSHEET = 'pokja/smart-governance/2-program-opd.yaml'; // line 9: `    rpjmd: [PP-13, PP-04]`
const codeServer = entryOf(process.env.MASTERPLAN_CODE_SERVER ?? defaultDir);

let tmp: string;
let ws: string;
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let url: string;

/** Starts code-server on a free port; resolves with its URL once it listens. */
function startCodeServer(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, [codeServer, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.on('exit', (code) => reject(new Error(`code-server exited (${code}):\n${log}`)));
  });
}

/** Ctrl+G to `line:column`, then select `length` characters to the right. */
async function select(pos: string, length: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(pos);
  await page.keyboard.press('Enter');
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
}

const problems = () => page.locator('.markers-panel').innerText();

/** Whether an extension host's log says the extension was activated by a YAML file. */
function activatedOnYaml(): boolean {
  const logs = join(tmp, 'data', 'logs');
  if (!existsSync(logs)) return false;
  return readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('remoteexthost.log'))
    .some((f) => /_doActivateExtension masterplan\.masterplan-vscode.*onLanguage:yaml/.test(readFileSync(join(logs, f), 'utf8')));
}

describe('the VS Code extension in code-server', () => {
  beforeAll(async () => {
    if (!existsSync(codeServer)) {
      throw new Error(`code-server is not installed at ${codeServer}: run \`node scripts/vscode-check.mjs\` once (or set MASTERPLAN_CODE_SERVER to its folder)`);
    }
    tmp = mkdtempSync(join(tmpdir(), 'masterplan-vscode-'));
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'package-vscode.mjs'), tmp, '--reuse-install'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const vsix = join(tmp, `masterplan-vscode-${version}.vsix`);
    ws = join(tmp, 'ws');
    copyExample(ws);
    const dirs = ['--config', join(tmp, 'config.yaml'), '--user-data-dir', join(tmp, 'data'), '--extensions-dir', join(tmp, 'ext')];
    mkdirSync(join(tmp, 'data', 'User'), { recursive: true });
    writeFileSync(
      join(tmp, 'data', 'User', 'settings.json'),
      JSON.stringify({
        'masterplan.command': BIN,
        // VS Code in a browser saves after a second by default; the desktop default (off) keeps
        // the buffer unsaved, which is what the check is about.
        'files.autoSave': 'off',
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.tips.enabled': false,
      }),
    );
    execFileSync(process.execPath, [codeServer, ...dirs, '--install-extension', vsix], { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await startCodeServer([...dirs, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ws]);
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${url}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
    // Quick Open (VS Code's file search, ripgrep underneath) opens the worksheet.
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input');
    await page.keyboard.type(WORKSHEET.replace(/^pokja\//, ''));
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="2-program-opd.yaml"]', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines');
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.pid) {
      try {
        process.kill(-server.pid); // code-server and its extension host, hence the language server
      } catch {
        // already gone
      }
    }
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('a broken rpjmd reference, unsaved, shows as a masterplan problem in Indonesian with its rule id and place', { timeout: 60_000 }, async () => {
    const disk = readFileSync(join(ws, WORKSHEET), 'utf8');
    await select('9:13', 5);
    await page.keyboard.type('PP-99');
    // The squiggle comes once the extension has started `masterplan lsp --stdio` and it has checked the buffer.
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 45_000 });
    await page.keyboard.press('Control+Shift+M');
    // (Problems for the half-typed id may come first.)
    await expect.poll(problems, { timeout: 10_000 }).toContain('"PP-99"');
    expect((await problems()).split('\n')).toEqual([
      '2-program-opd.yamlpokja/smart-governance',
      '1',
      'program RPJMD "PP-99" tidak ditemukan; maksud Anda "PP-09"?',
      'masterplan',
      'unknown-reference',
      '[Ln 9, Col 13]',
    ]);
    // The hover of the squiggled id (from the keyboard: the squiggle is redrawn while it settles).
    await select('9:14', 0);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await expect.poll(() => hover.innerText().catch(() => ''), { timeout: 10_000 }).toContain('masterplan(unknown-reference)');
    expect(await hover.innerText()).toContain('program RPJMD "PP-99" tidak ditemukan; maksud Anda "PP-09"?');
    await page.screenshot({ path: join(SHOTS, '1-diagnostic.png') });
    expect(readFileSync(join(ws, WORKSHEET), 'utf8')).toBe(disk);
  });

  it('fixing it clears the problem', async () => {
    await page.keyboard.press('Escape');
    await select('9:13', 5);
    await page.keyboard.type('PP-13');
    await page.waitForSelector('.monaco-editor .squiggly-error', { state: 'detached', timeout: 15_000 });
    await expect.poll(problems, { timeout: 10_000 }).toBe('No problems have been detected in the workspace.');
    await page.screenshot({ path: join(SHOTS, '2-fixed.png') });
  });

  it('completes RPJMD program ids with their names', async () => {
    await select('9:13', 5);
    await page.keyboard.type('PP-');
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor({ timeout: 15_000 });
    // Each row: the id, and its name as the detail (shown for the focused row).
    const items = await rows.evaluateAll((els) =>
      els.map((e) => `${e.querySelector('.label-name')?.textContent ?? ''} ${e.querySelector('.details-label')?.textContent ?? ''}`),
    );
    expect(items.slice(0, 2)).toEqual([
      'PP-01 program RPJMD: Penanganan Anak Putus Sekolah dan Warga Dewasa Tidak Sekolah',
      'PP-02 program RPJMD: Percepatan Penurunan Stunting',
    ]);
    expect(items.map((i) => i.split(' ')[0]).slice(0, 4)).toEqual(['PP-01', 'PP-02', 'PP-03', 'PP-04']);
    await page.screenshot({ path: join(SHOTS, '3-completion.png') });
    await page.keyboard.press('Escape');
    await select('9:13', 3);
    await page.keyboard.type('PP-13');
    await page.waitForSelector('.monaco-editor .squiggly-error', { state: 'detached', timeout: 15_000 });
  });

  it('hovers a program id with its name, chain and OPD, and goes to its definition', async () => {
    await page.keyboard.press('Control+G');
    await page.keyboard.type('9:20');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await expect.poll(() => hover.innerText().catch(() => ''), { timeout: 10_000 }).toContain('PP-04 — program RPJMD: Penyediaan Peralatan Jaringan');
    expect(await hover.innerText()).toContain('OPD: DKISP (Dinas Komunikasi Informatika Statistik dan Persandian)');
    await page.screenshot({ path: join(SHOTS, '4-hover.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('F12');
    await expect.poll(() => page.locator('.tab.active').first().innerText(), { timeout: 10_000 }).toContain('rpjmd.yaml');
    await expect.poll(() => page.locator('.statusbar-item[id*="selection"]').innerText(), { timeout: 10_000 }).toBe('Ln 161, Col 9');
  });

  it('a new masterplan.command takes effect at once; one that cannot start is named', async () => {
    mkdirSync(join(ws, '.vscode'), { recursive: true });
    writeFileSync(join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'masterplan.command': '/nonexistent/masterplan' }));
    await expect
      .poll(() => page.locator('.notifications-toasts').innerText().catch(() => ''), { timeout: 20_000 })
      .toContain('masterplan: the command "/nonexistent/masterplan" could not be started. Install masterplan or set masterplan.command to its full path.');
    await page.screenshot({ path: join(SHOTS, '5-bad-command.png') });
  });

  it('starts no server for YAML outside a masterplan, and one once masterplan.yaml appears', async () => {
    // A folder of other YAML, whose masterplan.command is a wrapper that notes each start.
    const plain = join(tmp, 'plain');
    const started = join(tmp, 'plain-started');
    const wrapper = join(tmp, 'masterplan-noting');
    mkdirSync(join(plain, '.vscode'), { recursive: true });
    writeFileSync(join(plain, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\n');
    writeFileSync(wrapper, `#!/bin/sh\necho started >> '${started}'\nexec '${process.execPath}' '${BIN}' "$@"\n`, { mode: 0o755 });
    writeFileSync(join(plain, '.vscode', 'settings.json'), JSON.stringify({ 'masterplan.command': wrapper }));
    await page.goto(`${url}/?folder=${encodeURIComponent(plain)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input');
    await page.keyboard.type('pod.yaml');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="pod.yaml"]', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    // The YAML file activates the extension (VS Code's log says so) ...
    await expect.poll(() => activatedOnYaml(), { timeout: 20_000 }).toBe(true);
    await page.waitForTimeout(2000);
    // ... which starts no server here,
    expect(existsSync(started)).toBe(false);
    // until the folder becomes a masterplan.
    writeFileSync(join(plain, 'masterplan.yaml'), readFileSync(join(ws, 'masterplan.yaml')));
    await expect.poll(() => existsSync(started), { timeout: 20_000 }).toBe(true);
  });
});
