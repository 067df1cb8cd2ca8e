// The server's analysis cache (server/analyses.ts): one full analysis per version, and a garbage
// collection asked for before and after the full analysis of a large text only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses, LARGE_TEXT } from '../../server/analyses.ts';
import { DEFAULT_SETTINGS } from '../../protocol/index.ts';
import { textsUnder } from '../helpers/analysis.ts';

const ALL = textsUnder('../shared/corpus', 'test/fixtures');

/** Corpus and fixture texts one after another until the whole is longer than LARGE_TEXT. */
function largeText(): string {
  let text = '';
  for (let n = 0; text.length <= LARGE_TEXT; n++) text += `${ALL[n % ALL.length].text}\n\nParagraph ${n}.\n\n`;
  return text;
}

test('a full analysis is computed once per version; the hook runs before and after that of a large text, never for a small one', () => {
  const calls: string[] = [];
  const analyses = new Analyses(
    () => ({ ...DEFAULT_SETTINGS }),
    (when) => calls.push(when),
  );
  const small = TextDocument.create('file:///small.txt', 'plaintext', 1, ALL[0].text);
  const first = analyses.get(small);
  assert.ok(first.analysis && first.analysis.quotes.length + first.analysis.entities.length > 0);
  assert.equal(analyses.get(small), first, 'the same version is served from the cache');
  assert.deepEqual(calls, [], 'no collection for a small text');

  const text = largeText();
  const large = TextDocument.create('file:///large.txt', 'plaintext', 1, text);
  const entry = analyses.get(large);
  assert.deepEqual(calls, ['before', 'after'], 'one collection before the large analysis and one after');
  assert.ok(entry.analysis && entry.analysis.entities.length > 100, 'the large text was analysed');
  analyses.get(large);
  assert.equal(calls.length, 2, 'none when the cached analysis is served');
  TextDocument.update(large, [{ text: text + 'Ещё.' }], 2);
  analyses.get(large);
  assert.deepEqual(calls.slice(2), ['before', 'after'], 'both again for the next version');
});

test('while the next version of a large text is analysed, nothing in the cache still holds the previous analysis', async () => {
  // The hook runs just before the analysis; after a full collection there, the previous version's
  // analysis must be gone: held by nothing, not even a variable of the cache's own frames. Both ways
  // in are checked: a full analysis (`get`) and tokens that cannot be spliced (`forTokens`).
  const v8 = await import('node:v8');
  const vm = await import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  const collect = vm.runInNewContext('gc') as () => void;
  let previous: WeakRef<object> | undefined;
  const heldAtHook: boolean[] = [];
  const analyses = new Analyses(
    () => ({ ...DEFAULT_SETTINGS }),
    (when) => {
      if (when === 'after') return;
      collect();
      heldAtHook.push(previous?.deref() !== undefined);
    },
  );
  const text = largeText();
  const doc = TextDocument.create('file:///large.txt', 'plaintext', 1, text);
  const remember = (analysis: object | null) => {
    assert.ok(analysis);
    previous = new WeakRef(analysis);
  };
  remember(analyses.get(doc).analysis);
  // (A WeakRef's target is kept until the job that made or read it ends.)
  await new Promise((resolve) => setImmediate(resolve));
  TextDocument.update(doc, [{ text: text + 'Ещё.' }], 2);
  remember(analyses.get(doc).analysis);
  await new Promise((resolve) => setImmediate(resolve));
  TextDocument.update(doc, [{ text: text + 'Ещё раз.' }], 3);
  remember(analyses.forTokens(doc, false).analysis);
  assert.deepEqual(heldAtHook, [false, false, false]);
});
