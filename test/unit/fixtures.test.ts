// The analyzer against the hand-annotated fixtures in test/fixtures/ (texts written for this suite,
// gold made with the corpus's anchor.py). Quotes and speakers are scored by the annotation guide's
// rules through scripts/score.ts: a predicted quote matches a gold quote when it overlaps at least
// 80% of it; a matched quote's speaker is right when it overlaps the gold speaker span (or a gold
// mention of the same referent), or when both are null. The fixtures' `entities` list only the
// speakers' referents, for that rule; claims and assertions are not annotated here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze, toJson } from '../../analysis/index.ts';
import { score, rows, emptyCounts, addCounts, validate, overlaps, overlapLen, sameReferent, match, type Annotated, type Counts, type GSpan } from '../../scripts/score.ts';
import { loadGold, type GoldText } from '../../scripts/gold.ts';

const DIR = path.join(import.meta.dirname, '..', 'fixtures');

type Fixture = GoldText;

const loadFixtures = (): Fixture[] => loadGold(DIR);

const fixtures = loadFixtures();

function predict(f: Fixture): Annotated {
  return toJson(analyze(f.source, { markdown: f.file.endsWith('.md') })) as Annotated;
}

const show = (s: GSpan | null | undefined) => (s ? `${JSON.stringify(s.text.length > 70 ? s.text.slice(0, 67) + '…' : s.text)} @${s.start}-${s.end}` : 'null');

/** Human-readable differences for one file, with the guide's matching rules (greedy by overlap). */
function details(f: Fixture, pred: Annotated): string[] {
  const out: string[] = [];
  const gUsed = new Map(
    match(f.gold.quotes, pred.quotes, (g, p) => {
      const o = overlapLen(g, p);
      return o >= 0.8 * (g.end - g.start) ? o : 0;
    }),
  );
  f.gold.quotes.forEach((g, i) => {
    const j = gUsed.get(i);
    if (j === undefined) {
      const near = pred.quotes.filter((p) => overlaps(p, g));
      out.push(`  MISSED quote ${show(g)} (speaker ${show(g.speaker)})${near.length ? `; overlapping predictions: ${near.map((p) => show(p)).join(', ')}` : ''}`);
    } else if (!sameReferent(f.gold, g.speaker, pred.quotes[j].speaker)) {
      out.push(`  WRONG SPEAKER for ${show(g)}: expected ${show(g.speaker)}, got ${show(pred.quotes[j].speaker)}`);
    }
  });
  const pUsed = new Set(gUsed.values());
  pred.quotes.forEach((p, j) => {
    if (!pUsed.has(j)) out.push(`  SPURIOUS quote ${show(p)} (speaker ${show(p.speaker)})`);
  });
  return out;
}

test('fixture gold files are well-formed (every span is the source slice)', () => {
  assert.ok(fixtures.length >= 8, `expected at least 8 fixtures, found ${fixtures.length}`);
  for (const f of fixtures) {
    assert.deepEqual(validate(f.source, f.gold), [], `${f.file}: gold spans do not match the text`);
    assert.ok(f.gold.quotes.length > 0, `${f.file}: no gold quotes`);
    assert.ok(f.file.startsWith(`${f.gold.language}-`), `${f.file}: name does not start with its language ${f.gold.language}`);
  }
  for (const lang of ['ru', 'en']) assert.ok(fixtures.filter((f) => f.gold.language === lang).length >= 4, `fewer than 4 ${lang} fixtures`);
});

for (const f of fixtures) {
  test(`${f.file}: language is detected as ${f.gold.language} and output is well-formed`, () => {
    const pred = predict(f);
    assert.equal(pred.language, f.gold.language);
    assert.deepEqual(validate(f.source, pred), []);
  });
}

for (const lang of ['ru', 'en']) {
  test(`fixtures (${lang}): quote F1 >= 0.9 and speaker accuracy >= 0.85`, () => {
    let total: Counts = emptyCounts();
    const report: string[] = [];
    for (const f of fixtures.filter((x) => x.gold.language === lang)) {
      const pred = predict(f);
      const c = score(f.source, f.gold, pred);
      total = addCounts(total, c);
      const r = rows(c);
      const q = r.find((x) => x.metric === 'quotes')!;
      const s = r.find((x) => x.metric === 'quote speaker')!;
      report.push(`${f.file}: quotes P ${q.p?.toFixed(3)} R ${q.r?.toFixed(3)} F1 ${q.f1?.toFixed(3)} (${q.n}); speakers ${s.value?.toFixed(3)} (${s.n})`);
      report.push(...details(f, pred));
    }
    const r = rows(total);
    const q = r.find((x) => x.metric === 'quotes')!;
    const s = r.find((x) => x.metric === 'quote speaker')!;
    const summary = `${lang}: quote F1 ${q.f1!.toFixed(3)} (${q.n}), speaker accuracy ${s.value!.toFixed(3)} (${s.n})`;
    console.log(summary);
    const msg = `${summary}\n${report.join('\n')}`;
    assert.ok(q.f1! >= 0.9, `quote F1 below 0.9\n${msg}`);
    assert.ok(s.value! >= 0.85, `speaker accuracy below 0.85\n${msg}`);
  });
}
