// Named entities through the real server over stdio: the capabilities, the hover on a mention (type,
// names, every form with its count, a link to the first mention), document highlights of every
// mention of the referent, Go to Definition (the first mention), Find All References (with and
// without the declaration), the hover where an entity sits in a quote or names a speaker, and the
// semantic tokens of entities inside a quote. The texts are ours; the expected spans follow the
// annotation guide (the name without the title, inflected forms as written, «Россия» and «РФ» one
// referent, `the` part of “the United States”).
// Needs the built server: run `node scripts/build.mjs --dev` first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { DocumentHighlight, Location } from 'vscode-languageserver-protocol';
import { startClient, TestClient, SERVER_JS } from './client.ts';
import { hoverText, unescapeMd } from '../helpers/analysis.ts';
import { posAt, type Pos, at, rangeOf as range } from '../helpers/positions.ts';

// ---------------------------------------------------------------------------------------------
// Helpers, written independently of the server.

interface Range {
  start: Pos;
  end: Pos;
}
interface Mention {
  start: number;
  end: number;
  text: string;
}

/** A position in the middle of a span. */
function mid(text: string, s: { start: number; end: number }): Pos {
  return posAt(text, Math.floor((s.start + s.end) / 2));
}

function link(uri: string, p: Pos): string {
  return `${uri}#L${p.line + 1},${p.character + 1}`;
}

function highlights(client: TestClient, uri: string, position: Pos): Promise<DocumentHighlight[] | null> {
  return client.conn.sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position }) as Promise<DocumentHighlight[] | null>;
}

function definitionOf(client: TestClient, uri: string, position: Pos): Promise<Location | Location[] | null> {
  return client.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position }) as Promise<Location | Location[] | null>;
}

function referencesOf(client: TestClient, uri: string, position: Pos, includeDeclaration: boolean): Promise<Location[] | null> {
  return client.conn.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration } }) as Promise<Location[] | null>;
}

/** A definition answer as one Location (LSP allows a Location or an array of them). */
function single(d: Location | Location[] | null): Location | null {
  if (Array.isArray(d)) {
    assert.equal(d.length, 1, `one definition: ${JSON.stringify(d)}`);
    return d[0];
  }
  return d;
}

/** The highlight ranges, in document order. */
function rangesOf(hs: DocumentHighlight[] | null): Range[] {
  assert.ok(hs, 'highlights');
  return hs.map((h) => h.range).sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
}

function byPosition(a: Location, b: Location): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

assert.ok(existsSync(SERVER_JS), `${SERVER_JS} exists (build first: node scripts/build.mjs --dev)`);

// ---------------------------------------------------------------------------------------------
// A Russian text: Галузин and Мустафаев in several case forms, Россия also as России and РФ,
// Азербайджан as Азербайджана, Азербайджаном (inside a quote) and Азербайджан.

const RU_URI = 'file:///virtual/galuzin.txt';
const RU =
  'Заместитель министра иностранных дел России Михаил Галузин принял посла Азербайджана Рахмана Мустафаева. Стороны обсудили подготовку встречи министров в Баку.\n' +
  '\n' +
  '«Россия ценит союзнические отношения с Азербайджаном», — сказал Галузин.\n' +
  '\n' +
  'Галузин отметил, что Москва готова содействовать диалогу. Мустафаеву передали приглашение на конференцию. РФ и Азербайджан договорились продолжить консультации, сообщил Мустафаев.\n';

const GALUZIN = [at(RU, 'Михаил Галузин'), at(RU, 'Галузин', 2), at(RU, 'Галузин', 3)];
const MUSTAFAYEV = [at(RU, 'Рахмана Мустафаева'), at(RU, 'Мустафаеву'), at(RU, 'Мустафаев', 3)];
const RUSSIA = [at(RU, 'России'), at(RU, 'Россия'), at(RU, 'РФ')];
const AZERBAIJAN = [at(RU, 'Азербайджана'), at(RU, 'Азербайджаном'), at(RU, 'Азербайджан', 3)];
const RU_QUOTE = at(RU, '«Россия ценит союзнические отношения с Азербайджаном»');

// An English text: Blinken four times, Bayramov twice, the United States in a quote and out of it.
const EN_URI = 'file:///virtual/blinken.txt';
const EN =
  'Secretary of State Antony Blinken met Foreign Minister Jeyhun Bayramov of Azerbaijan in Washington on Tuesday.\n' +
  '\n' +
  '"The United States supports a lasting peace in the South Caucasus," Blinken said.\n' +
  '\n' +
  'Bayramov thanked Blinken for the invitation. Later, Blinken told reporters that the United States would keep working with Baku.\n';

const BLINKEN = [at(EN, 'Antony Blinken'), at(EN, 'Blinken', 2), at(EN, 'Blinken', 3), at(EN, 'Blinken', 4)];
const BAYRAMOV = [at(EN, 'Jeyhun Bayramov'), at(EN, 'Bayramov', 2)];
const US = [at(EN, 'The United States'), at(EN, 'the United States')];
const EN_QUOTE = at(EN, '"The United States supports a lasting peace in the South Caucasus,"');

// ---------------------------------------------------------------------------------------------

describe('entity capabilities', () => {
  let client: TestClient;
  after(() => client?.kill());

  test('the server offers document highlights, definitions and references', async () => {
    const started = await startClient({ settings: {} });
    client = started.client;
    const caps = started.init.capabilities;
    assert.ok(caps.documentHighlightProvider, 'documentHighlightProvider');
    assert.ok(caps.definitionProvider, 'definitionProvider');
    assert.ok(caps.referencesProvider, 'referencesProvider');
    assert.ok(caps.hoverProvider, 'hoverProvider');
  });

  test('a document that is not open: no highlights, no definition, no references', async () => {
    const uri = 'file:///virtual/never-opened.txt';
    const p = { line: 0, character: 0 };
    assert.deepEqual((await highlights(client, uri, p)) ?? [], []);
    assert.equal(single(await definitionOf(client, uri, p)), null);
    assert.deepEqual((await referencesOf(client, uri, p, true)) ?? [], []);
  });
});

describe('entities in a Russian text', () => {
  let client: TestClient;
  before(async () => {
    client = (await startClient({ settings: {} })).client;
    await client.open(RU_URI, RU);
  });
  after(() => client?.kill());

  test('hover on «Галузин»: Person, the name, every form with its count, a link to the first mention', async () => {
    const h = await client.hover(RU_URI, mid(RU, GALUZIN[2]));
    const v = hoverText(h);
    assert.match(v, /^\*\*Person\*\* · [^\n]*Галузин/, v);
    assert.ok(v.includes('Mentions in this document (3):'), v);
    assert.ok(unescapeMd(v).includes('Михаил Галузин ×1 · Галузин ×2'), v);
    assert.ok(v.includes(`(${link(RU_URI, posAt(RU, GALUZIN[0].start))})`), v);
    assert.deepEqual(h!.range, range(RU, GALUZIN[2]));
  });

  test('hover on «Мустафаеву»: three case forms, each once', async () => {
    const v = unescapeMd(hoverText(await client.hover(RU_URI, mid(RU, MUSTAFAYEV[1]))));
    assert.match(v, /^\*\*Person\*\* · [^\n]*Мустафаев/, v);
    assert.ok(v.includes('Mentions in this document (3):'), v);
    assert.ok(v.includes('Рахмана Мустафаева ×1 · Мустафаеву ×1 · Мустафаев ×1'), v);
  });

  test('hover on «РФ»: Country · Россия, the official name, России / Россия / РФ', async () => {
    const v = unescapeMd(hoverText(await client.hover(RU_URI, posAt(RU, RUSSIA[2].start))));
    assert.ok(v.startsWith('**Country** · Россия\n'), v);
    assert.ok(v.includes('Official name: Российская Федерация'), v);
    assert.ok(v.includes('Mentions in this document (3):'), v);
    assert.ok(v.includes('России ×1 · Россия ×1 · РФ ×1'), v);
  });

  test('documentHighlight: every mention of the referent, from any of them', async () => {
    for (const group of [GALUZIN, MUSTAFAYEV, RUSSIA, AZERBAIJAN]) {
      const expected = group.map((m) => range(RU, m));
      for (const m of group) {
        const hs = await highlights(client, RU_URI, mid(RU, m));
        assert.deepEqual(rangesOf(hs), expected, `from ${m.text}`);
        assert.ok(hs!.every((h) => h.kind === undefined || h.kind === 1), 'kind Text');
      }
    }
  });

  test('definition: the first mention', async () => {
    for (const [group, name] of [
      [GALUZIN, 'Галузин'],
      [MUSTAFAYEV, 'Мустафаев'],
      [RUSSIA, 'Россия'],
      [AZERBAIJAN, 'Азербайджан'],
    ] as const) {
      for (const m of group) {
        assert.deepEqual(single(await definitionOf(client, RU_URI, mid(RU, m))), { uri: RU_URI, range: range(RU, group[0]) }, `${name} from ${m.text}`);
      }
    }
  });

  test('references: every mention with the declaration, all but the first without it', async () => {
    for (const group of [GALUZIN, MUSTAFAYEV, RUSSIA, AZERBAIJAN]) {
      const all = group.map((m) => ({ uri: RU_URI, range: range(RU, m) }));
      const from = mid(RU, group[group.length - 1]);
      assert.deepEqual((await referencesOf(client, RU_URI, from, true))?.sort(byPosition), all, group[0].text);
      assert.deepEqual((await referencesOf(client, RU_URI, from, false))?.sort(byPosition), all.slice(1), group[0].text);
    }
  });

  test('an entity inside the quote: Country, a rule, then the quotation said by Галузин', async () => {
    const az = AZERBAIJAN[1];
    const h = await client.hover(RU_URI, mid(RU, az));
    const v = unescapeMd(hoverText(h));
    const [entityPart, quotePart] = v.split('\n\n---\n\n');
    assert.ok(entityPart.startsWith('**Country** · '), v);
    assert.ok(entityPart.includes('Азербайджана ×1 · Азербайджаном ×1 · Азербайджан ×1'), v);
    assert.ok(quotePart?.startsWith('**Quotation**'), v);
    assert.ok(quotePart.includes(`Said by **[Галузин](${link(RU_URI, posAt(RU, GALUZIN[1].start))})**`), v);
    assert.deepEqual(h!.range, range(RU, az));
    // Elsewhere in the quote, the quotation alone.
    const q = unescapeMd(hoverText(await client.hover(RU_URI, posAt(RU, at(RU, 'союзнические').start))));
    assert.ok(q.startsWith('**Quotation**'), q);
    assert.ok(!q.includes('---'), q);
  });

  test('the speaker Галузин is also a person: the speaker part, a rule, then Person', async () => {
    const v = hoverText(await client.hover(RU_URI, mid(RU, GALUZIN[1])));
    const [speakerPart, entityPart] = v.split('\n\n---\n\n');
    assert.ok(speakerPart.startsWith('**Speaker** · Галузин'), v);
    assert.match(entityPart ?? '', /^\*\*Person\*\* · /, v);
  });

  test('semantic tokens: the countries inside the quote split its token; the speaker stays a speaker', async () => {
    const tokens = await client.tokens(RU_URI);
    const line = RU.split('\n')[2];
    const q = posAt(RU, RU_QUOTE.start);
    assert.equal(q.line, 2);
    const onLine = tokens.filter((t) => t.line === 2).map((t) => [t.char, t.length, t.type]);
    assert.deepEqual(onLine, [
      [0, 1, 'dlQuote'],
      [1, 'Россия'.length, 'dlCountry'],
      [line.indexOf(' ценит'), ' ценит союзнические отношения с '.length, 'dlQuote'],
      [line.indexOf('Азербайджаном'), 'Азербайджаном'.length, 'dlCountry'],
      [line.indexOf('»'), 1, 'dlQuote'],
      [line.indexOf('сказал'), 'сказал'.length, 'dlClaimCue'],
      [line.indexOf('Галузин'), 'Галузин'.length, 'dlSpeaker'],
    ]);
    const first = tokens.filter((t) => t.line === 0);
    const p = posAt(RU, GALUZIN[0].start);
    assert.ok(first.some((t) => t.char === p.character && t.length === 'Михаил Галузин'.length && t.type === 'dlPerson'), JSON.stringify(first));
  });

  test('nothing where no entity is', async () => {
    const p = posAt(RU, at(RU, 'обсудили').start + 2);
    assert.equal(await client.hover(RU_URI, p), null);
    assert.deepEqual((await highlights(client, RU_URI, p)) ?? [], []);
    assert.equal(single(await definitionOf(client, RU_URI, p)), null);
    assert.deepEqual((await referencesOf(client, RU_URI, p, true)) ?? [], []);
  });

  test('after an edit the answers describe the new text: a line inserted above moves every mention', async () => {
    const uri = 'file:///virtual/galuzin-edit.txt';
    await client.open(uri, RU);
    assert.deepEqual(rangesOf(await highlights(client, uri, mid(RU, GALUZIN[2]))), GALUZIN.map((m) => range(RU, m)));
    const head = 'Москва, 15 ноября.\n';
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: head }]);
    const text = head + RU;
    const moved = GALUZIN.map((m) => ({ start: m.start + head.length, end: m.end + head.length }));
    assert.deepEqual(rangesOf(await highlights(client, uri, mid(text, moved[2]))), moved.map((m) => range(text, m)));
    assert.deepEqual(single(await definitionOf(client, uri, mid(text, moved[2]))), { uri, range: range(text, moved[0]) });
  });

  test('CRLF line endings: the same mentions at the same lines and columns', async () => {
    const uri = 'file:///virtual/galuzin-crlf.txt';
    const text = RU.replace(/\n/g, '\r\n');
    await client.open(uri, text);
    const shift = (m: Mention) => {
      const lines = RU.slice(0, m.start).split('\n').length - 1;
      return { start: m.start + lines, end: m.end + lines };
    };
    const ms = MUSTAFAYEV.map(shift);
    assert.deepEqual(rangesOf(await highlights(client, uri, mid(text, ms[0]))), MUSTAFAYEV.map((m) => range(RU, m)));
    assert.deepEqual((await referencesOf(client, uri, mid(text, ms[2]), false))?.sort(byPosition), MUSTAFAYEV.slice(1).map((m) => ({ uri, range: range(RU, m) })));
  });
});

describe('entities in an English text', () => {
  let client: TestClient;
  before(async () => {
    client = (await startClient({ settings: {} })).client;
    await client.open(EN_URI, EN);
  });
  after(() => client?.kill());

  test('hover on “Blinken”: Person, Antony Blinken ×1 · Blinken ×3, a link to line 1', async () => {
    const h = await client.hover(EN_URI, mid(EN, BLINKEN[3]));
    const v = unescapeMd(hoverText(h));
    assert.ok(v.startsWith('**Person** · Antony Blinken\n'), v);
    assert.ok(v.includes('Mentions in this document (4):'), v);
    assert.ok(v.includes('Antony Blinken ×1 · Blinken ×3'), v);
    assert.ok(v.includes(`(${link(EN_URI, posAt(EN, BLINKEN[0].start))})`), v);
    assert.deepEqual(h!.range, range(EN, BLINKEN[3]));
  });

  test('hover on “the United States”: Country, both forms', async () => {
    const v = unescapeMd(hoverText(await client.hover(EN_URI, mid(EN, US[1]))));
    assert.match(v, /^\*\*Country\*\* · [^\n]*United States/, v);
    assert.ok(v.includes('Mentions in this document (2):'), v);
    assert.ok(v.includes('The United States ×1 · the United States ×1'), v);
  });

  test('documentHighlight, definition and references for Blinken and Bayramov', async () => {
    for (const group of [BLINKEN, BAYRAMOV, US]) {
      const all = group.map((m) => ({ uri: EN_URI, range: range(EN, m) }));
      for (const m of group) {
        assert.deepEqual(rangesOf(await highlights(client, EN_URI, mid(EN, m))), all.map((l) => l.range), `highlights from ${m.text}`);
        assert.deepEqual(single(await definitionOf(client, EN_URI, mid(EN, m))), all[0], `definition from ${m.text}`);
        assert.deepEqual((await referencesOf(client, EN_URI, mid(EN, m), true))?.sort(byPosition), all, `references from ${m.text}`);
        assert.deepEqual((await referencesOf(client, EN_URI, mid(EN, m), false))?.sort(byPosition), all.slice(1), `references without the declaration from ${m.text}`);
      }
    }
  });

  test('“The United States” inside the quote: Country, a rule, then the quotation said by Blinken', async () => {
    const h = await client.hover(EN_URI, mid(EN, US[0]));
    const [entityPart, quotePart] = hoverText(h).split('\n\n---\n\n');
    assert.match(entityPart, /^\*\*Country\*\* · /);
    assert.ok(quotePart?.startsWith('**Quotation**'), hoverText(h));
    assert.ok(quotePart.includes(`Said by **[Blinken](${link(EN_URI, posAt(EN, BLINKEN[1].start))})**`), quotePart);
    assert.deepEqual(h!.range, range(EN, US[0]));
    const tokens = (await client.tokens(EN_URI)).filter((t) => t.line === 2);
    const q = posAt(EN, EN_QUOTE.start);
    assert.deepEqual(tokens.slice(0, 4).map((t) => [t.char, t.length, t.type]), [
      [q.character, 1, 'dlQuote'],
      [q.character + 1, 'The United States'.length, 'dlCountry'],
      [q.character + 1 + 'The United States'.length, ' supports a lasting peace in '.length, 'dlQuote'],
      [q.character + 1 + 'The United States supports a lasting peace in '.length, 'the South Caucasus'.length, 'dlPlace'],
    ]);
  });
});
