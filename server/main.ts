// The language server: LSP wiring only. It keeps documents in sync, asks the analysis core for an
// Analysis and maps it to protocol types (semantic tokens, hovers, entity highlights, definitions,
// references, document symbols, inlay hints, the quotes and claim-contents requests, assertion
// diagnostics and their quick fixes). It holds no language rules: even the Russian genitive the
// attribution quick fix needs comes from the core (analysis/inflect.ts). Runs over stdio
// (`node dist/server.js --stdio`) or IPC (the VS Code client).
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  TOKEN_TYPES,
  TOKEN_MODIFIERS,
  CONFIG_SECTION,
  DEFAULT_SETTINGS,
  QUOTES_REQUEST,
  STATS_REQUEST,
  MAX_FILE_SIZE_CODE,
  type ServerStats,
  CLAIM_CONTENTS_REQUEST,
  SKIPPED_NOTIFICATION,
  SUPPRESSIONS_NOTIFICATION,
  ADD_SUPPRESSION_COMMAND,
  DISABLE_RULE_COMMAND,
  type Settings,
  type InitializationOptions,
  type SuppressionsParams,
  type QuotesParams,
  type QuoteItem,
  type ClaimContentsParams,
  type ClaimContentsResult,
} from '../protocol/index.ts';
import { Analyses, LARGE_TEXT, type Entry } from './analyses.ts';
import { collectGarbage } from './runtime.ts';
import { tokenSpans, tokenEdits, encodeWithLines, spliceEncoded, within, type EncodedTokens } from './features/semanticTokens.ts';
import { hoverAt } from './features/hover.ts';
import { documentHighlights, definition, references } from './features/entities.ts';
import { inlayHints, documentSymbols, claimContentRanges } from './features/claims.ts';
import { assertionDiagnostics, isMarkdown } from './features/diagnostics.ts';
import { codeActions } from './features/codeActions.ts';
import { SuppressionStore, DocumentSuppressions } from './suppressions.ts';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: Settings = { ...DEFAULT_SETTINGS };
let canPullConfig = false;
let canRefreshTokens = false;
let canRefreshInlayHints = false;
const analyses = new Analyses(() => settings, () => collectGarbage('all'));
const toldSkipped = new Set<string>();
const suppressions = new SuppressionStore();
/** Commands the client said it runs itself (the side file, workspace settings). */
let clientCommands = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  canPullConfig = !!params.capabilities.workspace?.configuration;
  canRefreshTokens = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
  canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  const { clientCommands: commands, suppressions: sideFiles, ...init } = (params.initializationOptions ?? {}) as InitializationOptions;
  settings = { ...settings, ...init };
  clientCommands = new Set(Array.isArray(commands) ? commands : []);
  for (const p of Array.isArray(sideFiles) ? sideFiles : []) updateSuppressions(p);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      documentHighlightProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
      semanticTokensProvider: {
        legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] },
        full: { delta: true },
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
  publishAll();
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
    publishAll();
  }
});

function entryFor(doc: TextDocument) {
  const entry = analyses.get(doc);
  if (entry.skipped && !toldSkipped.has(doc.uri)) {
    toldSkipped.add(doc.uri);
    connection.sendNotification(SKIPPED_NOTIFICATION, { uri: doc.uri, reason: entry.skipped, ...(entry.analysedUpTo !== undefined ? { analysedUpTo: entry.analysedUpTo } : {}) });
    connection.console.info(`skipped ${doc.uri}: ${entry.skipped}`);
  }
  return entry;
}

// Tokens right after a keystroke may come from a provisional splice (server/analyses.ts), but only
// for a client that can be asked to refresh them: the full analysis follows once typing settles
// (with the diagnostics), and if its tokens differ the client is asked for them again.

/**
 * What the client was last sent per document: the result id (for delta requests), which analysis
 * it encodes (the entry's id: a splice of that analysis re-encodes only its paragraphs; an id, so
 * that no superseded analysis is kept for it) and the encoding, and whether it was provisional.
 */
interface Shown {
  resultId: string;
  analysisId: number;
  tokens: EncodedTokens;
  provisional: boolean;
}
const shown = new Map<string, Shown>();
let nextResultId = 1;
const recentTokenMs: number[] = [];

/** The tokens of an entry, re-encoding only the spliced paragraphs when the client holds its base. */
function encodeFor(doc: TextDocument, entry: Entry, last: Shown | undefined): EncodedTokens {
  const a = entry.analysis;
  if (!a) return { data: [], lines: [], lineCount: doc.lineCount };
  if (entry.splice && last && last.analysisId === entry.splice.baseId) {
    const [from, to] = entry.splice.core;
    const part = within(a, from, to);
    const tokens = part && spliceEncoded(last.tokens, doc, tokenSpans(part), from, to);
    if (tokens) return tokens;
  }
  return encodeWithLines(doc, tokenSpans(a));
}

function show(doc: TextDocument, entry: Entry): Shown {
  const result: Shown = { resultId: String(nextResultId++), analysisId: entry.id, tokens: encodeFor(doc, entry, shown.get(doc.uri)), provisional: !!entry.provisional };
  shown.set(doc.uri, result);
  return result;
}

function currentTokens(doc: TextDocument): Shown {
  const t0 = performance.now();
  const spliced = analyses.stats.provisional;
  const entry = analyses.forTokens(doc, canRefreshTokens);
  if (entry.skipped) entryFor(doc);
  const result = show(doc, entry);
  if (entry.provisional) schedule(doc.uri, debounceMs());
  if (analyses.stats.provisional > spliced && (entry.text?.length ?? 0) > LARGE_TEXT) collectAfterAnswer();
  recentTokenMs.push(performance.now() - t0);
  if (recentTokenMs.length > 256) recentTokenMs.shift();
  return result;
}

let collectionPending = false;
let collectionsAfterTokens = 0;

/**
 * A full collection once this answer is out, after a keystroke into a large document was spliced.
 * Each keystroke leaves a few MB behind (the previous version's text, the tokens' previous
 * encoding, the items the splice moved); V8 lets garbage pile up to 8 MB and more over the live
 * heap before it collects, and the next keystroke would add its own on top. Collected here,
 * between keystrokes, it does not (about 10 ms on a 1 MB document, while the user types the next
 * key). (A full analysis of a large text is collected after by the analysis cache itself.)
 */
function collectAfterAnswer(): void {
  if (collectionPending) return;
  collectionPending = true;
  setImmediate(() => {
    collectionPending = false;
    collectionsAfterTokens++;
    collectGarbage('all');
  });
}

connection.languages.semanticTokens.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { data: [] };
  const { resultId, tokens } = currentTokens(doc);
  return { resultId, data: tokens.data };
});

// After an edit VS Code asks for the change since the tokens it holds: only the edit is sent.
connection.languages.semanticTokens.onDelta((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { data: [] };
  const previous = shown.get(doc.uri);
  const next = currentTokens(doc);
  if (!previous || previous.resultId !== params.previousResultId) return { resultId: next.resultId, data: next.tokens.data };
  return { resultId: next.resultId, edits: tokenEdits(previous.tokens.data, next.tokens.data) };
});

/** After the full analysis: if the client was shown provisional tokens that differ, ask it to fetch them again. */
function settleTokens(doc: TextDocument, entry: Entry): void {
  const last = shown.get(doc.uri);
  if (!last?.provisional) return;
  last.provisional = false;
  // (What the client holds stays the base of its next delta request: it is not replaced here.)
  const was = last.tokens.data;
  const data = encodeFor(doc, entry, undefined).data;
  if (data.length === was.length && data.every((v, i) => v === was[i])) last.analysisId = entry.id;
  else {
    tokenRefreshes++;
    connection.languages.semanticTokens.refresh().catch(() => undefined);
  }
}

let tokenRefreshes = 0;
connection.onRequest(STATS_REQUEST, (): ServerStats => ({
  fullAnalyses: analyses.stats.fullAnalyses,
  provisionalTokens: analyses.stats.provisional,
  tokenRefreshes,
  lastFullAnalysisMs: analyses.stats.lastFullAnalysisMs,
  recentTokenMs: [...recentTokenMs],
  collectionsAfterTokens,
}));

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

// ---------------------------------------------------------------------------------------------
// Assertion diagnostics: published on open at once, after an edit once typing settles, and again
// for every open document when the settings or a side file change. Suppressed sentences (comments,
// the side file the client sends) are left out here.

const timers = new Map<string, ReturnType<typeof setTimeout>>();

function publish(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  try {
    const before = analyses.stats.fullAnalyses;
    const entry = entryFor(doc);
    const a = entry.analysis;
    // Typing has paused (this runs after the debounce): collect the full analysis's garbage now,
    // before the diagnostics go out, rather than in the middle of the next keystroke's answer. A
    // full collection when the pause is a real one (a debounce of 100 ms or more); with a shorter
    // debounce the analysis follows every keystroke, and only the young generation is collected.
    if (analyses.stats.fullAnalyses > before) collectGarbage(debounceMs() >= 100 ? 'all' : 'young');
    settleTokens(doc, entry);
    const diagnostics = a
      ? assertionDiagnostics(doc, a, { rules: settings.rules, suppressions: new DocumentSuppressions(doc.getText(), suppressions.entriesFor(uri)) })
      : [];
    if (entry.analysedUpTo !== undefined) diagnostics.push(stopsHere(doc, entry.analysedUpTo));
    connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  } catch (e) {
    connection.console.error(`diagnostics failed for ${uri}: ${e instanceof Error ? e.stack : String(e)}`);
  }
}

/** An information diagnostic on the first line analysis did not reach, in a document over maxFileSize. */
function stopsHere(doc: TextDocument, at: number): Diagnostic {
  const text = doc.getText();
  let start = at;
  while (start < text.length && /\s/.test(text[start])) start++;
  const eol = text.indexOf('\n', start);
  const end = eol < 0 ? text.length : eol;
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(end) },
    severity: DiagnosticSeverity.Information,
    code: MAX_FILE_SIZE_CODE,
    source: 'Diplomatic Lens',
    message: `Diplomatic Lens stops here: the ${(text.length - at).toLocaleString('en-US')} characters from this line on are beyond diplomaticLens.maxFileSize (${settings.maxFileSize.toLocaleString('en-US')}), so they are not analysed.`,
  };
}

function schedule(uri: string, delay: number): void {
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      publish(uri);
    }, Math.max(0, delay)),
  );
}

function publishAll(): void {
  for (const doc of documents.all()) schedule(doc.uri, 0);
}

const published = new Set<string>();
documents.onDidChangeContent((e) => {
  // The first content of a document (didOpen) is published at once; edits wait for typing to settle.
  const first = !published.has(e.document.uri);
  published.add(e.document.uri);
  schedule(e.document.uri, first ? 0 : debounceMs());
});

function debounceMs(): number {
  const wait = Number(settings.diagnostics?.debounceMs);
  return Number.isFinite(wait) ? wait : DEFAULT_SETTINGS.diagnostics.debounceMs;
}

function updateSuppressions(p: SuppressionsParams): void {
  if (!p || typeof p.folder !== 'string') return;
  const error = suppressions.update({ folder: p.folder, content: typeof p.content === 'string' ? p.content : null, removed: !!p.removed });
  if (error) connection.console.warn(`ignoring ${p.folder}/.diplomatic-lens/suppressions.json: ${error}`);
}

connection.onNotification(SUPPRESSIONS_NOTIFICATION, (p: SuppressionsParams) => {
  updateSuppressions(p);
  publishAll();
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  const a = doc && entryFor(doc).analysis;
  if (!doc || !a) return [];
  // A client asking only for other kinds (source actions, refactorings) gets none of these quick fixes.
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || k === '' || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  try {
    return codeActions(doc, a, params.context.diagnostics, {
      markdown: isMarkdown(doc),
      sideFile: clientCommands.has(ADD_SUPPRESSION_COMMAND) ? suppressions.locate(doc.uri) : null,
      workspaceSettings: clientCommands.has(DISABLE_RULE_COMMAND) && suppressions.hasFolders,
    });
  } catch (e) {
    connection.console.error(`code actions failed for ${doc.uri}: ${e instanceof Error ? e.stack : String(e)}`);
    return [];
  }
});

documents.onDidClose((e) => {
  analyses.drop(e.document.uri);
  toldSkipped.delete(e.document.uri);
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  published.delete(e.document.uri);
  shown.delete(e.document.uri);
  connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e instanceof Error ? e.stack : String(e)}`));
documents.listen(connection);
connection.listen();
