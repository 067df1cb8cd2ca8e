// The VS Code side: starts the language server, forwards settings, offers commands. It never
// analyses text; everything it shows comes from the server over LSP.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIG_SECTION, QUOTES_REQUEST, CLAIM_CONTENTS_REQUEST, SKIPPED_NOTIFICATION, type QuoteItem, type SkippedParams, type ClaimContentsResult } from '../protocol/index.ts';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
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
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('diplomaticLens', 'Diplomatic Lens', serverOptions, clientOptions);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('diplomaticLens.restartServer', async () => {
      await client?.restart();
      vscode.window.setStatusBarMessage('Diplomatic Lens: server restarted', 3000);
    }),
    vscode.commands.registerCommand('diplomaticLens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('diplomaticLens.goToQuote', () => goToQuote()),
  );
  client.onNotification(SKIPPED_NOTIFICATION, (p: SkippedParams) => {
    const name = vscode.Uri.parse(p.uri).path.split('/').pop();
    void vscode.window.showWarningMessage(`Diplomatic Lens skipped ${name}: ${p.reason}.`);
  });
  await client.start();
  startContentDecoration(context);
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
  await client?.stop();
}
