// `masterplan lsp --stdio`: runs the language server until the editor closes the connection.
// Loaded on demand, so that other commands never load vscode-languageserver.

import { startServer } from '../lsp/server.js';

export function runLsp(): Promise<number> {
  return new Promise((resolve) => {
    const connection = startServer();
    // vscode-languageserver ends the process itself on `exit`; this covers a closed stdin.
    connection.onExit(() => resolve(0));
  });
}
