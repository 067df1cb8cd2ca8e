// Issue 7: every regular expression of the analysis core is linear-time on adversarial input.
// The bench (scripts/bench/regex.ts) collects them all — literals, data-driven fragments, and what
// the core builds at run time — and times each on adversarial 10 KB and 100 KB strings. Here it runs
// in quick mode, and a regex fails only when 100 KB takes more than fifty times as long as 10 KB
// *and* more than 200 ms: a quadratic blow-up on 100 KB takes seconds (or hits the bench's time
// limit), a linear scan a few milliseconds, so a loaded machine cannot make this flake.
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

test('no regex of the core is quadratic (or worse) on adversarial 100 KB input', { timeout: 180_000 }, async () => {
  const rows = await runRegexBench({ quick: true });
  assert.ok(rows.length > 500);
  const bad = rows.filter((r) => r.ratio > 50 && r.ms100k > 200);
  assert.deepEqual(
    bad.map((r) => `${r.where}  ${r.name}  on ${r.input}: 10 KB ${r.ms10k.toFixed(1)} ms, 100 KB ${Number.isFinite(r.ms100k) ? r.ms100k.toFixed(0) + ' ms' : `over the time limit (${r.error})`}`),
    [],
  );
  const broken = rows.filter((r) => r.error && !r.error.startsWith('timed out'));
  assert.deepEqual(broken.map((r) => `${r.where} ${r.error}`), []);
});
