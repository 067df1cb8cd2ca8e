// The tokenizer reads words from a table of character classes; its definition is one regular
// expression (kept here as the reference). Both must find the same words on every text, on strings
// built to hit the edge cases (initials, inner punctuation, marks, astral letters, text ends), and
// within sub-ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenizeParagraphs, tokenIndexAt, countTokens, isUpperStart, lowerCase, isWhiteSpace } from '../../analysis/tokens.ts';
import { withoutMemos, clearMemos } from '../../analysis/memo.ts';
import { textsUnder } from '../helpers/analysis.ts';

const REFERENCE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐'’.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*(?:(?<=(?:^|[^\p{L}])\p{Lu})\.|(?<=\.\p{Lu})\.)?/uy;

/** Words as the reference expression finds them, tried at every position a word may start. */
function reference(text: string, start = 0, end = text.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = start;
  while (i < end) {
    REFERENCE.lastIndex = i;
    const m = REFERENCE.exec(text);
    if (!m || m.index !== i) {
      i++;
      continue;
    }
    const e = Math.min(i + m[0].length, end);
    out.push([i, e]);
    i = e;
  }
  return out;
}

const spans = (text: string, start?: number, end?: number) => tokenize(text, start, end).map((t): [number, number] => [t.start, t.end]);

test('tokens equal the reference expression on every corpus, fixture and sample text', () => {
  for (const { name, text } of textsUnder('../shared/corpus', 'test/fixtures', 'samples')) {
    assert.deepEqual(spans(text), reference(text), name);
  }
});

test('tokens on hand-picked edge cases', () => {
  const cases: Array<[string, string[]]> = [
    ['С.В.Лавров заявил', ['С.В.Лавров', 'заявил']],
    ['A. Guterres said', ['A.', 'Guterres', 'said']],
    ['the U.S. and U.K. said', ['the', 'U.S.', 'and', 'U.K.', 'said']],
    ['al-Rashidi, China’s envoy', ['al-Rashidi', 'China’s', 'envoy']],
    ['Ab. Cd.', ['Ab', 'Cd']],
    ['5B. x', ['5B.', 'x']],
    ['A.', ['A.']],
    ['word-', ['word']],
    ['e\u0301te\u0301 café', ['e\u0301te\u0301', 'café']],
    ['\u0301abc', ['abc']],
    ['𝐀𝐁 x𝐀y 𝐀. z', ['𝐀𝐁', 'x𝐀y', '𝐀.', 'z']],
    ['٣٤ ١٢', ['٣٤', '١٢']],
  ];
  for (const [text, words] of cases) {
    assert.deepEqual(tokenize(text).map((t) => t.text), words, text);
    assert.deepEqual(spans(text), reference(text), text);
  }
});

test('tokens equal the reference on generated strings, whole and within sub-ranges', () => {
  const alphabet = [...'aZяЖ09 .-‐\'’,«»\n\t', 'É', 'ё', '\u0301', '\u00a0', '𝐀', '𝐚', '\ud835', '\udc00', '٣', 'ǅ', 'ß', 'ﬁ', 'İ'];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const len = 1 + Math.floor(rnd() * 24);
    for (let k = 0; k < len; k++) text += alphabet[Math.floor(rnd() * alphabet.length)];
    assert.deepEqual(spans(text), reference(text), JSON.stringify(text));
    const a = Math.floor(rnd() * text.length);
    const b = a + Math.floor(rnd() * (text.length - a + 1));
    assert.deepEqual(spans(text, a, b), reference(text, a, b), `${JSON.stringify(text)} [${a}, ${b})`);
    assert.equal(countTokens(text, 1e9, a, b), reference(text, a, b).length);
  }
});

test('isUpperStart agrees with the case mappings for every BMP character', () => {
  for (let code = 0; code < 0x10000; code++) {
    const c = String.fromCharCode(code);
    assert.equal(isUpperStart(c + 'x'), c !== c.toLowerCase() && c === c.toUpperCase(), `U+${code.toString(16)}`);
  }
  assert.equal(isUpperStart(''), false);
});

test('lowerCase equals toLowerCase for every BMP character, alone and inside words', () => {
  for (let code = 0; code < 0x10000; code++) {
    const c = String.fromCharCode(code);
    for (const w of [c, `ab${c}`, `${c}где`]) assert.equal(lowerCase(w), w.toLowerCase(), `U+${code.toString(16)} in ${JSON.stringify(w)}`);
  }
  assert.equal(lowerCase('ΟΔΟΣ'), 'οδος'.slice(0, 3) + 'ς');
});

test('isWhiteSpace is \\s for every BMP character', () => {
  for (let code = 0; code < 0x10000; code++) assert.equal(isWhiteSpace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
});

test('each token reads its own word from the vocabulary, across table growth and a fresh start at capacity', () => {
  // More distinct words than the vocabulary keeps (2^15), in both cases and in long and short forms,
  // each met twice, far apart: a token must never get another word's text or lower-case form.
  const letters = 'абвгдежзиклмнопрстуфхцчшщэюяABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const word = (n: number) => {
    let w = '';
    for (let k = n; ; k = Math.floor(k / letters.length) - 1) {
      w = letters[k % letters.length] + w;
      if (k < letters.length) break;
    }
    return n % 7 === 0 ? `${w}длинноеслово${w}` : w;
  };
  const distinct = Array.from({ length: 40_000 }, (_, i) => word(i));
  const text = [...distinct, ...distinct.map((w) => w.toUpperCase()), ...distinct].join(' ');
  const tokens = tokenize(text);
  assert.equal(tokens.length, distinct.length * 3);
  for (const t of tokens) {
    const w = text.slice(t.start, t.end);
    if (t.text !== w || t.lower !== w.toLowerCase()) assert.fail(`token at ${t.start}: ${JSON.stringify(t)} for ${JSON.stringify(w)}`);
  }
});

test("a text's token list gives the tokenizer's tokens, with memos and without, after paragraphs move", () => {
  // The list keeps offsets and words and makes token objects on demand (keeping the last 1,024):
  // read in order, backwards and far apart, every token must be the one the tokenizer finds, and
  // every paragraph's tokens its own. With memos, a paragraph that moved reuses its kept offsets.
  const texts = textsUnder('test/fixtures').map((f) => f.text);
  const long = texts.join('\n\n');
  for (const [name, text] of [['fixtures, joined', long], ['moved by a paragraph', 'Вступление.\n\n' + long]] as const) {
    for (const memos of [true, false]) {
      const { tokens, paragraphs } = memos ? tokenizeParagraphs(text) : withoutMemos(() => tokenizeParagraphs(text));
      const expected = tokenize(text);
      assert.ok(expected.length > 5000, 'a text longer than the cache');
      assert.equal(tokens.length, expected.length, name);
      assert.deepEqual(tokens.slice(), expected, `${name}: in order`);
      for (let i = expected.length - 1; i >= 0; i -= 3) assert.deepEqual(tokens.get(i), expected[i], `${name}: token ${i} read backwards`);
      for (let k = 0; k < 2000; k++) {
        const i = (k * 7919) % expected.length;
        assert.deepEqual(tokens.get(i), expected[i], `${name}: token ${i} read out of order`);
      }
      assert.equal(tokens.get(-1), undefined);
      assert.equal(tokens.get(expected.length), undefined);
      for (const pos of [0, 1, 500, Math.floor(text.length / 2), text.length - 1, text.length, text.length + 5]) {
        assert.equal(tokenIndexAt(tokens, pos), tokenIndexAt(expected, pos), `${name}: index at ${pos}`);
      }
      assert.deepEqual(paragraphs.flatMap((p) => p.tokens), expected, `${name}: paragraphs' tokens`);
      for (const p of paragraphs) assert.deepEqual(p.tokens, tokenize(text, p.start, p.end), `${name}: paragraph at ${p.start}`);
    }
  }
  clearMemos();
});
