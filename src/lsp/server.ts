// `masterplan lsp --stdio`: the Language Server Protocol over stdin/stdout (vscode-languageserver).
// Open documents stand in for their files, so problems show while typing, before saving; every
// answer comes from the same check pipeline as `masterplan validate` (src/lsp/workspace.ts).

import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Location,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import { locale, type Locale } from '../i18n/index.js';
import { complete, definition, hover, references, rename, symbols, type Symbol } from './features.js';
import { Workspace, type Place } from './workspace.js';

/** How long typing must pause before the masterplan is checked again. */
const DEBOUNCE_MS = 150;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  const workspaces = new Map<string, Workspace>();
  /** Files that were sent diagnostics last time, per workspace (to clear them when fixed). */
  const published = new Map<string, Set<string>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let initialRoots: string[] = [];

  const pathOf = (uri: string): string | undefined => {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  };
  const uriOf = (ws: Workspace, rel: string) => pathToFileURL(ws.abs(rel)).href;

  const workspaceOf = (uri: string): { ws: Workspace; rel: string } | undefined => {
    const abs = pathOf(uri);
    if (!abs) return undefined;
    const root = Workspace.rootFor(dirname(abs));
    if (!root) return undefined;
    let ws = workspaces.get(root);
    if (!ws) {
      ws = new Workspace(root);
      workspaces.set(root, ws);
    }
    const rel = ws.rel(abs);
    return rel === undefined ? undefined : { ws, rel };
  };

  const loc = (ws: Workspace): Locale => locale(ws.project.lang);

  const toPosition = (text: string, offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  const lspRange = (r: Range) => ({
    start: { line: r.line - 1, character: r.column - 1 },
    end: { line: r.endLine - 1, character: r.endColumn - 1 },
  });
  const placeRange = (ws: Workspace, p: Place) => {
    const text = ws.text(p.file) ?? '';
    return { start: toPosition(text, p.start), end: toPosition(text, p.end) };
  };

  const toLsp = (ws: Workspace, d: Diagnostic): LspDiagnostic => ({
    range: lspRange(d),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.rule,
    source: 'masterplan',
    message: d.message,
    relatedInformation: d.related
      ? [
          {
            location: { uri: uriOf(ws, d.related.file), range: lspRange(d.related) },
            message: d.rule === 'duplicate-id' ? loc(ws).lsp.relatedFirst(d.related.file) : loc(ws).lsp.relatedDefinition(d.related.file),
          },
        ]
      : undefined,
    data: d.expected !== undefined ? { expected: d.expected } : undefined,
  });

  const publish = (ws: Workspace) => {
    let project;
    try {
      project = ws.project;
    } catch (e) {
      connection.console.error(`masterplan: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const byFile = new Map<string, LspDiagnostic[]>();
    for (const d of project.diagnostics) {
      const list = byFile.get(d.file) ?? [];
      list.push(toLsp(ws, d));
      byFile.set(d.file, list);
    }
    const before = published.get(ws.root) ?? new Set<string>();
    // Open buffers always get an answer (an empty list says: checked, nothing wrong).
    for (const file of new Set([...before, ...byFile.keys(), ...ws.buffers.keys()])) {
      void connection.sendDiagnostics({ uri: uriOf(ws, file), diagnostics: byFile.get(file) ?? [] });
    }
    published.set(ws.root, new Set(byFile.keys()));
  };

  const schedule = (ws: Workspace, now = false) => {
    ws.invalidate();
    clearTimeout(timers.get(ws.root));
    if (now) return publish(ws);
    timers.set(
      ws.root,
      setTimeout(() => publish(ws), DEBOUNCE_MS),
    );
  };

  const sync = (uri: string, text: string | undefined, now: boolean) => {
    const at = workspaceOf(uri);
    if (!at) return;
    if (text === undefined) at.ws.buffers.delete(at.rel);
    else at.ws.buffers.set(at.rel, text);
    schedule(at.ws, now);
  };

  /** Runs a request against the document's workspace, answering null on anything unexpected. */
  const withDoc = <T>(uri: string, fn: (ws: Workspace, rel: string, text: string) => T): T | null => {
    const at = workspaceOf(uri);
    const doc = documents.get(uri);
    if (!at) return null;
    const text = doc?.getText() ?? at.ws.text(at.rel);
    if (text === undefined) return null;
    if (doc && at.ws.buffers.get(at.rel) !== text) {
      at.ws.buffers.set(at.rel, text);
      at.ws.invalidate();
    }
    try {
      return fn(at.ws, at.rel, text);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      connection.console.error(`masterplan: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return null;
    }
  };
  const offsetOf = (text: string, pos: { line: number; character: number }) => {
    let off = 0;
    for (let l = 0; l < pos.line; l++) {
      const nl = text.indexOf('\n', off);
      if (nl === -1) return text.length;
      off = nl + 1;
    }
    return Math.min(off + pos.character, text.length);
  };

  connection.onInitialize((params) => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    initialRoots = folders.map(pathOf).filter((p): p is string => p !== undefined);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['#', '[', ',', ' ', '-'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'masterplan' },
    };
  });

  connection.onInitialized(() => {
    // Problems of the whole masterplan show as soon as the editor opens its folder.
    for (const folder of initialRoots) {
      const root = Workspace.rootFor(folder);
      if (!root || workspaces.has(root)) continue;
      const ws = new Workspace(root);
      workspaces.set(root, ws);
      schedule(ws, true);
    }
  });

  documents.onDidOpen((e) => sync(e.document.uri, e.document.getText(), true));
  documents.onDidChangeContent((e) => sync(e.document.uri, e.document.getText(), false));
  // Closing a buffer: the file on disk counts again (unsaved changes are gone with the buffer).
  documents.onDidClose((e) => sync(e.document.uri, undefined, true));
  documents.onDidSave((e) => sync(e.document.uri, e.document.getText(), true));
  connection.onDidChangeWatchedFiles(() => {
    for (const ws of workspaces.values()) schedule(ws);
  });

  connection.onCompletion((p) =>
    withDoc(p.textDocument.uri, (ws, rel, text) => {
      const offset = offsetOf(text, p.position);
      return complete(ws, rel, text, offset, loc(ws)).map((s, i) => ({
        label: s.label,
        kind: s.kind === 'key' ? CompletionItemKind.Property : s.kind === 'id' ? CompletionItemKind.Reference : CompletionItemKind.EnumMember,
        detail: s.detail || undefined,
        documentation: s.documentation ? { kind: 'markdown' as const, value: s.documentation } : undefined,
        sortText: String(i).padStart(5, '0'),
        filterText: s.label,
        textEdit: { range: { start: toPosition(text, s.start), end: p.position }, newText: s.insert ?? s.label },
      }));
    }),
  );

  connection.onHover((p) =>
    withDoc(p.textDocument.uri, (ws, rel, text) => {
      const h = hover(ws, rel, text, offsetOf(text, p.position), loc(ws));
      if (!h) return null;
      return { contents: { kind: 'markdown' as const, value: h.markdown }, range: { start: toPosition(text, h.start), end: toPosition(text, h.end) } };
    }),
  );

  const locations = (ws: Workspace, list: Place[]): Location[] => list.map((o) => ({ uri: uriOf(ws, o.file), range: placeRange(ws, o) }));

  connection.onDefinition((p) => withDoc(p.textDocument.uri, (ws, _rel, text) => locations(ws, definition(ws, text, offsetOf(text, p.position)))));

  connection.onReferences((p) =>
    withDoc(p.textDocument.uri, (ws, _rel, text) => locations(ws, references(ws, text, offsetOf(text, p.position), p.context.includeDeclaration))),
  );

  connection.onPrepareRename((p) =>
    withDoc(p.textDocument.uri, (ws, _rel, text) => {
      const r = rename(ws, text, offsetOf(text, p.position), 'x', loc(ws));
      if (!r.ok) throw new ResponseError(-32803, r.message);
      const w = r.edits.find((o) => o.file === _rel && o.start <= offsetOf(text, p.position) && offsetOf(text, p.position) <= o.end);
      return w ? placeRange(ws, w) : null;
    }),
  );

  connection.onRenameRequest((p) =>
    withDoc(p.textDocument.uri, (ws, _rel, text) => {
      const r = rename(ws, text, offsetOf(text, p.position), p.newName, loc(ws));
      if (!r.ok) throw new ResponseError(-32803, r.message);
      const changes: Record<string, TextEdit[]> = {};
      for (const o of r.edits) (changes[uriOf(ws, o.file)] ??= []).push({ range: placeRange(ws, o), newText: p.newName });
      return { changes };
    }),
  );

  connection.onDocumentSymbol((p) =>
    withDoc(p.textDocument.uri, (_ws, rel, text) => {
      const convert = (s: Symbol): DocumentSymbol => {
        const range = { start: toPosition(text, s.start), end: toPosition(text, s.end) };
        return {
          name: s.name,
          detail: s.detail,
          kind: s.kind === 'record' ? SymbolKind.Object : s.kind === 'list' ? SymbolKind.Array : SymbolKind.Field,
          range,
          selectionRange: { start: range.start, end: range.start },
          children: s.children.map(convert),
        };
      };
      return symbols(rel, text).map(convert);
    }),
  );

  connection.onCodeAction((p) =>
    withDoc(p.textDocument.uri, (ws) =>
      p.context.diagnostics
        .filter((d) => d.source === 'masterplan' && typeof (d.data as { expected?: unknown } | undefined)?.expected === 'string')
        .map((d) => {
          const expected = (d.data as { expected: string }).expected;
          return {
            title: loc(ws).lsp.quickFix(expected),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: true,
            edit: { changes: { [p.textDocument.uri]: [{ range: d.range, newText: expected }] } },
          };
        }),
    ),
  );

  documents.listen(connection);
  connection.listen();
  return connection;
}
