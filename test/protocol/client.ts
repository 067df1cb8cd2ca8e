// A small LSP test client around vscode-languageserver-protocol: starts `node dist/server.js --stdio`
// as a child process and talks JSON-RPC to it over its stdin/stdout, the same way an editor does.
// It answers the server's own requests (workspace/configuration, semantic token refresh) and records
// the notifications the server sends, so tests can wait for them instead of sleeping.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ResponseError,
  ErrorCodes,
  type ProtocolConnection,
  type InitializeResult,
  type ClientCapabilities,
  type Hover,
  type Position,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TOKEN_TYPES, TOKEN_MODIFIERS, CONFIG_SECTION, QUOTES_REQUEST, SKIPPED_NOTIFICATION, type Settings, type QuoteItem, type SkippedParams } from '../../protocol/index.ts';

export const REPO = path.join(import.meta.dirname, '../..');
export const SERVER_JS = path.join(REPO, 'dist/server.js');
export const CORPUS = path.join(import.meta.dirname, '../../../shared/corpus');

export interface StartOptions {
  /** Advertise workspace.configuration (the server then pulls settings). Default true. */
  pullConfig?: boolean;
  /** What the client answers for the `diplomaticLens` section; may be changed later via `client.settings`. */
  settings?: Partial<Settings>;
  initializationOptions?: Partial<Settings>;
  /** Advertise workspace.semanticTokens.refreshSupport. Default true. */
  refreshSupport?: boolean;
  /** Answer workspace/semanticTokens/refresh with an error, as a client without it does. Default false. */
  refreshFails?: boolean;
}

/** A decoded semantic token: absolute position, length, type name and modifier names. */
export interface Token {
  line: number;
  char: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** A promise plus the function that settles it. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export class TestClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: ProtocolConnection;
  /** What the client answers to workspace/configuration for the `diplomaticLens` section. */
  settings: Partial<Settings> | null;
  readonly skipped: SkippedParams[] = [];
  readonly logs: string[] = [];
  /** Every section the server asked for in workspace/configuration. */
  readonly configRequests: string[] = [];
  refreshCount = 0;
  /** The last publishDiagnostics per document (a test that registers its own handler replaces this one). */
  readonly diagnostics = new Map<string, { version?: number; diagnostics: unknown[] }>();
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private versions = new Map<string, number>();
  private waiters: Array<{ check: () => boolean; resolve: () => void }> = [];

  constructor(private readonly options: StartOptions = {}) {
    this.settings = options.settings ?? null;
    this.proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (d: string) => (this.stderr += d));
    const exit = deferred<{ code: number | null; signal: NodeJS.Signals | null }>();
    this.exited = exit.promise;
    this.proc.on('exit', (code, signal) => {
      exit.resolve({ code, signal });
      this.wake();
    });
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => {
      const answers = params.items.map((item) => {
        this.configRequests.push(item.section ?? '');
        return item.section === CONFIG_SECTION ? this.settings : null;
      });
      this.wake();
      return answers;
    });
    this.conn.onRequest('workspace/semanticTokens/refresh', () => {
      this.refreshCount++;
      this.wake();
      if (options.refreshFails) return new ResponseError(ErrorCodes.MethodNotFound, 'Unhandled method workspace/semanticTokens/refresh');
      return null;
    });
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      this.diagnostics.set(p.uri, p);
      this.wake();
    });
    this.conn.onNotification(SKIPPED_NOTIFICATION, (p: SkippedParams) => {
      this.skipped.push(p);
      this.wake();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.wake();
    });
    // A closed pipe after exit is expected; the tests look at the exit code instead.
    this.conn.onError(() => {});
    this.conn.listen();
  }

  /** Resolves as soon as `check()` holds (re-checked after every message from the server). */
  until(check: () => boolean, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      // Not a timing assertion: a guard so a missing message fails the test with a reason instead of hanging.
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr}; logs: ${this.logs.join(' | ')}`));
      }, 20_000);
      this.waiters.push(waiter);
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }

  async initialize(): Promise<InitializeResult> {
    const pull = this.options.pullConfig ?? true;
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: pull,
        didChangeConfiguration: { dynamicRegistration: false },
        semanticTokens: { refreshSupport: this.options.refreshSupport ?? true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        semanticTokens: {
          requests: { full: true },
          tokenTypes: [...TOKEN_TYPES],
          tokenModifiers: [...TOKEN_MODIFIERS],
          formats: ['relative'],
        },
      },
      general: { positionEncodings: ['utf-16'] },
    };
    const result = (await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(REPO).href,
      capabilities,
      initializationOptions: this.options.initializationOptions,
      workspaceFolders: null,
    })) as InitializeResult;
    await this.conn.sendNotification('initialized', {});
    // With pulled settings the server asks for them after `initialized`, then asks the client to
    // refresh its tokens: wait for that so later requests see the client's settings, not defaults.
    if (pull && (this.options.refreshSupport ?? true)) await this.until(() => this.refreshCount > 0, 'the semantic token refresh after the configuration pull');
    else if (pull) await this.until(() => this.configRequests.length > 0, 'the configuration pull');
    return result;
  }

  async open(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  /** semanticTokens/full, raw. */
  async rawTokens(uri: string): Promise<number[]> {
    const r = (await this.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] } | null;
    return r?.data ?? [];
  }

  /** semanticTokens/full, decoded from the relative encoding to absolute positions. */
  async tokens(uri: string): Promise<Token[]> {
    return decodeTokens(await this.rawTokens(uri));
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>;
  }

  quotes(uri: string): Promise<QuoteItem[]> {
    return this.conn.sendRequest(QUOTES_REQUEST, { uri }) as Promise<QuoteItem[]>;
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    const { code } = await this.exited;
    this.conn.dispose();
    return code;
  }

  /** For test cleanup: end the server this client started, if it is still running. */
  kill(): void {
    this.conn.dispose();
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }
}

export async function startClient(options: StartOptions = {}): Promise<{ client: TestClient; init: InitializeResult }> {
  const client = new TestClient(options);
  const init = await client.initialize();
  return { client, init };
}

/** The LSP relative encoding (5 integers a token) back to absolute tokens. */
export function decodeTokens(data: number[]): Token[] {
  if (data.length % 5 !== 0) throw new Error(`token data length ${data.length} is not a multiple of 5`);
  const out: Token[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dLine, dChar, length, typeIndex, bits] = data.slice(i, i + 5);
    line += dLine;
    char = dLine === 0 ? char + dChar : dChar;
    const type = TOKEN_TYPES[typeIndex];
    if (type === undefined) throw new Error(`token type index ${typeIndex} is not in the legend`);
    if (bits >> TOKEN_MODIFIERS.length !== 0) throw new Error(`token modifier bits ${bits} name modifiers outside the legend`);
    out.push({ line, char, length, type, modifiers: TOKEN_MODIFIERS.filter((_, k) => bits & (1 << k)) });
  }
  return out;
}
