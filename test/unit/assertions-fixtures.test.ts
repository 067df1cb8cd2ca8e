// Assertions against hand-annotated texts in test/fixtures/assertions/ (written for this suite, not
// taken from the corpus; gold made with the corpus's anchor.py from the *.draft.json next to each
// text). Every sentence that states a contested fact or a judgment without a source is flagged by
// the annotation guide (§4 and the Decisions for assertions), one entry per sentence, `unattributed`
// or `vague-source`; attributed sentences, narration, scheduled events, undisputed facts, headings,
// bylines and datelines are not. Only assertions are annotated (entities, quotes and claims are
// empty), so only the assertion rows of scripts/score.ts are checked: flagged sentences match by
// overlap (F1 and precision), then the share of matched sentences with the right kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze, toJson, type Assertion } from '../../analysis/index.ts';
import { score, rows, emptyCounts, addCounts, validate, overlaps, overlapLen, match, type Annotated, type Counts, type GSpan, type GAssertion } from '../../scripts/score.ts';
import { loadGold, type GoldText } from '../../scripts/gold.ts';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'assertions');
const fixtures = loadGold(DIR);

const THRESHOLDS = { f1: 0.7, precision: 0.8, kind: 0.85 };

const KIND_OF_RULE: Record<string, string> = {
  'unattributed-accusation': 'unattributed',
  'unattributed-causation': 'unattributed',
  'unattributed-evaluation': 'unattributed',
  'unattributed-figure': 'unattributed',
  'unattributed-prediction': 'unattributed',
  'vague-source': 'vague-source',
};

function predict(f: GoldText): Annotated {
  return toJson(analyze(f.source, { markdown: f.file.endsWith('.md') })) as Annotated;
}

const short = (t: string) => (t.length > 110 ? `${t.slice(0, 75)}…${t.slice(-30)}` : t);
const show = (s: GSpan) => `${JSON.stringify(short(s.text))} @${s.start}-${s.end}`;
const showPred = (a: GAssertion & { rule?: string }) => `${a.kind}${a.rule ? `/${a.rule}` : ''} ${show(a)}`;

/** Per-file misses: missed gold sentences (FN), spurious flags (FP) and wrong kinds, each with its sentence. */
function misses(f: GoldText, pred: Annotated): string[] {
  const out: string[] = [];
  const g = f.gold.assertions;
  const p = pred.assertions as Array<GAssertion & { rule?: string }>;
  const m = new Map(match(g, p, overlapLen));
  g.forEach((a, i) => {
    const j = m.get(i);
    if (j === undefined) out.push(`  FN ${a.kind} ${show(a)}`);
    else if (p[j].kind !== a.kind) out.push(`  KIND expected ${a.kind}, got ${showPred(p[j])} for gold ${show(a)}`);
  });
  const used = new Set(m.values());
  p.forEach((a, j) => {
    if (used.has(j)) return;
    const near = g.filter((x) => overlaps(x, a));
    out.push(`  FP ${showPred(a)}${near.length ? ` (gold sentence already matched: ${near.map(show).join('; ')})` : ''}`);
  });
  return out;
}

test('assertion fixtures are well-formed: 4 texts per language, gold spans are source slices, every text has assertions', () => {
  for (const lang of ['ru', 'en']) assert.ok(fixtures.filter((f) => f.gold.language === lang).length >= 4, `fewer than 4 ${lang} assertion fixtures`);
  for (const f of fixtures) {
    assert.deepEqual(validate(f.source, f.gold), [], `${f.file}: gold spans do not match the text`);
    assert.ok(f.file.startsWith(`${f.gold.language}-`), `${f.file}: name does not start with its language ${f.gold.language}`);
    assert.ok(f.gold.assertions.length >= 2, `${f.file}: fewer than 2 gold assertions`);
    for (const a of f.gold.assertions) {
      assert.ok(a.kind === 'unattributed' || a.kind === 'vague-source', `${f.file}: bad kind ${a.kind}`);
      assert.ok(!a.text.includes('\n'), `${f.file}: gold assertion spans a line break: ${show(a)}`);
    }
    const sorted = [...f.gold.assertions].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].end <= sorted[i].start, `${f.file}: gold assertions overlap`);
  }
});

for (const f of fixtures) {
  test(`${f.file}: language is ${f.gold.language}; assertions are well-formed, one per sentence, rule agrees with kind, triggers inside`, () => {
    const a = analyze(f.source, { markdown: f.file.endsWith('.md') });
    const pred = toJson(a) as Annotated;
    assert.equal(pred.language, f.gold.language);
    assert.deepEqual(validate(f.source, pred), []);
    const problems: string[] = [];
    const sorted = [...a.assertions].sort((x, y) => x.start - y.start);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i - 1].end > sorted[i].start) problems.push(`overlapping assertions ${show(sorted[i - 1])} and ${show(sorted[i])}`);
    }
    a.assertions.forEach((x: Assertion) => {
      if (KIND_OF_RULE[x.rule] !== x.kind) problems.push(`rule ${x.rule} does not agree with kind ${x.kind}: ${show(x)}`);
      if (!x.triggers?.length) problems.push(`no triggers: ${show(x)}`);
      for (const t of x.triggers ?? []) {
        if (t.text !== f.source.slice(t.start, t.end)) problems.push(`trigger text ${JSON.stringify(t.text)} is not the slice at ${t.start}-${t.end}`);
        if (t.start < x.start || t.end > x.end) problems.push(`trigger ${show(t)} is outside its sentence ${show(x)}`);
      }
    });
    assert.deepEqual(problems, []);
  });
}

for (const lang of ['ru', 'en']) {
  test(`assertion fixtures (${lang}): F1 >= ${THRESHOLDS.f1} with precision >= ${THRESHOLDS.precision}, kind accuracy >= ${THRESHOLDS.kind}`, () => {
    let total: Counts = emptyCounts();
    const report: string[] = [];
    for (const f of fixtures.filter((x) => x.gold.language === lang)) {
      const pred = predict(f);
      const c = score(f.source, f.gold, pred);
      total = addCounts(total, c);
      const r = rows(c);
      const as = r.find((x) => x.metric === 'assertions')!;
      const kind = r.find((x) => x.metric === 'assertion kind')!;
      report.push(`${f.file}: P ${as.p?.toFixed(3)} R ${as.r?.toFixed(3)} F1 ${as.f1?.toFixed(3)} (${as.n}); kind ${Number.isNaN(kind.value) ? 'n/a' : kind.value?.toFixed(3)} (${kind.n})`);
      report.push(...misses(f, pred));
    }
    const r = rows(total);
    const as = r.find((x) => x.metric === 'assertions')!;
    const kind = r.find((x) => x.metric === 'assertion kind')!;
    const summary = `${lang}: assertions P ${as.p!.toFixed(3)} R ${as.r!.toFixed(3)} F1 ${as.f1!.toFixed(3)} (${as.n}); kind accuracy ${kind.value!.toFixed(3)} (${kind.n})`;
    console.log(summary);
    // ASSERTIONS_REPORT=1 prints every file's misses even when the thresholds hold.
    if (process.env.ASSERTIONS_REPORT) console.log(report.join('\n'));
    const failures: string[] = [];
    if (!(as.f1! >= THRESHOLDS.f1)) failures.push(`assertion F1 ${as.f1!.toFixed(3)} < ${THRESHOLDS.f1}`);
    if (!(as.p! >= THRESHOLDS.precision)) failures.push(`assertion precision ${as.p!.toFixed(3)} < ${THRESHOLDS.precision}`);
    if (!(kind.value! >= THRESHOLDS.kind)) failures.push(`assertion kind accuracy ${kind.value!.toFixed(3)} < ${THRESHOLDS.kind}`);
    assert.deepEqual(failures, [], `${summary}\n${report.join('\n')}`);
  });
}
