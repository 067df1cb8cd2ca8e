// The VS Code side: starts the language server, forwards settings, offers commands. It never
// analyses text; everything it shows comes from the server over LSP.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIG_SECTION, QUOTES_REQUEST, SKIPPED_NOTIFICATION, type QuoteItem, type SkippedParams } from '../protocol/index.ts';

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
