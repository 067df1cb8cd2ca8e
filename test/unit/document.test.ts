// The document layer under the analyzer: offsets that survive CRLF, surrogate pairs and a BOM;
// unbalanced marks; empty and degenerate input; Markdown code and link targets; language detection;
// and, on the whole gold corpus, that every quote the analyzer returns is a slice of its source.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze, detectLanguage, splitLines, buildDocument } from '../../analysis/index.ts';
import { expectQuotes, expectNoQuotes, assertWellFormed, locate } from './quote-helpers.ts';

describe('line endings, surrogate pairs and BOM', () => {
  test('splitLines keeps CRLF out of the line text and offsets in the original string', () => {
    const t = 'Первая строка\r\nВторая\r\n\r\nТретья';
    const lines = splitLines(t);
    assert.deepEqual(lines.map((l) => t.slice(l.start, l.end)), ['Первая строка', 'Вторая', '', 'Третья']);
    assert.equal(lines[1].start, t.indexOf('Вторая'));
  });

  test('CRLF text: spans are exact offsets into the CRLF string (inline, multi-paragraph and dash-line quotes)', () => {
    const lf = 'Замминистра иностранных дел Олег Ветров заявил:\n\n«Мы готовы продолжать консультации. Наши предложения остаются на столе.\n\nОтвет за американской стороной».\n\nОб итогах встречи сообщила пресс-служба.\n\nСтороны договорились провести следующий раунд консультаций в Женеве до конца года.\n\n– пресс-служба МИД России\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const expected = [
      { quote: '«Мы готовы продолжать консультации. Наши предложения остаются на столе.\r\n\r\nОтвет за американской стороной»', speaker: 'Олег Ветров' },
      { quote: 'Стороны договорились провести следующий раунд консультаций в Женеве до конца года.', speaker: 'пресс-служба МИД России' },
    ];
    expectQuotes(crlf, expected);
    // And the same quotes in the LF version, at the LF offsets.
    expectQuotes(lf, expected.map((e) => ({ ...e, quote: e.quote.replace(/\r\n/g, '\n') })));
  });

  test('CRLF English interrupted quote keeps exact offsets', () => {
    const t = 'Finnish Foreign Minister Aino Laine spoke after the vote.\r\n\r\n“We did not choose this border,” Laine said. “But we will defend it.”\r\n';
    expectQuotes(t, [
      { quote: '“We did not choose this border,”', speaker: ['Laine', 2] },
      { quote: '“But we will defend it.”', speaker: ['Laine', 2] },
    ]);
  });

  test('surrogate pairs (emoji, 𝐌) before a quote: offsets are UTF-16 code units', () => {
    const t = '🇷🇺🕊 𝐌𝐈𝐃 𝐑𝐅 | «Мы ждем от Вашингтона конкретных шагов, а не деклараций», — заявил замминистра Олег Ветров.';
    const a = expectQuotes(t, [{ quote: '«Мы ждем от Вашингтона конкретных шагов, а не деклараций»', speaker: 'Олег Ветров' }]);
    assert.equal(a.quotes[0].start, t.indexOf('«'));
    assert.ok(a.quotes[0].start > [...t.slice(0, t.indexOf('«'))].length, 'the offset counts code units, not code points');
  });

  test('surrogate pairs inside a quote do not shift its end', () => {
    const t = 'Spokesperson Dana Whitfield wrote: “Talks resume Monday 🤝 — the 𝐟𝐢𝐫𝐬𝐭 round since June.” The post was later deleted.';
    expectQuotes(t, [{ quote: '“Talks resume Monday 🤝 — the 𝐟𝐢𝐫𝐬𝐭 round since June.”', speaker: 'Dana Whitfield' }]);
  });

  test('a BOM at the start of the file: a quote at the very start begins at offset 1', () => {
    const t = '\uFEFF«Переговоры будут продолжены в январе», — сказал Олег Ветров.';
    const a = expectQuotes(t, [{ quote: '«Переговоры будут продолжены в январе»', speaker: 'Олег Ветров' }]);
    assert.equal(a.quotes[0].start, 1);
  });

  test('a BOM before a Markdown > block quote', () => {
    const t = '\uFEFF> Мы не признаем результаты этих так называемых выборов и не будем их признавать.\n\n— пресс-служба МИД России\n';
    expectQuotes(t, [{ quote: 'Мы не признаем результаты этих так называемых выборов и не будем их признавать.', speaker: 'пресс-служба МИД России' }], { markdown: true });
  });
});

describe('unbalanced and degenerate input', () => {
  test('an unclosed « does not swallow the following paragraphs', () => {
    const t = 'Министр заявил: «Мы не отступим от своих позиций.\n\nВстреча продолжалась три часа. Стороны обсудили торговлю и транзит.\n\nЭто был трудный разговор, признал глава делегации.\n\n«Мы вернемся к этому вопросу в марте», — сказал Олег Ветров.';
    const a = analyze(t);
    assertWellFormed(t, a);
    const secondPara = locate(t, 'Встреча продолжалась');
    assert.ok(!a.quotes.some((q) => q.start < secondPara.start && q.end > secondPara.start), `a quote runs over the next paragraph: ${JSON.stringify(a.quotes.map((q) => q.text))}`);
    const real = locate(t, '«Мы вернемся к этому вопросу в марте»');
    const found = a.quotes.find((q) => q.start === real.start && q.end === real.end);
    assert.ok(found, `the later, balanced quote is found exactly: ${JSON.stringify(a.quotes.map((q) => q.text))}`);
    assert.ok(found.speaker && found.speaker.text.includes('Ветров'), `its speaker is Ветров, got ${found.speaker?.text}`);
  });

  test('an unclosed “ in English does not swallow the rest of the text', () => {
    const t = 'The minister said: “We will not be intimidated.\n\nThe talks lasted four hours and covered energy and transit.\n\n“We will return to this in March,” said Deputy Minister Tom Kerr.';
    const a = analyze(t);
    assertWellFormed(t, a);
    const secondPara = locate(t, 'The talks lasted');
    assert.ok(!a.quotes.some((q) => q.start < secondPara.start && q.end > secondPara.start), `a quote runs over the next paragraph: ${JSON.stringify(a.quotes.map((q) => q.text))}`);
    const real = locate(t, '“We will return to this in March,”');
    assert.ok(a.quotes.some((q) => q.start === real.start && q.end === real.end), `the later quote is found exactly: ${JSON.stringify(a.quotes.map((q) => q.text))}`);
  });

  test('stray closing marks and lone quote characters do not throw', () => {
    for (const t of ['»', '«', '“', '”', '"', "'", '„', '» текст «', '”Hello“', '— ', '>', '> ', '```', '« — сказал он. — »']) {
      const a = analyze(t);
      assertWellFormed(t, a);
    }
  });

  test('empty string', () => {
    const a = analyze('');
    assert.deepEqual(a.quotes, []);
    assert.deepEqual(a.claims, []);
    assert.ok(a.language === 'ru' || a.language === 'en');
  });

  test('a text of only whitespace', () => {
    for (const t of [' ', '\n\n\n', '\r\n\t \r\n', '\u00a0\u2009\u202f', '\uFEFF']) {
      const a = analyze(t);
      assert.deepEqual(a.quotes, [], `quotes in ${JSON.stringify(t)}`);
    }
  });

  test('a very long single line: quotes in the middle and at the end keep exact spans', () => {
    const filler = 'Стороны обсудили вопросы торгово-экономического сотрудничества и транзита. ';
    const mid = '«Мы рассчитываем на скорейшее подписание соглашения», — сказал Олег Ветров. ';
    const end = '«Работа над текстом будет продолжена в январе», — добавил он.';
    const t = filler.repeat(2000) + mid + filler.repeat(2000) + end;
    assert.ok(t.length > 300_000);
    expectQuotes(t, [
      { quote: '«Мы рассчитываем на скорейшее подписание соглашения»', speaker: 'Олег Ветров' },
      { quote: '«Работа над текстом будет продолжена в январе»', speaker: 'Олег Ветров' },
    ]);
  });
});

describe('Markdown code and links', () => {
  test('quote marks in code spans, fenced code and link targets are ignored', () => {
    const t = [
      '# Style notes',
      '',
      'Write quotes as `«Мы готовы к диалогу», — сказал министр` with a spaced dash; see the [guide](https://example.org/guide?q="quotes+in+russian+press+releases") for more.',
      '',
      '```',
      '"We will never accept this," the minister said.',
      '«Мы не согласимся с этим», — сказал министр.',
      '```',
      '',
      'Foreign Minister Rita Kask told reporters: “We expect an answer by Friday.”',
      '',
    ].join('\n');
    // The language is given: this test is about masking, not about detection on a text whose code is Russian.
    expectQuotes(t, [{ quote: '“We expect an answer by Friday.”', speaker: 'Rita Kask' }], { markdown: true, language: 'en' });
  });

  test('a link title in quotes and an autolink are not quotes', () => {
    const t = 'The ministry published the [full statement](https://example.org/statement "Statement by the Ministry of Foreign Affairs") and a summary at <https://example.org/a"b"c>.';
    expectNoQuotes(t, { markdown: true });
  });

  test('without the markdown option, a .md-looking text is still detected as Markdown', () => {
    const t = '## Reaction\n\n> Diplomacy is not a reward for good behaviour. It is how we prevent the worst.\n\n— Jonas Berg, Foreign Minister\n';
    expectQuotes(t, [{ quote: 'Diplomacy is not a reward for good behaviour. It is how we prevent the worst.', speaker: 'Jonas Berg' }]);
  });

  test('buildDocument: a > block quote line starts after the marker, and a code span is masked', () => {
    const t = '> First quoted line.\n> Second line.\n\nUse `"x"` here.';
    const doc = buildDocument(t, true);
    const bq = doc.blocks.find((b) => b.kind === 'blockquote');
    assert.ok(bq, 'a blockquote block');
    assert.deepEqual(bq.lines.map((l) => t.slice(l.start, l.end)), ['First quoted line.', 'Second line.']);
    const code = t.indexOf('`"x"`');
    assert.ok(doc.masked.some(([s, e]) => s <= code && e >= code + 5), 'the code span is masked');
  });
});

describe('language detection', () => {
  test('Russian text', () => {
    const t = 'Министр иностранных дел России провел переговоры с коллегой из Египта.';
    assert.equal(detectLanguage(t), 'ru');
    assert.equal(analyze(t).language, 'ru');
  });

  test('English text', () => {
    const t = 'The Secretary met the Foreign Minister of Egypt on Tuesday.';
    assert.equal(detectLanguage(t), 'en');
    assert.equal(analyze(t).language, 'en');
  });

  test('Russian text with many Latin names and terms stays Russian', () => {
    const t = 'По данным SIPRI и Reuters, NATO и EU обсудили с Rheinmetall и BAE Systems поставки ЗРК IRIS-T и Patriot; Politico и The Economist пишут, что Brussels ждет решения от Washington.';
    assert.equal(detectLanguage(t), 'ru');
  });

  test('English text with a short Russian quote stays English', () => {
    const t = 'At the end of the press conference the minister switched to Russian: «Мы готовы». Then he thanked the hosts and left for the airport with his delegation.';
    assert.equal(detectLanguage(t), 'en');
  });

  test('an explicit language option overrides detection', () => {
    const t = '«Мы готовы к переговорам», — сказал Олег Ветров.';
    assert.equal(analyze(t, { language: 'en' }).language, 'en');
    assert.equal(analyze(t, { language: 'auto' }).language, 'ru');
  });
});

describe('gold corpus: output validity', () => {
  const corpus = path.join(import.meta.dirname, '../../../shared/corpus');
  const files = readdirSync(corpus);
  const golds = files.filter((f) => f.endsWith('.gold.json')).sort();
  test('the corpus is there', () => {
    assert.ok(golds.length > 0, `no gold files in ${corpus}`);
  });
  for (const g of golds) {
    const base = g.slice(0, -'.gold.json'.length);
    const textFile = files.find((f) => f === `${base}.txt` || f === `${base}.md`);
    test(`${base}: every quote's text is source.slice(start, end)`, () => {
      assert.ok(textFile, `no text for ${g}`);
      const source = readFileSync(path.join(corpus, textFile), 'utf8');
      const a = analyze(source, { markdown: textFile.endsWith('.md') });
      for (const q of a.quotes) {
        assert.equal(q.text, source.slice(q.start, q.end));
        if (q.speaker) assert.equal(q.speaker.text, source.slice(q.speaker.start, q.speaker.end));
      }
      // Also with CRLF line endings: still slices of the CRLF text.
      const crlf = source.replace(/\r?\n/g, '\r\n');
      for (const q of analyze(crlf, { markdown: textFile.endsWith('.md') }).quotes) assert.equal(q.text, crlf.slice(q.start, q.end));
    });
  }
});
