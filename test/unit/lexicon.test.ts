// The lexicon's quick tests must never miss what the exact ones find: `anyAccordingToFolded`
// (case-insensitive, on text as written) is asked before lower-casing a sentence for
// `anyAccordingTo`, so it must match wherever that matches the lower-cased text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexicon } from '../../analysis/lexicon.ts';
import { textsUnder } from '../helpers/analysis.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('case folding agrees with lower-casing for every BMP character but İ', () => {
  for (let code = 0; code < 0x10000; code++) {
    if (code === 0x130 || (code >= 0xd800 && code <= 0xdfff)) continue;
    const c = String.fromCharCode(code);
    const lower = c.toLowerCase();
    assert.equal(lower.length, 1, `U+${code.toString(16)} lower-cases to one character`);
    assert.ok(new RegExp(escape(lower), 'iu').test(c), `U+${code.toString(16)} matches its lower case case-insensitively`);
  }
  assert.equal('\u0130'.toLowerCase().length, 2, 'İ is the exception the callers check for');
});

test('the folded according-to test matches wherever the exact one matches the lower-cased text', () => {
  for (const language of ['ru', 'en'] as const) {
    const lex = lexicon(language);
    // Each phrase in upper, title and mixed case, inside a sentence.
    for (const phrase of lex.accordingTo) {
      for (const form of [phrase.toUpperCase(), phrase[0].toUpperCase() + phrase.slice(1), [...phrase].map((ch, i) => (i % 2 ? ch.toUpperCase() : ch)).join('')]) {
        const sentence = `Вчера, ${form} источника, всё было так.`;
        assert.ok(lex.anyAccordingTo.test(sentence.toLowerCase()), `${language}: exact test finds "${phrase}"`);
        assert.ok(lex.anyAccordingToFolded.test(sentence), `${language}: folded test finds "${form}"`);
      }
    }
    // Every sentence of every text: never a miss.
    for (const { text } of textsUnder('../shared/corpus', 'test/fixtures', 'samples')) {
      for (const s of text.split(/(?<=[.!?…])\s+/)) {
        if (lex.anyAccordingTo.test(s.toLowerCase())) assert.ok(s.includes('\u0130') || lex.anyAccordingToFolded.test(s), `${language}: ${s}`);
      }
    }
  }
});
