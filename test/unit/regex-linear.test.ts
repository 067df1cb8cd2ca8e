// Issue 7: every regular expression of the analysis core is linear-time on adversarial input.
// `npm run bench` (scripts/bench/regex.ts) times each regex on adversarial 10 KB and 100 KB strings
// and prints which are not linear: that is where linearity is shown, since tests here assert no
// timings. These tests hold the collector to covering every regex (literals, data fragments and
// what the core builds at run time), so the bench's figure speaks for all of them, and check that
// every one compiles and runs on the adversarial inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectRegexes, runRegexBench } from '../../scripts/bench/regex.ts';

test('the collector finds every regex of the core: literals, data fragments, run-time constructions', async () => {
  const c = await collectRegexes();
  assert.equal(c.captureError, undefined, `the run-time capture failed: ${c.captureError}`);
  const kinds = (k: string) => c.regexes.filter((r) => r.kind === k).length;
  // 701 when written: ~255 literals, ~444 assertion fragments, the two date scanners.
  assert.ok(c.regexes.length > 500, `only ${c.regexes.length} regexes collected`);
  assert.ok(kinds('literal') > 150, `only ${kinds('literal')} literals`);
  assert.ok(kinds('data') > 300, `only ${kinds('data')} data fragments`);
  // The tokenizer's WORD regex, a literal.
  const word = c.regexes.find((r) => r.where.startsWith('analysis/tokens.ts:') && r.source.startsWith('[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*') && r.flags.includes('y'));
  assert.ok(word, 'WORD from analysis/tokens.ts not collected');
  assert.ok(word.name.startsWith('WORD'), word.name);
  // Assertion fragments, wrapped as the core wraps them, with their data file and index.
  const ru = c.regexes.find((r) => r.kind === 'data' && r.where.startsWith('analysis/data/ru/assertions.json vague[') && r.source === '(?<![\\p{L}\\d])(?:как сообщается)');
  assert.ok(ru, '"как сообщается" (ru vague) not collected');
  assert.ok(c.regexes.some((r) => r.kind === 'data' && r.where.startsWith('analysis/data/en/assertions.json accusation[') && r.source.includes('(?:provocation)')), 'en accusation "provocation" not collected');
  assert.ok(c.regexes.some((r) => r.where.startsWith('analysis/data/ru/assertions.json narration')), 'the joined ru narration not collected');
  // The date scanner, built at run time from dates.json.
  assert.ok(c.regexes.some((r) => r.where.startsWith('analysis/entities/dates.ts:') && r.source.startsWith('\\d+|(?:')), 'the date scanner not collected');
  // Every `new RegExp(…)` site is reproduced.
  assert.deepEqual(
    c.notCovered.map((s) => `${s.where} ${s.code}`),
    [],
    'new RegExp sites the bench cannot reproduce: make the texts in samples/ or test/fixtures/ reach them, or teach scripts/bench/regex.ts their data',
  );
});

test('every regex of the core compiles and runs on the adversarial inputs', { timeout: 180_000 }, async () => {
  const rows = await runRegexBench({ quick: true });
  assert.ok(rows.length > 500, `only ${rows.length} regexes measured`);
  // A time-out is the bench's verdict on speed, not a failure here; anything else is.
  const broken = rows.filter((r) => r.error && !r.error.startsWith('timed out'));
  assert.deepEqual(broken.map((r) => `${r.where} ${r.error}`), []);
});
