// The language server: LSP wiring only. It keeps documents in sync, asks the analysis core for an
// Analysis and maps it to protocol types (semantic tokens, hovers, entity highlights, definitions,
// references, document symbols, inlay hints, the quotes and claim-contents requests). It holds no
// language rules. Runs over stdio (`node dist/server.js --stdio`) or IPC (the VS Code client).
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  TOKEN_TYPES,
  TOKEN_MODIFIERS,
  CONFIG_SECTION,
  DEFAULT_SETTINGS,
  QUOTES_REQUEST,
  CLAIM_CONTENTS_REQUEST,
  SKIPPED_NOTIFICATION,
  type Settings,
  type QuotesParams,
  type QuoteItem,
  type ClaimContentsParams,
  type ClaimContentsResult,
} from '../protocol/index.ts';
import { Analyses } from './analyses.ts';
import { tokenSpans, encodeTokens } from './features/semanticTokens.ts';
import { hoverAt } from './features/hover.ts';
import { documentHighlights, definition, references } from './features/entities.ts';
import { inlayHints, documentSymbols, claimContentRanges } from './features/claims.ts';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: Settings = { ...DEFAULT_SETTINGS };
let canPullConfig = false;
let canRefreshTokens = false;
let canRefreshInlayHints = false;
const analyses = new Analyses(() => settings);
const toldSkipped = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  canPullConfig = !!params.capabilities.workspace?.configuration;
  canRefreshTokens = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
  canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  const init = params.initializationOptions as Partial<Settings> | undefined;
  if (init) settings = { ...settings, ...init };
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      documentHighlightProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      inlayHintProvider: true,
      semanticTokensProvider: {
        legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] },
        full: true,
        range: false,
      },
    },
    serverInfo: { name: 'diplomatic-lens', version: process.env.DL_VERSION ?? '0.1.0' },
  };
});

connection.onInitialized(async () => {
  await refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfig) return;
  try {
    const s = (await connection.workspace.getConfiguration(CONFIG_SECTION)) as Partial<Settings> | null;
    settings = { ...DEFAULT_SETTINGS, ...(s ?? {}) };
  } catch {
    settings = { ...DEFAULT_SETTINGS };
  }
  analyses.clear();
  // Only a client that said it can refresh may be asked to (Neovim 0.7 cannot).
  if (canRefreshTokens) connection.languages.semanticTokens.refresh().catch(() => undefined);
  if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
}

connection.onDidChangeConfiguration(async (change) => {
  if (canPullConfig) await refreshSettings();
  else {
    const s = (change.settings?.[CONFIG_SECTION] ?? {}) as Partial<Settings>;
    settings = { ...DEFAULT_SETTINGS, ...s };
    analyses.clear();
  }
});

function entryFor(doc: TextDocument) {
  const entry = analyses.get(doc);
  if (entry.skipped && !toldSkipped.has(doc.uri)) {
    toldSkipped.add(doc.uri);
    connection.sendNotification(SKIPPED_NOTIFICATION, { uri: doc.uri, reason: entry.skipped });
    connection.console.info(`skipped ${doc.uri}: ${entry.skipped}`);
  }
  return entry;
}

connection.languages.semanticTokens.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { data: [] };
  const a = entryFor(doc).analysis;
  return { data: a ? encodeTokens(doc, tokenSpans(a)) : [] };
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const a = entryFor(doc).analysis;
  return a ? hoverAt(doc, a, doc.offsetAt(params.position)) : null;
});

// Entities: all mentions of the referent under the cursor; its first mention; every mention.
connection.onDocumentHighlight((params) => {
  const doc = documents.get(params.textDocument.uri);
  const a = doc && entryFor(doc).analysis;
  return doc && a ? documentHighlights(doc, a, doc.offsetAt(params.position)) : [];
});

connection.onDefinition((params) => {
  const doc = documents.get(params.textDocument.uri);
  const a = doc && entryFor(doc).analysis;
  return doc && a ? definition(doc, a, doc.offsetAt(params.position)) : null;
});

connection.onReferences((params) => {
  const doc = documents.get(params.textDocument.uri);
  const a = doc && entryFor(doc).analysis;
  return doc && a ? references(doc, a, doc.offsetAt(params.position), params.context.includeDeclaration) : [];
});

connection.onRequest(QUOTES_REQUEST, (params: QuotesParams): QuoteItem[] => {
  const doc = documents.get(params.uri);
  const a = doc && entryFor(doc).analysis;
  if (!doc || !a) return [];
  const range = (s: { start: number; end: number }) => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });
  return a.quotes.map((q) => ({ range: range(q), text: q.content.text, speaker: q.speaker?.text ?? null, speakerRange: q.speaker ? range(q.speaker) : null }));
});

// Claims: the outline (speakers with their claims and quotes), the source named after a content
// whose source is far from it, and the content ranges the client decorates.
connection.onDocumentSymbol((params) => {
  const doc = documents.get(params.textDocument.uri);
  const a = doc && entryFor(doc).analysis;
  return doc && a ? documentSymbols(doc, a) : [];
});

connection.languages.inlayHint.on((params) => {
  if (settings.inlayHints?.enable === false) return [];
  const doc = documents.get(params.textDocument.uri);
  const a = doc && entryFor(doc).analysis;
  return doc && a ? inlayHints(doc, a, params.range) : [];
});

connection.onRequest(CLAIM_CONTENTS_REQUEST, (params: ClaimContentsParams): ClaimContentsResult => {
  const doc = documents.get(params.uri);
  const a = doc && entryFor(doc).analysis;
  return doc && a ? claimContentRanges(doc, a) : [];
});

documents.onDidClose((e) => {
  analyses.drop(e.document.uri);
  toldSkipped.delete(e.document.uri);
});

// Later features plug in here, each mapping the same cached Analysis: diagnostics
// (connection.sendDiagnostics), code actions.

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e instanceof Error ? e.stack : String(e)}`));
documents.listen(connection);
connection.listen();
