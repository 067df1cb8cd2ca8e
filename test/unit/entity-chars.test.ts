// The entity stage's character-code tests (analysis/entities/chars.ts) against the regular
// expressions they stand for: every BMP character in each position that decides, astral letters,
// and generated words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endsWithPossessive, hasLowerLetter, isAlElName, isBasicLower, mayBeAcronym, mayBeInitials, mayOpenParenthesis, onlySpacesBetween, startsWithDigit, isLetterUnit } from '../../analysis/entities/chars.ts';
import { isInitials } from '../../analysis/tokens.ts';

const ACRONYM = /^\p{Lu}[\p{Lu}\d&-]{1,7}$/u;
const GLUED_INITIALS = /^(?:\p{Lu}\.){1,3}\p{Lu}[\p{Ll}-]+$/u;
const LEADING_INITIALS = /^(?:\p{Lu}\.)+/u;

const bmp = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));
// Letters of both cases, digits, the punctuation the tests look at, spaces, marks, astral capitals and small letters.
const ALPHABET = ['A', 'z', 'Д', 'ж', 'Ё', 'é', 'É', 'ß', '1', '.', '-', '&', "'", '’', 's', 'a', 'l', 'e', ' ', '\t', '\u00a0', '\u2009', '\u0301', '𝐀', '𝐚', '𐐀'];

/** Words of up to `n` characters from ALPHABET, all of them for small n. */
function* words(n: number): Generator<string> {
  yield '';
  let level = [''];
  for (let len = 1; len <= n; len++) {
    const next: string[] = [];
    for (const w of level) for (const c of ALPHABET) next.push(w + c);
    yield* next;
    level = next;
  }
}

/** Random words from ALPHABET, reproducible. */
function* randomWords(count: number, maxLength: number): Generator<string> {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
  for (let i = 0; i < count; i++) {
    let w = '';
    const len = Math.floor(rnd() * (maxLength + 1));
    for (let k = 0; k < len; k++) w += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
    yield w;
  }
}

function* samples(): Generator<string> {
  yield* words(3);
  yield* randomWords(100_000, 9);
  for (const c of bmp) {
    yield c;
    yield `A${c}`;
    yield `a${c}s`;
    yield `${c}.Лавров`;
    yield `A.${c}ab`;
    yield `al-${c}`;
    yield `el-${c}x`;
    yield `${c}s`;
    yield `ab${c}`;
    yield `AB${c}D`;
  }
}

test('isBasicLower: every code it accepts is a lower-case letter', () => {
  for (let c = 0; c < 0x10000; c++) if (isBasicLower(c)) assert.ok(/\p{Ll}/u.test(bmp[c]), c.toString(16));
});

test('the character tests agree with their regular expressions', () => {
  for (const w of samples()) {
    assert.equal(startsWithDigit(w), /^\d/.test(w), w);
    assert.equal(isAlElName(w), /^(?:al|el)-\p{Lu}/u.test(w), w);
    assert.equal(endsWithPossessive(w), /[’']s$/.test(w), w);
    assert.equal(hasLowerLetter(w), /\p{Ll}/u.test(w), w);
    // The pre-checks may let through more than the expressions match, never less.
    if (isInitials(w)) assert.ok(mayBeInitials(w), w);
    if (GLUED_INITIALS.test(w)) assert.ok(mayBeInitials(w), w);
    if (LEADING_INITIALS.test(w)) assert.ok(mayBeInitials(w), w);
    if (ACRONYM.test(w)) assert.ok(mayBeAcronym(w), w);
  }
});

test('onlySpacesBetween agrees with the expression on every range of short texts', () => {
  for (const t of [...words(3), ...randomWords(2000, 8)]) {
    for (let a = 0; a <= t.length + 1; a++) {
      for (let b = 0; b <= t.length + 1; b++) assert.equal(onlySpacesBetween(t, a, b), /^[ \t\u00a0]*$/.test(t.slice(a, b)), JSON.stringify([t, a, b]));
    }
  }
});

test('mayOpenParenthesis: false only where the expression cannot match', () => {
  const open = /^\s*\(/;
  assert.equal(mayOpenParenthesis(''.charCodeAt(0)), false);
  for (let c = 0; c < 0x10000; c++) {
    if (mayOpenParenthesis(c)) continue;
    for (const rest of ['(', ' (', '(ABC)', 'x']) assert.equal(open.test(bmp[c] + rest), false, c.toString(16));
  }
});

test('isLetterUnit agrees with the expression on every BMP character', () => {
  assert.equal(isLetterUnit(undefined), false);
  assert.equal(isLetterUnit(''), false);
  for (const c of bmp) assert.equal(isLetterUnit(c), c !== '' && /[\p{L}\p{M}]/u.test(c), c.charCodeAt(0).toString(16));
});
