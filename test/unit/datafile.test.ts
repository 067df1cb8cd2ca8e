// Language data as the core receives it (analysis/datafile.ts): parsed already (tests, tsx), as JSON
// text, or, in the production build, as a function returning the text (scripts/build.mjs), so that
// the text is created only when a language is first used and is not kept after parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataOf } from '../../analysis/datafile.ts';
import speech from '../../analysis/data/ru/speech.json';

const root = resolve(import.meta.dirname, '..', '..');

test('data arrives parsed, as text, or as a function returning the text: all give the same value', () => {
  const text = readFileSync(join(root, 'analysis', 'data', 'ru', 'speech.json'), 'utf8');
  assert.equal(dataOf(speech), speech);
  assert.deepEqual(dataOf<typeof speech>(text), speech);
  let calls = 0;
  const lazy = () => {
    calls++;
    return text;
  };
  assert.deepEqual(dataOf<typeof speech>(lazy), speech);
  assert.equal(calls, 1);
});
