// Sentence bounds survive abbreviations, initials, quotes with inner full stops, lists, headings
// and Markdown: one assertion per sentence depends on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceBounds } from '../../analysis/tokens.ts';

/** The sentences of a one-paragraph text, as sentenceBounds cuts them from left to right. */
function sentences(text: string, skip: Array<[number, number]> = []): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const [s, e] = sentenceBounds(text, 0, text.length, pos, pos, skip);
    if (e <= pos) break;
    out.push(text.slice(s, e).trim());
    pos = e;
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  }
  return out;
}

test('ru: initials, г., т.е., им. do not end a sentence', () => {
  const t = 'С.В.Лавров прибыл в Москву 5 мая 2025 г. после визита в Ханой. Он, т.е. министр, выступил в МГИМО им. Горчакова с лекцией. Встреча завершилась.';
  assert.deepEqual(sentences(t), [
    'С.В.Лавров прибыл в Москву 5 мая 2025 г. после визита в Ханой.',
    'Он, т.е. министр, выступил в МГИМО им. Горчакова с лекцией.',
    'Встреча завершилась.',
  ]);
});

test('ru: spaced initials С. В. Лавров', () => {
  assert.deepEqual(sentences('Министр С. В. Лавров провел переговоры. Стороны обсудили повестку.'), ['Министр С. В. Лавров провел переговоры.', 'Стороны обсудили повестку.']);
});

test('en: Mr., U.S., A. Guterres do not end a sentence', () => {
  const t = 'Mr. Blinken met A. Guterres in New York. The U.S. delegation left on Friday. Talks will resume.';
  assert.deepEqual(sentences(t), ['Mr. Blinken met A. Guterres in New York.', 'The U.S. delegation left on Friday.', 'Talks will resume.']);
});

test('a quote with inner full stops stays in its sentence when the quote is opaque', () => {
  const t = '«Мы готовы. Мы ждем ответа», — сказал он. Затем он уехал.';
  const q: [number, number] = [0, t.indexOf('»') + 1];
  assert.deepEqual(sentences(t, [q]), ['«Мы готовы. Мы ждем ответа», — сказал он.', 'Затем он уехал.']);
});

test('a sentence ending in a closing quote ends there', () => {
  assert.deepEqual(sentences('He called it “a mistake.” She disagreed.'), ['He called it “a mistake.”', 'She disagreed.']);
});
