// Throughput of the analysis core: `analyze()` in this process, on one core, over generated texts
// of 10 kB, 100 kB and 1 MB (UTF-8 file sizes; see corpus.ts). Every run analyses a text generated
// with its own seed, so no cache keyed on the text can serve a run from an earlier one. Figures:
// the median time per size, MB/s (UTF-8 MB = 10^6 bytes, per second) and M chars/s (UTF-16 code
// units), and the growth ratio t(1 MB)/t(10 kB) normalised to the exact sizes (linear = 100).
// The core's memos (incremental analysis, if the core has them: clearMemos/memoStats) are cleared
// before every run, so a run measures new text; the hits within a run (a heading or sentence that
// repeats in the generated text) are reported next to the figure.
// Each size first runs a few texts of its own (not timed into the median: a batch job, the use the
// throughput figure stands for, analyses thousands of files and runs in steady state); the first
// of those, the process's first analysis at that size, is reported on its own.

// Also the CLI figure: `node dist/cli.js analyze --format json` over a folder of small statements
// (2–5 kB each, 1 MB in all) in one process, wall time including Node's start and the data load.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import * as source from '../../analysis/index.ts';
import { generate, generateFiles, utf8Bytes, uniqueShare, REPO } from './corpus.ts';

export interface SizeRow {
  /** "10 kB", "100 kB", "1 MB". */
  label: string;
  /** The size asked for, in UTF-8 bytes. */
  target: number;
  /** Median over the runs' texts. */
  bytes: number;
  chars: number;
  runs: number;
  /** Untimed runs at this size before the timed ones (JIT warm-up for inputs of this size). */
  warmupRuns: number;
  /** The first of those: the process's first analysis at this size. */
  firstMs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** UTF-8 MB (10^6 bytes) per second at the median time. */
  mbPerS: number;
  /** Million UTF-16 code units per second at the median time. */
  mcharsPerS: number;
  /** Share of the text in paragraphs / sentences that occur in it once (1: nothing repeats). */
  uniqueParagraphs: number;
  uniqueSentences: number;
  /** The core's memo hits / lookups within the runs (null if it has no memos or did not use them: a text longer than they keep is analysed without). */
  memoHitRate: number | null;
}

export interface ThroughputResult {
  /** The first analyze() calls in this process (one Russian, one English text of 20 kB): loads language data, compiles. */
  coldMs: number;
  sizes: SizeRow[];
  /** t(1 MB)/t(10 kB) × (bytes 10 kB / bytes 1 MB) × 100: 100 is linear, 200 twice as slow per byte on the big text. */
  growthRatio: number;
}

export interface CliResult {
  files: number;
  bytes: number;
  chars: number;
  runs: number;
  /** Wall time of `node dist/cli.js analyze --format json <files>`, median. */
  medianMs: number;
  mbPerS: number;
  mcharsPerS: number;
  /** `node -e 0`: what any Node process costs before our code runs. */
  nodeStartMs: number;
  /** `node dist/cli.js --version`: start and load the bundle, analyse nothing. */
  cliStartMs: number;
  /** Bytes the CLI wrote to stdout (a sanity check that it analysed the files). */
  outputBytes: number;
}

// The core as shipped: out/analysis.js is built by scripts/build.mjs with the same esbuild settings
// as dist/server.js and dist/cli.js; DL_BENCH_CORE names another build of it (an older commit's, to
// compare cores under one bench). (Run from TypeScript through tsx, regular-expression literals
// with \p{…} become \`new RegExp\` calls on every use, which is not what users run.)
const BUNDLE = process.env.DL_BENCH_CORE ?? path.join(REPO, 'out', 'analysis.js');
export const coreSource = existsSync(BUNDLE) ? (process.env.DL_BENCH_CORE ? `${BUNDLE} (DL_BENCH_CORE)` : 'out/analysis.js (the production bundle of the core)') : 'analysis/index.ts through tsx (out/analysis.js missing: run npm run build)';
const core: typeof source = existsSync(BUNDLE) ? (createRequire(import.meta.url)(BUNDLE) as typeof source) : source;

// Optional hooks of the core (present once it memoises); looked up, not imported, so the bench runs either way.
const hooks = core as unknown as { clearMemos?: () => void; memoStats?: () => { hits: number; misses: number; entries: number } };

export interface ThroughputOptions {
  quick?: boolean;
  corpus?: string;
  log?: (line: string) => void;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const SIZES = [
  { label: '10 kB', target: 10_000, runs: 15, quickRuns: 5, warmup: 10 },
  { label: '100 kB', target: 100_000, runs: 7, quickRuns: 3, warmup: 3 },
  { label: '1 MB', target: 1_000_000, runs: 5, quickRuns: 1, warmup: 3 },
];

export async function runThroughput(opts: ThroughputOptions = {}): Promise<ThroughputResult> {
  const log = opts.log ?? (() => {});
  const analyzeOptions = { language: 'auto' as const, markdown: false };

  // Cold: the first calls load the language data (both languages) and warm the JIT.
  const ru = generate(20_000, 900_001, { lang: 'ru', corpus: opts.corpus });
  const en = generate(20_000, 900_002, { lang: 'en', corpus: opts.corpus });
  const analyze = core.analyze;
  hooks.clearMemos?.();
  const t = performance.now();
  analyze(ru, analyzeOptions);
  analyze(en, analyzeOptions);
  const coldMs = performance.now() - t;
  // The JIT warms up on a few 100 kB texts first (every code path), then each size on its own.
  for (let i = 0; i < (opts.quick ? 2 : 5); i++) analyze(generate(100_000, 910_000 + i, { corpus: opts.corpus }), analyzeOptions);
  // One text, memos cleared first: its time in ms.
  const timed = (text: string): number => {
    hooks.clearMemos?.();
    const start = performance.now();
    analyze(text, analyzeOptions);
    return performance.now() - start;
  };

  const sizes: SizeRow[] = [];
  for (const [k, size] of SIZES.entries()) {
    const runs = opts.quick ? size.quickRuns : size.runs;
    // Warm-up at this size: texts of their own seeds, timed only for the first.
    const warmup = opts.quick ? 1 : size.warmup;
    let firstMs = NaN;
    for (let i = 0; i < warmup; i++) {
      const ms = timed(generate(size.target, 500_000 + 1000 * (k + 1) + i, { corpus: opts.corpus }));
      if (i === 0) firstMs = ms;
    }
    // Texts are generated before the clock starts; each run has its own seed.
    const texts = Array.from({ length: runs }, (_, i) => generate(size.target, 1000 * (k + 1) + i, { corpus: opts.corpus }));
    const times: number[] = [];
    let hits = 0;
    let lookups = 0;
    for (const text of texts) {
      times.push(timed(text));
      const m = hooks.memoStats?.();
      if (m) {
        hits += m.hits;
        lookups += m.hits + m.misses;
      }
    }
    const bytes = median(texts.map(utf8Bytes));
    const chars = median(texts.map((x) => x.length));
    const medianMs = median(times);
    sizes.push({
      label: size.label,
      target: size.target,
      bytes,
      chars,
      runs,
      warmupRuns: warmup,
      firstMs,
      medianMs,
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      mbPerS: bytes / 1e6 / (medianMs / 1000),
      mcharsPerS: chars / 1e6 / (medianMs / 1000),
      uniqueParagraphs: uniqueShare(texts[0], 'paragraph'),
      uniqueSentences: uniqueShare(texts[0], 'sentence'),
      memoHitRate: hooks.memoStats && lookups ? hits / lookups : null,
    });
    log(`  analyze ${size.label}: ${medianMs.toFixed(1)} ms (median of ${runs})`);
  }
  const small = sizes[0];
  const big = sizes[sizes.length - 1];
  const growthRatio = (big.medianMs / small.medianMs) * (small.bytes / big.bytes) * 100;
  return { coldMs, sizes, growthRatio };
}

/** Wall time of a child process, and the bytes it wrote to stdout; rejects on a non-zero exit. */
function timeProcess(args: string[], cwd: string): Promise<{ ms: number; stdoutBytes: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdoutBytes += d.length));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`node ${args.slice(0, 3).join(' ')} … exited with ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, stdoutBytes });
    });
  });
}

export async function runCli(opts: ThroughputOptions = {}): Promise<CliResult> {
  const log = opts.log ?? (() => {});
  const cli = path.join(REPO, 'dist', 'cli.js');
  const files = generateFiles(1_000_000, 4242, { corpus: opts.corpus });
  const dir = mkdtempSync(path.join(tmpdir(), 'dl-bench-cli-'));
  try {
    for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
    const names = files.map((f) => f.name);
    const runs = opts.quick ? 1 : 3;
    const nodeStart = [];
    const cliStart = [];
    for (let i = 0; i < (opts.quick ? 1 : 5); i++) {
      nodeStart.push((await timeProcess(['-e', '0'], dir)).ms);
      cliStart.push((await timeProcess([cli, '--version'], dir)).ms);
    }
    const times: number[] = [];
    let outputBytes = 0;
    for (let i = 0; i < runs; i++) {
      const r = await timeProcess([cli, 'analyze', '--format', 'json', ...names], dir);
      times.push(r.ms);
      outputBytes = r.stdoutBytes;
    }
    const bytes = files.reduce((n, f) => n + utf8Bytes(f.text), 0);
    const chars = files.reduce((n, f) => n + f.text.length, 0);
    const medianMs = median(times);
    log(`  cli over ${files.length} files: ${medianMs.toFixed(0)} ms (median of ${runs})`);
    return {
      files: files.length,
      bytes,
      chars,
      runs,
      medianMs,
      mbPerS: bytes / 1e6 / (medianMs / 1000),
      mcharsPerS: chars / 1e6 / (medianMs / 1000),
      nodeStartMs: median(nodeStart),
      cliStartMs: median(cliStart),
      outputBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
