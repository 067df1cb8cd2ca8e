// A FragmentSet must find exactly what searching with each fragment separately finds: every
// fragment's leftmost match (`all`) and the leftmost match of any (`first`), for the assertion
// rules' real fragments and for fragments built to stress the first-character reading (nullable
// starts, classes, look-arounds, alternations, astral literals).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FragmentSet, type FragmentHit } from '../../analysis/fragments.ts';
import { textsUnder } from '../helpers/analysis.ts';

const REPO = path.join(import.meta.dirname, '../..');

/** Each fragment's leftmost match by a separate search with the set's wrapper. */
function separately(fragments: readonly string[], s: string): FragmentHit[] {
  const out: FragmentHit[] = [];
  fragments.forEach((f, index) => {
    const m = new RegExp(`(?<![\\p{L}\\d])(?:${f})`, 'iu').exec(s);
    if (m) out.push({ index, at: m.index, text: m[0] });
  });
  return out;
}

function leftmost(hits: FragmentHit[]): FragmentHit | null {
  let best: FragmentHit | null = null;
  for (const h of hits) if (!best || h.at < best.at) best = h;
  return best;
}

const data = (lang: string) => JSON.parse(readFileSync(path.join(REPO, 'analysis', 'data', lang, 'assertions.json'), 'utf8')) as Record<string, string[]>;
const CATEGORIES = ['accusation', 'causation', 'prediction', 'figure', 'evaluation'];
const SETS: Array<[string, string[]]> = ['ru', 'en'].flatMap((lang): Array<[string, string[]]> => [
  [`${lang} vague`, data(lang).vague],
  [`${lang} triggers`, CATEGORIES.flatMap((c) => data(lang)[c])],
]);
const STRESS = ['(?:^|[,.;:] ?)в [а-я]+', 'x?y', '\\d+ (?:%|процент)', '[«"]\\p{L}+', '(?=sa)said', 'said|says', 'о(?:б)? этом', '𝐀b', '(?:a|b)*c', 'officials?', '.', '$'];

test('a fragment set finds what each fragment finds on its own, on every sentence of every text', () => {
  const sentences = textsUnder('../shared/corpus', 'test/fixtures', 'samples').flatMap(({ text }) => text.toLowerCase().split(/(?<=[.!?…])\s+|\n+/));
  for (const [name, fragments] of [...SETS, ['stress', STRESS] as [string, string[]]]) {
    const set = new FragmentSet(fragments);
    let matched = 0;
    for (const s of sentences) {
      const expected = separately(fragments, s);
      matched += expected.length;
      assert.deepEqual(set.all(s), expected, `${name}: ${s}`);
      assert.deepEqual(set.first(s), leftmost(expected), `${name} (first): ${s}`);
    }
    assert.ok(matched > 0, `${name}: no sentence matched anything, so nothing was compared`);
  }
});

test('a fragment set agrees with separate searches on generated strings', () => {
  const alphabet = [...'abcxyz saidв ,.;:«"0123456789%\n', 'этом', 'об', 'процент', '𝐀', '𝐚', 'ё'];
  let seed = 11;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const set = new FragmentSet(STRESS);
  for (let n = 0; n < 2000; n++) {
    let s = '';
    const len = Math.floor(rnd() * 20);
    for (let k = 0; k < len; k++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    const expected = separately(STRESS, s);
    assert.deepEqual(set.all(s), expected, JSON.stringify(s));
    assert.deepEqual(set.first(s), leftmost(expected), JSON.stringify(s));
  }
});
