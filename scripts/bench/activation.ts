// Activation cost of the extension, measured without VS Code: each sample is a fresh `node`
// process that loads dist/extension.js with a stub `vscode` module (Module._load intercepted) and
// calls activate(context). The stub is just enough of the API for activate() and the real
// vscode-languageclient inside the bundle to run: namespaces (window, workspace, languages,
// commands, env, extensions) whose functions register nothing and return disposables, real
// EventEmitter / Disposable / Uri / CancellationTokenSource, and plain classes for the rest.
// LanguageClient.start() is NOT stubbed: it forks dist/server.js over IPC as in VS Code; activate()
// does not wait for the initialize handshake (the server starts in the background). Figures, medians
// over the samples: module load (require of the bundle), activate() until it resolves, and when
// within activate() the server process was forked. What VS Code itself adds (extension host, the
// real API's cost, reading package.json contributions) is not in these figures.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './corpus.ts';
import { median } from './throughput.ts';

export const EXTENSION_JS = path.join(REPO, 'dist', 'extension.js');

export interface ActivationSample {
  requireMs: number;
  activateMs: number;
  /** ms into activate() at which the server was forked (null if it was not). */
  forkAtMs: number | null;
  deactivateMs: number;
  /** Stubbed API members the bundle touched that have no explicit stub (for maintenance of the stub). */
  autoStubbed: string[];
}

export interface ActivationResult {
  samples: number;
  requireMs: number;
  activateMs: number;
  /** require + activate: the figure held to the target. */
  totalMs: number;
  forkAtMs: number | null;
  autoStubbed: string[];
  note: string;
}

export interface ActivationOptions {
  quick?: boolean;
  log?: (line: string) => void;
}

// The child program (plain CommonJS, run with `node -e`): no tsx, no loader hooks in the measured process.
const CHILD = String.raw`
'use strict';
const Module = require('module');
const path = require('path');
const cp = require('child_process');
const { performance } = require('perf_hooks');
const extPath = process.argv[1];
const repo = path.dirname(path.dirname(extPath));
const autoStubbed = new Set();

class Disposable {
  constructor(fn) { this._fn = fn; }
  static from(...items) { return new Disposable(() => items.forEach((d) => d && typeof d.dispose === 'function' && d.dispose())); }
  dispose() { if (this._fn) { const f = this._fn; this._fn = undefined; f(); } }
}
const noopDisposable = () => new Disposable(() => {});
class EventEmitter {
  constructor() {
    this._listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const l = thisArg ? listener.bind(thisArg) : listener;
      this._listeners.add(l);
      const d = new Disposable(() => this._listeners.delete(l));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(e) { for (const l of [...this._listeners]) l(e); }
  dispose() { this._listeners.clear(); }
}
const event = () => (_listener, _thisArg, disposables) => { const d = noopDisposable(); if (Array.isArray(disposables)) disposables.push(d); return d; };
class CancellationTokenSource {
  constructor() { const em = new EventEmitter(); this._em = em; this.token = { isCancellationRequested: false, onCancellationRequested: em.event }; }
  cancel() { this.token.isCancellationRequested = true; this._em.fire(undefined); }
  dispose() { this._em.dispose(); }
}
class Uri {
  constructor(scheme, authority, p, query, fragment) { this.scheme = scheme; this.authority = authority || ''; this.path = p || ''; this.query = query || ''; this.fragment = fragment || ''; }
  get fsPath() { return this.path; }
  static file(p) { return new Uri('file', '', p); }
  static parse(s) { const m = /^([a-z][a-z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(s); return m ? new Uri(m[1], m[2], decodeURIComponent(m[3]), m[4], m[5]) : new Uri('file', '', s); }
  static joinPath(base, ...parts) { return base.with({ path: path.posix.join(base.path, ...parts) }); }
  static from(c) { return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment); }
  with(c) { return new Uri(c.scheme ?? this.scheme, c.authority ?? this.authority, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment); }
  toString() { return this.scheme + '://' + this.authority + this.path; }
  toJSON() { return { scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment }; }
}
class CancellationError extends Error {}
class Position { constructor(line, character) { this.line = line; this.character = character; } }
class Range { constructor(a, b, c, d) { if (typeof a === 'number') { this.start = new Position(a, b); this.end = new Position(c, d); } else { this.start = a; this.end = b; } } }
class Selection extends Range {}
class Location { constructor(uri, range) { this.uri = uri; this.range = range; } }
class ThemeColor { constructor(id) { this.id = id; } }
class RelativePattern { constructor(base, pattern) { this.baseUri = base; this.pattern = pattern; } }
class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? this.value + '.' + part : part); }
  contains(other) { return this.value === other.value || other.value.startsWith(this.value + '.'); }
  intersects(other) { return this.contains(other) || other.contains(this); }
}
for (const k of ['Empty', 'QuickFix', 'Refactor', 'RefactorExtract', 'RefactorInline', 'RefactorMove', 'RefactorRewrite', 'Source', 'SourceOrganizeImports', 'SourceFixAll', 'Notebook']) {
  CodeActionKind[k] = new CodeActionKind(k === 'Empty' ? '' : k.replace(/([a-z])([A-Z])/g, '$1.$2').toLowerCase());
}

/** An enum: any member is a distinct number. */
const enumStub = (name) => new Proxy({}, { get: (t, p) => (typeof p === 'string' ? (t[p] ??= Object.keys(t).length + 1) : undefined) });
/** A plain class for types the bundle only constructs or extends. */
const classStub = (name) => ({ [name]: class { constructor(...args) { this.args = args; } } })[name];

/** Anything: a callable, constructible object whose members are more of the same (not thenable). */
function anything(name) {
  return new Proxy(function () {}, {
    get(_t, p) {
      if (p === 'then' || typeof p === 'symbol') return undefined;
      if (p === 'dispose') return () => {};
      autoStubbed.add(name + '.' + String(p));
      return anything(name + '.' + String(p));
    },
    apply() { return anything(name + '()'); },
    construct() { return anything('new ' + name); },
  });
}

/** A namespace: explicit members, and for the rest events (onDid…), registrations (register…, create…) or anything. */
function namespace(name, members) {
  return new Proxy(members, {
    get(t, p) {
      if (p in t || typeof p === 'symbol') return t[p];
      const key = String(p);
      autoStubbed.add(name + '.' + key);
      if (/^on[A-Z]/.test(key)) return event();
      if (/^register/.test(key)) return () => noopDisposable();
      return anything(name + '.' + key);
    },
  });
}

const outputChannel = (name) => namespace('OutputChannel', {
  name, logLevel: 2, onDidChangeLogLevel: event(),
  append() {}, appendLine() {}, replace() {}, clear() {}, show() {}, hide() {}, dispose() {},
  trace() {}, debug() {}, info() {}, warn() {}, error() {},
});
const configuration = () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => {} });
const watcher = () => ({ onDidCreate: event(), onDidChange: event(), onDidDelete: event(), dispose() {}, ignoreCreateEvents: false, ignoreChangeEvents: false, ignoreDeleteEvents: false });

const vscode = {
  version: '1.91.0',
  Disposable, EventEmitter, CancellationTokenSource, CancellationError, Uri, Position, Range, Selection, Location, ThemeColor, RelativePattern, CodeActionKind,
  window: namespace('window', {
    visibleTextEditors: [], activeTextEditor: undefined, visibleNotebookEditors: [], activeNotebookEditor: undefined,
    tabGroups: { all: [], activeTabGroup: { tabs: [] }, onDidChangeTabs: event(), onDidChangeTabGroups: event() },
    createOutputChannel: (name) => outputChannel(name),
    createTextEditorDecorationType: () => ({ key: 'decoration', dispose() {} }),
    createStatusBarItem: () => namespace('StatusBarItem', { show() {}, hide() {}, dispose() {} }),
    showInformationMessage: async () => undefined, showWarningMessage: async () => undefined, showErrorMessage: async () => undefined,
    setStatusBarMessage: () => noopDisposable(),
  }),
  workspace: namespace('workspace', {
    workspaceFolders: undefined, textDocuments: [], notebookDocuments: [], name: undefined, rootPath: undefined, isTrusted: true,
    getConfiguration: () => configuration(),
    getWorkspaceFolder: () => undefined,
    createFileSystemWatcher: () => watcher(),
    fs: { readFile: async () => { throw new Error('ENOENT'); }, writeFile: async () => {}, createDirectory: async () => {}, stat: async () => { throw new Error('ENOENT'); } },
    asRelativePath: (p) => String(p),
  }),
  languages: namespace('languages', {
    match: () => 0,
    getLanguages: async () => ['plaintext', 'markdown'],
    createDiagnosticCollection: (name) => namespace('DiagnosticCollection', { name, set() {}, delete() {}, clear() {}, forEach() {}, get: () => undefined, has: () => false, dispose() {} }),
  }),
  commands: namespace('commands', { registerCommand: () => noopDisposable(), executeCommand: async () => undefined, getCommands: async () => [] }),
  env: namespace('env', { appName: 'Visual Studio Code', appRoot: repo, language: 'en', machineId: 'bench', sessionId: 'bench', uriScheme: 'vscode', remoteName: undefined, uiKind: 1, shell: '/bin/sh', openExternal: async () => true }),
  extensions: namespace('extensions', { all: [], getExtension: () => undefined, onDidChange: event() }),
};
const ENUMS = ['DiagnosticSeverity', 'DiagnosticTag', 'SymbolKind', 'SymbolTag', 'CompletionItemKind', 'CompletionItemTag', 'CompletionTriggerKind', 'DocumentHighlightKind',
  'FoldingRangeKind', 'FileType', 'SignatureHelpTriggerKind', 'TextDocumentSaveReason', 'InlineCompletionTriggerKind', 'CodeActionTriggerKind', 'NotebookCellKind',
  'LogLevel', 'ProgressLocation', 'DecorationRangeBehavior', 'ConfigurationTarget', 'TextEditorRevealType', 'UIKind', 'IndentAction', 'TextDocumentChangeReason',
  'InlayHintKind', 'EndOfLine', 'ColorThemeKind', 'StatusBarAlignment', 'ViewColumn', 'FileChangeType'];
for (const e of ENUMS) vscode[e] = enumStub(e);
const CLASSES = ['CompletionItem', 'CodeLens', 'DocumentLink', 'CodeAction', 'Diagnostic', 'CallHierarchyItem', 'TypeHierarchyItem', 'SymbolInformation', 'InlayHint',
  'MarkdownString', 'TextEdit', 'WorkspaceEdit', 'SnippetString', 'SnippetTextEdit', 'SignatureInformation', 'SignatureHelp', 'SemanticTokensEdits', 'SemanticTokensEdit',
  'SemanticTokens', 'SelectionRange', 'ParameterInformation', 'LinkedEditingRanges', 'InlineValueVariableLookup', 'InlineValueText', 'InlineValueEvaluatableExpression',
  'InlineCompletionList', 'InlineCompletionItem', 'InlayHintLabelPart', 'Hover', 'FoldingRange', 'DocumentSymbol', 'DocumentHighlight', 'DiagnosticRelatedInformation',
  'CompletionList', 'ColorPresentation', 'ColorInformation', 'Color', 'CallHierarchyOutgoingCall', 'CallHierarchyIncomingCall', 'TabInputText', 'TabInputTextDiff',
  'TabInputNotebook', 'TabInputCustom', 'NotebookRange', 'NotebookCellData', 'NotebookData', 'TextEditorSelectionChangeKind'];
for (const c of CLASSES) vscode[c] = classStub(c);
// Anything else at the top level is auto-stubbed (and listed); own keys are what esbuild's interop copies.
const api = new Proxy(vscode, {
  get(t, p) {
    if (p in t || typeof p === 'symbol' || p === '__esModule') return t[p];
    autoStubbed.add('vscode.' + String(p));
    return (t[p] = classStub(String(p)));
  },
});

const load = Module._load;
Module._load = function (request, parent, isMain) {
  return request === 'vscode' ? api : load.apply(this, arguments);
};
let forkAt = null;
let activateStart = 0;
const fork = cp.fork;
cp.fork = function (...args) {
  if (forkAt === null) forkAt = performance.now() - activateStart;
  return fork.apply(this, args);
};

const context = {
  subscriptions: [],
  extensionPath: repo,
  extensionUri: Uri.file(repo),
  asAbsolutePath: (p) => path.join(repo, p),
  storagePath: undefined, globalStoragePath: '/tmp', logPath: '/tmp',
  workspaceState: { get: (_k, d) => d, update: async () => {}, keys: () => [] },
  globalState: { get: (_k, d) => d, update: async () => {}, keys: () => [], setKeysForSync() {} },
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: event() },
  extensionMode: 1,
  environmentVariableCollection: anything('environmentVariableCollection'),
  extension: { id: 'diplomatic-lens.diplomatic-lens', extensionPath: repo, packageJSON: require(path.join(repo, 'package.json')) },
};

(async () => {
  const watchdog = setTimeout(() => { process.stdout.write(JSON.stringify({ error: 'activate() did not resolve within 30 s' }) + '\n'); process.exit(3); }, 30000);
  const t0 = performance.now();
  const ext = require(extPath);
  const requireMs = performance.now() - t0;
  activateStart = performance.now();
  await ext.activate(context);
  const activateMs = performance.now() - activateStart;
  const t2 = performance.now();
  if (typeof ext.deactivate === 'function') await ext.deactivate();
  for (const d of context.subscriptions) { try { d.dispose(); } catch {} }
  const deactivateMs = performance.now() - t2;
  clearTimeout(watchdog);
  process.stdout.write(JSON.stringify({ requireMs, activateMs, forkAtMs: forkAt, deactivateMs, autoStubbed: [...autoStubbed].sort() }) + '\n');
  process.exit(0);
})().catch((e) => { process.stdout.write(JSON.stringify({ error: String(e && e.stack || e) }) + '\n'); process.exit(2); });
`;

function sample(): Promise<ActivationSample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD, EXTENSION_JS], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').reverse().find((l) => l.startsWith('{'));
      let parsed: (ActivationSample & { error?: string }) | null = null;
      try {
        parsed = line ? JSON.parse(line) : null;
      } catch {
        parsed = null;
      }
      if (code === 0 && parsed && !parsed.error) resolve(parsed);
      else reject(new Error(`activation sample failed (exit ${code}): ${parsed?.error ?? ''} ${err.slice(0, 1000)}`));
    });
  });
}

export async function runActivation(opts: ActivationOptions = {}): Promise<ActivationResult> {
  const log = opts.log ?? (() => {});
  if (!existsSync(EXTENSION_JS)) throw new Error(`${EXTENSION_JS} is missing`);
  const n = opts.quick ? 3 : 9;
  await sample(); // a first process warms the file cache; not counted
  const samples: ActivationSample[] = [];
  for (let i = 0; i < n; i++) samples.push(await sample());
  const forks = samples.map((s) => s.forkAtMs).filter((x): x is number => x !== null);
  const result: ActivationResult = {
    samples: n,
    requireMs: median(samples.map((s) => s.requireMs)),
    activateMs: median(samples.map((s) => s.activateMs)),
    totalMs: median(samples.map((s) => s.requireMs + s.activateMs)),
    forkAtMs: forks.length ? median(forks) : null,
    autoStubbed: [...new Set(samples.flatMap((s) => s.autoStubbed))].sort(),
    note: 'stubbed vscode API, our code only: require(dist/extension.js) + activate() with the real LanguageClient, which forks dist/server.js and waits for initialize',
  };
  log(`  activation: require ${result.requireMs.toFixed(1)} ms + activate ${result.activateMs.toFixed(1)} ms (median of ${n})`);
  return result;
}
