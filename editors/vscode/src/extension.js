// The VS Code side of `masterplan lsp`: starts the language server (the installed masterplan
// command, or the one set in `masterplan.command`) for the YAML and Markdown files of a masterplan,
// and starts it again when that setting changes.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { serverCommand } = require('./server-command');

let client;

const command = () => vscode.workspace.getConfiguration('masterplan').get('command') || 'masterplan';

function createClient(fileEvents) {
  const { command: program, args, options } = serverCommand(command());
  // Executable with TransportKind.stdio: the client adds `--stdio` to the arguments.
  const server = { command: program, args, options, transport: TransportKind.stdio };
  return new LanguageClient(
    'masterplan',
    'masterplan',
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'file', language: 'markdown' },
      ],
      synchronize: { fileEvents },
    },
  );
}

async function activate(context) {
  const fileEvents = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,md}');
  context.subscriptions.push(
    fileEvents,
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!client || !event.affectsConfiguration('masterplan.command')) return;
      const old = client;
      client = createClient(fileEvents);
      await old.stop().catch(() => undefined);
      await start(client, command());
    }),
  );
  const begin = () => {
    client = createClient(fileEvents);
    // Not awaited: a command that cannot start must not fail the activation, or the extension
    // would stop listening for the setting that fixes it.
    start(client, command());
  };
  // VS Code also activates the extension for any YAML file (it contributes the language
  // configuration for ids): the server is started only for a workspace holding a masterplan,
  // or once one is created there (`masterplan init`).
  if ((await vscode.workspace.findFiles('**/masterplan.yaml', '**/node_modules/**', 1)).length > 0) return begin();
  const created = vscode.workspace.createFileSystemWatcher('**/masterplan.yaml', false, true, true);
  context.subscriptions.push(
    created,
    created.onDidCreate(() => {
      created.dispose();
      if (!client) begin();
    }),
  );
}

// Starts a client; when its server cannot be started, says which command failed and where to set it.
async function start(c, setting) {
  try {
    await c.start();
  } catch {
    if (c !== client) return;
    const id = vscode.env.language.toLowerCase().startsWith('id');
    const message = id
      ? `masterplan: perintah "${setting}" tidak dapat dijalankan. Pasang masterplan atau isi pengaturan masterplan.command dengan path lengkapnya.`
      : `masterplan: the command "${setting}" could not be started. Install masterplan or set masterplan.command to its full path.`;
    const open = id ? 'Buka pengaturan' : 'Open settings';
    if ((await vscode.window.showErrorMessage(message, open)) === open) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'masterplan.command');
    }
  }
}

function deactivate() {
  // A client whose server never started cannot be stopped (the client says so by rejecting).
  return client ? client.stop().catch(() => undefined) : undefined;
}

module.exports = { activate, deactivate };
