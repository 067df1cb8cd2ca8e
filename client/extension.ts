// The VS Code side: starts the language server, forwards settings, offers commands. It never
// analyses text; everything it shows comes from the server over LSP. It also reads and writes the
// workspace side file of suppressions for the server, which has no file system access.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  CONFIG_SECTION,
  QUOTES_REQUEST,
  CLAIM_CONTENTS_REQUEST,
  SKIPPED_NOTIFICATION,
  SUPPRESSIONS_NOTIFICATION,
  SUPPRESSIONS_FILE,
  ADD_SUPPRESSION_COMMAND,
  DISABLE_RULE_COMMAND,
  RULE_IDS,
  type QuoteItem,
  type SkippedParams,
  type ClaimContentsResult,
  type SuppressionsParams,
  type AddSuppressionArgs,
  type SuppressionEntry,
  type InitializationOptions,
  SERVER_EXEC_ARGV,
  SERVER_ENV,
} from '../protocol/index.ts';

let client: LanguageClient | undefined;
/** The server's start, which activation does not wait for. */
let started: Promise<void> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env: { ...process.env, ...SERVER_ENV } } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'], env: { ...process.env, ...SERVER_ENV } } },
  };
  const output = vscode.window.createOutputChannel('Diplomatic Lens', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: CONFIG_SECTION },
    // Evaluated at every (re)start: the commands below, and the side files as last read.
    initializationOptions: (): InitializationOptions => ({
      clientCommands: [ADD_SUPPRESSION_COMMAND, DISABLE_RULE_COMMAND],
      suppressions: [...sideFiles.values()],
    }),
    outputChannel: output,
    traceOutputChannel: output,
  };
  await readAllSideFiles();
  client = new LanguageClient('diplomaticLens', 'Diplomatic Lens', serverOptions, clientOptions);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('diplomaticLens.restartServer', async () => {
      await client?.restart();
      vscode.window.setStatusBarMessage('Diplomatic Lens: server restarted', 3000);
    }),
    vscode.commands.registerCommand('diplomaticLens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('diplomaticLens.goToQuote', () => goToQuote()),
    vscode.commands.registerCommand(ADD_SUPPRESSION_COMMAND, (args: AddSuppressionArgs) => addSuppression(args)),
    vscode.commands.registerCommand(DISABLE_RULE_COMMAND, (rule: string) => disableRuleInWorkspace(rule)),
  );
  watchSideFiles(context);
  client.onNotification(SKIPPED_NOTIFICATION, (p: SkippedParams) => {
    const name = vscode.Uri.parse(p.uri).path.split('/').pop();
    // A document over maxFileSize is analysed up to that size: say so, and offer the setting.
    if (p.analysedUpTo !== undefined) {
      void vscode.window.showWarningMessage(`Diplomatic Lens: ${name} is large; ${p.reason}.`, 'Change the limit').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', `${CONFIG_SECTION}.maxFileSize`);
      });
    } else void vscode.window.showWarningMessage(`Diplomatic Lens skipped ${name}: ${p.reason}.`);
  });
  // Activation does not wait for the server: VS Code gets control back at once, and requests made
  // before the server is up wait in the client until it is (the server loads its language data on
  // the first analysis, never at start).
  started = client.start();
  started.then(
    () => startContentDecoration(context),
    (e: unknown) => output.error(`the language server did not start: ${e instanceof Error ? e.message : String(e)}`),
  );
}

// ---------------------------------------------------------------------------------------------
// Claim contents: a faint dotted underline (a semantic token cannot show a span that holds other
// tokens). The ranges come from the server (diplomaticLens/claimContents); nothing is analysed here.

const DECORATE_SETTING = `${CONFIG_SECTION}.claims.decorateContent`;

function startContentDecoration(context: vscode.ExtensionContext): void {
  const decoration = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('editorCodeLens.foreground'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const relevant = (d: vscode.TextDocument) => (d.uri.scheme === 'file' || d.uri.scheme === 'untitled') && (d.languageId === 'plaintext' || d.languageId === 'markdown');

  async function decorate(editor: vscode.TextEditor): Promise<void> {
    const doc = editor.document;
    if (!relevant(doc)) return;
    if (!vscode.workspace.getConfiguration(CONFIG_SECTION, doc.uri).get<boolean>('claims.decorateContent', true) || !client) {
      editor.setDecorations(decoration, []);
      return;
    }
    const version = doc.version;
    let ranges: ClaimContentsResult;
    try {
      ranges = await client.sendRequest<ClaimContentsResult>(CLAIM_CONTENTS_REQUEST, { uri: doc.uri.toString() });
    } catch {
      return; // The server is restarting or stopped: keep what is shown.
    }
    // An answer for an older version of the text would underline the wrong words.
    if (doc.version !== version || doc.isClosed) return;
    editor.setDecorations(decoration, ranges.map((r) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)));
  }

  const decorateVisible = () => {
    for (const e of vscode.window.visibleTextEditors) void decorate(e);
  };
  /** After typing settles: the editors that show `uri`. */
  const later = (uri: string) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === uri) void decorate(e);
      }, 300),
    );
  };

  context.subscriptions.push(
    decoration,
    vscode.window.onDidChangeVisibleTextEditors(() => decorateVisible()),
    vscode.window.onDidChangeActiveTextEditor((e) => e && void decorate(e)),
    vscode.workspace.onDidOpenTextDocument((d) => relevant(d) && later(d.uri.toString())),
    vscode.workspace.onDidChangeTextDocument((e) => relevant(e.document) && e.contentChanges.length > 0 && later(e.document.uri.toString())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The server re-reads its settings (language, enable) too; ask once it has.
      if (e.affectsConfiguration(CONFIG_SECTION)) setTimeout(decorateVisible, e.affectsConfiguration(DECORATE_SETTING) ? 0 : 300);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  // After "Restart Language Server" the new server answers for the editors already open.
  if (client) context.subscriptions.push(client.onDidChangeState((e) => e.newState === State.Running && decorateVisible()));
  decorateVisible();
}

// ---------------------------------------------------------------------------------------------
// The side file of suppressions (.diplomatic-lens/suppressions.json in each workspace folder): read
// here and sent to the server whenever it changes; written only by a quick fix the user picks.

/** The side file of each workspace folder as last read, keyed by the folder's URI. */
const sideFiles = new Map<string, SuppressionsParams>();

function sideFileUri(folder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(folder, ...SUPPRESSIONS_FILE.split('/'));
}

async function readSideFile(folder: vscode.Uri): Promise<string | null> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(sideFileUri(folder)));
  } catch {
    return null; // No side file (or none readable): nothing suppressed there.
  }
}

async function refreshSideFile(folder: vscode.Uri): Promise<void> {
  const p: SuppressionsParams = { folder: folder.toString(), content: await readSideFile(folder) };
  sideFiles.set(p.folder, p);
  if (client?.isRunning()) await client.sendNotification(SUPPRESSIONS_NOTIFICATION, p).catch(() => undefined);
}

async function readAllSideFiles(): Promise<void> {
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    sideFiles.set(f.uri.toString(), { folder: f.uri.toString(), content: await readSideFile(f.uri) });
  }
}

function watchSideFiles(context: vscode.ExtensionContext): void {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${SUPPRESSIONS_FILE}`);
  const changed = (uri: vscode.Uri) => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    // Only the side file at a folder's root counts.
    if (folder && sideFileUri(folder.uri).toString() === uri.toString()) void refreshSideFile(folder.uri);
  };
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
    vscode.workspace.onDidChangeWorkspaceFolders(async (e) => {
      for (const f of e.removed) {
        const p: SuppressionsParams = { folder: f.uri.toString(), content: null, removed: true };
        sideFiles.delete(p.folder);
        if (client?.isRunning()) await client.sendNotification(SUPPRESSIONS_NOTIFICATION, p).catch(() => undefined);
      }
      for (const f of e.added) await refreshSideFile(f.uri);
    }),
  );
}

/** Quick fix: adds one entry to a folder's side file, creating it; a file that is not valid JSON is left alone. */
async function addSuppression(args: AddSuppressionArgs): Promise<void> {
  if (!args?.folder || !args.entry) return;
  const folder = vscode.Uri.parse(args.folder);
  const uri = sideFileUri(folder);
  const old = await readSideFile(folder);
  let data: { version?: number; entries?: SuppressionEntry[] } = { version: 1, entries: [] };
  if (old !== null && old.trim() !== '') {
    try {
      data = JSON.parse(old);
      if (!data || typeof data !== 'object' || !Array.isArray(data.entries)) throw new Error('expected an object with an "entries" array');
    } catch (e) {
      void vscode.window.showErrorMessage(`Diplomatic Lens: ${vscode.workspace.asRelativePath(uri)} is not a valid suppression file (${e instanceof Error ? e.message : String(e)}); nothing was added.`);
      return;
    }
  }
  const e = args.entry;
  const same = (x: SuppressionEntry) => x && x.scope === e.scope && x.file === e.file && (x.rule ?? '') === (e.rule ?? '') && (x.fingerprint ?? '') === (e.fingerprint ?? '');
  if (!data.entries!.some(same)) data.entries!.push(e);
  const content = JSON.stringify({ version: 1, ...data }, null, 2) + '\n';
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  // Tell the server now rather than waiting for the watcher.
  await refreshSideFile(folder);
}

/** Quick fix: `diplomaticLens.rules.<id>: "off"` in the workspace settings. */
async function disableRuleInWorkspace(rule: string): Promise<void> {
  if (!(RULE_IDS as readonly string[]).includes(rule)) return;
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage('Diplomatic Lens: open a folder or workspace to turn a rule off for it.');
    return;
  }
  await vscode.workspace.getConfiguration(CONFIG_SECTION).update(`rules.${rule}`, 'off', vscode.ConfigurationTarget.Workspace);
  vscode.window.setStatusBarMessage(`Diplomatic Lens: ${rule} is off in this workspace`, 4000);
}

/** A picker of the active document's quotations with their speakers; picking one reveals it. */
async function goToQuote(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const items = await client.sendRequest<QuoteItem[]>(QUOTES_REQUEST, { uri: editor.document.uri.toString() });
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Diplomatic Lens: no quotations in this document.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    items.map((q) => ({
      label: q.text.replace(/\s+/g, ' ').slice(0, 80),
      description: q.speaker ? `— ${q.speaker}` : '— speaker not named',
      detail: `line ${q.range.start.line + 1}`,
      q,
    })),
    { placeHolder: 'Go to quotation', matchOnDescription: true },
  );
  if (!picked) return;
  const r = picked.q.range;
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
}

export async function deactivate(): Promise<void> {
  // Deactivation can come while the server is still starting: let the start settle, then stop it.
  await started?.catch(() => undefined);
  await client?.stop().catch(() => undefined);
}
