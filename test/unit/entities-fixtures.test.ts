// The entity recognizer against the held-out entity fixtures in test/fixtures/entities/ (ten texts,
// five per language, with full entity gold; quotes, claims and assertions are left empty there on
// purpose). Scored with the project's scorer (scripts/score.ts) by the annotation guide's rules:
// entity F1 on exact (start, end, type), demonyms ignored; linking as the share of gold same-id
// pairs that the prediction also puts in one id. Per language: exact F1 >= 0.90 and linking >= 0.90.
// On failure the message holds the per-file table and every miss (FN, FP, split links) with its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze, toJson } from '../../analysis/index.ts';
import { score, rows, emptyCounts, addCounts, validate, type Annotated, type Counts, type GEntity } from '../../scripts/score.ts';
import { loadGold, type GoldText } from '../../scripts/gold.ts';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'entities');
const MIN_F1 = 0.9;
const MIN_LINKING = 0.9;

type Fixture = GoldText;

const loadFixtures = (): Fixture[] => loadGold(DIR);

const fixtures = loadFixtures();
const predictions = new Map<string, Annotated>();

/** The analyzer's output in the guide's JSON shape, as `npm run eval` produces it (language detected). */
function predict(f: Fixture): Annotated {
  let p = predictions.get(f.name);
  if (!p) {
    p = toJson(analyze(f.source, { markdown: f.file.endsWith('.md') })) as Annotated;
    predictions.set(f.name, p);
  }
  return p;
}

const key = (e: GEntity) => `${e.start}:${e.end}:${e.type}`;
const show = (e: GEntity) => `${e.type} ${JSON.stringify(e.text)} @${e.start}-${e.end} [${e.id}]`;
const overlaps = (a: GEntity, b: GEntity) => a.start < b.end && b.start < a.end;

/** Every miss of one file: gold mentions not predicted exactly (FN), predictions not in gold (FP), lost links. */
function misses(f: Fixture, pred: Annotated): string[] {
  const out: string[] = [];
  const pe = pred.entities.filter((e) => e.type !== 'demonym');
  const predKeys = new Set(pe.map(key));
  const goldKeys = new Set(f.gold.entities.map(key));
  for (const g of f.gold.entities) {
    if (predKeys.has(key(g))) continue;
    const near = pe.filter((p) => overlaps(p, g));
    out.push(`  FN ${show(g)}${near.length ? `; predicted there: ${near.map(show).join(', ')}` : ''}`);
  }
  for (const p of pe) if (!goldKeys.has(key(p))) out.push(`  FP ${show(p)}`);
  // Links, as the scorer counts them: gold mentions matched to predictions by overlap of the same
  // type (greedy, largest overlap first, one to one); a gold id whose mentions end up under several
  // predicted ids, or partly unmatched, loses pairs.
  const cands: Array<[number, number, number]> = [];
  f.gold.entities.forEach((g, i) => pe.forEach((p, j) => {
    const o = Math.min(g.end, p.end) - Math.max(g.start, p.start);
    if (g.type === p.type && o > 0) cands.push([o, i, j]);
  }));
  cands.sort((a, b) => b[0] - a[0]);
  const predIdOf = new Map<number, string>();
  const used = new Set<number>();
  for (const [, i, j] of cands) {
    if (predIdOf.has(i) || used.has(j)) continue;
    predIdOf.set(i, pe[j].id);
    used.add(j);
  }
  const byGoldId = new Map<string, number[]>();
  f.gold.entities.forEach((g, i) => byGoldId.set(g.id, [...(byGoldId.get(g.id) ?? []), i]));
  for (const [id, idxs] of byGoldId) {
    if (idxs.length < 2) continue;
    const got = idxs.map((i) => predIdOf.get(i));
    if (got.every((x) => x !== undefined && x === got[0])) continue;
    out.push(`  LINK gold ${id}: ${idxs.map((i, k) => `${JSON.stringify(f.gold.entities[i].text)}→${got[k] ?? '∅'}`).join(', ')}`);
  }
  return out;
}

const fmt = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '  —  ' : x.toFixed(3));

function tableRow(label: string, c: Counts): string {
  const r = rows(c);
  const ex = r.find((x) => x.metric === 'entities (exact)')!;
  const len = r.find((x) => x.metric === 'entities (lenient)')!;
  const ln = r.find((x) => x.metric === 'linking')!;
  return `${label.padEnd(34)} P ${fmt(ex.p)}  R ${fmt(ex.r)}  F1 ${fmt(ex.f1)} (${ex.n})  lenient F1 ${fmt(len.f1)}  linking ${fmt(ln.value)} (${ln.n})`;
}

test('entity fixtures: ten texts, five per language, gold well-formed and entity-only', () => {
  assert.equal(fixtures.length, 10, `expected 10 entity fixtures, found ${fixtures.map((f) => f.file).join(', ')}`);
  for (const lang of ['ru', 'en']) assert.equal(fixtures.filter((f) => f.gold.language === lang).length, 5, `${lang} fixtures`);
  for (const f of fixtures) {
    assert.ok(f.file.startsWith(`${f.gold.language}-`), `${f.file}: name does not start with its language ${f.gold.language}`);
    assert.deepEqual(validate(f.source, f.gold), [], `${f.file}: gold spans do not match the text`);
    assert.ok(f.gold.entities.length >= 30, `${f.file}: only ${f.gold.entities.length} gold entities`);
    assert.deepEqual([f.gold.quotes.length, f.gold.claims.length, f.gold.assertions.length], [0, 0, 0], `${f.file}: entity fixtures annotate entities only`);
    const types = new Set(f.gold.entities.map((e) => e.type));
    for (const t of types) assert.ok(['person', 'organization', 'country', 'place', 'date'].includes(t), `${f.file}: unknown gold type ${t}`);
  }
});

for (const f of fixtures) {
  test(`${f.file}: language detected as ${f.gold.language}, output well-formed`, () => {
    const pred = predict(f);
    assert.equal(pred.language, f.gold.language);
    assert.deepEqual(validate(f.source, pred), []);
    let last = 0;
    for (const e of pred.entities) {
      assert.ok(e.start >= last, `${f.file}: predicted entities overlap at ${show(e)}`);
      last = e.end;
    }
  });
}

for (const lang of ['ru', 'en']) {
  test(`entity fixtures (${lang}): exact F1 >= ${MIN_F1} and linking >= ${MIN_LINKING}`, () => {
    const files = fixtures.filter((x) => x.gold.language === lang);
    assert.ok(files.length > 0, `no ${lang} fixtures`);
    let total: Counts = emptyCounts();
    const table: string[] = [];
    const report: string[] = [];
    for (const f of files) {
      const pred = predict(f);
      const c = score(f.source, f.gold, pred);
      total = addCounts(total, c);
      table.push(tableRow(f.file, c));
      const m = misses(f, pred);
      if (m.length) report.push(`${f.file}:`, ...m);
    }
    table.push(tableRow(`all ${lang}`, total));
    const r = rows(total);
    const f1 = r.find((x) => x.metric === 'entities (exact)')!.f1!;
    const linking = r.find((x) => x.metric === 'linking')!.value!;
    const msg = `${table.join('\n')}\n${report.join('\n')}`;
    console.log(`${lang}: entities exact F1 ${f1.toFixed(3)}, linking ${linking.toFixed(3)}`);
    assert.ok(total.entGold > 0 && total.linkPairs > 0, `${lang}: nothing to score\n${msg}`);
    assert.ok(f1 >= MIN_F1, `${lang}: entity exact F1 ${f1.toFixed(3)} < ${MIN_F1}\n${msg}`);
    assert.ok(linking >= MIN_LINKING, `${lang}: linking ${linking.toFixed(3)} < ${MIN_LINKING}\n${msg}`);
  });
}
