// The language server over stdio, driven by a real LSP client (vscode-languageserver-protocol):
// capabilities, semantic tokens decoded back to absolute positions and checked against the corpus's
// gold annotations, hovers, incremental sync, line endings / BOM / surrogate pairs, settings pulled
// with workspace/configuration, skipped documents, the custom quotes request, shutdown.
// Needs the built server: run `node scripts/build.mjs --dev` first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TOKEN_TYPES, TOKEN_MODIFIERS } from '../../protocol/index.ts';
import { startClient, TestClient, CORPUS, REPO, SERVER_JS, decodeTokens, type Token } from './client.ts';
import { hoverText, unescapeMd } from '../helpers/analysis.ts';
import { posAt, type Pos, rangeOf as range } from '../helpers/positions.ts';

// ---------------------------------------------------------------------------------------------
// Helpers, written independently of the server: positions, gold annotations, token checks.

/** The text of each line without its line break. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

interface GoldSpan {
  start: number;
  end: number;
  text: string;
}
interface GoldQuote extends GoldSpan {
  speaker: GoldSpan | null;
}

interface CorpusDoc {
  file: string;
  uri: string;
  text: string;
  quotes: GoldQuote[];
}

function corpusDoc(name: string): CorpusDoc {
  const file = path.join(CORPUS, name);
  const text = readFileSync(file, 'utf8');
  const gold = JSON.parse(readFileSync(file.replace(/\.(txt|md)$/, '.gold.json'), 'utf8')) as { quotes: GoldQuote[] };
  // The gold file must describe this very text, or the expectations below mean nothing.
  for (const q of gold.quotes) {
    assert.equal(text.slice(q.start, q.end), q.text, `gold quote of ${name} at ${q.start}`);
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text, `gold speaker of ${name} at ${q.speaker.start}`);
  }
  return { file, uri: pathToFileURL(file).href, text, quotes: gold.quotes };
}

function goldQuote(doc: CorpusDoc, includes: string): GoldQuote {
  const q = doc.quotes.find((x) => x.text.includes(includes));
  assert.ok(q, `the gold annotation of ${doc.file} has a quote with “${includes}”`);
  return q;
}

const ENTITY_TYPES = new Set(['dlPerson', 'dlOrganization', 'dlCountry', 'dlPlace', 'dlDate', 'dlDemonym']);

/** Tokens must lie inside their line, have a positive length, and never overlap. */
function assertWellFormed(text: string, tokens: Token[], raw?: number[]): void {
  const lines = linesOf(text);
  if (raw) assert.ok(raw.every((n) => Number.isInteger(n) && n >= 0), 'token data are non-negative integers');
  for (const t of tokens) {
    assert.ok(t.length > 0, `token ${JSON.stringify(t)} has a positive length`);
    assert.ok(t.line < lines.length, `token ${JSON.stringify(t)} is on an existing line`);
    assert.ok(t.char + t.length <= lines[t.line].length, `token ${JSON.stringify(t)} ends within its line (length ${lines[t.line].length}): it does not span a line break`);
  }
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1];
    const b = tokens[i];
    assert.ok(b.line > a.line || (b.line === a.line && b.char >= a.char + a.length), `tokens do not overlap and are in order: ${JSON.stringify(a)} then ${JSON.stringify(b)}`);
  }
}

/** Tokens that intersect [from, to) on one line. */
function tokensIn(tokens: Token[], line: number, from: number, to: number): Token[] {
  return tokens.filter((t) => t.line === line && t.char < to && t.char + t.length > from);
}

/**
 * The tokens over a one-line quote cover exactly its range: they start at its first character, end
 * at its last, leave no gap, and are the quote itself or entities named inside it.
 */
function assertQuoteCovered(tokens: Token[], start: Pos, end: Pos, what: string): Token[] {
  assert.equal(start.line, end.line, `${what} is on one line`);
  const over = tokensIn(tokens, start.line, start.character, end.character);
  assert.ok(over.length > 0, `${what}: tokens at ${start.line}:${start.character}–${end.character}`);
  assert.equal(over[0].char, start.character, `${what}: the first token starts where the quote starts`);
  const last = over[over.length - 1];
  assert.equal(last.char + last.length, end.character, `${what}: the last token ends where the quote ends`);
  for (let i = 1; i < over.length; i++) assert.equal(over[i].char, over[i - 1].char + over[i - 1].length, `${what}: no gap inside the quote`);
  assert.ok(over.some((t) => t.type === 'dlQuote'), `${what}: a dlQuote token`);
  for (const t of over) assert.ok(t.type === 'dlQuote' || ENTITY_TYPES.has(t.type), `${what}: a ${t.type} token inside the quote`);
  return over;
}

function link(uri: string, p: Pos): string {
  return `${uri}#L${p.line + 1},${p.character + 1}`;
}

/** A position in the middle of a span. */
function mid(text: string, s: { start: number; end: number }): Pos {
  return posAt(text, Math.floor((s.start + s.end) / 2));
}

assert.ok(existsSync(SERVER_JS), `${SERVER_JS} exists (build first: node scripts/build.mjs --dev)`);
assert.ok(existsSync(CORPUS), `the corpus is at ${CORPUS}`);

const RU = corpusDoc('ru-wire-talks-quotes.txt');
const EN = corpusDoc('en-wire-split-quotes.txt');
const MD = corpusDoc('en-press-digest-markdown.md');

// ---------------------------------------------------------------------------------------------

describe('initialize', () => {
  let client: TestClient;
  after(() => client?.kill());

  test('capabilities: incremental sync, hover, full semantic tokens with the protocol legend', async () => {
    const started = await startClient({ settings: {} });
    client = started.client;
    const caps = started.init.capabilities;
    const sync = caps.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : sync?.change;
    assert.equal(kind, 2, 'TextDocumentSyncKind.Incremental');
    assert.ok(caps.hoverProvider, 'hoverProvider');
    const st = caps.semanticTokensProvider;
    assert.ok(st, 'semanticTokensProvider');
    assert.deepEqual(st.legend.tokenTypes, [...TOKEN_TYPES]);
    assert.deepEqual(st.legend.tokenModifiers, [...TOKEN_MODIFIERS]);
    assert.ok(st.full === true || (typeof st.full === 'object' && st.full !== null), 'full document tokens');
    // Positions are UTF-16 (the LSP default): the server must not negotiate anything else.
    assert.ok(caps.positionEncoding === undefined || caps.positionEncoding === 'utf-16');
    assert.equal(started.init.serverInfo?.name, 'diplomatic-lens');
    // With workspace/configuration the server pulls its own section.
    assert.deepEqual(client.configRequests, ['diplomaticLens']);
  });

  test('the legend is the one package.json declares to VS Code', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.semanticTokenTypes.map((t: { id: string }) => t.id), [...TOKEN_TYPES]);
    assert.deepEqual(pkg.contributes.semanticTokenModifiers.map((t: { id: string }) => t.id), [...TOKEN_MODIFIERS]);
  });
});

describe('semantic tokens on corpus documents', () => {
  let client: TestClient;
  before(async () => {
    client = (await startClient({ settings: {} })).client;
    await client.open(RU.uri, RU.text);
    await client.open(EN.uri, EN.text);
    await client.open(MD.uri, MD.text, 'markdown');
  });
  after(() => client?.kill());

  test('Russian: every gold quote is covered by tokens exactly, its speaker is a dlSpeaker token', async () => {
    const raw = await client.rawTokens(RU.uri);
    const tokens = decodeTokens(raw);
    assertWellFormed(RU.text, tokens, raw);
    for (const q of RU.quotes) {
      const r = range(RU.text, q);
      assertQuoteCovered(tokens, r.start, r.end, `quote “${q.text.slice(0, 30)}”`);
      assert.ok(q.speaker);
      const s = range(RU.text, q.speaker);
      const sp = tokensIn(tokens, s.start.line, s.start.character, s.end.character);
      assert.deepEqual(
        sp.map((t) => [t.char, t.length, t.type]),
        [[s.start.character, s.end.character - s.start.character, 'dlSpeaker']],
        `speaker “${q.speaker.text}”`,
      );
    }
    // An entity-free quote is exactly one dlQuote token (the quote marks included), not attributed-less.
    const q = goldQuote(RU, 'Мы констатировали');
    const p = posAt(RU.text, q.start);
    const [only] = tokensIn(tokens, p.line, p.character, p.character + 1);
    assert.deepEqual(only, { line: p.line, char: p.character, length: q.end - q.start, type: 'dlQuote', modifiers: [] });
    assert.equal(linesOf(RU.text)[p.line].slice(only.char, only.char + only.length), q.text);
  });

  test('English: the quote “Every ceasefire …” and its speaker Babiker', async () => {
    const raw = await client.rawTokens(EN.uri);
    const tokens = decodeTokens(raw);
    assertWellFormed(EN.text, tokens, raw);
    const q = goldQuote(EN, 'Every ceasefire they signed');
    assert.equal(q.text, '“Every ceasefire they signed, they broke within days,”');
    const r = range(EN.text, q);
    const over = assertQuoteCovered(tokens, r.start, r.end, 'Every ceasefire');
    assert.deepEqual(over.map((t) => [t.char, t.length, t.type]), [[r.start.character, q.end - q.start, 'dlQuote']]);
    const s = range(EN.text, q.speaker!);
    assert.deepEqual(
      tokensIn(tokens, s.start.line, s.start.character, s.end.character).map((t) => [t.char, t.length, t.type]),
      [[s.start.character, 'Babiker'.length, 'dlSpeaker']],
    );
    for (const g of EN.quotes) {
      const gr = range(EN.text, g);
      assertQuoteCovered(tokens, gr.start, gr.end, `quote “${g.text.slice(0, 30)}”`);
    }
  });

  test('Markdown: a block quote over several lines gives one token run per line, none on the bare “>” line', async () => {
    const raw = await client.rawTokens(MD.uri);
    const tokens = decodeTokens(raw);
    assertWellFormed(MD.text, tokens, raw);
    const lines = linesOf(MD.text);
    const block = goldQuote(MD, 'The South China Sea must remain');
    const from = posAt(MD.text, block.start);
    const to = posAt(MD.text, block.end);
    assert.ok(to.line > from.line, 'the block quote spans lines');
    for (let line = from.line; line <= to.line; line++) {
      const body = lines[line].replace(/^>\s?/, '');
      const start = lines[line].length - body.length;
      const end = line === to.line ? to.character : lines[line].length;
      if (body.trim() === '') {
        assert.deepEqual(tokensIn(tokens, line, 0, lines[line].length), [], `no token on the empty quoted line ${line}`);
        continue;
      }
      const over = assertQuoteCovered(tokens, { line, character: start }, { line, character: end }, `block quote line ${line}`);
      for (const t of over.filter((x) => x.type === 'dlQuote')) assert.deepEqual(t.modifiers, ['block']);
    }
    // The "> " markers themselves are not coloured.
    assert.deepEqual(tokensIn(tokens, from.line, 0, from.character), []);
    // Its speaker is named in the dash line below it.
    const s = range(MD.text, block.speaker!);
    assert.equal(block.speaker!.text, 'Amran Yusof');
    assert.deepEqual(tokensIn(tokens, s.start.line, s.start.character, s.end.character).map((t) => [t.char, t.length, t.type]), [[s.start.character, 11, 'dlSpeaker']]);
    // An inline quote of the same file.
    const q = goldQuote(MD, 'We will not be driven out');
    const qr = range(MD.text, q);
    assert.deepEqual(assertQuoteCovered(tokens, qr.start, qr.end, 'driven out').map((t) => t.length), [q.end - q.start]);
  });

  test('an inline quote broken over two lines yields one dlQuote token per line, indentation excluded', async () => {
    const uri = 'file:///virtual/multiline.txt';
    const text = 'Intro sentence here.\n\n“We will keep talking\n   until the last day,” Babiker said.\n';
    await client.open(uri, text);
    const tokens = await client.tokens(uri);
    assertWellFormed(text, tokens);
    const quotes = tokens.filter((t) => t.type === 'dlQuote');
    assert.deepEqual(
      quotes.map((t) => [t.line, t.char, t.length]),
      [
        [2, 0, '“We will keep talking'.length],
        [3, 3, 'until the last day,”'.length],
      ],
    );
    const bab = text.indexOf('Babiker');
    const p = posAt(text, bab);
    assert.deepEqual(tokens.filter((t) => t.type === 'dlSpeaker').map((t) => [t.line, t.char, t.length]), [[p.line, p.character, 7]]);
  });
});

describe('hover', () => {
  let client: TestClient;
  before(async () => {
    client = (await startClient({ settings: {} })).client;
    await client.open(RU.uri, RU.text);
    await client.open(EN.uri, EN.text);
  });
  after(() => client?.kill());

  test('inside a quote: “Quotation”, said by the right speaker, with a link to the speaker', async () => {
    const q = goldQuote(EN, 'Every ceasefire they signed');
    const h = await client.hover(EN.uri, mid(EN.text, q));
    const v = hoverText(h);
    assert.ok(v.startsWith('**Quotation**'), v);
    assert.ok(v.includes(`Said by **[Babiker](${link(EN.uri, posAt(EN.text, q.speaker!.start))})**`), v);
    assert.ok(!v.includes('names nobody'), v);
    assert.deepEqual(h!.range, range(EN.text, q));
  });

  test('the pieces of a quote interrupted by the author’s words (Russian dash form): “Piece 1 of 2”, “Piece 2 of 2”', async () => {
    const first = goldQuote(RU, 'Мы констатировали');
    const second = goldQuote(RU, 'Ни Москва, ни Пекин');
    const v1 = hoverText(await client.hover(RU.uri, mid(RU.text, first)));
    const v2 = hoverText(await client.hover(RU.uri, mid(RU.text, second)));
    assert.ok(v1.includes('Piece 1 of 2'), v1);
    assert.ok(v2.includes('Piece 2 of 2'), v2);
    assert.ok(unescapeMd(v2).includes('Said by **[Рябков]('), v2);
    // A quote that stands alone is not a piece.
    const alone = hoverText(await client.hover(RU.uri, mid(RU.text, goldQuote(RU, 'Никаких иллюзий'))));
    assert.ok(!alone.includes('Piece'), alone);
  });

  test('the pieces of an English quote interrupted by “the ambassador said,”: “Piece 1 of 2”, “Piece 2 of 2”', async () => {
    // “Nobody in this room expects a breakthrough this week,” the ambassador said, “but if the corridors
    // open, that alone will save lives.” — one sentence, cut by the author's words (the annotation
    // guide treats “A,” he said, “B” like «A, — сказал он. — B»).
    const first = goldQuote(EN, 'Nobody in this room');
    const second = goldQuote(EN, 'but if the corridors open');
    assert.equal(EN.text.slice(first.end, second.start), ' the ambassador said, ');
    const v1 = hoverText(await client.hover(EN.uri, mid(EN.text, first)));
    const v2 = hoverText(await client.hover(EN.uri, mid(EN.text, second)));
    assert.ok(v1.includes('Said by **[the ambassador]('), v1);
    assert.ok(v2.includes('Said by **[the ambassador]('), v2);
    assert.ok(v1.includes('Piece 1 of 2'), v1);
    assert.ok(v2.includes('Piece 2 of 2'), v2);
  });

  test('Russian quotes name Рябков, замглавы МИД and Ма Чжаосюй', async () => {
    for (const [includes, name] of [
      ['Мы констатировали', 'Рябков'],
      ['Никаких иллюзий', 'замглавы МИД'],
      ['Китай не будет садиться', 'Ма Чжаосюй'],
    ] as const) {
      const q = goldQuote(RU, includes);
      assert.equal(q.speaker?.text, name, 'gold');
      const v = unescapeMd(hoverText(await client.hover(RU.uri, mid(RU.text, q))));
      assert.ok(v.startsWith('**Quotation**'), v);
      assert.ok(v.includes(`Said by **[${name}](${link(RU.uri, posAt(RU.text, q.speaker.start))})**`), v);
    }
  });

  test('a name with markdown characters is escaped and still names the speaker', async () => {
    const q = goldQuote(EN, 'We did not come to Jeddah');
    const raw = hoverText(await client.hover(EN.uri, mid(EN.text, q)));
    assert.ok(raw.includes('Said by **[Khalid al\\-Rashidi]('), raw);
    assert.ok(unescapeMd(raw).includes('Khalid al-Rashidi'), raw);
  });

  test('on a speaker: “Speaker” and the name', async () => {
    const q = goldQuote(EN, 'Every ceasefire they signed');
    const h = await client.hover(EN.uri, mid(EN.text, q.speaker!));
    const v = hoverText(h);
    assert.ok(v.startsWith('**Speaker** · Babiker'), v);
    assert.ok(v.includes('Quoted 2 times'), v);
    assert.deepEqual(h!.range, range(EN.text, q.speaker!));
    const ru = goldQuote(RU, 'Мы констатировали');
    assert.ok(hoverText(await client.hover(RU.uri, posAt(RU.text, ru.speaker!.start))).startsWith('**Speaker** · Рябков'));
  });

  test('outside any quote: null; the range end is exclusive', async () => {
    const plain = EN.text.indexOf('truce talks resume');
    assert.ok(plain > 0);
    assert.equal(await client.hover(EN.uri, posAt(EN.text, plain + 2)), null, 'a headline word that names nothing');
    // Narration that names nothing and reports nothing.
    const anchor = EN.text.indexOf('which usually begins in June');
    assert.ok(anchor > 0);
    assert.equal(await client.hover(EN.uri, posAt(EN.text, anchor + 2)), null, 'plain narration');
    const q = goldQuote(EN, 'Every ceasefire they signed');
    assert.equal(EN.text[q.end], ' ');
    assert.equal(await client.hover(EN.uri, posAt(EN.text, q.end)), null, 'the space after the closing mark');
    assert.ok(hoverText(await client.hover(EN.uri, posAt(EN.text, q.end - 1))).startsWith('**Quotation**'), 'the closing mark itself');
    assert.ok(hoverText(await client.hover(EN.uri, posAt(EN.text, q.start))).startsWith('**Quotation**'), 'the opening mark itself');
  });

  test('a quote the text attributes to nobody says so', async () => {
    const uri = 'file:///virtual/unattributed.txt';
    const text = 'The talks ended on Monday.\n\n“Nothing will change before the elections in the spring.”\n\nAnother paragraph follows here.\n';
    await client.open(uri, text);
    const start = text.indexOf('“');
    const v = hoverText(await client.hover(uri, posAt(text, start + 3)));
    assert.ok(v.startsWith('**Quotation**'), v);
    assert.ok(v.includes('**The text names nobody as its speaker.**'), v);
    assert.ok(!v.includes('Said by'), v);
    const tokens = await client.tokens(uri);
    assert.deepEqual(
      tokens.filter((t) => t.type === 'dlQuote').map((t) => [t.line, t.char, t.length, t.modifiers]),
      [[2, 0, '“Nothing will change before the elections in the spring.”'.length, ['unattributed']]],
    );
  });

  test('requests for a document that is not open: no tokens, no hover, no quotes', async () => {
    const uri = 'file:///virtual/never-opened.txt';
    assert.deepEqual(await client.rawTokens(uri), []);
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
    assert.deepEqual(await client.quotes(uri), []);
  });
});

describe('incremental sync', () => {
  let client: TestClient;
  before(async () => {
    client = (await startClient({ settings: {} })).client;
  });
  after(() => client?.kill());

  const BASE = 'Talks resumed in Jeddah on Monday.\n\nThe army accused the RSF. “Every ceasefire they signed, they broke within days,” Babiker said.\n';

  test('inserting text before a quote on its line moves its tokens and hover', async () => {
    const uri = 'file:///virtual/incremental-1.txt';
    await client.open(uri, BASE);
    const qStart = BASE.indexOf('“');
    const qEnd = BASE.indexOf('”') + 1;
    const before = posAt(BASE, qStart);
    const tokens0 = await client.tokens(uri);
    assert.deepEqual(tokens0.filter((t) => t.type === 'dlQuote').map((t) => [t.line, t.char, t.length]), [[before.line, before.character, qEnd - qStart]]);

    const insert = 'Late on Monday, ';
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: insert }]);
    const text = BASE.replace('The army', insert + 'The army');
    const tokens1 = await client.tokens(uri);
    assertWellFormed(text, tokens1);
    const moved = { line: before.line, character: before.character + insert.length };
    assert.deepEqual(tokens1.filter((t) => t.type === 'dlQuote').map((t) => [t.line, t.char, t.length]), [[moved.line, moved.character, qEnd - qStart]]);
    const bab = text.indexOf('Babiker');
    assert.deepEqual(tokens1.filter((t) => t.type === 'dlSpeaker').map((t) => [t.line, t.char]), [[2, posAt(text, bab).character]]);

    // The old start of the quote is now plain text ("…RSF." moved right); the new one is the quote.
    const h = await client.hover(uri, { line: moved.line, character: moved.character + 1 });
    assert.deepEqual(h?.range, { start: moved, end: { line: moved.line, character: moved.character + qEnd - qStart } });
    assert.ok(hoverText(h).includes(`Said by **[Babiker](${uri}#L3,${posAt(text, bab).character + 1})**`));
    // (It may now sit in the content of a reported claim, "The army … accused the RSF …", but it is no quote.)
    const old = hoverText(await client.hover(uri, { line: before.line, character: before.character }));
    assert.ok(!old.startsWith('**Quotation**'), `the old quote start is now outside the quote: ${old}`);
  });

  test('a new first line moves everything down a line; a full-text change replaces the document', async () => {
    const uri = 'file:///virtual/incremental-2.txt';
    await client.open(uri, BASE);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'UPDATE 1\n' }]);
    const text = 'UPDATE 1\n' + BASE;
    const q = posAt(text, text.indexOf('“'));
    assert.equal(q.line, 3);
    const tokens = await client.tokens(uri);
    assert.deepEqual(tokens.filter((t) => t.type === 'dlQuote').map((t) => [t.line, t.char]), [[q.line, q.character]]);
    assert.ok(hoverText(await client.hover(uri, { line: 3, character: q.character + 2 })).startsWith('**Quotation**'));
    assert.equal(await client.hover(uri, { line: 2, character: q.character + 2 }), null, 'the quote is no longer on line 2');

    // Full replacement (no range).
    const full = 'Nothing quoted here at all.\n';
    await client.change(uri, [{ text: full }]);
    assert.deepEqual(await client.rawTokens(uri), []);
    assert.deepEqual(await client.quotes(uri), []);
  });

  test('several changes in one notification, applied in order: rename the speaker, delete a quote', async () => {
    const uri = 'file:///virtual/incremental-3.txt';
    const text0 = 'First paragraph.\n\n“Every ceasefire they signed, they broke within days,” Babiker said.\n\n“We came to get food and medicine to people who have waited far too long,” Khalid al-Rashidi said.\n';
    await client.open(uri, text0);
    assert.equal((await client.quotes(uri)).length, 2);
    const b = posAt(text0, text0.indexOf('Babiker'));
    const first = posAt(text0, text0.indexOf('“Every'));
    const firstEnd = posAt(text0, text0.indexOf('days,”') + 'days,”'.length);
    await client.change(uri, [
      // Babiker → Osman (same line, shorter).
      { range: { start: b, end: { line: b.line, character: b.character + 'Babiker'.length } }, text: 'Osman' },
      // Then delete the first quote and the space after it: the line now starts with "Osman said.".
      { range: { start: first, end: { line: firstEnd.line, character: firstEnd.character + 1 } }, text: '' },
    ]);
    const text1 = text0.replace('Babiker', 'Osman').replace('“Every ceasefire they signed, they broke within days,” ', '');
    const quotes = await client.quotes(uri);
    assert.deepEqual(
      quotes.map((q) => [q.speaker, q.range]),
      [['Khalid al-Rashidi', range(text1, { start: text1.indexOf('“We came'), end: text1.indexOf('long,”') + 'long,”'.length })]],
    );
    const tokens = await client.tokens(uri);
    assertWellFormed(text1, tokens);
    assert.deepEqual(tokensIn(tokens, 2, 0, linesOf(text1)[2].length).filter((t) => t.type === 'dlQuote' || t.type === 'dlSpeaker'), [], 'no stale tokens where the deleted quote was');
    assert.equal(await client.hover(uri, { line: 2, character: 2 }), null, 'no stale hover where the deleted quote was');

    // Now give Osman a quote back, typed in one keystroke-sized change at a time.
    const typed = '“Every ceasefire they signed, they broke within days,” ';
    let pos = 0;
    for (const ch of typed) {
      await client.change(uri, [{ range: { start: { line: 2, character: pos }, end: { line: 2, character: pos } }, text: ch }]);
      pos += ch.length;
    }
    const text2 = text1.replace('Osman said.', typed + 'Osman said.');
    const v = hoverText(await client.hover(uri, { line: 2, character: 5 }));
    assert.ok(v.includes(`Said by **[Osman](${uri}#L3,${posAt(text2, text2.indexOf('Osman')).character + 1})**`), v);
  });
});

describe('line endings, BOM and surrogate pairs: ranges land exactly on the quote', () => {
  let client: TestClient;
  before(async () => {
    client = (await startClient({ settings: {} })).client;
  });
  after(() => client?.kill());

  async function check(uri: string, text: string, quote: string, speaker: string): Promise<{ q: Pos; s: Pos }> {
    await client.open(uri, text);
    const qOff = text.indexOf(quote);
    const sOff = text.indexOf(speaker, qOff + quote.length);
    assert.ok(qOff >= 0 && sOff >= 0);
    const q = posAt(text, qOff);
    const qe = posAt(text, qOff + quote.length);
    const s = posAt(text, sOff);
    const raw = await client.rawTokens(uri);
    const tokens = decodeTokens(raw);
    assertWellFormed(text, tokens, raw);
    assert.deepEqual(tokens.filter((t) => t.type === 'dlQuote').map((t) => [t.line, t.char, t.length]), [[q.line, q.character, quote.length]]);
    assert.deepEqual(tokens.filter((t) => t.type === 'dlSpeaker').map((t) => [t.line, t.char, t.length]), [[s.line, s.character, speaker.length]]);
    const items = await client.quotes(uri);
    assert.equal(items.length, 1);
    assert.deepEqual(items[0].range, { start: q, end: qe });
    assert.deepEqual(items[0].speakerRange, { start: s, end: { line: s.line, character: s.character + speaker.length } });
    assert.equal(items[0].speaker, speaker);
    const h = await client.hover(uri, { line: q.line, character: q.character });
    assert.deepEqual(h?.range, { start: q, end: qe });
    assert.ok(hoverText(h).includes(`Said by **[${speaker}](${link(uri, s)})**`));
    return { q, s };
  }

  test('CRLF line endings', async () => {
    const quote = '“Every ceasefire they signed, they broke within days,”';
    const text = 'Talks resumed on Monday.\r\n\r\nThe army accused the RSF.\r\n' + quote + ' Babiker said.\r\nMore text.\r\n';
    const { q } = await check('file:///virtual/crlf.txt', text, quote, 'Babiker');
    assert.deepEqual(q, { line: 3, character: 0 });
  });

  test('old Mac CR-only line endings', async () => {
    const quote = '“Every ceasefire they signed, they broke within days,”';
    const text = 'Talks resumed on Monday.\r\r' + quote + ' Babiker said.\r';
    const { q } = await check('file:///virtual/cr.txt', text, quote, 'Babiker');
    assert.deepEqual(q, { line: 2, character: 0 });
  });

  test('a BOM at the start of the text counts as one code unit on line 0', async () => {
    const quote = '«Мы категорически против этого решения»';
    const text = '\uFEFF' + quote + ', — сказал Лавров.\n';
    const { q, s } = await check('file:///virtual/bom.txt', text, quote, 'Лавров');
    assert.deepEqual(q, { line: 0, character: 1 });
    assert.equal(s.character, 1 + quote.length + ', — сказал '.length);
  });

  test('emoji and a flag (surrogate pairs) before the quote on its line', async () => {
    const prefix = '🙂🇷🇺 Note: ';
    // Independent count: every code point above U+FFFF takes two UTF-16 code units.
    const units = [...prefix].reduce((n, ch) => n + (ch.codePointAt(0)! > 0xffff ? 2 : 1), 0);
    assert.equal(units, 13);
    assert.notEqual(units, [...prefix].length, 'the prefix has astral characters, so code points and code units differ');
    const quote = '“Every ceasefire they signed, they broke within days,”';
    const text = 'Intro 🌍 line.\n' + prefix + quote + ' Babiker said. 🙂\n';
    const { q, s } = await check('file:///virtual/emoji.txt', text, quote, 'Babiker');
    assert.deepEqual(q, { line: 1, character: units });
    assert.equal(s.character, units + quote.length + 1);
  });

  test('CRLF inside a multi-line quote: one token per line, none over the line break', async () => {
    const uri = 'file:///virtual/crlf-multi.txt';
    const text = '«Мы будем продолжать переговоры\r\n   до последнего дня», — сказал Лавров.\r\n';
    await client.open(uri, text);
    const tokens = await client.tokens(uri);
    assertWellFormed(text, tokens);
    assert.deepEqual(
      tokens.filter((t) => t.type === 'dlQuote').map((t) => [t.line, t.char, t.length]),
      [
        [0, 0, '«Мы будем продолжать переговоры'.length],
        [1, 3, 'до последнего дня»'.length],
      ],
    );
    const [item] = await client.quotes(uri);
    assert.deepEqual(item.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 3 + 'до последнего дня»'.length } });
  });
});

describe('settings through workspace/configuration', () => {
  const clients: TestClient[] = [];
  after(() => clients.forEach((c) => c.kill()));

  test('enable=false: no tokens, no hover, no quotes; enabling it again brings them back', async () => {
    const { client } = await startClient({ settings: { enable: false } });
    clients.push(client);
    assert.deepEqual(client.configRequests, ['diplomaticLens']);
    await client.open(EN.uri, EN.text);
    assert.deepEqual(await client.rawTokens(EN.uri), []);
    const q = goldQuote(EN, 'Every ceasefire');
    assert.equal(await client.hover(EN.uri, mid(EN.text, q)), null);
    assert.deepEqual(await client.quotes(EN.uri), []);
    assert.deepEqual(client.skipped, [], 'disabled is not "skipped"');

    client.settings = { enable: true };
    await client.changeConfiguration(null);
    await client.until(() => client.refreshCount >= 2, 'a second refresh after the settings change');
    assert.equal(client.configRequests.length, 2, 'the server pulled the settings again');
    const tokens = await client.tokens(EN.uri);
    assert.ok(tokens.some((t) => t.type === 'dlQuote'));
    assert.ok(hoverText(await client.hover(EN.uri, mid(EN.text, q))).includes('Babiker'));
  });

  test('maxFileSize smaller than the document: the start is analysed, a message and a diagnostic say where it stops', async () => {
    const { client } = await startClient({ settings: { maxFileSize: 1000 } });
    clients.push(client);
    assert.ok(RU.text.length > 1000);
    await client.open(RU.uri, RU.text);
    // Tokens up to the last paragraph break before 1000 characters, none after it.
    const cut = RU.text.lastIndexOf('\n\n', 1000);
    assert.ok(cut > 500, 'the corpus text has a paragraph break in its first 1000 characters');
    const tokens = await client.tokens(RU.uri);
    assert.ok(tokens.length > 0, 'the start of the document is highlighted');
    const cutLine = posAt(RU.text, cut).line;
    assert.ok(tokens.every((t) => t.line <= cutLine), 'nothing after the cut is highlighted');
    const firstQuote = RU.quotes.find((q) => q.end <= cut);
    if (firstQuote) assert.ok(tokens.some((t) => t.type === 'dlQuote' && t.line === posAt(RU.text, firstQuote.start).line), 'a quote before the cut is a token');
    await client.until(() => client.skipped.length > 0, 'diplomaticLens/skipped');
    assert.equal(client.skipped.length, 1);
    assert.equal(client.skipped[0].uri, RU.uri);
    assert.equal(client.skipped[0].analysedUpTo, cut);
    assert.match(client.skipped[0].reason, /maxFileSize/);
    assert.ok(client.skipped[0].reason.includes(RU.text.length.toLocaleString('en-US')), client.skipped[0].reason);
    // The Problems panel shows where analysis stops: an information diagnostic on the next line of text.
    await client.until(() => client.diagnostics.has(RU.uri), 'diagnostics of the large document');
    const stop = (client.diagnostics.get(RU.uri)!.diagnostics as Array<{ code?: unknown; severity?: number; range: { start: Pos } }>).filter((d) => d.code === 'max-file-size');
    assert.equal(stop.length, 1);
    assert.equal(stop[0].severity, 3);
    assert.equal(stop[0].range.start.line, posAt(RU.text, RU.text.slice(cut).search(/\S/) + cut).line);
    // A hover after the cut finds nothing; before it, the quote.
    const lastQuote = RU.quotes[RU.quotes.length - 1];
    assert.ok(lastQuote.start > cut);
    assert.equal(await client.hover(RU.uri, mid(RU.text, lastQuote)), null);
    // Told once per document, not on every request.
    await client.rawTokens(RU.uri);
    assert.equal(client.skipped.length, 1);

    // A small document in the same session is analysed whole.
    const uri = 'file:///virtual/small.txt';
    const small = '“Every ceasefire they signed, they broke within days,” Babiker said.\n';
    await client.open(uri, small);
    assert.deepEqual((await client.tokens(uri)).filter((t) => t.type === 'dlQuote').map((t) => [t.line, t.char]), [[0, 0]]);

    // Raising the limit analyses the big one whole.
    client.settings = { maxFileSize: 2_000_000 };
    await client.changeConfiguration(null);
    await client.until(() => client.refreshCount >= 2, 'a second refresh after the settings change');
    const all = await client.tokens(RU.uri);
    assert.ok(all.some((t) => t.line > cutLine), 'the whole document is highlighted');
    assert.equal(client.skipped.length, 1);
    assert.equal(await client.shutdown(), 0);
  });

  test('a client without workspace/configuration: initializationOptions, then pushed settings', async () => {
    const { client } = await startClient({ pullConfig: false, initializationOptions: { enable: false } });
    clients.push(client);
    await client.open(EN.uri, EN.text);
    assert.deepEqual(await client.rawTokens(EN.uri), []);
    await client.changeConfiguration({ diplomaticLens: { enable: true } });
    assert.ok((await client.tokens(EN.uri)).some((t) => t.type === 'dlQuote'));
    assert.deepEqual(client.configRequests, [], 'the server never asked a client that cannot answer');
  });

  test('a client that cannot refresh semantic tokens is not asked to', async () => {
    // LSP: workspace/semanticTokens/refresh is only for clients with workspace.semanticTokens.refreshSupport.
    // Such a client answers it with MethodNotFound (Neovim 0.7 does).
    const { client } = await startClient({ settings: {}, refreshSupport: false, refreshFails: true });
    clients.push(client);
    await client.open(EN.uri, EN.text);
    assert.ok((await client.tokens(EN.uri)).some((t) => t.type === 'dlQuote'));
    // One more round trip, so anything the server did about an error answer has reached us.
    assert.ok(await client.hover(EN.uri, mid(EN.text, goldQuote(EN, 'Every ceasefire'))));
    assert.deepEqual(client.logs.filter((l) => /uncaught|error/i.test(l)), [], 'no error logged');
    assert.equal(client.refreshCount, 0, 'workspace/semanticTokens/refresh sent to a client without refreshSupport');
  });
});

describe('bad input does not crash the server', () => {
  let client: TestClient;
  before(async () => {
    client = (await startClient({ settings: {} })).client;
  });
  after(() => client?.kill());

  test('a binary-looking document (NUL characters) is skipped with a reason', async () => {
    const uri = 'file:///virtual/blob.bin';
    const text = 'PK\u0003\u0004\u0000\u0000“Every ceasefire they signed, they broke within days,” Babiker said.\u0000\u0000';
    await client.open(uri, text);
    assert.deepEqual(await client.rawTokens(uri), []);
    assert.equal(await client.hover(uri, { line: 0, character: 10 }), null);
    assert.deepEqual(await client.quotes(uri), []);
    await client.until(() => client.skipped.some((s) => s.uri === uri), 'diplomaticLens/skipped for the binary document');
    assert.match(client.skipped.find((s) => s.uri === uri)!.reason, /binary/);
    // Still serving.
    await client.open(EN.uri, EN.text);
    assert.ok((await client.tokens(EN.uri)).some((t) => t.type === 'dlQuote'));
  });

  const NASTY: Record<string, string> = {
    'only openers': '«Мы «не «согласны “ни „с ‘чем ‹ и никогда',
    'only closers': 'нет» совсем» ” ’ › " \' конец',
    'crossed pairs': '«Мы “не» согласны”, — сказал Лавров. “He «said” it», Babiker said.',
    'mark at the very end': 'Babiker said: “',
    'mark at the very start': '»',
    'straight quotes everywhere': '"""" \'\'\'\' "a" "b "c" d" e"\n"\n"',
    'deep nesting': '«'.repeat(500) + 'текст' + '»'.repeat(499),
    'an unclosed quote over many paragraphs': '“Start of a quote\n\n“Second paragraph\n\n“Third paragraph\n\n' + 'Plain.\n'.repeat(50),
    'a lone surrogate half': 'Note \uD83D “Every ceasefire they signed, they broke within days,” \uDE00 Babiker said.',
    'markdown markers only': '> \n>\n> «\n# »\n```\n«code\n',
    'a dash attribution line with nothing above': '— Сергей Лавров, министр\n\n—\n',
  };
  for (const [name, text] of Object.entries(NASTY)) {
    test(`unbalanced / odd quote marks: ${name}`, async () => {
      const uri = `file:///virtual/nasty-${name.replace(/\W+/g, '-')}.txt`;
      await client.open(uri, text);
      const raw = await client.rawTokens(uri);
      assertWellFormed(text, decodeTokens(raw), raw);
      const lines = linesOf(text);
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= lines[line].length; character += 3) {
          const h = await client.hover(uri, { line, character });
          if (h) assert.match(hoverText(h), /^\*\*(Quotation|Speaker|Claim|Person|Organization|Country|Place|Date|Demonym)\*\*/);
        }
      }
      for (const item of await client.quotes(uri)) {
        assert.ok(item.range.end.line < lines.length);
        assert.ok(item.range.end.character <= lines[item.range.end.line].length);
      }
      assert.ok(!client.skipped.some((s) => s.uri === uri && /analysis failed/.test(s.reason)), `analysis failed: ${JSON.stringify(client.skipped)}`);
    });
  }

  test('no uncaught errors were logged', () => {
    assert.deepEqual(client.logs.filter((l) => /uncaught|error/i.test(l)), []);
    assert.equal(client.proc.exitCode, null, 'the server is still running');
  });
});

describe('diplomaticLens/quotes', () => {
  let client: TestClient;
  before(async () => {
    client = (await startClient({ settings: {} })).client;
    await client.open(RU.uri, RU.text);
    await client.open(MD.uri, MD.text, 'markdown');
  });
  after(() => client?.kill());

  test('returns the gold quotes with their speakers and ranges', async () => {
    const items = await client.quotes(RU.uri);
    assert.deepEqual(
      items.map((i) => ({ range: i.range, speaker: i.speaker, speakerRange: i.speakerRange })),
      RU.quotes.map((q) => ({ range: range(RU.text, q), speaker: q.speaker?.text ?? null, speakerRange: q.speaker ? range(RU.text, q.speaker) : null })),
    );
    // The text is the reproduced words, without the quote marks.
    const q = items.find((i) => i.text.includes('Никаких иллюзий'));
    assert.equal(q?.text, 'Никаких иллюзий относительно курса Вашингтона у нас нет');
    for (const i of items) {
      const gold = RU.quotes.find((g) => g.start === offsetOf(RU.text, i.range.start));
      assert.ok(gold?.text.includes(i.text), `${i.text} is inside the gold quote`);
      assert.ok(!/^[«“]/.test(i.text) && !/[»”]$/.test(i.text), i.text);
    }
  });

  test('a Markdown block quote: text without the “>” markers, speaker from the dash line', async () => {
    const items = await client.quotes(MD.uri);
    const block = items.find((i) => i.text.startsWith('The South China Sea'));
    assert.ok(block, JSON.stringify(items.map((i) => i.text)));
    assert.equal(block.speaker, 'Amran Yusof');
    const gold = goldQuote(MD, 'The South China Sea');
    assert.deepEqual(block.range, range(MD.text, gold));
    assert.deepEqual(block.speakerRange, range(MD.text, gold.speaker!));
    assert.equal(items.length, MD.quotes.length);
  });

  test('after didClose the document is gone', async () => {
    const uri = 'file:///virtual/closing.txt';
    await client.open(uri, '“Every ceasefire they signed, they broke within days,” Babiker said.');
    assert.equal((await client.quotes(uri)).length, 1);
    await client.close(uri);
    assert.deepEqual(await client.quotes(uri), []);
    assert.deepEqual(await client.rawTokens(uri), []);
  });
});

/** LSP position → offset, independent of the server. */
function offsetOf(text: string, p: Pos): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) line++;
    i++;
  }
  return i + p.character;
}

describe('shutdown and exit', () => {
  test('shutdown then exit: the process exits with code 0', async () => {
    const { client } = await startClient({ settings: {} });
    try {
      await client.open(EN.uri, EN.text);
      assert.ok((await client.tokens(EN.uri)).length > 0);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  test('exit without shutdown: exit code 1, as LSP asks', async () => {
    const { client } = await startClient({ settings: {} });
    try {
      await client.conn.sendNotification('exit');
      const { code } = await client.exited;
      assert.equal(code, 1);
    } finally {
      client.kill();
    }
  });
});
