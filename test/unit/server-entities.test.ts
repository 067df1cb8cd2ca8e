// The server's entity features as pure functions of (document, Analysis, offset): the hover (type,
// usual and official name, every form with its count, a link to the first mention), document
// highlights, Go to Definition, Find All References, the hover where an entity sits in a quote or
// names a speaker, and the semantic tokens of an entity inside a quote. The Analysis objects are
// written by hand, so these tests do not depend on the entity recognizer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../analysis/index.ts';
import { entityAt, entityAtCursor, entityHover, documentHighlights, definition, references } from '../../server/features/entities.ts';
import { hoverAt } from '../../server/features/hover.ts';
import { tokenSpans, encodeTokens } from '../../server/features/semanticTokens.ts';
import { posAt, rangeOf, at } from '../helpers/positions.ts';
import { entities, quote, hoverText as value, mid, decode } from '../helpers/analysis.ts';

// ---------------------------------------------------------------------------------------------
// Helpers, independent of the server: spans found with indexOf, positions counted by hand.

// ---------------------------------------------------------------------------------------------
// A Russian text: Лавров in four forms (one in a quote's attribution), Россия as России, Россия
// (once inside a quote), РФ; Азербайджан inside and outside the quote.

const RU_URI = 'file:///virtual/lavrov.txt';
const RU_TEXT =
  'Министр иностранных дел России Сергей Лавров 14 ноября встретился в Москве с послом Азербайджана.\n' +
  '«Россия готова к диалогу с Азербайджаном», — сказал Лавров.\n' +
  'Позицию С.В.Лаврова поддержали в РФ. Лавров добавил, что Россия не изменит курс.\n';
const RUSSIA = { canonical: 'Россия', official: 'Российская Федерация' };
const AZ = { canonical: 'Азербайджан', official: 'Азербайджанская Республика' };
const RU_ENTITIES = entities(RU_TEXT, [
  ['России', 1, 'country', 'russia', RUSSIA],
  // The canonical name is set on one mention only: the hover finds it on any mention of the referent.
  ['Сергей Лавров', 1, 'person', 'lavrov', { canonical: 'Сергей Лавров' }],
  ['14 ноября', 1, 'date', 'd-nov14'],
  ['Москве', 1, 'place', 'moscow', { canonical: 'Москва', official: 'Москва' }],
  ['Азербайджана', 1, 'country', 'azerbaijan', AZ],
  ['Россия', 1, 'country', 'russia', RUSSIA],
  ['Азербайджаном', 1, 'country', 'azerbaijan', AZ],
  ['Лавров', 2, 'person', 'lavrov'],
  ['С.В.Лаврова', 1, 'person', 'lavrov'],
  ['РФ', 1, 'country', 'russia', RUSSIA],
  ['Лавров', 4, 'person', 'lavrov'],
  ['Россия', 2, 'country', 'russia', RUSSIA],
]);
// «Лавров» occurs four times: in Сергей Лавров, as the speaker, in С.В.Лаврова, before «добавил».
const RU_QUOTE = quote(RU_TEXT, '«Россия готова к диалогу с Азербайджаном»', at(RU_TEXT, 'Лавров', 2), 'cue-after', at(RU_TEXT, 'сказал'));
const RU_A: Analysis = { language: 'ru', entities: RU_ENTITIES, quotes: [RU_QUOTE], claims: [], assertions: [] };
const RU_DOC = TextDocument.create(RU_URI, 'plaintext', 1, RU_TEXT);
const ru = (needle: string, n = 1) => RU_ENTITIES.find((e) => e.start === at(RU_TEXT, needle, n).start)!;

// An English text: the United States as “The United States” (in a quote) and “U.S.”; Blinken three times.
const EN_URI = 'file:///virtual/blinken.txt';
const EN_TEXT =
  "Secretary of State Antony Blinken met Azerbaijan's foreign minister in Washington on Tuesday.\n" +
  '"The United States supports a lasting peace," Blinken said.\n' +
  'Later, Mr Blinken told reporters that the U.S. would keep working with Azerbaijani officials.\n';
const US = { canonical: 'United States', official: 'United States of America' };
const EN_ENTITIES = entities(EN_TEXT, [
  ['Antony Blinken', 1, 'person', 'blinken', { canonical: 'Antony Blinken' }],
  ['Azerbaijan', 1, 'country', 'azerbaijan', { canonical: 'Azerbaijan', official: 'Republic of Azerbaijan' }],
  ['Washington', 1, 'place', 'washington'],
  ['Tuesday', 1, 'date', 'd-tuesday'],
  ['The United States', 1, 'country', 'us', US],
  ['Blinken', 2, 'person', 'blinken', { canonical: 'Antony Blinken' }],
  ['Blinken', 3, 'person', 'blinken', { canonical: 'Antony Blinken' }],
  ['the U.S.', 1, 'country', 'us', US],
  ['Azerbaijani', 1, 'demonym', 'azerbaijani'],
]);
const EN_QUOTE = quote(EN_TEXT, '"The United States supports a lasting peace,"', at(EN_TEXT, 'Blinken', 2), 'cue-after', at(EN_TEXT, 'said'));
const EN_A: Analysis = { language: 'en', entities: EN_ENTITIES, quotes: [EN_QUOTE], claims: [], assertions: [] };
const EN_DOC = TextDocument.create(EN_URI, 'plaintext', 1, EN_TEXT);

// ---------------------------------------------------------------------------------------------

describe('entityAt: binary search over sorted, non-overlapping entities', () => {
  test('agrees with a linear scan at every offset of both texts, and just outside them', () => {
    for (const [text, a] of [
      [RU_TEXT, RU_A],
      [EN_TEXT, EN_A],
    ] as const) {
      for (let off = -2; off <= text.length + 2; off++) {
        const linear = a.entities.find((e) => off >= e.start && off < e.end) ?? null;
        assert.equal(entityAt(a, off), linear, `offset ${off}`);
      }
    }
  });

  test('the end is exclusive; no entities → null', () => {
    const e = ru('Сергей Лавров');
    assert.equal(entityAt(RU_A, e.start), e);
    assert.equal(entityAt(RU_A, e.end - 1), e);
    assert.equal(entityAt(RU_A, e.end), null, 'the space after the name');
    assert.equal(entityAt({ ...RU_A, entities: [] }, e.start), null);
  });

  test('adjacent entities: the boundary belongs to the second', () => {
    const text = 'РФРоссия';
    const a: Analysis = { ...RU_A, entities: entities(text, [['РФ', 1, 'country', 'x'], ['Россия', 1, 'country', 'y']]) };
    assert.equal(entityAt(a, 2)?.id, 'y');
    assert.equal(entityAtCursor(a, 2)?.id, 'y');
    assert.equal(entityAtCursor(a, text.length)?.id, 'y', 'a cursor just after the last one');
  });

  test('a text cursor right after a name is on it (highlights, definition, references); a hover is not', () => {
    const e = ru('С.В.Лаврова');
    assert.equal(entityAtCursor(RU_A, e.end), e);
    assert.equal(entityHover(RU_DOC, RU_A, e.end), null);
    assert.equal(documentHighlights(RU_DOC, RU_A, e.end).length, 4);
    assert.equal(entityAtCursor(RU_A, e.end + 1), null);
  });
});

describe('entityHover', () => {
  test('Russian person: type, canonical name, every form with its count in order of appearance, a link to the first mention', () => {
    const e = ru('Лавров', 4);
    const h = entityHover(RU_DOC, RU_A, mid(e));
    const v = value(h);
    const first = posAt(RU_TEXT, ru('Сергей Лавров').start);
    assert.equal(first.line, 0);
    assert.equal(
      v,
      [
        '**Person** · Сергей Лавров',
        '',
        'Mentions in this document (4):',
        '',
        'Сергей Лавров ×1 · Лавров ×2 · С\\.В\\.Лаврова ×1',
        '',
        `First mention: [line 1](${RU_URI}#L1,${first.character + 1})`,
      ].join('\n'),
    );
    assert.ok(!v.includes('Official name'), 'no official name where the data has none');
    assert.deepEqual(h!.range, rangeOf(RU_TEXT, e));
  });

  test('Russian country: the official name, and России / Россия / РФ counted', () => {
    const e = ru('РФ');
    const v = value(entityHover(RU_DOC, RU_A, e.start));
    assert.ok(v.startsWith('**Country** · Россия\n'), v);
    assert.ok(v.includes('\nOfficial name: Российская Федерация\n'), v);
    assert.ok(v.includes('Mentions in this document (4):'), v);
    assert.ok(v.includes('России ×1 · Россия ×2 · РФ ×1'), v);
    const first = posAt(RU_TEXT, ru('России').start);
    assert.ok(v.includes(`[line 1](${RU_URI}#L1,${first.character + 1})`), v);
  });

  test('an official name equal to the usual one is not repeated; a date', () => {
    const v = value(entityHover(RU_DOC, RU_A, ru('Москве').start + 2));
    assert.ok(v.startsWith('**Place** · Москва'), v);
    assert.ok(!v.includes('Official name'), v);
    assert.ok(v.includes('Москве ×1'), v);
    assert.ok(value(entityHover(RU_DOC, RU_A, ru('14 ноября').start)).startsWith('**Date** · 14 ноября'));
  });

  test('English: Markdown in the text is escaped (U.S.), the first mention is on line 2', () => {
    const e = EN_ENTITIES.find((x) => x.text === 'the U.S.')!;
    const v = value(entityHover(EN_DOC, EN_A, mid(e)));
    assert.ok(v.startsWith('**Country** · United States\n'), v);
    assert.ok(v.includes('Official name: United States of America'), v);
    assert.ok(v.includes('Mentions in this document (2):\n\nThe United States ×1 · the U\\.S\\. ×1'), v);
    const first = posAt(EN_TEXT, at(EN_TEXT, 'The United States').start);
    assert.deepEqual(first, { line: 1, character: 1 });
    assert.ok(v.includes(`First mention: [line 2](${EN_URI}#L2,2)`), v);
  });

  test('English person and demonym labels', () => {
    const v = value(entityHover(EN_DOC, EN_A, at(EN_TEXT, 'Blinken', 3).start));
    assert.ok(v.startsWith('**Person** · Antony Blinken'), v);
    assert.ok(v.includes('Antony Blinken ×1 · Blinken ×2'), v);
    assert.ok(value(entityHover(EN_DOC, EN_A, at(EN_TEXT, 'Azerbaijani').start)).startsWith('**Demonym** · Azerbaijani'));
    assert.ok(value(entityHover(EN_DOC, EN_A, at(EN_TEXT, 'Washington').start)).startsWith('**Place** · Washington'));
  });

  test('without a canonical name the header names the first mention; a name broken over lines is one form', () => {
    const text = 'Посол Рахман\nМустафаев прибыл в Москву. Рахман Мустафаев и Мустафаев — одно лицо.';
    const ents = entities(text, [
      ['Рахман\nМустафаев', 1, 'person', 'm'],
      ['Рахман Мустафаев', 1, 'person', 'm'],
      ['Мустафаев', 3, 'person', 'm'],
      ['Москву', 1, 'place', 'moscow'],
    ]);
    const a: Analysis = { language: 'ru', entities: ents, quotes: [], claims: [], assertions: [] };
    const doc = TextDocument.create('file:///virtual/m.txt', 'plaintext', 1, text);
    const v = value(entityHover(doc, a, text.lastIndexOf('Мустафаев')));
    assert.ok(v.startsWith('**Person** · Рахман Мустафаев\n'), v);
    assert.ok(v.includes('Mentions in this document (3):\n\nРахман Мустафаев ×2 · Мустафаев ×1'), v);
    assert.ok(v.includes('First mention: [line 1](file:///virtual/m.txt#L1,7)'), v);
  });

  test('UTF-16 columns: an emoji before the first mention counts two code units', () => {
    const text = '🇦🇿 Азербайджан и Азербайджан';
    const a: Analysis = { language: 'ru', entities: entities(text, [['Азербайджан', 1, 'country', 'az'], ['Азербайджан', 2, 'country', 'az']]), quotes: [], claims: [], assertions: [] };
    const doc = TextDocument.create('file:///virtual/flag.txt', 'plaintext', 1, text);
    const v = value(entityHover(doc, a, text.lastIndexOf('Азербайджан')));
    assert.ok(v.includes('#L1,6)'), v);
    assert.ok(v.includes('Азербайджан ×2'), v);
  });

  test('nothing outside entities: hover, highlights, definition and references are empty', () => {
    for (const needle of ['Министр', 'встретился', 'готова', ' — ', 'поддержали', '\n']) {
      const off = at(RU_TEXT, needle).start;
      assert.equal(entityAt(RU_A, off), null, needle);
      assert.equal(entityHover(RU_DOC, RU_A, off), null, needle);
      assert.deepEqual(documentHighlights(RU_DOC, RU_A, off + 1), [], needle);
      assert.equal(definition(RU_DOC, RU_A, off + 1), null, needle);
      assert.deepEqual(references(RU_DOC, RU_A, off + 1, true), [], needle);
      assert.deepEqual(references(RU_DOC, RU_A, off + 1, false), [], needle);
    }
    const empty: Analysis = { ...RU_A, entities: [] };
    assert.equal(entityHover(RU_DOC, empty, 0), null);
    assert.deepEqual(documentHighlights(RU_DOC, empty, 0), []);
  });
});

describe('document highlights, definition, references', () => {
  const LAVROV = [ru('Сергей Лавров'), ru('Лавров', 2), ru('С.В.Лаврова'), ru('Лавров', 4)];
  const lavrov = LAVROV.map((e) => rangeOf(RU_TEXT, e));

  test('highlights: every mention of the referent, the one under the cursor included, kind Text', () => {
    for (const from of LAVROV) {
      const hs = documentHighlights(RU_DOC, RU_A, from.start + 1);
      assert.deepEqual(hs.map((h) => h.range), lavrov, from.text);
      assert.ok(hs.every((h) => h.kind === 1), 'DocumentHighlightKind.Text');
    }
    // Another referent of the same type is not highlighted with it.
    const az = documentHighlights(RU_DOC, RU_A, ru('Азербайджаном').start);
    assert.deepEqual(az.map((h) => h.range), [rangeOf(RU_TEXT, ru('Азербайджана')), rangeOf(RU_TEXT, ru('Азербайджаном'))]);
    assert.deepEqual(lavrov[2], { start: { line: 2, character: 'Позицию '.length }, end: { line: 2, character: 'Позицию С.В.Лаврова'.length } });
  });

  test('definition: the first mention, from any mention (the first one included)', () => {
    for (const from of LAVROV) {
      assert.deepEqual(definition(RU_DOC, RU_A, from.start), { uri: RU_URI, range: lavrov[0] }, from.text);
    }
    assert.deepEqual(definition(RU_DOC, RU_A, ru('Россия', 2).start), { uri: RU_URI, range: rangeOf(RU_TEXT, ru('России')) });
    assert.deepEqual(definition(EN_DOC, EN_A, at(EN_TEXT, 'U.S.').start), { uri: EN_URI, range: rangeOf(EN_TEXT, at(EN_TEXT, 'The United States')) });
  });

  test('references with the declaration: all mentions; without it: all but the first', () => {
    const off = ru('РФ').start + 1;
    const russia = ['России', 'Россия', 'РФ', ['Россия', 2]] as const;
    const all = russia.map((n) => ({ uri: RU_URI, range: rangeOf(RU_TEXT, typeof n === 'string' ? ru(n) : ru(n[0], n[1])) }));
    assert.deepEqual(references(RU_DOC, RU_A, off, true), all);
    assert.deepEqual(references(RU_DOC, RU_A, off, false), all.slice(1));
    // A referent mentioned once: itself with the declaration, nothing without.
    const date = ru('14 ноября');
    assert.deepEqual(references(RU_DOC, RU_A, date.start, true), [{ uri: RU_URI, range: rangeOf(RU_TEXT, date) }]);
    assert.deepEqual(references(RU_DOC, RU_A, date.start, false), []);
    const blinken = references(EN_DOC, EN_A, at(EN_TEXT, 'Blinken', 3).start, true);
    assert.deepEqual(blinken.map((l) => l.range.start.line), [0, 1, 2]);
  });
});

describe('hover where a quote and an entity meet', () => {
  const noEntities = (a: Analysis): Analysis => ({ ...a, entities: [] });

  test('an entity inside a quote: the entity part, a rule, then the quotation part unchanged', () => {
    const e = ru('Азербайджаном');
    const h = hoverAt(RU_DOC, RU_A, mid(e));
    const v = value(h);
    const entityPart = value(entityHover(RU_DOC, RU_A, mid(e)));
    const quotePart = value(hoverAt(RU_DOC, noEntities(RU_A), mid(e)));
    assert.ok(quotePart.startsWith('**Quotation**'), quotePart);
    assert.ok(quotePart.includes(`Said by **[Лавров](${RU_URI}#L2,`), quotePart);
    assert.equal(v, `${entityPart}\n\n---\n\n${quotePart}`);
    assert.ok(v.startsWith('**Country** · Азербайджан\n'), v);
    // The combined hover holds over the entity only: elsewhere in the quote it is the quote's.
    assert.deepEqual(h!.range, rangeOf(RU_TEXT, e));
  });

  test('inside a quote but not on an entity: the quotation hover exactly as before', () => {
    const off = at(RU_TEXT, 'диалогу').start;
    const h = hoverAt(RU_DOC, RU_A, off);
    assert.deepEqual(h, hoverAt(RU_DOC, noEntities(RU_A), off));
    assert.ok(value(h).startsWith('**Quotation**'));
    assert.ok(!value(h).includes('---'));
    assert.deepEqual(h!.range, rangeOf(RU_TEXT, RU_QUOTE));
  });

  test('a speaker who is also a person: the speaker part unchanged, a rule, then the person part', () => {
    const sp = RU_QUOTE.speaker!;
    const h = hoverAt(RU_DOC, RU_A, sp.start + 2);
    const v = value(h);
    const speakerPart = value(hoverAt(RU_DOC, noEntities(RU_A), sp.start + 2));
    assert.ok(speakerPart.startsWith('**Speaker** · Лавров'), speakerPart);
    assert.equal(v, `${speakerPart}\n\n---\n\n${value(entityHover(RU_DOC, RU_A, sp.start + 2))}`);
    assert.ok(v.includes('\n\n---\n\n**Person** · Сергей Лавров\n'), v);
    assert.deepEqual(h!.range, rangeOf(RU_TEXT, sp));
  });

  test('a speaker span longer than the person in it: the combined hover covers where both hold', () => {
    const text = '“We will not give up,” said Foreign Secretary Yvette Cooper. Cooper left.';
    const speaker = at(text, 'Foreign Secretary Yvette Cooper');
    const a: Analysis = {
      language: 'en',
      entities: entities(text, [['Yvette Cooper', 1, 'person', 'cooper'], ['Cooper', 2, 'person', 'cooper']]),
      quotes: [quote(text, '“We will not give up,”', speaker, 'cue-before', at(text, 'said'))],
      claims: [],
      assertions: [],
    };
    const doc = TextDocument.create('file:///virtual/cooper.txt', 'plaintext', 1, text);
    const onTitle = hoverAt(doc, a, at(text, 'Secretary').start);
    assert.ok(value(onTitle).startsWith('**Speaker** · Foreign Secretary Yvette Cooper'), 'the title: speaker only');
    assert.deepEqual(onTitle!.range, rangeOf(text, speaker));
    const onName = hoverAt(doc, a, at(text, 'Yvette').start);
    assert.ok(value(onName).startsWith('**Speaker** · Foreign Secretary Yvette Cooper'));
    assert.ok(value(onName).includes('\n\n---\n\n**Person** · Yvette Cooper'));
    assert.deepEqual(onName!.range, rangeOf(text, at(text, 'Yvette Cooper')));
  });

  test('an entity outside any quote: the entity part alone; outside both: null', () => {
    const e = ru('С.В.Лаврова');
    const h = hoverAt(RU_DOC, RU_A, e.start);
    assert.deepEqual(h, entityHover(RU_DOC, RU_A, e.start));
    assert.ok(!value(h).includes('---'));
    assert.equal(hoverAt(RU_DOC, RU_A, at(RU_TEXT, 'поддержали').start), null);
  });

  test('English: “The United States” inside the quote', () => {
    const e = at(EN_TEXT, 'The United States');
    const v = value(hoverAt(EN_DOC, EN_A, e.start + 4));
    const [entityPart, quotePart] = v.split('\n\n---\n\n');
    assert.ok(entityPart.startsWith('**Country** · United States'), v);
    assert.ok(quotePart.startsWith('**Quotation** · '), v);
    assert.ok(quotePart.includes(`Said by **[Blinken](${EN_URI}#L2,`), v);
  });
});

describe('semantic tokens: an entity inside a quote splits the quote token', () => {
  test('«Россия … Азербайджаном»: quote, country, quote, country, quote; the speaker wins over the person', () => {
    const tokens = decode(encodeTokens(RU_DOC, tokenSpans(RU_A))).filter(([line]) => line === 1);
    const line = RU_TEXT.split('\n')[1];
    const col = (s: string) => line.indexOf(s);
    assert.deepEqual(tokens, [
      [1, 0, 1, 'dlQuote', []],
      [1, 1, 'Россия'.length, 'dlCountry', []],
      [1, col(' готова'), ' готова к диалогу с '.length, 'dlQuote', []],
      [1, col('Азербайджаном'), 'Азербайджаном'.length, 'dlCountry', []],
      [1, col('»'), 1, 'dlQuote', []],
      [1, col('сказал'), 'сказал'.length, 'dlClaimCue', []],
      [1, col('Лавров'), 'Лавров'.length, 'dlSpeaker', []],
    ]);
    // The pieces cover the quote exactly, without gaps.
    const q = tokens.filter(([, , , type]) => type === 'dlQuote' || type === 'dlCountry');
    for (let i = 1; i < q.length; i++) assert.equal(q[i][1], q[i - 1][1] + q[i - 1][2]);
    assert.equal(q[q.length - 1][1] + q[q.length - 1][2], col('»') + 1);
  });

  test('an entity at the very start of an unattributed quote, and on the second line of a quote over two lines', () => {
    const text = '«Россия готова\nк диалогу с Азербайджаном»\n';
    const a: Analysis = {
      language: 'ru',
      entities: entities(text, [['Россия', 1, 'country', 'russia'], ['Азербайджаном', 1, 'country', 'az']]),
      quotes: [{ ...at(text, text.trim()), content: at(text, text.trim().slice(1, -1)), speaker: null, form: 'inline', group: 0 }],
      claims: [],
      assertions: [],
    };
    const doc = TextDocument.create('file:///virtual/two-lines.txt', 'plaintext', 1, text);
    assert.deepEqual(decode(encodeTokens(doc, tokenSpans(a))), [
      [0, 0, 1, 'dlQuote', ['unattributed']],
      [0, 1, 6, 'dlCountry', []],
      [0, 7, ' готова'.length, 'dlQuote', ['unattributed']],
      [1, 0, 'к диалогу с '.length, 'dlQuote', ['unattributed']],
      [1, 'к диалогу с '.length, 'Азербайджаном'.length, 'dlCountry', []],
      [1, 'к диалогу с Азербайджаном'.length, 1, 'dlQuote', ['unattributed']],
    ]);
  });

  test('English: the quote around “The United States”, entities outside quotes as their own types', () => {
    const tokens = decode(encodeTokens(EN_DOC, tokenSpans(EN_A)));
    const line1 = EN_TEXT.split('\n')[1];
    assert.deepEqual(
      tokens.filter(([l]) => l === 1),
      [
        [1, 0, 1, 'dlQuote', []],
        [1, 1, 'The United States'.length, 'dlCountry', []],
        [1, 1 + 'The United States'.length, ' supports a lasting peace,"'.length, 'dlQuote', []],
        [1, line1.indexOf('Blinken'), 7, 'dlSpeaker', []],
        [1, line1.indexOf('said'), 4, 'dlClaimCue', []],
      ],
    );
    assert.deepEqual(
      tokens.filter(([l]) => l === 0).map(([, , , type]) => type),
      ['dlPerson', 'dlCountry', 'dlPlace', 'dlDate'],
    );
    assert.deepEqual(
      tokens.filter(([l]) => l === 2).map(([, , , type]) => type),
      ['dlPerson', 'dlCountry', 'dlDemonym'],
    );
  });
});
