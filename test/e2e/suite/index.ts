// End-to-end suite that runs INSIDE a real VS Code extension host (the @vscode/test-electron
// contract: this module's `run(): Promise<void>` is the extensionTestsPath entry; a rejected
// promise fails the run). Two launchers use it unchanged:
//   - test/e2e/exthost.mjs   VS Code server of code-server + chromium (offline, what `npm test` runs)
//   - test/e2e/electron.mjs  @vscode/test-electron (desktop VS Code, needs a download)
// The workspace folder must hold copies of two gold-corpus files and our own Markdown fixture
// (test/e2e/workspace.mjs prepares it). Everything below goes through the public VS Code API:
// the same hovers and semantic tokens the editor shows, served by the real language server.
// Output: one `PASS name` / `FAIL name — detail` line per check, then `N passed, N failed`.
import * as vscode from 'vscode';

const EXTENSION_ID = 'diplomatic-lens.diplomatic-lens';
const RU_FILE = 'ru-wire-talks-quotes.txt';
const EN_FILE = 'en-wire-split-quotes.txt';
const MD_FILE = 'briefing.md';

let passed = 0;
let failed = 0;

function check(name: string, ok: boolean, detail = ''): boolean {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${!ok && detail ? ` — ${detail}` : ''}`);
  return ok;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Calls `probe` until `done` accepts its value or `ms` elapse; returns the last value. */
async function poll<T>(probe: () => Thenable<T> | T, done: (v: T) => boolean, ms: number, every = 250): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() >= until) return v;
    await sleep(every);
  }
}

// How long to wait for the language server. The first answer may take a while (server start,
// first analysis); once it has answered, later waits are short. If it never answered, later
// checks wait briefly, so a dead server fails the suite in seconds, not minutes.
let serverAnswered = false;
let serverWaited = false;
async function fromServer<T>(probe: () => Thenable<T>, done: (v: T) => boolean): Promise<T> {
  const ms = serverAnswered ? 5_000 : serverWaited ? 1_000 : 20_000;
  const v = await poll(probe, done, ms);
  if (done(v)) serverAnswered = true;
  else serverWaited = true;
  return v;
}

function short(s: string, n = 300): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? flat.slice(0, n) + '…' : flat;
}

// ---------------------------------------------------------------------------------------------
// Documents and positions

async function open(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the launcher must open the prepared workspace)');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The range of the `nth` occurrence (0-based) of `needle` in the document; throws when absent. */
function find(doc: vscode.TextDocument, needle: string, nth = 0, after = 0): vscode.Range {
  const text = doc.getText();
  let at = after - 1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${doc.uri.path.split('/').pop()}: text not found: ${JSON.stringify(needle)}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** The first occurrence of `needle` that comes after `anchor`. */
function findAfter(doc: vscode.TextDocument, anchor: string, needle: string): vscode.Range {
  const a = find(doc, anchor);
  return find(doc, needle, 0, doc.offsetAt(a.end));
}

function middle(r: vscode.Range): vscode.Position {
  return r.start.translate(0, Math.floor((r.end.character - r.start.character) / 2));
}

// ---------------------------------------------------------------------------------------------
// Hovers

/** The Markdown of every hover at `pos`, with Markdown backslash escapes removed. */
async function hoverTexts(doc: vscode.TextDocument, pos: vscode.Position): Promise<string[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  return hovers.flatMap((h) =>
    h.contents.map((c) => (typeof c === 'string' ? c : c.value).replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')),
  );
}

const isOurs = (t: string) => t.startsWith('**Quotation**') || t.startsWith('**Speaker**');

/** Our hover at `pos`, retried while the server is still starting; '' when there is none. */
async function ourHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const texts = await fromServer(() => hoverTexts(doc, pos), (ts) => ts.some(isOurs));
  return texts.find(isOurs) ?? '';
}

async function expectQuoteHover(name: string, doc: vscode.TextDocument, inside: vscode.Range, speaker: string | null): Promise<void> {
  const h = await ourHover(doc, middle(inside));
  const wanted = speaker === null ? '**The text names nobody as its speaker.**' : `Said by **[${speaker}](`;
  check(name, h.startsWith('**Quotation**') && h.includes(wanted), `expected a Quotation hover with ${JSON.stringify(wanted)}, got ${JSON.stringify(short(h))}`);
}

// ---------------------------------------------------------------------------------------------
// Semantic tokens

interface Token {
  line: number;
  start: number;
  end: number;
  type: string;
  modifiers: string[];
}

async function legend(doc: vscode.TextDocument): Promise<vscode.SemanticTokensLegend | undefined> {
  return vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
}

/** Decodes the LSP relative encoding (5 integers per token) with the provider's legend. */
function decode(data: Uint32Array, lg: vscode.SemanticTokensLegend): Token[] {
  const out: Token[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = lg.tokenModifiers.filter((_, bit) => (data[i + 4] >> bit) & 1);
    out.push({ line, start: char, end: char + data[i + 2], type: lg.tokenTypes[data[i + 3]] ?? `#${data[i + 3]}`, modifiers: mods });
  }
  return out;
}

/** The document's tokens, retried until the server answers with some (it may still be starting). */
async function tokens(doc: vscode.TextDocument): Promise<Token[]> {
  const lg = await fromServer(() => legend(doc), (l) => !!l && l.tokenTypes.includes('dlQuote'));
  if (!lg || !lg.tokenTypes.includes('dlQuote')) return [];
  const st = await fromServer(
    () => vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri),
    (t) => !!t && t.data.length > 0,
  );
  return st ? decode(st.data, lg) : [];
}

const show = (ts: Token[]) => short(ts.map((t) => `${t.line}:${t.start}-${t.end} ${t.type}${t.modifiers.length ? '.' + t.modifiers.join('.') : ''}`).join(', '), 400);

/**
 * A quotation's range on one line is covered without gaps by tokens, the first and last of which
 * are dlQuote (names inside a quote get their own, more specific tokens), with `modifier` if given.
 */
function expectQuoteTokens(name: string, ts: Token[], r: vscode.Range, modifier?: string): void {
  const onLine = ts.filter((t) => t.line === r.start.line && t.end > r.start.character && t.start < r.end.character).sort((a, b) => a.start - b.start);
  let reach = r.start.character;
  let gapless = onLine.length > 0 && onLine[0].start <= reach;
  for (const t of onLine) {
    if (t.start > reach) gapless = false;
    reach = Math.max(reach, t.end);
  }
  gapless &&= reach >= r.end.character;
  const first = onLine[0];
  const last = onLine[onLine.length - 1];
  const quoteEnds = !!first && first.type === 'dlQuote' && last.type === 'dlQuote';
  const modOk = !modifier || onLine.filter((t) => t.type === 'dlQuote').every((t) => t.modifiers.includes(modifier));
  check(name, gapless && quoteEnds && modOk, `range ${r.start.line}:${r.start.character}-${r.end.character}${modifier ? ` (modifier ${modifier})` : ''}, tokens there: ${show(onLine) || 'none'}`);
}

/** Exactly one dlSpeaker token covers `r`. */
function expectSpeakerToken(name: string, ts: Token[], r: vscode.Range): void {
  const hit = ts.find((t) => t.type === 'dlSpeaker' && t.line === r.start.line && t.start <= r.start.character && t.end >= r.end.character);
  const near = ts.filter((t) => t.line === r.start.line && t.end > r.start.character - 20 && t.start < r.end.character + 20);
  check(name, !!hit, `no dlSpeaker token over ${r.start.line}:${r.start.character}-${r.end.character}; tokens near: ${show(near) || 'none'}`);
}

// ---------------------------------------------------------------------------------------------
// The suite

async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    check(name, false, `threw: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  }
}

async function suite(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!check('extension is installed', !!ext, `${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`)) return;

  // Opening a plaintext document must activate it (activationEvents onLanguage:plaintext); we do not call activate().
  const ru = await open(RU_FILE);
  check('corpus file opens as plaintext', ru.languageId === 'plaintext', ru.languageId);
  const active = await poll(() => ext!.isActive, (a) => a, 30_000);
  if (!check('extension activates on a plaintext document', active, 'still inactive 30 s after opening the document')) return;

  await step('goToQuote', async () => {
    const cmds = await vscode.commands.getCommands(true);
    check('command diplomaticLens.goToQuote is registered', cmds.includes('diplomaticLens.goToQuote'));
  });

  await step('Russian hover', async () => {
    await expectQuoteHover('ru: hover on «Никаких иллюзий…» names замглавы МИД', ru, find(ru, 'иллюзий'), 'замглавы МИД');
    const speaker = find(ru, 'Рябков журналистам');
    const h = await ourHover(ru, speaker.start.translate(0, 2));
    check('ru: hover on the speaker Рябков', h.startsWith('**Speaker** · Рябков'), JSON.stringify(short(h)));
    // Outside any quotation (the lead paragraph): no Diplomatic Lens hover.
    const outside = await hoverTexts(ru, middle(find(ru, 'очередной раунд консультаций')));
    check('ru: no hover outside quotations', !outside.some(isOurs), JSON.stringify(outside.map((t) => short(t, 120))));
  });

  await step('Russian tokens', async () => {
    const ts = await tokens(ru);
    check('ru: semantic tokens arrive', ts.length > 0, 'no dlQuote legend or no tokens from the server');
    expectQuoteTokens('ru: dlQuote tokens cover «Никаких иллюзий…»', ts, find(ru, 'Никаких иллюзий относительно курса Вашингтона у нас нет'));
    expectSpeakerToken('ru: dlSpeaker token on замглавы МИД', ts, findAfter(ru, 'у нас нет»', 'замглавы МИД'));
  });

  const en = await open(EN_FILE);
  await step('English', async () => {
    await expectQuoteHover('en: hover on “Every ceasefire…” names Babiker', en, find(en, 'they broke within days'), 'Babiker');
    const ts = await tokens(en);
    expectQuoteTokens('en: dlQuote tokens cover “Every ceasefire…”', ts, find(en, 'Every ceasefire they signed, they broke within days'));
    expectSpeakerToken('en: dlSpeaker token on Babiker (after the quote)', ts, findAfter(en, 'within days,', 'Babiker'));
    const outside = await hoverTexts(en, middle(find(en, 'humanitarian corridors')));
    check('en: no hover outside quotations', !outside.some(isOurs), JSON.stringify(outside.map((t) => short(t, 120))));
  });

  const md = await open(MD_FILE);
  check('fixture opens as markdown', md.languageId === 'markdown', md.languageId);
  await step('Markdown', async () => {
    const block = find(md, 'We remain open to dialogue on every track, but never at the expense of our own security.');
    const h = await ourHover(md, middle(block));
    check('md: block quote hover names Anna Kovalenko', h.startsWith('**Quotation** (block)') && h.includes('Said by **[Anna Kovalenko]('), JSON.stringify(short(h)));
    const ts = await tokens(md);
    expectQuoteTokens('md: `>` block quote has dlQuote.block tokens', ts, block, 'block');
    expectSpeakerToken('md: dlSpeaker token on the “— Anna Kovalenko” line', ts, findAfter(md, '—', 'Anna Kovalenko'));
    const leaflet = find(md, 'Peace is a process, not a signature.');
    await expectQuoteHover('md: unattributed quote says nobody is named', md, leaflet, null);
    expectQuoteTokens('md: unattributed quote has dlQuote.unattributed tokens', ts, leaflet, 'unattributed');
  });

  // The command itself: a quick pick of the document's quotes; accepting the first moves the cursor to it.
  await step('goToQuote picks', async () => {
    const editor = await vscode.window.showTextDocument(md, { preview: false });
    editor.selection = new vscode.Selection(md.lineCount - 1, 0, md.lineCount - 1, 0);
    let settled = false;
    const running = vscode.commands.executeCommand('diplomaticLens.goToQuote');
    running.then(() => (settled = true), () => (settled = true));
    // The picker opens once the server has listed the quotes; accepting before that does nothing.
    for (let i = 0; i < 20 && !settled; i++) {
      await sleep(250);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await sleep(50);
    }
    check('goToQuote: the command completes once a quotation is picked', settled, 'still running after 6 s of accepting the first item');
    const want = find(md, 'We remain open').start;
    const got = editor.selection.active;
    check('goToQuote: accepting the first quotation moves the cursor to it', got.isEqual(want), `cursor at ${got.line}:${got.character}, first quote at ${want.line}:${want.character}`);
  });

  await step('diagnostics and a quick fix', async () => {
    const doc = await open('assertions.txt');
    const mine = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Diplomatic Lens');
    const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));
    const diags = await poll(mine, (ds) => ds.length > 0, 20000);
    const accusation = diags.find((d) => codeOf(d) === 'unattributed-accusation');
    check('diagnostic: an unattributed accusation with its rule id and source', !!accusation, JSON.stringify(diags.map((d) => [codeOf(d), d.message])));
    check('diagnostic: plain narration is not flagged', !diags.some((d) => doc.getText(d.range).includes('обсудили')), JSON.stringify(diags.map((d) => doc.getText(d.range))));
    if (!accusation) return;
    const href = typeof accusation.code === 'object' ? String(accusation.code.target) : '';
    check('diagnostic: the code links to its rule page', /docs\/rules\/unattributed-accusation\.md$/.test(href), href);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, accusation.range, vscode.CodeActionKind.QuickFix.value);
    const attribute = actions.find((a) => /Галузин/.test(a.title) && a.edit);
    check('quick fix: "attribute to" the person named in the document', !!attribute, JSON.stringify(actions.map((a) => a.title)));
    if (!attribute?.edit) return;
    const before = doc.getText();
    check('quick fix: nothing changes the file until the user picks it', doc.getText() === before && !doc.isDirty);
    await vscode.workspace.applyEdit(attribute.edit);
    const text = doc.getText();
    check('quick fix: the sentence now names its source', /По словам [^,]*Галузин[^,]*, удар по зданию/.test(text), JSON.stringify(text.split('\n')[2]));
    const after = await poll(mine, (ds) => !ds.some((d) => codeOf(d) === 'unattributed-accusation'), 15000);
    check('quick fix: the diagnostic goes away once the sentence is attributed', !after.some((d) => codeOf(d) === 'unattributed-accusation'), JSON.stringify(after.map((d) => [codeOf(d), d.message])));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
}

export async function run(): Promise<void> {
  const t0 = Date.now();
  try {
    await suite();
  } catch (e) {
    check('suite', false, `threw: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  }
  console.log(`${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (failed > 0 || passed === 0) throw new Error(`${failed} end-to-end check(s) failed`);
}
