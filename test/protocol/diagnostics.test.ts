// Assertion diagnostics and quick fixes through the real server over stdio: the code action
// capability; publishDiagnostics on open (code, source, rule-page link, severity, a message naming
// the trigger words, related information at the source named nearby); the settings that change a
// rule's severity or turn it off; textDocument/codeAction at a diagnostic and its edits (Russian
// `По словам X, …`, English `…, X said.`); suppression by a Markdown comment and by the side file
// the client sends, which survives an edit elsewhere; diagnostics cleared on close. The texts are
// ours; positions are counted independently of the server. Most of these need the core to report
// the assertions (analysis/assertions.ts).
// Needs the built server: run `node scripts/build.mjs --dev` first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Command, Diagnostic, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';
import { ADD_SUPPRESSION_COMMAND, DISABLE_RULE_COMMAND, SUPPRESSIONS_NOTIFICATION, type AddSuppressionArgs, type InitializationOptions, type Settings } from '../../protocol/index.ts';
import { startClient, TestClient, SERVER_JS } from './client.ts';
import { rangeOf, at } from '../helpers/positions.ts';

// ---------------------------------------------------------------------------------------------
// Helpers, written independently of the server.

function range(text: string, needle: string): Range {
  return rangeOf(text, at(text, needle));
}

/** A diagnostic's message as text (LSP 3.18 also allows Markdown). */
function messageOf(d: Diagnostic): string {
  const m = d.message as string | { value: string };
  return typeof m === 'string' ? m : m.value;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Records publishDiagnostics and lets a test wait for one that satisfies a check. */
class Published {
  readonly last = new Map<string, PublishDiagnosticsParams>();
  private waiters: Array<{ uri: string; check: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];

  constructor(client: TestClient) {
    client.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.last.set(p.uri, p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.check(p.diagnostics)) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(p.diagnostics);
        }
      }
    });
  }

  /** The next (or the last, if it already holds) diagnostics of `uri` for which `check` holds. */
  until(uri: string, check: (d: Diagnostic[]) => boolean, what: string, client: TestClient): Promise<Diagnostic[]> {
    const now = this.last.get(uri);
    if (now && check(now.diagnostics)) return Promise.resolve(now.diagnostics);
    return new Promise((resolve, reject) => {
      const w = {
        uri,
        check,
        resolve: (d: Diagnostic[]) => {
          clearTimeout(timer);
          resolve(d);
        },
      };
      // Not a timing assertion: a guard so a missing message fails the test with a reason instead of hanging.
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        const got = this.last.get(uri)?.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.message}`) ?? 'nothing';
        reject(new Error(`timed out waiting for ${what} on ${uri}; last published: ${JSON.stringify(got)}; server stderr: ${client.stderr}`));
      }, 15_000);
      this.waiters.push(w);
    });
  }
}

function codeActions(client: TestClient, uri: string, diagnostics: Diagnostic[]): Promise<Array<CodeAction | Command>> {
  return client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics, only: ['quickfix'] },
  }) as Promise<Array<CodeAction | Command>>;
}

function actionTitled(list: Array<CodeAction | Command>, start: string): CodeAction {
  const a = list.find((x) => x.title.startsWith(start));
  assert.ok(a, `an action "${start}…" among ${JSON.stringify(list.map((x) => x.title))}`);
  return a as CodeAction;
}

function applyAction(uri: string, text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits?.length, `${action.title}: edits of ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), edits);
}

const DOCS = 'https://github.com/diplomatic-lens/diplomatic-lens/blob/main/docs/rules/';

assert.ok(existsSync(SERVER_JS), `${SERVER_JS} exists (build first: node scripts/build.mjs --dev)`);

// ---------------------------------------------------------------------------------------------
// The texts. Захарова (Zakharova) is the source of a claim in the first paragraph; the second
// paragraph accuses without a source.

const RU_URI = 'file:///virtual/diagnostics-ru.txt';
const RU_LEAD = 'Официальный представитель МИД России Мария Захарова заявила, что Москва готова к переговорам.\n\n';
const RU = RU_LEAD + 'Удар нанесли украинские ПВО. Это была спланированная провокация.\n';

const RU_LONG_URI = 'file:///virtual/diagnostics-ru-long.txt';
const RU_LONG = RU_LEAD + 'Это была заранее спланированная провокация киевского режима.\n';

const EN_URI = 'file:///virtual/diagnostics-en.txt';
const EN_LEAD = 'Russian Foreign Ministry spokeswoman Maria Zakharova said on Tuesday that Moscow was ready for talks.\n\n';
const EN_S1 = 'The strike was a deliberate provocation.';
const EN_S2 = 'The shelling of the city was a war crime.';
const EN = EN_LEAD + EN_S1 + '\n';

const isAccusation = (text: string, needle: string) => (d: Diagnostic[]) => d.some((x) => x.code === 'unattributed-accusation' && sameRange(x.range, range(text, needle)));

// ---------------------------------------------------------------------------------------------

describe('assertion diagnostics over LSP', () => {
  let client: TestClient;
  let published: Published;
  let caps: Record<string, unknown>;
  before(async () => {
    const started = await startClient({ settings: { diagnostics: { debounceMs: 0 } } });
    client = started.client;
    caps = started.init.capabilities as Record<string, unknown>;
    published = new Published(client);
  });
  after(() => client?.kill());

  test('capabilities: quick-fix code actions', () => {
    const cap = caps.codeActionProvider as { codeActionKinds?: string[] } | boolean | undefined;
    assert.ok(cap, 'codeActionProvider');
    assert.ok(typeof cap === 'object' && cap.codeActionKinds?.includes('quickfix'), JSON.stringify(cap));
  });

  test('a document without assertions gets an empty publishDiagnostics on open, and one on close', async () => {
    const uri = 'file:///virtual/diagnostics-none.txt';
    await client.open(uri, 'Галузин и Мустафаев обсудили график встреч.\n');
    assert.deepEqual(await published.until(uri, () => true, 'diagnostics on open', client), []);
    await client.close(uri);
    assert.deepEqual(await published.until(uri, (d) => d.length === 0, 'diagnostics cleared on close', client), []);
  });

  test('English: “The strike was a deliberate provocation.” — code, source, link, warning, message with its triggers, Zakharova nearby', async () => {
    await client.open(EN_URI, EN);
    const diags = await published.until(EN_URI, isAccusation(EN, EN_S1), 'the unattributed accusation', client);
    const d = diags.find((x) => sameRange(x.range, range(EN, EN_S1)))!;
    assert.equal(d.source, 'Diplomatic Lens');
    assert.equal(d.code, 'unattributed-accusation');
    assert.equal(d.codeDescription?.href, `${DOCS}unattributed-accusation.md`);
    assert.equal(d.severity, 2, 'Warning');
    assert.match(messageOf(d), /^Unattributed accusation: .*“provocation”.* — no source in the sentence or around it\.$/);
    const related = d.relatedInformation ?? [];
    assert.ok(
      related.some((r) => r.location.uri === EN_URI && sameRange(r.location.range, range(EN, 'Maria Zakharova')) && /Maria Zakharova is named nearby/.test(r.message)),
      JSON.stringify(related),
    );
    // Nothing in the narration.
    assert.ok(diags.every((x) => x.range.start.line === 2), JSON.stringify(diags));
  });

  test('English quick fix: “…, Maria Zakharova said.”', async () => {
    const diags = await published.until(EN_URI, isAccusation(EN, EN_S1), 'the unattributed accusation', client);
    const d = diags.filter((x) => sameRange(x.range, range(EN, EN_S1)));
    const actions = await codeActions(client, EN_URI, d);
    const fix = actionTitled(actions, 'Attribute to Maria Zakharova');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(applyAction(EN_URI, EN, fix), EN_LEAD + 'The strike was a deliberate provocation, Maria Zakharova said.\n');
    // Plain text in a client that writes no side file: no sentence or file suppression to offer.
    assert.ok(!actions.some((x) => /for this sentence|in this file|workspace/.test(x.title)), JSON.stringify(actions.map((x) => x.title)));
  });

  test('Russian: «Удар нанесли украинские ПВО. Это была спланированная провокация.» — both sentences are unattributed accusations', async () => {
    await client.open(RU_URI, RU);
    const diags = await published.until(
      RU_URI,
      (d) => isAccusation(RU, 'Удар нанесли украинские ПВО.')(d) && isAccusation(RU, 'Это была спланированная провокация.')(d),
      'two unattributed accusations',
      client,
    );
    for (const d of diags) {
      assert.equal(d.source, 'Diplomatic Lens');
      assert.equal(d.codeDescription?.href, `${DOCS}${d.code}.md`);
    }
  });

  test('Russian quick fix: «По словам Марии Захаровой, это была …»', async () => {
    await client.open(RU_LONG_URI, RU_LONG);
    const sentence = 'Это была заранее спланированная провокация киевского режима.';
    const diags = await published.until(RU_LONG_URI, isAccusation(RU_LONG, sentence), 'the unattributed accusation', client);
    const d = diags.filter((x) => sameRange(x.range, range(RU_LONG, sentence)));
    assert.match(messageOf(d[0]), /“провокация”/);
    const fix = actionTitled(await codeActions(client, RU_LONG_URI, d), 'Attribute to Мария Захарова');
    assert.equal(fix.title, 'Attribute to Мария Захарова: «По словам Марии Захаровой, …»');
    assert.equal(applyAction(RU_LONG_URI, RU_LONG, fix), RU_LEAD + 'По словам Марии Захаровой, это была заранее спланированная провокация киевского режима.\n');
  });

  test('Markdown: the comment quick fixes; a sentence comment suppresses that sentence and not the next', async () => {
    const uri = 'file:///virtual/diagnostics.md';
    const text = EN_LEAD + EN_S1 + ' ' + EN_S2 + '\n';
    await client.open(uri, text, 'markdown');
    const diags = await published.until(uri, isAccusation(text, EN_S1), 'the first accusation', client);
    const d = diags.filter((x) => sameRange(x.range, range(text, EN_S1)));
    const actions = await codeActions(client, uri, d);
    const fix = actionTitled(actions, 'Suppress unattributed-accusation for this sentence');
    const after = applyAction(uri, text, fix);
    assert.equal(after, EN_LEAD + EN_S1 + ' <!-- diplomatic-lens-disable-sentence unattributed-accusation --> ' + EN_S2 + '\n');
    actionTitled(actions, "Mark as the author's own position");
    actionTitled(actions, 'Suppress unattributed-accusation in this file');
    // The editor applies the edit: the first sentence is no longer reported, the second still is.
    await client.change(uri, [{ range: fix.edit!.changes![uri][0].range, text: fix.edit!.changes![uri][0].newText }]);
    await published.until(uri, (x) => !isAccusation(after, EN_S1)(x) && isAccusation(after, EN_S2)(x), 'only the second sentence', client);
  });

  test('severity from the settings; off publishes nothing for the rule', async () => {
    const error: Partial<Settings> = { diagnostics: { debounceMs: 0 }, rules: { 'unattributed-accusation': 'error' } };
    client.settings = error;
    await client.changeConfiguration({});
    await published.until(EN_URI, (d) => d.some((x) => x.code === 'unattributed-accusation' && x.severity === 1), 'an error', client);
    client.settings = { diagnostics: { debounceMs: 0 }, rules: { 'unattributed-accusation': 'off' } };
    await client.changeConfiguration({});
    await published.until(EN_URI, (d) => !d.some((x) => x.code === 'unattributed-accusation'), 'the rule turned off', client);
    client.settings = { diagnostics: { debounceMs: 0 } };
    await client.changeConfiguration({});
    await published.until(EN_URI, isAccusation(EN, EN_S1), 'the rule back at its default', client);
  });
});

describe('the side file over LSP', () => {
  const FOLDER = 'file:///virtual/ws';
  const URI = `${FOLDER}/statements/en.txt`;
  const TEXT = EN_LEAD + EN_S1 + ' ' + EN_S2 + '\n';
  let client: TestClient;
  let published: Published;
  before(async () => {
    const init: InitializationOptions = { clientCommands: [ADD_SUPPRESSION_COMMAND, DISABLE_RULE_COMMAND], suppressions: [{ folder: FOLDER, content: null }] };
    const started = await startClient({ settings: { diagnostics: { debounceMs: 0 } }, initializationOptions: init as Partial<Settings> });
    client = started.client;
    published = new Published(client);
  });
  after(() => client?.kill());

  test('plain-text quick fixes run the client commands with the folder, the relative path and the sentence fingerprint', async () => {
    await client.open(URI, TEXT);
    const diags = await published.until(URI, isAccusation(TEXT, EN_S1), 'the first accusation', client);
    const d = diags.filter((x) => sameRange(x.range, range(TEXT, EN_S1)));
    const actions = await codeActions(client, URI, d);
    const sentence = actionTitled(actions, 'Suppress unattributed-accusation for this sentence');
    assert.equal(sentence.edit, undefined);
    assert.equal(sentence.command?.command, ADD_SUPPRESSION_COMMAND);
    const args = sentence.command?.arguments?.[0] as AddSuppressionArgs;
    assert.equal(args.folder, FOLDER);
    assert.equal(args.entry.file, 'statements/en.txt');
    assert.equal(args.entry.scope, 'sentence');
    assert.equal(args.entry.rule, 'unattributed-accusation');
    assert.match(args.entry.fingerprint ?? '', /^[0-9a-f]{16}$/);
    assert.equal(args.entry.text, EN_S1);
    const ws = actionTitled(actions, 'Suppress unattributed-accusation in this workspace');
    assert.deepEqual(ws.command?.arguments, ['unattributed-accusation']);
    assert.equal(ws.command?.command, DISABLE_RULE_COMMAND);
    assert.equal((actionTitled(actions, 'Suppress unattributed-accusation in this file').command?.arguments?.[0] as AddSuppressionArgs).entry.scope, 'file');
  });

  test('the side file the client sends suppresses the sentence, also after an edit elsewhere in the file', async () => {
    const diags = await published.until(URI, isAccusation(TEXT, EN_S1), 'the first accusation', client);
    const d = diags.find((x) => sameRange(x.range, range(TEXT, EN_S1)))!;
    const fp = (d.data as { fingerprint: string }).fingerprint;
    const content = JSON.stringify({ version: 1, entries: [{ scope: 'sentence', file: 'statements/en.txt', rule: 'unattributed-accusation', fingerprint: fp, text: EN_S1 }] });
    await client.conn.sendNotification(SUPPRESSIONS_NOTIFICATION, { folder: FOLDER, content });
    await published.until(URI, (x) => !isAccusation(TEXT, EN_S1)(x) && isAccusation(TEXT, EN_S2)(x), 'the first sentence suppressed', client);
    // A paragraph added at the top moves every offset; the suppression holds.
    const top = 'MOSCOW, 5 March.\n\n';
    await client.change(URI, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: top }]);
    const moved = top + TEXT;
    await published.until(URI, (x) => !isAccusation(moved, EN_S1)(x) && isAccusation(moved, EN_S2)(x), 'still suppressed after the edit', client);
    // The file gone: reported again.
    await client.conn.sendNotification(SUPPRESSIONS_NOTIFICATION, { folder: FOLDER, content: null });
    await published.until(URI, isAccusation(moved, EN_S1), 'reported again without the side file', client);
  });
});
