// The server's analysis cache (server/analyses.ts): one full analysis per version, and a garbage
// collection asked for before the full analysis of a large text only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses, LARGE_TEXT } from '../../server/analyses.ts';
import { DEFAULT_SETTINGS } from '../../protocol/index.ts';
import { textsUnder } from '../helpers/analysis.ts';

const ALL = textsUnder('../shared/corpus', 'test/fixtures');

test('a full analysis is computed once per version; a large text is analysed after the hook, a small one without it', () => {
  let collections = 0;
  const analyses = new Analyses(() => ({ ...DEFAULT_SETTINGS }), () => collections++);
  const small = TextDocument.create('file:///small.txt', 'plaintext', 1, ALL[0].text);
  const first = analyses.get(small);
  assert.ok(first.analysis && first.analysis.quotes.length + first.analysis.entities.length > 0);
  assert.equal(analyses.get(small), first, 'the same version is served from the cache');
  assert.equal(collections, 0, 'no collection for a small text');

  let text = '';
  for (let n = 0; text.length <= LARGE_TEXT; n++) text += `${ALL[n % ALL.length].text}\n\nParagraph ${n}.\n\n`;
  const large = TextDocument.create('file:///large.txt', 'plaintext', 1, text);
  const entry = analyses.get(large);
  assert.equal(collections, 1, 'one collection before the large analysis');
  assert.ok(entry.analysis && entry.analysis.entities.length > 100, 'the large text was analysed');
  analyses.get(large);
  assert.equal(collections, 1, 'none when the cached analysis is served');
  TextDocument.update(large, [{ text: text + 'Ещё.' }], 2);
  analyses.get(large);
  assert.equal(collections, 2, 'one again for the next version');
});
