// npm run eval [-- --corpus DIR] [--json]: runs the analyzer on every text of the gold corpus
// (default ../shared/corpus) and prints, per language, the guide's scores. Exits non-zero only when
// the analyzer's output is malformed (a span whose text is not the source slice), never on a low score.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, toJson } from '../analysis/index.ts';
import { score, validate, rows, addCounts, emptyCounts, type Annotated, type Counts } from './score.ts';
import { loadGold } from './gold.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--corpus');
const corpus = resolve(at >= 0 ? args[at + 1] : process.env.DL_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus'));
const asJson = args.includes('--json');
const perFile = args.includes('--files');
if (!existsSync(corpus)) {
  console.error(`eval: no corpus at ${corpus} (pass --corpus DIR)`);
  process.exit(2);
}
const texts = loadGold(corpus);
const byLang = new Map<string, Counts>();
const problems: string[] = [];
const fileRows: Array<{ file: string; counts: Counts }> = [];
let totalMs = 0;
let totalChars = 0;
for (const { file: textFile, source, gold } of texts) {
  const t0 = performance.now();
  const pred = toJson(analyze(source, { markdown: textFile.endsWith('.md') })) as Annotated;
  totalMs += performance.now() - t0;
  totalChars += source.length;
  for (const p of validate(source, pred)) problems.push(`${textFile}: ${p}`);
  const c = score(source, gold, pred);
  fileRows.push({ file: textFile, counts: c });
  byLang.set(gold.language, addCounts(byLang.get(gold.language) ?? emptyCounts(), c));
}
const fmt = (x: number | undefined) => (x === undefined ? '' : Number.isNaN(x) ? 'n/a' : x.toFixed(3));
if (asJson) {
  console.log(JSON.stringify(Object.fromEntries([...byLang].map(([l, c]) => [l, rows(c)])), null, 1));
} else {
  for (const [lang, c] of [...byLang].sort()) {
    const n = fileRows.filter((r) => r.file.startsWith(lang + '-')).length;
    console.log(`\n${lang} (${n} files)`);
    console.log('| metric                    |     P |     R |    F1 | score | counts');
    console.log('|---------------------------|-------|-------|-------|-------|-------');
    for (const r of rows(c)) console.log(`| ${r.metric.padEnd(25)} | ${fmt(r.p).padStart(5)} | ${fmt(r.r).padStart(5)} | ${fmt(r.f1).padStart(5)} | ${fmt(r.value).padStart(5)} | ${r.n}`);
  }
  if (perFile) {
    console.log('\nper file: quotes F1, speaker');
    for (const { file, counts } of fileRows) {
      const r = rows(counts);
      console.log(`${file.padEnd(40)} ${fmt(r[3].f1)} ${fmt(r[4].value)}`);
    }
  }
  console.log(`\nanalysed ${texts.length} files, ${(totalChars / 1024).toFixed(1)} K chars in ${totalMs.toFixed(1)} ms`);
}
if (problems.length) {
  console.error(`\nmalformed output:\n${problems.join('\n')}`);
  process.exit(1);
}
