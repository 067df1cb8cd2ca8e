// A quick figure of the analysis core's speed (the full benchmark with latency, RSS and growth
// comes with the performance issue): the gold corpus analysed repeatedly, and a 1 MB text built
// from it. Prints figures; asserts nothing.
//   node --import tsx scripts/bench-core.ts [--corpus DIR]
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../analysis/index.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--corpus');
const corpus = resolve(at >= 0 ? args[at + 1] : join(import.meta.dirname, '..', '..', 'shared', 'corpus'));
const texts = readdirSync(corpus).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => ({ f, t: readFileSync(join(corpus, f), 'utf8') }));
const chars = texts.reduce((n, x) => n + x.t.length, 0);

const t0 = performance.now();
for (const { f, t } of texts) analyze(t, { markdown: f.endsWith('.md') });
const cold = performance.now() - t0;

const rounds = 20;
const t1 = performance.now();
for (let r = 0; r < rounds; r++) for (const { f, t } of texts) analyze(t, { markdown: f.endsWith('.md') });
const warm = (performance.now() - t1) / rounds;

// 1 MB: the corpus texts repeated, each copy varied (numbers shifted) so nothing is cached by identity.
let big = '';
for (let k = 0; big.length < 1_000_000; k++) for (const { t } of texts) big += t.replace(/\d+/g, (d) => String(Number(d) + k)) + '\n\n';
const t2 = performance.now();
const a = analyze(big);
const oneMb = performance.now() - t2;

console.log(`corpus: ${texts.length} files, ${(chars / 1024).toFixed(1)} K chars`);
console.log(`  first run (includes loading language data): ${cold.toFixed(1)} ms`);
console.log(`  warm, per pass over the corpus:            ${warm.toFixed(1)} ms (${((chars / 1e6) / (warm / 1000)).toFixed(2)} M chars/s)`);
console.log(`1 MB text (${(big.length / 1e6).toFixed(2)} M chars): ${oneMb.toFixed(0)} ms, ${a.quotes.length} quotes, ${a.entities.length} entities`);
