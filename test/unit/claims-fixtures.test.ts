// Attributed claims against hand-annotated texts in test/fixtures/claims/ (written for this suite,
// not taken from the corpus; gold made with the corpus's anchor.py from the *.draft.json next to
// each text). Every claim is annotated by the annotation guide (§3 and the Decisions for claims):
// cue, source and content, preambles covering up to the next heading, transcript answer turns with
// the colon as cue; every quote with its speaker. `entities` list only the sources' and speakers'
// referents (so that a source on another mention of the same person scores right); assertions are
// not annotated. Scored with scripts/score.ts: cues match by overlap, a matched claim's source is
// right when it overlaps the gold source or a gold mention of the same referent, content by token
// F1; quotes match at 80% overlap, then their speakers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze, toJson } from '../../analysis/index.ts';
import { score, rows, emptyCounts, addCounts, validate, overlaps, overlapLen, sameReferent, tokenF1, match, type Annotated, type Counts, type GSpan, type GClaim } from '../../scripts/score.ts';
import { loadGold, type GoldText } from '../../scripts/gold.ts';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'claims');
const fixtures = loadGold(DIR);

const THRESHOLDS = { cueF1: 0.85, source: 0.85, content: 0.75, speaker: 0.9 };

function predict(f: GoldText): Annotated {
  return toJson(analyze(f.source, { markdown: f.file.endsWith('.md') })) as Annotated;
}

const short = (t: string) => (t.length > 80 ? `${t.slice(0, 50)}…${t.slice(-25)}` : t);
const show = (s: GSpan | null | undefined) => (s ? `${JSON.stringify(short(s.text))} @${s.start}-${s.end}` : 'null');
const showClaim = (c: GClaim) => `cue ${show(c.cue)}, source ${show(c.source)}, content ${show(c.content)}`;

/** Per-file misses: missed and spurious claims, wrong sources, weak content; missed quotes and wrong speakers. */
function misses(f: GoldText, pred: Annotated): string[] {
  const out: string[] = [];
  const g = f.gold;
  const cm = new Map(match(g.claims, pred.claims, (a, b) => (overlaps(a.cue, b.cue) ? 1 + overlapLen(a.content, b.content) / Math.max(1, a.content.end - a.content.start) : 0)));
  const usedPred = new Set(cm.values());
  g.claims.forEach((c, i) => {
    const j = cm.get(i);
    if (j === undefined) {
      const near = pred.claims.filter((p) => overlaps(p.content, c.content) || (c.source && p.source && overlaps(p.source, c.source)));
      out.push(`  MISSED claim ${showClaim(c)}${near.length ? `\n      nearby predictions: ${near.map((p) => `{${showClaim(p)}}`).join('; ')}` : ''}`);
      return;
    }
    const p = pred.claims[j];
    if (!sameReferent(g, c.source, p.source)) out.push(`  WRONG SOURCE for cue ${show(c.cue)}: expected ${show(c.source)}, got ${show(p.source)}`);
    const f1 = tokenF1(f.source, c.content, p.content);
    if (f1 < 0.75) out.push(`  CONTENT (token F1 ${f1.toFixed(2)}) for cue ${show(c.cue)}: expected ${show(c.content)}, got ${show(p.content)}`);
  });
  pred.claims.forEach((p, j) => {
    if (!usedPred.has(j)) out.push(`  SPURIOUS claim ${showClaim(p)}`);
  });
  const qm = new Map(match(g.quotes, pred.quotes, (a, b) => {
    const o = overlapLen(a, b);
    return o >= 0.8 * (a.end - a.start) ? o : 0;
  }));
  g.quotes.forEach((q, i) => {
    const j = qm.get(i);
    if (j === undefined) out.push(`  MISSED quote ${show(q)} (speaker ${show(q.speaker)})`);
    else if (!sameReferent(g, q.speaker, pred.quotes[j].speaker)) out.push(`  WRONG SPEAKER for ${show(q)}: expected ${show(q.speaker)}, got ${show(pred.quotes[j].speaker)}`);
  });
  const usedQ = new Set(qm.values());
  pred.quotes.forEach((q, j) => {
    if (!usedQ.has(j)) out.push(`  SPURIOUS quote ${show(q)} (speaker ${show(q.speaker)})`);
  });
  return out;
}

test('claim fixtures are well-formed: 4 texts per language, gold spans are source slices, every text has claims', () => {
  for (const lang of ['ru', 'en']) assert.ok(fixtures.filter((f) => f.gold.language === lang).length >= 4, `fewer than 4 ${lang} claim fixtures`);
  for (const f of fixtures) {
    assert.deepEqual(validate(f.source, f.gold), [], `${f.file}: gold spans do not match the text`);
    assert.ok(f.file.startsWith(`${f.gold.language}-`), `${f.file}: name does not start with its language ${f.gold.language}`);
    assert.ok(f.gold.claims.length >= 8, `${f.file}: fewer than 8 gold claims`);
    assert.deepEqual(f.gold.assertions, [], `${f.file}: claim fixtures do not annotate assertions`);
  }
});

for (const f of fixtures) {
  test(`${f.file}: language is ${f.gold.language}, output is well-formed, claims nest inside their parents`, () => {
    const a = analyze(f.source, { markdown: f.file.endsWith('.md') });
    const pred = toJson(a) as Annotated;
    assert.equal(pred.language, f.gold.language);
    assert.deepEqual(validate(f.source, pred), []);
    a.claims.forEach((c, i) => {
      if (c.parent === undefined) return;
      const p = a.claims[c.parent];
      assert.ok(p && c.parent !== i, `${f.file}: claim ${i} has a bad parent index ${c.parent}`);
      assert.ok(p.content.start <= c.cue.start && c.cue.end <= p.content.end, `${f.file}: claim ${i} (cue ${show(c.cue)}) is not inside its parent's content ${show(p.content)}`);
    });
  });
}

for (const lang of ['ru', 'en']) {
  test(`claim fixtures (${lang}): cue F1 >= ${THRESHOLDS.cueF1}, source >= ${THRESHOLDS.source}, content token F1 >= ${THRESHOLDS.content}, quote speaker >= ${THRESHOLDS.speaker}`, () => {
    let total: Counts = emptyCounts();
    const report: string[] = [];
    for (const f of fixtures.filter((x) => x.gold.language === lang)) {
      const pred = predict(f);
      const c = score(f.source, f.gold, pred);
      total = addCounts(total, c);
      const r = rows(c);
      const get = (m: string) => r.find((x) => x.metric === m)!;
      const cue = get('claim cues');
      report.push(`${f.file}: cues P ${cue.p?.toFixed(3)} R ${cue.r?.toFixed(3)} F1 ${cue.f1?.toFixed(3)} (${cue.n}); source ${get('claim source').value?.toFixed(3)} (${get('claim source').n}); content ${get('claim content (token F1)').value?.toFixed(3)}; quotes F1 ${get('quotes').f1?.toFixed(3)} (${get('quotes').n}); speakers ${get('quote speaker').value?.toFixed(3)} (${get('quote speaker').n})`);
      report.push(...misses(f, pred));
    }
    const r = rows(total);
    const get = (m: string) => r.find((x) => x.metric === m)!;
    const cue = get('claim cues');
    const src = get('claim source');
    const con = get('claim content (token F1)');
    const spk = get('quote speaker');
    const q = get('quotes');
    const summary = `${lang}: claim cues P ${cue.p!.toFixed(3)} R ${cue.r!.toFixed(3)} F1 ${cue.f1!.toFixed(3)} (${cue.n}); source ${src.value!.toFixed(3)} (${src.n}); content token F1 ${con.value!.toFixed(3)} (${con.n}); quotes F1 ${q.f1!.toFixed(3)} (${q.n}); quote speaker ${spk.value!.toFixed(3)} (${spk.n})`;
    console.log(summary);
    // CLAIMS_REPORT=1 prints every file's misses even when the thresholds hold.
    if (process.env.CLAIMS_REPORT) console.log(report.join('\n'));
    const msg = `${summary}\n${report.join('\n')}`;
    const failures: string[] = [];
    if (!(cue.f1! >= THRESHOLDS.cueF1)) failures.push(`claim cue F1 ${cue.f1!.toFixed(3)} < ${THRESHOLDS.cueF1}`);
    if (!(src.value! >= THRESHOLDS.source)) failures.push(`claim source ${src.value!.toFixed(3)} < ${THRESHOLDS.source}`);
    if (!(con.value! >= THRESHOLDS.content)) failures.push(`claim content token F1 ${con.value!.toFixed(3)} < ${THRESHOLDS.content}`);
    if (!(spk.value! >= THRESHOLDS.speaker)) failures.push(`quote speaker ${spk.value!.toFixed(3)} < ${THRESHOLDS.speaker}`);
    assert.deepEqual(failures, [], msg);
  });
}
