// Attributed claims through the real server over stdio: the capabilities, the outline
// (textDocument/documentSymbol: each speaker with their quotes and claims), inlay hints naming the
// speaker after a quote whose speaker is not next to it (through a pronoun, a continuation piece),
// the setting that turns them off, the claim cue token (a quote's claim does not double the quote
// and speaker tokens), the hover on a cue, and the diplomaticLens/claimContents request. The texts
// are ours; positions are counted independently of the server.
// Needs the built server: run `node scripts/build.mjs --dev` first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { DocumentSymbol, InlayHint, Range } from 'vscode-languageserver-protocol';
import { CLAIM_CONTENTS_REQUEST } from '../../protocol/index.ts';
import { startClient, TestClient, SERVER_JS, type Token } from './client.ts';
import { hoverText, unescapeMd } from '../helpers/analysis.ts';
import { posAt, type Pos, at, rangeOf as range } from '../helpers/positions.ts';

// ---------------------------------------------------------------------------------------------
// Helpers, written independently of the server.

interface Found {
  start: number;
  end: number;
  text: string;
}

function label(h: InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

/** Tokens of one line whose text is `word` at its first occurrence on that line. */
function tokenOn(tokens: Token[], text: string, s: Found): Token[] {
  const p = posAt(text, s.start);
  return tokens.filter((t) => t.line === p.line && t.char < p.character + s.text.length && t.char + t.length > p.character);
}

function symbols(client: TestClient, uri: string): Promise<DocumentSymbol[] | null> {
  return client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[] | null>;
}

function hints(client: TestClient, uri: string, text: string): Promise<InlayHint[] | null> {
  const end = posAt(text, text.length);
  return client.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end } }) as Promise<InlayHint[] | null>;
}

function claimContents(client: TestClient, uri: string): Promise<Range[]> {
  return client.conn.sendRequest(CLAIM_CONTENTS_REQUEST, { uri }) as Promise<Range[]>;
}

function inside(outer: Range, inner: Range): boolean {
  const le = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function assertSymbolsValid(list: DocumentSymbol[]): void {
  for (const s of list) {
    assert.ok(s.name.trim().length > 0, 'a symbol has a name');
    assert.ok(inside(s.range, s.selectionRange), `selectionRange inside range: ${s.name}`);
    for (const c of s.children ?? []) assert.ok(inside(s.range, c.range), `child ${c.name} inside ${s.name}`);
    assertSymbolsValid(s.children ?? []);
  }
}

const SYMBOL_STRING = 15;

assert.ok(existsSync(SERVER_JS), `${SERVER_JS} exists (build first: node scripts/build.mjs --dev)`);

// Рябков quoted three ways: the speaker named right after the quote, a second quote through «он»,
// and a quote interrupted by the author's words (its second piece is a continuation).
const RU_URI = 'file:///virtual/claims-ryabkov.txt';
const RU =
  'Переговоры в Женеве продолжились во вторник.\n\n' +
  '«Мы готовы к диалогу», — заявил Рябков. «Но не на любых условиях», — добавил он.\n\n' +
  '«Мы констатировали разногласия, — сказал Рябков. — Ни Москва, ни Пекин не уступят».\n';
const RU_Q1 = at(RU, '«Мы готовы к диалогу»');
const RU_Q2 = at(RU, '«Но не на любых условиях»');
const RU_P1 = at(RU, '«Мы констатировали разногласия,');
const RU_P2 = at(RU, 'Ни Москва, ни Пекин не уступят»');

const EN_URI = 'file:///virtual/claims-blinken.txt';
const EN = 'Talks resumed in Geneva on Tuesday.\n\n"The United States supports a lasting peace," Blinken said. "We will keep working with both sides," he added.\n';
const EN_Q1 = at(EN, '"The United States supports a lasting peace,"');
const EN_Q2 = at(EN, '"We will keep working with both sides,"');

// ---------------------------------------------------------------------------------------------

describe('claims over LSP', () => {
  let client: TestClient;
  let caps: Record<string, unknown>;
  before(async () => {
    const started = await startClient({ settings: {} });
    client = started.client;
    caps = started.init.capabilities as Record<string, unknown>;
    await client.open(RU_URI, RU);
    await client.open(EN_URI, EN);
  });
  after(() => client?.kill());

  test('capabilities: document symbols and inlay hints', () => {
    assert.ok(caps.documentSymbolProvider, 'documentSymbolProvider');
    assert.ok(caps.inlayHintProvider, 'inlayHintProvider');
  });

  test('outline: Рябков with his quotes as children, in document order, selecting the cue', async () => {
    const list = await symbols(client, RU_URI);
    assert.ok(list && list.length > 0, 'symbols');
    assertSymbolsValid(list);
    const ryabkov = list.filter((s) => /Рябков/.test(s.name));
    assert.equal(ryabkov.length, 1, `one symbol for Рябков: ${JSON.stringify(list.map((s) => s.name))}`);
    const children = ryabkov[0].children ?? [];
    assert.deepEqual(
      children.map((c) => [c.name, c.kind]),
      [RU_Q1, RU_Q2, RU_P1, RU_P2].map((q) => [q.text, SYMBOL_STRING]),
    );
    assert.deepEqual(children[0].selectionRange, range(RU, at(RU, 'заявил')), 'the first quote selects its cue');
    assert.deepEqual(children[1].selectionRange, range(RU, at(RU, 'добавил')));
    assert.deepEqual(children[3].selectionRange, range(RU, RU_P2), 'the continuation piece selects its own words');
    assert.ok(inside(children[0].range, range(RU, RU_Q1)), 'a child spans its quote');
    // The symbol of Рябков selects his first mention.
    assert.deepEqual(ryabkov[0].selectionRange, range(RU, at(RU, 'Рябков')));
  });

  test('outline: Blinken with both quotes', async () => {
    const list = await symbols(client, EN_URI);
    assert.ok(list);
    assertSymbolsValid(list);
    const blinken = list.find((s) => /Blinken/.test(s.name));
    assert.ok(blinken, JSON.stringify(list.map((s) => s.name)));
    assert.deepEqual(blinken.children?.map((c) => c.name), [EN_Q1.text, EN_Q2.text]);
  });

  test('inlay hints: after the quote reached through «он» and after the continuation piece; none where the speaker is next to the quote', async () => {
    const got = await hints(client, RU_URI, RU);
    assert.ok(got);
    assert.deepEqual(
      got.map((h) => h.position),
      [posAt(RU, RU_Q2.end), posAt(RU, RU_P2.end)],
      JSON.stringify(got),
    );
    for (const h of got) {
      assert.match(label(h), /^— .*Рябков$/);
      assert.equal(h.paddingLeft, true);
    }
  });

  test('inlay hints: English, “he added” names Blinken after the quote', async () => {
    const got = await hints(client, EN_URI, EN);
    assert.ok(got);
    assert.deepEqual(got.map((h) => [h.position, /Blinken$/.test(label(h))]), [[posAt(EN, EN_Q2.end), true]], JSON.stringify(got));
  });

  test('inlay hints only inside the requested range', async () => {
    const line = posAt(RU, RU_P1.start).line;
    const got = (await client.conn.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: RU_URI },
      range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
    })) as InlayHint[];
    assert.deepEqual(got.map((h) => h.position), [posAt(RU, RU_P2.end)]);
  });

  test('tokens: a dlClaimCue on each cue word; the speaker stays dlSpeaker; no source or content token is added over quotes', async () => {
    const tokens = await client.tokens(RU_URI);
    for (const cue of [at(RU, 'заявил'), at(RU, 'добавил'), at(RU, 'сказал')]) {
      assert.deepEqual(tokenOn(tokens, RU, cue).map((t) => [t.char, t.length, t.type]), [[posAt(RU, cue.start).character, cue.text.length, 'dlClaimCue']], cue.text);
    }
    for (const n of [1, 2]) {
      const name = at(RU, 'Рябков', n);
      assert.deepEqual(tokenOn(tokens, RU, name).map((t) => [t.length, t.type]), [['Рябков'.length, 'dlSpeaker']]);
    }
    assert.deepEqual(tokens.filter((t) => t.type === 'dlClaimSource' || t.type === 'dlClaimContent'), []);
    const en = await client.tokens(EN_URI);
    assert.deepEqual(tokenOn(en, EN, at(EN, 'said')).map((t) => t.type), ['dlClaimCue']);
    assert.deepEqual(tokenOn(en, EN, at(EN, 'added')).map((t) => t.type), ['dlClaimCue']);
  });

  test('hover on a cue shows the whole claim; inside the quote, the quotation alone', async () => {
    const cue = at(RU, 'заявил');
    const h = await client.hover(RU_URI, posAt(RU, cue.start + 2));
    const v = unescapeMd(hoverText(h));
    assert.ok(v.startsWith('**Claim** · direct quote\n'), v);
    const sp = posAt(RU, at(RU, 'Рябков').start);
    assert.ok(v.includes(`Source: **[Рябков](${RU_URI}#L${sp.line + 1},${sp.character + 1})**`), v);
    assert.ok(v.includes('Cue: “заявил”'), v);
    assert.ok(v.includes('Content: «Мы готовы к диалогу»'), v);
    assert.deepEqual(h!.range, range(RU, cue));
    // «добавил он»: the claim says whom the pronoun stands for.
    const added = unescapeMd(hoverText(await client.hover(RU_URI, posAt(RU, at(RU, 'добавил').start))));
    assert.ok(added.startsWith('**Claim** · direct quote'), added);
    assert.ok(added.includes('Source: **[Рябков]('), added);
    assert.ok(added.includes('(the text says “он”)'), added);
    const quote = unescapeMd(hoverText(await client.hover(RU_URI, posAt(RU, at(RU, 'готовы').start))));
    assert.ok(quote.startsWith('**Quotation**'), quote);
    assert.ok(!quote.includes('---'), quote);
    const en = unescapeMd(hoverText(await client.hover(EN_URI, posAt(EN, at(EN, 'said').start + 1))));
    assert.ok(en.startsWith('**Claim** · direct quote'), en);
    assert.ok(en.includes('Source: **[Blinken]('), en);
  });

  test('claimContents: direct quotes are shown by their tokens, so no ranges; a document not open: none', async () => {
    assert.deepEqual(await claimContents(client, RU_URI), []);
    assert.deepEqual(await claimContents(client, 'file:///virtual/never-opened.txt'), []);
    assert.deepEqual(await symbols(client, 'file:///virtual/never-opened.txt'), []);
    assert.deepEqual(await hints(client, 'file:///virtual/never-opened.txt', ''), []);
  });
});

describe('reported claims over LSP (the extractor in analysis/claims.ts)', () => {
  let client: TestClient;
  const uri = 'file:///virtual/claims-reported.txt';
  const text = 'Замминистра иностранных дел России Сергей Рябков заявил, что Москва готова к диалогу с Вашингтоном.\n';
  const content = at(text, 'Москва готова к диалогу');
  before(async () => {
    client = (await startClient({ settings: {} })).client;
    await client.open(uri, text);
  });
  after(() => client?.kill());

  test('the content is a decorated range, a dlClaimContent token in the gaps between the places, a hover', async () => {
    const ranges = await claimContents(client, uri);
    assert.equal(ranges.length, 1, JSON.stringify(ranges));
    assert.ok(inside(ranges[0], range(text, content)), JSON.stringify(ranges));
    const tokens = await client.tokens(uri);
    assert.deepEqual(tokenOn(tokens, text, at(text, 'Сергей Рябков')).map((t) => t.type), ['dlClaimSource']);
    assert.deepEqual(tokenOn(tokens, text, at(text, 'заявил')).map((t) => t.type), ['dlClaimCue']);
    assert.deepEqual(tokenOn(tokens, text, at(text, ' готова к диалогу с ')).map((t) => t.type), ['dlClaimContent']);
    assert.deepEqual(tokenOn(tokens, text, at(text, 'Вашингтоном')).map((t) => t.type), ['dlPlace'], 'the place keeps its token');
    const v = unescapeMd(hoverText(await client.hover(uri, posAt(text, at(text, 'готова').start))));
    assert.ok(v.startsWith('**Claim** · reported speech'), v);
    assert.ok(v.includes('Source: **[Сергей Рябков]('), v);
    assert.ok(v.includes('Cue: “заявил”'), v);
    const list = await symbols(client, uri);
    assert.ok(list);
    assertSymbolsValid(list);
    assert.deepEqual(list.map((s) => [s.name, s.children?.map((c) => c.kind)]), [['Сергей Рябков', [24]]], 'SymbolKind.Event');
  });
});

describe('the inlay hint setting', () => {
  let client: TestClient;
  before(async () => {
    client = (await startClient({ settings: {} })).client;
    await client.open(RU_URI, RU);
  });
  after(() => client?.kill());

  test('diplomaticLens.inlayHints.enable = false: no hints; true again: they are back', async () => {
    assert.equal((await hints(client, RU_URI, RU))?.length, 2);
    client.settings = { inlayHints: { enable: false } };
    let refreshes = client.refreshCount;
    await client.changeConfiguration(null);
    await client.until(() => client.refreshCount > refreshes, 'the refresh after the settings change');
    assert.deepEqual(await hints(client, RU_URI, RU), []);
    // The rest keeps working.
    assert.ok(((await symbols(client, RU_URI)) ?? []).length > 0);
    client.settings = { inlayHints: { enable: true } };
    refreshes = client.refreshCount;
    await client.changeConfiguration(null);
    await client.until(() => client.refreshCount > refreshes, 'the refresh after the settings change');
    assert.equal((await hints(client, RU_URI, RU))?.length, 2);
  });
});
