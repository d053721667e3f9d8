// How the extension starts `masterplan lsp` from the `masterplan.command` setting, as the
// { command, args, options } the language client spawns (it adds `--stdio` itself). Kept apart
// from extension.js so it can be tested without VS Code.
//
// Windows is the tricky platform:
// - npm installs the command as `masterplan.cmd`, which only cmd.exe can start (Node refuses to
//   spawn a .cmd without a shell), so a bare name or a .cmd/.bat goes through the shell;
// - cmd.exe splits an unquoted path at its spaces (C:\Users\Budi Santoso\..., C:\Program Files\...),
//   so a path given to the shell is quoted;
// - the single executable (masterplan-<version>-win-x64.exe) is started directly, no shell, so a
//   path with spaces needs nothing;
// - a .js entry (a development checkout's bin/masterplan.js) is run by `node`, never by the shell
//   (which would hand it to Windows Script Host).
const path = require('node:path');

function serverCommand(setting, platform = process.platform) {
  let command = typeof setting === 'string' ? setting.trim() : '';
  // A path pasted with its quotes ("C:\Program Files\masterplan\masterplan.exe").
  if (command.length > 1 && command.startsWith('"') && command.endsWith('"')) command = command.slice(1, -1).trim();
  if (command === '') command = 'masterplan';
  const ext = (platform === 'win32' ? path.win32 : path.posix).extname(command).toLowerCase();
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') return { command: 'node', args: [command, 'lsp'], options: {} };
  if (platform !== 'win32' || ext === '.exe' || ext === '.com') return { command, args: ['lsp'], options: {} };
  return { command: /\s/.test(command) ? `"${command}"` : command, args: ['lsp'], options: { shell: true } };
}

module.exports = { serverCommand };
