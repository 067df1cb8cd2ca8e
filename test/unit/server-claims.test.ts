// The server's claim features as pure functions of (document, Analysis): semantic tokens for source,
// cue and content (content at the lowest priority, a direct quote's claim not doubled), the claim
// part of hovers (kind, source with its entity, cue, content, nesting; innermost first; after the
// more specific parts), inlay hints naming a source that is not next to its content, the outline
// (one symbol per source, its claims and quotes as children) and the content ranges the client
// decorates. The Analysis objects are written by hand, so these tests do not depend on the extractor.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis, Claim, ClaimKind, Span } from '../../analysis/index.ts';
import { hoverAt } from '../../server/features/hover.ts';
import { tokenSpans, encodeTokens, layer } from '../../server/features/semanticTokens.ts';
import { inlayHints, documentSymbols, claimContentRanges, sourceAdjacent, isQuoteClaim } from '../../server/features/claims.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../protocol/index.ts';
import { posAt, rangeOf, type Pos, at } from '../helpers/positions.ts';
import { entities, quote, hoverText as value, mid, decode } from '../helpers/analysis.ts';

// ---------------------------------------------------------------------------------------------
// Helpers, independent of the server: spans found with indexOf, positions counted by hand.

function claim(cue: Span, source: Span | null, content: Span, kind?: ClaimKind, extra: Partial<Claim> = {}): Claim {
  return { cue, source, content, ...(kind ? { kind } : {}), ...extra };
}

function contains(outer: { start: Pos; end: Pos }, inner: { start: Pos; end: Pos }): boolean {
  const le = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** What VS Code requires of document symbols: a name, the selection inside the range, children inside the parent. */
function assertSymbolsValid(symbols: DocumentSymbol[]): void {
  for (const s of symbols) {
    assert.ok(s.name.trim().length > 0, 'a symbol has a name');
    assert.ok(contains(s.range, s.selectionRange), `selectionRange inside range: ${s.name}`);
    for (const c of s.children ?? []) assert.ok(contains(s.range, c.range), `child ${c.name} inside ${s.name}`);
    assertSymbolsValid(s.children ?? []);
  }
}

// ---------------------------------------------------------------------------------------------
// A Russian text: a reported claim holding an «по словам» claim (nested), two direct quotes of
// Рябков (the second through the pronoun «он»), and a claim of the МИД.

const RU_URI = 'file:///virtual/ryabkov.txt';
const RU =
  'Замминистра иностранных дел России Сергей Рябков заявил, что, по словам американской стороны, Вашингтон готов к диалогу.\n' +
  '«Мы готовы к диалогу», — сказал Рябков. «Но не на любых условиях», — добавил он.\n' +
  'В МИД России сообщили, что переговоры продолжатся в Женеве.\n';
const RU_ENTITIES = entities(RU, [
  ['России', 1, 'country', 'russia', 'Россия'],
  ['Сергей Рябков', 1, 'person', 'ryabkov', 'Сергей Рябков'],
  ['Вашингтон', 1, 'place', 'washington', 'Вашингтон'],
  ['Рябков', 2, 'person', 'ryabkov'],
  ['МИД России', 1, 'organization', 'mfa', 'МИД России'],
  ['Женеве', 1, 'place', 'geneva', 'Женева'],
]);
const RYABKOV = at(RU, 'Рябков', 2);
const Q1 = quote(RU, '«Мы готовы к диалогу»', RYABKOV, 'cue-after', at(RU, 'сказал'));
/** The word `word` at the end of the first occurrence of `phrase` (a pronoun inside «добавил он»). */
function last(text: string, phrase: string, word: string): Span {
  const p = at(text, phrase);
  assert.ok(phrase.endsWith(word), 'test bug');
  return { start: p.end - word.length, end: p.end, text: word };
}
const Q2 = quote(RU, '«Но не на любых условиях»', RYABKOV, 'pronoun', at(RU, 'добавил'), last(RU, 'добавил он', 'он'));
const C_REPORTED = claim(at(RU, 'заявил'), at(RU, 'Сергей Рябков'), at(RU, 'по словам американской стороны, Вашингтон готов к диалогу'), 'reported', { sourceId: 'ryabkov' });
const C_ACCORDING = claim(at(RU, 'по словам'), at(RU, 'американской стороны'), at(RU, 'Вашингтон готов к диалогу'), 'according-to', { parent: 0 });
const C_Q1 = claim(Q1.speaker!.cue!, RYABKOV, Q1, 'quote', { sourceId: 'ryabkov' });
const C_Q2 = claim(Q2.speaker!.cue!, RYABKOV, Q2, 'quote', { sourceId: 'ryabkov' });
const C_MFA = claim(at(RU, 'сообщили'), at(RU, 'МИД России'), at(RU, 'переговоры продолжатся в Женеве'), 'reported', { sourceId: 'mfa' });
const RU_A: Analysis = { language: 'ru', entities: RU_ENTITIES, quotes: [Q1, Q2], claims: [C_REPORTED, C_ACCORDING, C_Q1, C_Q2, C_MFA], assertions: [] };
const RU_DOC = TextDocument.create(RU_URI, 'plaintext', 1, RU);
const withoutClaims = (a: Analysis): Analysis => ({ ...a, claims: [] });
const lineOf = (n: number) => RU.split('\n')[n];
const link = (s: Span) => `${RU_URI}#L${posAt(RU, s.start).line + 1},${posAt(RU, s.start).character + 1}`;

// ---------------------------------------------------------------------------------------------

describe('semantic tokens: claim source, cue and content', () => {
  const tokens = decode(encodeTokens(RU_DOC, tokenSpans(RU_A)));

  test('a reported claim holding an according-to claim: sources and cues over entities, the content in the gaps', () => {
    const line = lineOf(0);
    const col = (s: string) => line.indexOf(s);
    assert.deepEqual(
      tokens.filter(([l]) => l === 0),
      [
        [0, col('России'), 6, 'dlCountry', []],
        // The source wins over the person it names, as a speaker does.
        [0, col('Сергей Рябков'), 'Сергей Рябков'.length, 'dlClaimSource', []],
        [0, col('заявил'), 6, 'dlClaimCue', []],
        // «, что, » lies between the cue and the content: nothing.
        [0, col('по словам'), 'по словам'.length, 'dlClaimCue', []],
        [0, col(' американской'), 1, 'dlClaimContent', []],
        [0, col('американской'), 'американской стороны'.length, 'dlClaimSource', []],
        [0, col(', Вашингтон'), 2, 'dlClaimContent', []],
        // The place inside both contents keeps its own token.
        [0, col('Вашингтон'), 'Вашингтон'.length, 'dlPlace', []],
        [0, col(' готов'), ' готов к диалогу'.length, 'dlClaimContent', []],
      ],
    );
  });

  test('direct quotes: the claims add nothing to the quote, speaker and cue tokens', () => {
    const quotesOnly = decode(encodeTokens(RU_DOC, tokenSpans(withoutClaims(RU_A))));
    assert.deepEqual(tokens.filter(([l]) => l === 1), quotesOnly.filter(([l]) => l === 1));
    const line = lineOf(1);
    assert.deepEqual(
      tokens.filter(([l]) => l === 1).map(([, c, n, t]) => [line.slice(c, c + n), t]),
      [
        ['«Мы готовы к диалогу»', 'dlQuote'],
        ['сказал', 'dlClaimCue'],
        ['Рябков', 'dlSpeaker'],
        ['«Но не на любых условиях»', 'dlQuote'],
        ['добавил', 'dlClaimCue'],
        ['он', 'dlSpeaker'],
      ],
    );
  });

  test('a claim of an organisation: source over the organisation, cue, content up to the place in it', () => {
    const line = lineOf(2);
    const col = (s: string) => line.indexOf(s);
    assert.deepEqual(
      tokens.filter(([l]) => l === 2),
      [
        [2, col('МИД России'), 'МИД России'.length, 'dlClaimSource', []],
        [2, col('сообщили'), 'сообщили'.length, 'dlClaimCue', []],
        [2, col('переговоры'), 'переговоры продолжатся в '.length, 'dlClaimContent', []],
        [2, col('Женеве'), 'Женеве'.length, 'dlPlace', []],
      ],
    );
  });

  test('a source longer than the speaker in it: the speaker wins where both hold, the rest is the source', () => {
    const text = 'Министр иностранных дел России Сергей Лавров заявил: «Мы готовы к диалогу».';
    const speaker = at(text, 'Сергей Лавров');
    const q = quote(text, '«Мы готовы к диалогу»', speaker, 'cue-before', at(text, 'заявил'));
    const a: Analysis = {
      language: 'ru',
      entities: entities(text, [['России', 1, 'country', 'russia'], ['Сергей Лавров', 1, 'person', 'lavrov']]),
      quotes: [q],
      claims: [claim(at(text, 'заявил'), at(text, 'Министр иностранных дел России Сергей Лавров'), q, 'quote')],
      assertions: [],
    };
    const doc = TextDocument.create('file:///virtual/minister.txt', 'plaintext', 1, text);
    assert.deepEqual(
      decode(encodeTokens(doc, tokenSpans(a))).map(([, c, n, t]) => [text.slice(c, c + n), t]),
      [
        ['Министр иностранных дел России ', 'dlClaimSource'],
        ['Сергей Лавров', 'dlSpeaker'],
        ['заявил', 'dlClaimCue'],
        ['«Мы готовы к диалогу»', 'dlQuote'],
      ],
    );
  });

  test('the layered spans never overlap and the encoded tokens stay inside their lines', () => {
    const pieces = layer(tokenSpans(RU_A));
    for (let i = 1; i < pieces.length; i++) assert.ok(pieces[i].start >= pieces[i - 1].end);
    const lines = RU.split('\n');
    for (const [l, c, n] of tokens) assert.ok(c + n <= lines[l].length);
  });

  test('a content over two lines gives one dlClaimContent token per line, without the indentation', () => {
    const text = 'Рябков заявил, что Москва готова\n   к диалогу с Вашингтоном.\n';
    const a: Analysis = {
      language: 'ru',
      entities: [],
      quotes: [],
      claims: [claim(at(text, 'заявил'), at(text, 'Рябков'), at(text, 'Москва готова\n   к диалогу с Вашингтоном'), 'reported')],
      assertions: [],
    };
    const doc = TextDocument.create('file:///virtual/two-lines.txt', 'plaintext', 1, text);
    assert.deepEqual(decode(encodeTokens(doc, tokenSpans(a))), [
      [0, 0, 6, 'dlClaimSource', []],
      [0, 7, 6, 'dlClaimCue', []],
      [0, 'Рябков заявил, что '.length, 'Москва готова'.length, 'dlClaimContent', []],
      [1, 3, 'к диалогу с Вашингтоном'.length, 'dlClaimContent', []],
    ]);
  });

  test('a punctuation cue (a dash) gets no token; a preamble colours its source and cue, not the whole statement', () => {
    const text = 'Заявление МИД России\n\nРоссия призывает стороны к сдержанности.\n\n«Мы за мир», — Захарова.\n';
    const a: Analysis = {
      language: 'ru',
      entities: [],
      quotes: [],
      claims: [
        claim(at(text, 'Заявление'), at(text, 'МИД России'), at(text, 'Россия призывает стороны к сдержанности.'), 'preamble'),
        claim(at(text, '—'), at(text, 'Захарова'), at(text, 'Мы за мир'), 'reported'),
      ],
      assertions: [],
    };
    const doc = TextDocument.create('file:///virtual/preamble.txt', 'plaintext', 1, text);
    const got = decode(encodeTokens(doc, tokenSpans(a)));
    assert.deepEqual(got.filter(([, , , t]) => t !== 'dlClaimContent'), [
      [0, 0, 'Заявление'.length, 'dlClaimCue', []],
      [0, 'Заявление '.length, 'МИД России'.length, 'dlClaimSource', []],
      [4, text.split('\n')[4].indexOf('Захарова'), 'Захарова'.length, 'dlClaimSource', []],
    ]);
    assert.deepEqual(got.filter(([, , , t]) => t === 'dlClaimContent').map(([l, c, n]) => [l, c, n]), [[4, 1, 'Мы за мир'.length]]);
  });

  test('a reported claim whose content is a quote with the speaker’s cue is that quote’s claim: nothing doubled', () => {
    const text = 'Лавров заявил: «Мы готовы к диалогу».';
    const speaker = at(text, 'Лавров');
    const q = quote(text, '«Мы готовы к диалогу»', speaker, 'cue-before', at(text, 'заявил'));
    const a: Analysis = { language: 'ru', entities: [], quotes: [q], claims: [claim(at(text, 'заявил'), speaker, at(text, '«Мы готовы к диалогу»'), 'reported')], assertions: [] };
    assert.ok(isQuoteClaim(a, a.claims[0]));
    const doc = TextDocument.create('file:///virtual/lavrov.txt', 'plaintext', 1, text);
    assert.deepEqual(decode(encodeTokens(doc, tokenSpans(a))), decode(encodeTokens(doc, tokenSpans(withoutClaims(a)))));
    // Inside the quote: the quotation hover alone.
    const off = at(text, 'диалогу').start;
    assert.deepEqual(hoverAt(doc, a, off), hoverAt(doc, withoutClaims(a), off));
    // The outline lists the quote once.
    const [group] = documentSymbols(doc, a);
    assert.deepEqual(group.children!.map((c) => [c.name, c.kind]), [['«Мы готовы к диалогу»', SymbolKind.String]]);
  });
});

describe('hover on a claim', () => {
  test('on the cue of the outer claim: kind, source with its entity, cue, content, its nested claim', () => {
    const cue = C_REPORTED.cue;
    const h = hoverAt(RU_DOC, RU_A, mid(cue));
    assert.equal(
      value(h),
      [
        '**Claim** · reported speech',
        '',
        `Source: **[Сергей Рябков](${link(C_REPORTED.source!)})** — Person · Сергей Рябков`,
        '',
        'Cue: “заявил”',
        '',
        'Content: по словам американской стороны, Вашингтон готов к диалогу',
        '',
        'Holds 1 nested claim:',
        '',
        '- **американской стороны** (“по словам”): Вашингтон готов к диалогу',
      ].join('\n'),
    );
    assert.deepEqual(h!.range, rangeOf(RU, cue));
  });

  test('on the source of the nested claim: the inner claim first (with its parent), a rule, then the outer one', () => {
    const src = C_ACCORDING.source!;
    const h = hoverAt(RU_DOC, RU_A, src.start + 3);
    const parts = value(h).split('\n\n---\n\n');
    assert.equal(parts.length, 2, value(h));
    assert.ok(parts[0].startsWith('**Claim** · “according to”\n'), parts[0]);
    assert.ok(parts[0].includes(`Source: **[американской стороны](${link(src)})**\n`), 'a source that names no entity: no entity line');
    assert.ok(parts[0].includes('Cue: “по словам”'), parts[0]);
    assert.ok(parts[0].includes('Content: Вашингтон готов к диалогу'), parts[0]);
    assert.ok(parts[0].endsWith('Inside the claim of **Сергей Рябков** (cue “заявил”).'), parts[0]);
    assert.ok(parts[1].startsWith('**Claim** · reported speech\n'), parts[1]);
    assert.deepEqual(h!.range, rangeOf(RU, src));
  });

  test('on an entity inside two contents: the entity part first, then the claims, innermost first', () => {
    const e = RU_ENTITIES.find((x) => x.text === 'Вашингтон')!;
    const h = hoverAt(RU_DOC, RU_A, mid(e));
    const parts = value(h).split('\n\n---\n\n');
    assert.equal(parts.length, 3, value(h));
    assert.ok(parts[0].startsWith('**Place** · Вашингтон'), parts[0]);
    assert.ok(parts[1].startsWith('**Claim** · “according to”'), parts[1]);
    assert.ok(parts[2].startsWith('**Claim** · reported speech'), parts[2]);
    assert.deepEqual(h!.range, rangeOf(RU, e));
  });

  test('inside a content, on no entity: the claims alone, the range the innermost content', () => {
    const h = hoverAt(RU_DOC, RU_A, at(RU, 'готов к').start + 1);
    const parts = value(h).split('\n\n---\n\n');
    assert.deepEqual(parts.map((p) => p.split('\n')[0]), ['**Claim** · “according to”', '**Claim** · reported speech']);
    assert.deepEqual(h!.range, rangeOf(RU, C_ACCORDING.content));
  });

  test('the source that is an organisation names its entity type and usual name', () => {
    const v = value(hoverAt(RU_DOC, RU_A, at(RU, 'сообщили').start));
    assert.ok(v.includes(`Source: **[МИД России](${link(C_MFA.source!)})** — Organization · МИД России`), v);
    assert.ok(v.includes('Content: переговоры продолжатся в Женеве'), v);
    assert.ok(!v.includes('Inside the claim') && !v.includes('nested'), v);
  });

  test('direct quotes: the cue shows the claim; the quote, the speaker and the pronoun hover as before', () => {
    const v = value(hoverAt(RU_DOC, RU_A, at(RU, 'сказал').start + 1));
    assert.ok(v.startsWith('**Claim** · direct quote\n'), v);
    assert.ok(v.includes(`Source: **[Рябков](${link(RYABKOV)})** — Person · Сергей Рябков`), v);
    assert.ok(v.includes('Cue: “сказал”'), v);
    assert.ok(v.includes('Content: «Мы готовы к диалогу»'), v);
    const added = value(hoverAt(RU_DOC, RU_A, at(RU, 'добавил').start));
    assert.ok(added.includes('(the text says “он”)'), added);
    for (const off of [mid(Q1), mid(Q2), RYABKOV.start + 1, Q2.speaker!.pronoun!.start]) {
      assert.deepEqual(hoverAt(RU_DOC, RU_A, off), hoverAt(RU_DOC, withoutClaims(RU_A), off), `at ${off}: ${RU.slice(off, off + 10)}`);
    }
  });

  test('outside every claim, entity and quote: null', () => {
    assert.equal(hoverAt(RU_DOC, RU_A, at(RU, 'Замминистра').start + 2), null);
    assert.equal(hoverAt(RU_DOC, RU_A, at(RU, ', что, ').start + 2), null, 'between the cue and the content');
  });

  test('a claim without a source, and a preamble: the preamble answers in its content only where nothing else does', () => {
    const text = 'Заявление МИД России\n\nРоссия призывает стороны к сдержанности. Как сообщается, переговоры продолжатся.\n';
    const a: Analysis = {
      language: 'ru',
      entities: entities(text, [['Россия', 1, 'country', 'russia', 'Россия']]),
      quotes: [],
      claims: [
        claim(at(text, 'Заявление'), at(text, 'МИД России'), at(text, 'Россия призывает стороны к сдержанности. Как сообщается, переговоры продолжатся.'), 'preamble'),
        claim(at(text, 'Как сообщается'), null, at(text, 'переговоры продолжатся'), 'reported', { parent: 0 }),
      ],
      assertions: [],
    };
    const doc = TextDocument.create('file:///virtual/statement.txt', 'plaintext', 1, text);
    const plain = value(hoverAt(doc, a, at(text, 'призывает').start));
    assert.ok(plain.startsWith('**Claim** · preamble (the author of what follows)'), plain);
    const country = value(hoverAt(doc, a, at(text, 'Россия').start + 1));
    assert.ok(country.startsWith('**Country** · Россия'), country);
    assert.ok(!country.includes('**Claim**'), 'an entity in a preamble: the entity alone');
    const inner = value(hoverAt(doc, a, at(text, 'продолжатся').start));
    assert.equal(inner.split('\n\n---\n\n').length, 1, 'the preamble around the inner claim is named by its nesting line');
    assert.ok(inner.includes('Source: **not named in the text**'), inner);
    assert.ok(inner.includes('Inside the claim of **МИД России** (cue “Заявление”).'), inner);
    assert.ok(value(hoverAt(doc, a, at(text, 'Заявление').start)).startsWith('**Claim** · preamble'), 'on the cue');
  });
});

describe('inlay hints: the source named after a content it is not next to', () => {
  test('Russian: only the quote whose speaker is reached through «он»', () => {
    const hints = inlayHints(RU_DOC, RU_A);
    assert.equal(hints.length, 1, JSON.stringify(hints));
    const [h] = hints;
    assert.deepEqual(h.position, posAt(RU, Q2.end));
    assert.equal(h.label, '— Сергей Рябков');
    assert.equal(h.kind, 2, 'InlayHintKind.Parameter');
    assert.equal(h.paddingLeft, true);
    assert.match(String(h.tooltip), /«?он/);
  });

  test('English: a source far before its content gets a hint; a source right after it does not', () => {
    const text =
      'Secretary of State Antony Blinken told reporters in Washington on Tuesday, after a long meeting with his counterpart, that the ceasefire would hold.\n' +
      'The talks will continue, the minister said.\n';
    const far = claim(at(text, 'told'), at(text, 'Antony Blinken'), at(text, 'the ceasefire would hold'), 'reported');
    const near = claim(at(text, 'said'), at(text, 'the minister'), at(text, 'The talks will continue'), 'reported');
    const a: Analysis = { language: 'en', entities: [], quotes: [], claims: [far, near], assertions: [] };
    const doc = TextDocument.create('file:///virtual/far.txt', 'plaintext', 1, text);
    const hints = inlayHints(doc, a);
    assert.deepEqual(
      hints.map((h) => [h.position, h.label]),
      [[posAt(text, far.content.end), '— Antony Blinken']],
    );
    // Only hints inside the requested range.
    assert.deepEqual(inlayHints(doc, a, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }), []);
  });

  test('a source given as a pronoun with the entity id: named by the entity it stands for', () => {
    const text = 'Antony Blinken arrived in Riyadh.\nHe said the talks had failed.\n';
    const a: Analysis = {
      language: 'en',
      entities: entities(text, [['Antony Blinken', 1, 'person', 'blinken', 'Antony Blinken'], ['Riyadh', 1, 'place', 'riyadh']]),
      quotes: [],
      claims: [claim(at(text, 'said'), at(text, 'He'), at(text, 'the talks had failed'), 'reported', { sourceId: 'blinken' })],
      assertions: [],
    };
    const doc = TextDocument.create('file:///virtual/he.txt', 'plaintext', 1, text);
    assert.deepEqual(inlayHints(doc, a).map((h) => [h.position, h.label]), [[posAt(text, at(text, 'the talks had failed').end), '— Antony Blinken']]);
    const v = value(hoverAt(doc, a, at(text, 'said').start));
    assert.ok(v.includes('Source: **[He](file:///virtual/he.txt#L2,1)** — Person · Antony Blinken'), v);
  });

  test('the next piece of an interrupted quote (continuation) gets a hint; the first piece does not', () => {
    const text = '«Мы констатировали разногласия, — сказал Рябков. — Ни Москва, ни Пекин не уступят».\n';
    const speaker = at(text, 'Рябков');
    const cue = at(text, 'сказал');
    const p1 = { ...quote(text, '«Мы констатировали разногласия,', speaker, 'cue-after', cue), content: at(text, 'Мы констатировали разногласия,') };
    const p2 = { ...quote(text, 'Ни Москва, ни Пекин не уступят»', speaker, 'continuation', cue), content: at(text, 'Ни Москва, ни Пекин не уступят') };
    const a: Analysis = { language: 'ru', entities: [], quotes: [p1, p2], claims: [claim(cue, speaker, p1), claim(cue, speaker, p2)], assertions: [] };
    const doc = TextDocument.create('file:///virtual/pieces.txt', 'plaintext', 1, text);
    assert.deepEqual(inlayHints(doc, a).map((h) => [h.position, h.label]), [[posAt(text, p2.end), '— Рябков']]);
    // In the outline the second piece selects its own words, not the cue it shares with the first.
    const [group] = documentSymbols(doc, a);
    assert.deepEqual(group.children!.map((c) => c.selectionRange), [rangeOf(text, cue), rangeOf(text, p2)]);
  });

  test('a quote whose content is the quote’s inner text: the hint goes after the closing mark', () => {
    const text = 'Blinken met the press.\n\n"We will keep talking," he said.\n';
    const name = at(text, 'Blinken');
    const q = quote(text, '"We will keep talking,"', name, 'pronoun', at(text, 'said'), at(text, 'he'));
    const a: Analysis = { language: 'en', entities: [], quotes: [q], claims: [claim(at(text, 'said'), name, q.content, 'quote')], assertions: [] };
    const doc = TextDocument.create('file:///virtual/inner.txt', 'plaintext', 1, text);
    assert.deepEqual(inlayHints(doc, a).map((h) => [h.position, h.label]), [[posAt(text, q.end), '— Blinken']]);
  });

  test('adjacency: within 40 characters on one line and in one sentence', () => {
    const text = 'Рябков заявил журналистам, что Москва готова. Об этом сказал Рябков.\nМосква готова\nк диалогу, сказал он.';
    const content = at(text, 'Москва готова');
    assert.equal(sourceAdjacent(text, at(text, 'Рябков'), content), true, 'before it, close');
    assert.equal(sourceAdjacent(text, at(text, 'Рябков', 2), content), false, 'after a sentence end');
    assert.equal(sourceAdjacent(text, at(text, 'Рябков'), at(text, 'Москва готова\nк диалогу')), false, 'before a content that ends on another line');
    assert.equal(sourceAdjacent(text, last(text, 'сказал он', 'он'), at(text, 'Москва готова\nк диалогу')), true, 'right after a content over two lines');
    const long = 'X' + ' '.repeat(41) + 'content';
    assert.equal(sourceAdjacent(long, at(long, 'X'), at(long, 'content')), false, 'more than 40 characters away');
  });
});

describe('document symbols: speakers with their claims and quotes', () => {
  test('one symbol per source in order of appearance, children in document order, valid ranges', () => {
    const symbols = documentSymbols(RU_DOC, RU_A);
    assertSymbolsValid(symbols);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.children!.map((c) => [c.name, c.kind])]),
      [
        [
          'Сергей Рябков',
          SymbolKind.Object,
          [
            ['по словам американской стороны, Вашингтон готов к диалогу', SymbolKind.Event],
            ['«Мы готовы к диалогу»', SymbolKind.String],
            ['«Но не на любых условиях»', SymbolKind.String],
          ],
        ],
        ['американской стороны', SymbolKind.Object, [['Вашингтон готов к диалогу', SymbolKind.Event]]],
        ['МИД России', SymbolKind.Class, [['переговоры продолжатся в Женеве', SymbolKind.Event]]],
      ],
    );
    const [ryabkov] = symbols;
    // «Сергей Рябков» and «Рябков» are one referent: one symbol, selecting its first mention.
    assert.deepEqual(ryabkov.selectionRange, rangeOf(RU, C_REPORTED.source!));
    assert.equal(ryabkov.detail, '3 claims');
    const [reported, q1] = ryabkov.children!;
    assert.deepEqual(reported.selectionRange, rangeOf(RU, C_REPORTED.cue));
    assert.deepEqual(reported.range, rangeOf(RU, { start: C_REPORTED.cue.start, end: C_REPORTED.content.end }));
    assert.equal(reported.detail, 'reported speech · заявил');
    assert.deepEqual(q1.range, rangeOf(RU, { start: Q1.start, end: Q1.speaker!.cue!.end }));
    assert.deepEqual(q1.selectionRange, rangeOf(RU, Q1.speaker!.cue!));
  });

  test('sources without an entity group by their text; claims without a source come last; an unclaimed quote is listed', () => {
    const text =
      'The minister said the ceasefire would hold. It was reported that talks would resume.\n' +
      '"Nothing has changed," the minister said later.\n\n' +
      '"We will stay," Babiker\'s office wrote in a statement.\n';
    const q1 = quote(text, '"Nothing has changed,"', at(text, 'the minister'), 'cue-after', at(text, 'said', 2));
    const q2 = quote(text, '"We will stay,"', at(text, "Babiker's office"), 'cue-after');
    const a: Analysis = {
      language: 'en',
      entities: [],
      quotes: [q1, q2],
      claims: [
        claim(at(text, 'said'), at(text, 'The minister'), at(text, 'the ceasefire would hold'), 'reported'),
        claim(at(text, 'was reported'), null, at(text, 'talks would resume'), 'reported'),
        claim(q1.speaker!.cue!, q1.speaker, q1, 'quote'),
      ],
      assertions: [],
    };
    const doc = TextDocument.create('file:///virtual/minister.txt', 'plaintext', 1, text);
    const symbols = documentSymbols(doc, a);
    assertSymbolsValid(symbols);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.children!.map((c) => c.name)]),
      [
        ['The minister', SymbolKind.Object, ['the ceasefire would hold', '"Nothing has changed,"']],
        ["Babiker's office", SymbolKind.Object, ['"We will stay,"']],
        ['(source not named)', SymbolKind.Null, ['talks would resume']],
      ],
    );
    // The quote without a cue selects itself.
    assert.deepEqual(symbols[1].children![0].selectionRange, rangeOf(text, q2));
    assert.equal(symbols[1].children![0].kind, SymbolKind.String);
  });

  test('a date or a demonym inside a source does not name it; an organisation inside it does', () => {
    const text =
      'The closure will last a month, according to a government statement on Monday.\n' +
      'Американское командование заявило, что учения носят оборонительный характер.\n' +
      'An assessment by the State Security Department concluded that the launches were coordinated.\n';
    const a: Analysis = {
      language: 'en',
      entities: entities(text, [
        ['Monday', 1, 'date', 'd-monday'],
        ['Американское', 1, 'demonym', 'american', 'американский'],
        ['State Security Department', 1, 'organization', 'vsd', 'State Security Department'],
      ]),
      quotes: [],
      claims: [
        claim(at(text, 'according to'), at(text, 'a government statement on Monday'), at(text, 'The closure will last a month'), 'according-to'),
        claim(at(text, 'заявило'), at(text, 'Американское командование'), at(text, 'учения носят оборонительный характер'), 'reported'),
        claim(at(text, 'concluded'), at(text, 'An assessment by the State Security Department'), at(text, 'the launches were coordinated'), 'reported'),
      ],
      assertions: [],
    };
    const doc = TextDocument.create('file:///virtual/dates.txt', 'plaintext', 1, text);
    assert.deepEqual(
      documentSymbols(doc, a).map((s) => [s.name, s.kind]),
      [
        ['a government statement on Monday', SymbolKind.Object],
        ['Американское командование', SymbolKind.Object],
        ['State Security Department', SymbolKind.Class],
      ],
    );
    const v = value(hoverAt(doc, a, at(text, 'according to').start));
    assert.ok(v.includes('Source: **[a government statement on Monday](file:///virtual/dates.txt#L1,'), v);
    assert.ok(!v.includes('Date'), v);
  });

  test('no claims and no quotes: no symbols', () => {
    const doc = TextDocument.create('file:///virtual/empty.txt', 'plaintext', 1, 'Nothing here.\n');
    assert.deepEqual(documentSymbols(doc, { language: 'en', entities: [], quotes: [], claims: [], assertions: [] }), []);
  });
});

describe('claim content ranges (the client’s decoration)', () => {
  test('contents of reported and according-to claims, nested ones merged; not direct quotes', () => {
    assert.deepEqual(claimContentRanges(RU_DOC, RU_A), [rangeOf(RU, C_REPORTED.content), rangeOf(RU, C_MFA.content)]);
  });

  test('a content over lines is one range; a preamble has none', () => {
    const text = 'Заявление МИД России\n\nРябков заявил, что Москва готова\nк диалогу.\n';
    const a: Analysis = {
      language: 'ru',
      entities: [],
      quotes: [],
      claims: [
        claim(at(text, 'Заявление'), at(text, 'МИД России'), at(text, 'Рябков заявил, что Москва готова\nк диалогу.'), 'preamble'),
        claim(at(text, 'заявил'), at(text, 'Рябков'), at(text, 'Москва готова\nк диалогу'), 'reported', { parent: 0 }),
      ],
      assertions: [],
    };
    const doc = TextDocument.create('file:///virtual/lines.txt', 'plaintext', 1, text);
    assert.deepEqual(claimContentRanges(doc, a), [rangeOf(text, at(text, 'Москва готова\nк диалогу'))]);
  });
});

describe('settings', () => {
  test('diplomaticLens.inlayHints.enable and diplomaticLens.claims.decorateContent: declared, on by default, as the protocol says', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['diplomaticLens.inlayHints.enable'].type, 'boolean');
    assert.equal(props['diplomaticLens.inlayHints.enable'].default, DEFAULT_SETTINGS.inlayHints.enable);
    assert.equal(props['diplomaticLens.claims.decorateContent'].type, 'boolean');
    assert.equal(props['diplomaticLens.claims.decorateContent'].default, DEFAULT_SETTINGS.claims.decorateContent);
    assert.equal(DEFAULT_SETTINGS.inlayHints.enable, true);
    assert.equal(DEFAULT_SETTINGS.claims.decorateContent, true);
  });
});
