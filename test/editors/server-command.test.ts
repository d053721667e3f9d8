// How the VS Code extension turns the `masterplan.command` setting into the process it spawns
// (editors/vscode/src/server-command.js): the Windows cases are the ones a Pokja admin with the
// single executable or an npm install meets, and the one a developer pointing at bin/masterplan.js
// meets; then the spawn it computes really starts the language server from a path with a space.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { BIN } from '../helpers/cli.js';

type Spawn = { command: string; args: string[]; options: { shell?: boolean } };
const { serverCommand } = createRequire(import.meta.url)('../../editors/vscode/src/server-command.js') as {
  serverCommand: (setting: unknown, platform?: string) => Spawn;
};

const cases: { name: string; setting: unknown; platform: string; want: Spawn }[] = [
  { name: 'default on Linux', setting: undefined, platform: 'linux', want: { command: 'masterplan', args: ['lsp'], options: {} } },
  { name: 'blank setting on Linux', setting: '  ', platform: 'linux', want: { command: 'masterplan', args: ['lsp'], options: {} } },
  { name: 'full path on macOS', setting: '/opt/masterplan/masterplan', platform: 'darwin', want: { command: '/opt/masterplan/masterplan', args: ['lsp'], options: {} } },
  { name: 'bin/masterplan.js on Linux', setting: '/src/masterplan/bin/masterplan.js', platform: 'linux', want: { command: 'node', args: ['/src/masterplan/bin/masterplan.js', 'lsp'], options: {} } },
  // npm's masterplan.cmd on PATH: only cmd.exe starts a .cmd.
  { name: 'default on Windows', setting: undefined, platform: 'win32', want: { command: 'masterplan', args: ['lsp'], options: { shell: true } } },
  {
    name: 'npm .cmd under a user folder with a space',
    setting: 'C:\\Users\\Budi Santoso\\AppData\\Roaming\\npm\\masterplan.cmd',
    platform: 'win32',
    want: { command: '"C:\\Users\\Budi Santoso\\AppData\\Roaming\\npm\\masterplan.cmd"', args: ['lsp'], options: { shell: true } },
  },
  {
    name: 'single executable, no space',
    setting: 'C:\\masterplan\\masterplan-0.1.0-win-x64.exe',
    platform: 'win32',
    want: { command: 'C:\\masterplan\\masterplan-0.1.0-win-x64.exe', args: ['lsp'], options: {} },
  },
  {
    name: 'single executable under Program Files (started without cmd.exe, which would split the path)',
    setting: 'C:\\Program Files\\masterplan\\masterplan-0.1.0-win-x64.EXE',
    platform: 'win32',
    want: { command: 'C:\\Program Files\\masterplan\\masterplan-0.1.0-win-x64.EXE', args: ['lsp'], options: {} },
  },
  {
    name: 'a path pasted with its quotes',
    setting: '"C:\\Program Files\\masterplan\\masterplan.exe"',
    platform: 'win32',
    want: { command: 'C:\\Program Files\\masterplan\\masterplan.exe', args: ['lsp'], options: {} },
  },
  {
    name: 'bin/masterplan.js on Windows (node, not Windows Script Host)',
    setting: 'D:\\kerja\\masterplan\\bin\\masterplan.js',
    platform: 'win32',
    want: { command: 'node', args: ['D:\\kerja\\masterplan\\bin\\masterplan.js', 'lsp'], options: {} },
  },
];

describe('serverCommand (masterplan.command → the spawned server)', () => {
  it.each(cases)('$name', ({ setting, platform, want }) => {
    expect(serverCommand(setting, platform)).toEqual(want);
  });
});

describe('the computed spawn starts the language server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'masterplan vscode '));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('from a .js path with a space, as the extension passes it (plus --stdio)', async () => {
    const entry = join(dir, 'masterplan.js');
    symlinkSync(BIN, entry);
    const { command, args, options } = serverCommand(entry, process.platform);
    const child = spawn(command, [...args, '--stdio'], { ...options, cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    conn.listen();
    try {
      const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} })) as {
        capabilities: Record<string, unknown>;
      };
      expect(init.capabilities).toMatchObject({ hoverProvider: true, completionProvider: expect.anything() });
      await conn.sendRequest('shutdown');
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await conn.sendNotification('exit');
      expect(await exited).toBe(0);
    } finally {
      conn.dispose();
      child.kill();
    }
  });
});
