// Latency and memory of the language server as an editor sees them: `node dist/server.js --stdio`
// driven over LSP (vscode-languageserver-protocol) by a small client here. A 50 kB plain-text
// document is opened, then typed into: single-character insertions spread over the document, each
// an incremental didChange (range, version + 1), each followed at once by a semanticTokens/full
// request. Per keystroke: (a) didChange sent → tokens response received, (b) didChange sent → the
// publishDiagnostics for that version. The server debounces diagnostics
// (`diagnosticLens.diagnostics.debounceMs`, default from protocol/index.ts), so (b) is measured in
// two sessions: with the default debounce and with debounce 0 (both answered to the server's
// workspace/configuration pull). Keystrokes are isolated: the next one is sent only after both
// answers of the previous one arrived. Memory: VmRSS / VmHWM (peak RSS) of the server process from
// /proc after the 50 kB open, and in a fresh server after a 1 MB document is opened and its tokens
// returned (also the time of that first open).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type ClientCapabilities,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TOKEN_TYPES, TOKEN_MODIFIERS, CONFIG_SECTION, DEFAULT_SETTINGS, SERVER_EXEC_ARGV, SERVER_ENV, STATS_REQUEST, type ServerStats, type Settings } from '../../protocol/index.ts';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generate, utf8Bytes, REPO } from './corpus.ts';
import { median, percentile } from './throughput.ts';

export const SERVER_JS = path.join(REPO, 'dist', 'server.js');

export interface LatencyStats {
  n: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface TypingSession {
  /** What the client answered for diagnostics.debounceMs (the server's default when `defaulted`). */
  debounceMs: number;
  defaulted: boolean;
  /** Keystrokes per server, and how many fresh servers were typed into (their samples pooled). */
  edits: number;
  servers: number;
  /** Each server's own keystroke → tokens p95, to show how much one session's figure varies. */
  tokensP95PerServer: number[];
  /** didChange sent → semantic tokens answered. */
  tokens: LatencyStats;
  /** Of that, inside the server: the tokens handler's own time (diplomaticLens/stats). */
  serverTokens: LatencyStats;
  /** didChange sent → publishDiagnostics for that version received. */
  diagnostics: LatencyStats;
  /** Keystrokes whose diagnostics did not come within the guard time (not counted above). */
  diagnosticsMissing: number;
}

export interface Memory {
  /** Resident set size now, MiB. */
  rssMiB: number;
  /** Peak resident set size of the process so far (VmHWM), MiB. */
  peakRssMiB: number;
}

export interface LspResult {
  /** Spawn → initialize answered. */
  initializeMs: number;
  doc: { bytes: number; chars: number; lines: number; uri: string };
  /** didOpen of the 50 kB document → its first semanticTokens/full answer. */
  openMs: number;
  /** Server memory after the 50 kB open (null off Linux). */
  afterOpen50k: Memory | null;
  /** The same server's memory after its keystrokes (what an editing session leaves behind). */
  afterTyping50k: Memory | null;
  typing: TypingSession[];
  big: {
    bytes: number;
    chars: number;
    /** didOpen of the 1 MB document → its first semanticTokens/full answer (fresh server). */
    openMs: number;
    /** After that answer; peakRssMiB is the figure held to the target. */
    afterOpen: Memory | null;
    /** Keystrokes on the 1 MB document: didChange → tokens. */
    tokens: LatencyStats;
    /** Peak after the keystrokes too. */
    afterTyping: Memory | null;
    /** Peak once typing has settled: after the full analysis of the last version (its diagnostics). */
    afterSettle: Memory | null;
  };
}

export interface LspOptions {
  quick?: boolean;
  corpus?: string;
  log?: (line: string) => void;
}

function stats(xs: number[]): LatencyStats {
  if (xs.length === 0) return { n: 0, medianMs: NaN, p95Ms: NaN, maxMs: NaN };
  return { n: xs.length, medianMs: median(xs), p95Ms: percentile(xs, 95), maxMs: Math.max(...xs) };
}

/** VmRSS and VmHWM of a process from /proc (Linux only). */
export function memoryOf(pid: number | undefined): Memory | null {
  const file = `/proc/${pid}/status`;
  if (pid === undefined || !existsSync(file)) return null;
  const status = readFileSync(file, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm'))?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, peakRssMiB: kb('VmHWM') / 1024 };
}

/** Resolves with the promise's value, or with null after `ms` (a guard so a missing message cannot hang the bench). */
function within<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([p, new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)))]).finally(() => clearTimeout(timer));
}

/** A minimal LSP client over the server's stdio, recording when diagnostics arrive. */
class BenchClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: ProtocolConnection;
  stderr = '';
  refreshes = 0;
  private refreshed: Array<() => void> = [];
  private diagnosticWaiters: Array<{ uri: string; version: number; resolve: (at: number) => void }> = [];
  private readonly exited: Promise<void>;

  /** `settings`: what the client answers for the `diplomaticLens` section (null: the server's defaults). */
  constructor(private readonly settings: Partial<Settings> | null) {
    // Started as the extension starts it (protocol SERVER_EXEC_ARGV), over stdio; DL_BENCH_SERVER_ARGS
    // adds Node options for a look inside (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
    const extra = (process.env.DL_BENCH_SERVER_ARGS ?? '').split(/\s+/).filter(Boolean);
    this.proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, ...extra, SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...SERVER_ENV } });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((r) => this.proc.on('exit', () => r()));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === CONFIG_SECTION ? this.settings : null)),
    );
    this.conn.onRequest('workspace/semanticTokens/refresh', () => {
      this.refreshes++;
      for (const r of this.refreshed.splice(0)) r();
      return null;
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const at = performance.now();
      this.diagnosticWaiters = this.diagnosticWaiters.filter((w) => {
        const hit = w.uri === p.uri && (p.version === undefined || p.version === w.version);
        if (hit) w.resolve(at);
        return !hit;
      });
    });
    this.conn.onNotification('window/logMessage', () => {});
    this.conn.onError(() => {});
    this.conn.listen();
  }

  async initialize(): Promise<number> {
    const t0 = performance.now();
    const capabilities: ClientCapabilities = {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, semanticTokens: { refreshSupport: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        publishDiagnostics: { versionSupport: true },
        semanticTokens: { requests: { full: true }, tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS], formats: ['relative'] },
      },
      general: { positionEncodings: ['utf-16'] },
    };
    await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(REPO).href, capabilities, workspaceFolders: null });
    const ms = performance.now() - t0;
    // The server pulls its settings after `initialized`, then asks for a token refresh: wait for
    // that, so the session runs with the settings answered above.
    const refreshed = new Promise<void>((r) => this.refreshed.push(r));
    await this.conn.sendNotification('initialized', {});
    await within(refreshed, 10_000);
    return ms;
  }

  /** Resolves with performance.now() when publishDiagnostics for (uri, version) arrives. Register before the change. */
  diagnosticsFor(uri: string, version: number): Promise<number> {
    return new Promise((resolve) => this.diagnosticWaiters.push({ uri, version, resolve }));
  }

  dropDiagnosticWaiters(): void {
    this.diagnosticWaiters = [];
  }

  open(uri: string, text: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  }

  insert(uri: string, version: number, line: number, character: number, text: string): Promise<void> {
    const at = { line, character };
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
  }

  /** The tokens this client holds per document, with the server's result id. */
  private held = new Map<string, { resultId?: string; data: number[] }>();

  /**
   * Fresh tokens, as VS Code asks for them: in full the first time, then as a delta against the
   * result it holds (when the server offers deltas), applied to what it holds. Returns their count.
   */
  async tokens(uri: string): Promise<number> {
    const held = this.held.get(uri);
    if (held?.resultId) {
      const r = (await this.conn.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: held.resultId })) as
        | { resultId?: string; data?: number[]; edits?: Array<{ start: number; deleteCount: number; data?: number[] }> }
        | null;
      if (r?.edits) {
        const data = [...held.data];
        for (const e of [...r.edits].sort((a, b) => b.start - a.start)) data.splice(e.start, e.deleteCount, ...(e.data ?? []));
        this.held.set(uri, { resultId: r.resultId, data });
        return data.length;
      }
      if (r?.data) {
        this.held.set(uri, { resultId: r.resultId, data: r.data });
        return r.data.length;
      }
    }
    const r = (await this.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { resultId?: string; data: number[] } | null;
    this.held.set(uri, { resultId: r?.resultId, data: r?.data ?? [] });
    return r?.data.length ?? 0;
  }

  memory(): Memory | null {
    return memoryOf(this.proc.pid);
  }

  async shutdown(): Promise<void> {
    try {
      await within(this.conn.sendRequest('shutdown'), 5000);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    if ((await within(this.exited, 5000)) === null) this.proc.kill();
    this.conn.dispose();
  }
}

/** Keystroke k of n: an offset spread over the document (golden-ratio steps) and a letter of the script around it. */
function keystroke(doc: TextDocument, k: number): { offset: number; ch: string } {
  const text = doc.getText();
  const offset = Math.floor(((0.5 + k * 0.6180339887) % 1) * text.length);
  const before = text.slice(Math.max(0, offset - 8), offset);
  const cyrillic = /\p{Script=Cyrillic}/u.test(before);
  const letters = cyrillic ? 'еаоитнс р' : 'eaoitns r';
  return { offset, ch: letters[k % letters.length] };
}

/** Types `edits` keystrokes into an open document, measuring tokens (and diagnostics unless skipped) per keystroke. */
async function type(
  client: BenchClient,
  uri: string,
  doc: TextDocument,
  edits: number,
  withDiagnostics: boolean,
): Promise<{ tokens: number[]; diagnostics: number[]; missing: number; version: number }> {
  const tokens: number[] = [];
  const diagnostics: number[] = [];
  let missing = 0;
  let version = 1;
  for (let k = 0; k < edits; k++) {
    const { offset, ch } = keystroke(doc, k);
    const at = doc.positionAt(offset);
    version++;
    doc = TextDocument.update(doc, [{ range: { start: at, end: at }, text: ch }], version);
    const diag = withDiagnostics ? client.diagnosticsFor(uri, version) : null;
    const t0 = performance.now();
    await client.insert(uri, version, at.line, at.character, ch);
    await client.tokens(uri);
    tokens.push(performance.now() - t0);
    if (diag) {
      const at2 = await within(diag, 30_000);
      if (at2 === null) missing++;
      else diagnostics.push(at2 - t0);
    }
  }
  client.dropDiagnosticWaiters();
  return { tokens, diagnostics, missing, version };
}

export async function runLsp(opts: LspOptions = {}): Promise<LspResult> {
  const log = opts.log ?? (() => {});
  const edits = opts.quick ? 20 : 120;
  const uri = 'file:///bench/doc.txt';
  const text50k = generate(50_000, 5050, { corpus: opts.corpus });

  // Typing sessions on fresh servers: the default debounce (on three servers, their samples pooled:
  // one session's p95 is the 6th-slowest of 120 keystrokes and moves by a few ms from run to run),
  // then debounce 0.
  const typing: TypingSession[] = [];
  let initializeMs = NaN;
  let openMs = NaN;
  let afterOpen50k: Memory | null = null;
  let afterTyping50k: Memory | null = null;
  let lines = 0;
  const servers = opts.quick ? 1 : 3;
  for (const debounce of [null, 0] as const) {
    const pooled = { tokens: [] as number[], inServer: [] as number[], diagnostics: [] as number[], missing: 0, p95s: [] as number[] };
    const debounceMs = debounce ?? DEFAULT_SETTINGS.diagnostics.debounceMs;
    for (let n = 0; n < (debounce === null ? servers : 1); n++) {
      const client = new BenchClient(debounce === null ? null : { diagnostics: { debounceMs: debounce } });
      try {
        const init = await client.initialize();
        const doc = TextDocument.create(uri, 'plaintext', 1, text50k);
        lines = doc.lineCount;
        const first = client.diagnosticsFor(uri, 1);
        const t0 = performance.now();
        await client.open(uri, doc.getText());
        await client.tokens(uri);
        const open = performance.now() - t0;
        await within(first, 30_000);
        if (debounce === null && n === 0) {
          initializeMs = init;
          openMs = open;
          afterOpen50k = client.memory();
        }
        const r = await type(client, uri, doc, edits, true);
        if (debounce === null && n === 0) afterTyping50k = client.memory();
        const inServer = ((await client.conn.sendRequest(STATS_REQUEST)) as ServerStats).recentTokenMs.slice(-edits);
        pooled.tokens.push(...r.tokens);
        pooled.inServer.push(...inServer);
        pooled.diagnostics.push(...r.diagnostics);
        pooled.missing += r.missing;
        pooled.p95s.push(percentile(r.tokens, 95));
        log(`  typing, debounce ${debounceMs} ms${debounce === null ? ' (default)' : ''}: tokens p95 ${percentile(r.tokens, 95).toFixed(1)} ms, diagnostics median ${median(r.diagnostics).toFixed(1)} ms`);
      } finally {
        await client.shutdown();
      }
      if (client.stderr.trim()) log(`  server stderr: ${client.stderr.trim().slice(0, 300)}`);
    }
    typing.push({
      debounceMs,
      defaulted: debounce === null,
      edits,
      servers: pooled.p95s.length,
      tokensP95PerServer: pooled.p95s,
      tokens: stats(pooled.tokens),
      serverTokens: stats(pooled.inServer),
      diagnostics: stats(pooled.diagnostics),
      diagnosticsMissing: pooled.missing,
    });
  }

  // A fresh server: the 1 MB document's first open, peak memory, then a few keystrokes into it.
  const big = generate(1_000_000, 1_000_001, { corpus: opts.corpus });
  const client = new BenchClient(null);
  try {
    await client.initialize();
    const bigUri = 'file:///bench/big.txt';
    const doc = TextDocument.create(bigUri, 'plaintext', 1, big);
    const first = client.diagnosticsFor(bigUri, 1);
    const t0 = performance.now();
    await client.open(bigUri, big);
    await client.tokens(bigUri);
    const bigOpenMs = performance.now() - t0;
    const afterOpen = client.memory();
    await within(first, 60_000);
    log(`  1 MB open → tokens: ${bigOpenMs.toFixed(0)} ms, peak RSS ${afterOpen?.peakRssMiB.toFixed(1) ?? '?'} MiB`);
    const r = await type(client, bigUri, doc, opts.quick ? 3 : 10, false);
    const afterTyping = client.memory();
    // Then the full analysis that follows once typing settles (after the diagnostics' debounce).
    const settled = await within(client.diagnosticsFor(bigUri, r.version), 60_000);
    const afterSettle = settled === null ? null : client.memory();
    return {
      initializeMs,
      doc: { bytes: utf8Bytes(text50k), chars: text50k.length, lines, uri },
      openMs,
      afterOpen50k,
      afterTyping50k,
      typing,
      big: { bytes: utf8Bytes(big), chars: big.length, openMs: bigOpenMs, afterOpen, tokens: stats(r.tokens), afterTyping, afterSettle },
    };
  } finally {
    await client.shutdown();
  }
}
