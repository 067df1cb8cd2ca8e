// `npm run bench` (issue 7): every performance figure of the product in one run, each next to its
// target. Prints a table on stdout (progress on stderr) and writes all figures as JSON (default
// out/bench.json). It asserts nothing and never fails on timing: the exit code is 0 unless a
// section crashed (then 1; the other sections still run) or dist/ is missing (2).
//
//   npm run bench [-- --quick] [--json PATH] [--corpus DIR] [--only throughput,cli,lsp,activation,sizes,regex]
//                 [--regex-filter STR]
//
// Sections: throughput (analyze() in process: 10 kB, 100 kB, 1 MB, MB/s, growth), cli (the CLI over
// a folder of small statements), lsp (keystroke → tokens and → diagnostics on 50 kB, server memory
// and first open on 1 MB), activation (dist/extension.js with a stubbed vscode API), sizes (bundles,
// VSIX), regex (every regex of the core on adversarial input: scripts/bench/regex.ts).
// Needs `npm run build && npm run package` first (dist/ and the VSIX); it does not build itself, so
// it measures exactly what is there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CORPUS, REPO, generate, loadSources, uniqueShare, utf8Bytes } from './corpus.ts';
import { runThroughput, runCli, coreSource, type ThroughputResult, type CliResult } from './throughput.ts';
import { SERVER_EXEC_ARGV, SERVER_ENV } from '../../protocol/index.ts';
import { runLsp, type LspResult } from './lsp.ts';
import { runActivation, type ActivationResult } from './activation.ts';
import { runSizes, type SizesResult } from './sizes.ts';
import { runRegexBench, type RegexRow } from './regex.ts';

const SECTIONS = ['throughput', 'cli', 'lsp', 'activation', 'sizes', 'regex'] as const;
type Section = (typeof SECTIONS)[number];
/** Sections that run the built bundles. */
const NEEDS_DIST: Section[] = ['cli', 'lsp', 'activation', 'sizes'];

const USAGE = `usage: npm run bench [-- --quick] [--json PATH] [--corpus DIR] [--only ${SECTIONS.join(',')}]
  --quick        fewer runs and keystrokes (a smoke test; figures are rougher)
  --json PATH    where to write the figures (default out/bench.json)
  --corpus DIR   source texts for the generated corpus (default ../shared/corpus)
  --only LIST    run only these sections, comma-separated
  --regex-filter STR  time only the regexes whose name or place contains STR (e.g. analysis/document.ts)`;

interface Args {
  quick: boolean;
  json: string;
  corpus: string;
  only: Section[];
  regexFilter?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, json: path.join(REPO, 'out', 'bench.json'), corpus: DEFAULT_CORPUS, only: [...SECTIONS] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') args.quick = true;
    else if (a === '--json') args.json = path.resolve(value());
    else if (a === '--corpus') args.corpus = path.resolve(value());
    else if (a === '--regex-filter') args.regexFilter = value();
    else if (a === '--only') {
      const list = value().split(',').map((s) => s.trim()).filter(Boolean);
      const bad = list.filter((s) => !(SECTIONS as readonly string[]).includes(s));
      if (bad.length || !list.length) usage(`unknown section ${bad.join(', ')}`);
      args.only = list as Section[];
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else usage(`unknown argument ${a}`);
  }
  return args;
}

function usage(msg: string): never {
  console.error(`bench: ${msg}\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Machine and build

interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the bench started: above ~0.5, other processes compete with it and figures suffer. */
  loadAtStart: number;
}

function machine(): Machine {
  let distro = '';
  try {
    distro = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] ?? '';
  } catch {
    // not Linux
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    ramGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    os: `${distro ? distro + ', ' : ''}${os.type()} ${os.release()} ${os.arch()}`,
    loadAtStart: os.loadavg()[0],
  };
}

function git(): { commit: string; dirty: boolean } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'analysis', 'server', 'protocol', 'client', 'cli'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Figures and targets

interface Target {
  op: '<=' | '>=';
  value: number;
  unit: string;
}

interface Figure {
  /** Stable key in the JSON `figures` map. */
  key: string;
  label: string;
  value: number | null;
  unit: string;
  digits: number;
  target?: Target;
  /** Met the target (null: no target, or no value). */
  pass?: boolean | null;
}

interface Row {
  section: string;
  figure?: Figure;
  /** A line of text instead of a figure. */
  text?: string;
}

const rows: Row[] = [];
const figures: Figure[] = [];
let currentSection = '';

function heading(title: string): void {
  currentSection = title;
  rows.push({ section: title });
}

function note(text: string): void {
  rows.push({ section: currentSection, text });
}

function fig(key: string, label: string, value: number | null | undefined, unit: string, digits: number, target?: Target): void {
  const v = value === undefined || value === null || !Number.isFinite(value) ? null : value;
  const f: Figure = { key, label, value: v, unit, digits, target };
  if (target) f.pass = v === null ? null : target.op === '<=' ? v <= target.value : v >= target.value;
  figures.push(f);
  rows.push({ section: currentSection, figure: f });
}

const num = (v: number, digits: number) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printTable(): void {
  const cells = rows.map((r) => {
    if (!r.figure) return null;
    const f = r.figure;
    const value = f.value === null ? 'n/a' : `${num(f.value, f.digits)} ${f.unit}`.trim();
    const target = f.target ? `${f.target.op === '<=' ? '≤' : '≥'} ${num(f.target.value, f.target.value % 1 ? 1 : 0)} ${f.target.unit}`.trim() : '';
    const mark = f.pass === true ? '✓' : f.pass === false ? '✗' : f.target ? '?' : '';
    return [f.label, value, target, mark];
  });
  const w = [0, 1, 2].map((i) => Math.max(...cells.map((c) => (c ? c[i].length : 0))));
  for (const [i, r] of rows.entries()) {
    const c = cells[i];
    if (!r.figure && !r.text) console.log(`\n${r.section}`);
    else if (r.text) console.log(`  ${r.text}`);
    else if (c) console.log(`  ${c[0].padEnd(w[0])}  ${c[1].padStart(w[1])}  ${c[2].padEnd(w[2])}  ${c[3]}`.trimEnd());
  }
}

// ---------------------------------------------------------------------------------------------
// Sections → figures

function throughputFigures(t: ThroughputResult): void {
  heading(`analysis core — analyze() from ${coreSource}, in this process, one core, generated text (sizes are UTF-8 bytes; 1 MB = 10^6 bytes)`);
  for (const s of t.sizes) {
    const key = s.label.replace(/\s/g, '').toLowerCase();
    fig(`analyze.${key}.ms`, `analyze ${s.label} (${num(s.bytes, 0)} B, ${num(s.chars / 1000, 1)} K chars), median of ${s.runs} after ${s.warmupRuns} untimed`, s.medianMs, 'ms', 1);
  }
  const big = t.sizes[t.sizes.length - 1];
  fig('throughput.mbPerS', `throughput on ${big.label}`, big.mbPerS, 'MB/s', 2, { op: '>=', value: 5, unit: 'MB/s' });
  fig('throughput.mcharsPerS', `throughput on ${big.label}, characters`, big.mcharsPerS, 'M chars/s', 2);
  fig('throughput.growth', 'growth t(1 MB)/t(10 kB) per byte × 100 (linear = 100)', t.growthRatio, '', 0, { op: '<=', value: 110, unit: '' });
  fig('throughput.coldMs', 'first calls in a process (ru + en 20 kB; loads language data)', t.coldMs, 'ms', 0);
  fig('throughput.first1m.ms', `the process's first ${big.label} analysis (after the smaller sizes)`, big.firstMs, 'ms', 0);
  fig('throughput.first1m.mbPerS', `  as throughput`, big.bytes / 1e6 / (big.firstMs / 1000), 'MB/s', 2);
  const hits = big.memoHitRate;
  note(
    `the ${big.label} texts: ${(big.uniqueParagraphs * 100).toFixed(0)}% in unique paragraphs, ${(big.uniqueSentences * 100).toFixed(0)}% in unique sentences` +
      (hits === null ? '; no memo was used (the core analyses a text longer than its memos keep without them)' : `; memos cleared before each run, ${(hits * 100).toFixed(0)}% memo hits within a run`),
  );
}

function cliFigures(c: CliResult): void {
  heading(`CLI — node dist/cli.js analyze --format json over ${c.files} files of 2–5 kB (${num(c.bytes / 1e6, 2)} MB), one process, wall time incl. Node start`);
  fig('cli.ms', `wall time, median of ${c.runs}`, c.medianMs, 'ms', 0);
  fig('cli.mbPerS', 'throughput incl. start-up', c.mbPerS, 'MB/s', 2);
  fig('cli.mcharsPerS', 'throughput incl. start-up, characters', c.mcharsPerS, 'M chars/s', 2);
  fig('cli.startMs', 'start-up: node dist/cli.js --version', c.cliStartMs, 'ms', 0);
  fig('cli.nodeStartMs', 'of which Node itself: node -e 0', c.nodeStartMs, 'ms', 0);
}

function lspFigures(l: LspResult): void {
  const [def, zero] = l.typing;
  heading(`language server — node ${SERVER_EXEC_ARGV.join(' ')} dist/server.js --stdio (as the extension starts it, with ${Object.entries(SERVER_ENV).map(([k, v]) => `${k}=${v}`).join(' ')}), a ${num(l.doc.bytes / 1000, 0)} kB plain-text document (${num(l.doc.chars / 1000, 1)} K chars, ${l.doc.lines} lines)`);
  fig('lsp.initializeMs', 'spawn → initialize answered', l.initializeMs, 'ms', 0);
  fig('lsp.open50k.ms', "didOpen → first semantic tokens (the process's first analysis: loads language data)", l.openMs, 'ms', 0);
  fig('lsp.rss50k.mib', 'server RSS after the open', l.afterOpen50k?.rssMiB, 'MiB', 1);
  if (def) {
    note(
      `${def.edits} keystrokes into each of ${def.servers} fresh servers, pooled (one character inserted at spread positions, incremental didChange; tokens as VS Code asks for them: a delta against the tokens it holds), each waited out before the next:`,
    );
    fig('lsp.rss50kTyped.mib', `server RSS after its ${def.edits} keystrokes (the first server)`, l.afterTyping50k?.rssMiB, 'MiB', 1);
    fig('lsp.tokens.p95', `keystroke → tokens p95 (debounce ${def.debounceMs} ms, default)`, def.tokens.p95Ms, 'ms', 1, { op: '<=', value: 10, unit: 'ms' });
    note(`  each server's own p95: ${def.tokensP95PerServer.map((x) => `${x.toFixed(1)} ms`).join(', ')}`);
    fig('lsp.tokens.median', 'keystroke → tokens median', def.tokens.medianMs, 'ms', 1);
    fig('lsp.tokens.server.median', '  of which in the server (tokens handler), median', def.serverTokens.medianMs, 'ms', 1);
    fig('lsp.tokens.server.p95', '  of which in the server (tokens handler), p95', def.serverTokens.p95Ms, 'ms', 1);
    fig('lsp.diagnostics.default.median', `keystroke → diagnostics median (debounce ${def.debounceMs} ms, default)`, def.diagnostics.medianMs, 'ms', 1);
    fig('lsp.diagnostics.default.p95', `keystroke → diagnostics p95 (debounce ${def.debounceMs} ms, default)`, def.diagnostics.p95Ms, 'ms', 1);
    if (def.diagnosticsMissing) note(`${def.diagnosticsMissing} keystrokes got no diagnostics within 30 s (default debounce)`);
  }
  if (zero) {
    fig('lsp.diagnostics.debounce0.median', 'keystroke → diagnostics median (debounce 0)', zero.diagnostics.medianMs, 'ms', 1);
    fig('lsp.diagnostics.debounce0.p95', 'keystroke → diagnostics p95 (debounce 0)', zero.diagnostics.p95Ms, 'ms', 1);
    fig('lsp.tokens.debounce0.p95', 'keystroke → tokens p95 (debounce 0: diagnostics computed alongside)', zero.tokens.p95Ms, 'ms', 1);
    if (zero.diagnosticsMissing) note(`${zero.diagnosticsMissing} keystrokes got no diagnostics within 30 s (debounce 0)`);
  }
  heading(`language server — a ${num(l.big.bytes / 1e6, 2)} MB document (${num(l.big.chars / 1000, 0)} K chars), fresh server`);
  fig('lsp.open1m.ms', 'didOpen → first semantic tokens', l.big.openMs, 'ms', 0);
  fig('lsp.peakRss1m.mib', 'server peak RSS (VmHWM) after that', l.big.afterOpen?.peakRssMiB, 'MiB', 1);
  fig('lsp.tokens1m.median', `keystroke → tokens median (${l.big.tokens.n} keystrokes)`, l.big.tokens.medianMs, 'ms', 0);
  fig('lsp.peakRss1mTyping.mib', 'server peak RSS after those keystrokes', l.big.afterTyping?.peakRssMiB, 'MiB', 1);
  // The target holds the whole session to it: opening, editing, and the full analysis once typing settles.
  fig('lsp.peakRss1mSettled.mib', 'server peak RSS once typing settled (full analysis, diagnostics: the session’s peak)', l.big.afterSettle?.peakRssMiB, 'MiB', 1, { op: '<=', value: 80, unit: 'MiB' });
}

function activationFigures(a: ActivationResult): void {
  heading(`activation (stubbed vscode API, our code only) — fresh node process per sample, median of ${a.samples}`);
  fig('activation.requireMs', 'load dist/extension.js (require)', a.requireMs, 'ms', 1);
  fig('activation.activateMs', 'activate() until it resolves (the server starts in the background)', a.activateMs, 'ms', 1);
  if (a.forkAtMs !== null) fig('activation.forkAtMs', 'of which before the server is forked', a.forkAtMs, 'ms', 1);
  fig('activation.totalMs', 'require + activate', a.totalMs, 'ms', 1, { op: '<=', value: 150, unit: 'ms' });
  note('not included: the extension host, the real vscode API, VS Code reading the manifest');
}

function sizeFigures(s: SizesResult): void {
  heading(`sizes — dist/ is a ${s.production ? 'production build (minified, what the VSIX ships)' : 'DEVELOPMENT build (source maps, not minified): run `npm run build` for shipped sizes'}`);
  fig('size.extension.kib', 'dist/extension.js', s.extension && s.extension.bytes / 1024, 'KiB', 0);
  fig('size.server.kib', 'dist/server.js', s.server && s.server.bytes / 1024, 'KiB', 0);
  fig('size.cli.kib', 'dist/cli.js', s.cli && s.cli.bytes / 1024, 'KiB', 0);
  fig('size.data.kib', 'dist/data/ (language data, read on first use)', s.data && s.data.bytes / 1024, 'KiB', 0);
  fig('size.vsix.mib', s.vsix ? s.vsix.path : 'VSIX (not found: run `npm run package`)', s.vsix && s.vsix.bytes / 2 ** 20, 'MiB', 2, { op: '<=', value: 1.5, unit: 'MiB' });
  if (s.vsixStale) note('the VSIX is older than dist/: run `npm run package` so it holds this build');
}

function regexFigures(r: RegexRow[], filter?: string): void {
  const bad = r.filter((x) => !x.linear);
  heading(`regular expressions — ${filter ? `those matching "${filter}"` : 'every regex of the core'} on adversarial 10 KB / 100 KB input (scripts/bench/regex.ts): ${r.length}, non-linear ${bad.length}`);
  fig('regex.count', 'regexes measured', r.length, '', 0);
  const ms = (x: number) => (Number.isFinite(x) ? num(x, x < 10 ? 2 : 0) : '∞');
  const line = (x: RegexRow) =>
    `${ms(x.ms10k).padStart(8)} ${ms(x.ms100k).padStart(9)} ${(Number.isFinite(x.ratio) ? num(x.ratio, 1) : '∞').padStart(7)}  ${x.linear ? '   ' : '✗  '}${x.where}  ${x.name.length > 70 ? x.name.slice(0, 69) + '…' : x.name}`;
  note('slowest 10:');
  note(`${'10 KB ms'.padStart(8)} ${'100 KB ms'.padStart(9)} ${'ratio'.padStart(7)}     where  regex`);
  for (const x of [...r].sort((a, b) => b.ms100k - a.ms100k || b.ratio - a.ratio).slice(0, 10)) note(line(x));
  note(bad.length ? `non-linear (✗; ratio 100 KB / 10 KB ≥ 25, or timed out): ${bad.length}` : 'non-linear: none ✓');
  for (const x of bad) note(line(x) + (x.error ? `  (${x.error})` : ''));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const progress = (line: string) => process.stderr.write(line + '\n');
  const started = new Date();
  const missing = ['dist/server.js', 'dist/cli.js', 'dist/extension.js'].filter((f) => !existsSync(path.join(REPO, f)));
  if (missing.length && args.only.some((s) => NEEDS_DIST.includes(s))) {
    console.error(`bench: ${missing.join(', ')} missing. Build and package first:\n  npm run build && npm run package\n(or run only the in-process sections: npm run bench -- --only throughput,regex)`);
    process.exit(2);
  }

  const m = machine();
  const g = git();
  const sources = loadSources(args.corpus);
  const sample = generate(1_000_000, 1, { corpus: args.corpus });
  const result: Record<string, unknown> = {
    date: started.toISOString(),
    quick: args.quick,
    sections: args.only,
    git: g,
    machine: m,
    corpus: {
      dir: args.corpus,
      texts: sources.length,
      ru: sources.filter((s) => s.lang === 'ru').length,
      en: sources.filter((s) => s.lang === 'en').length,
      sizeUnit: 'UTF-8 bytes; 1 kB = 1000 B, 1 MB = 1,000,000 B; MB/s = 10^6 UTF-8 bytes per second; M chars/s = 10^6 UTF-16 code units per second',
      oneMb: { bytes: utf8Bytes(sample), chars: sample.length, uniqueParagraphs: uniqueShare(sample, 'paragraph'), uniqueSentences: uniqueShare(sample, 'sentence') },
    },
  };
  const errors: Array<{ section: Section; error: string }> = [];
  const run = async <T>(section: Section, f: () => Promise<T> | T, show: (r: T) => void): Promise<void> => {
    if (!args.only.includes(section)) return;
    progress(`bench: ${section}…`);
    const t0 = performance.now();
    try {
      const r = await f();
      result[section] = r;
      show(r);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      errors.push({ section, error });
      heading(`${section} — FAILED`);
      note(error.split('\n').slice(0, 6).join('\n  '));
    }
    progress(`bench: ${section} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };

  // Timing sections first and one at a time; the regex bench (worker threads) last.
  await run('throughput', () => runThroughput({ quick: args.quick, corpus: args.corpus, log: progress }), throughputFigures);
  await run('cli', () => runCli({ quick: args.quick, corpus: args.corpus, log: progress }), cliFigures);
  await run('lsp', () => runLsp({ quick: args.quick, corpus: args.corpus, log: progress }), lspFigures);
  await run('activation', () => runActivation({ quick: args.quick, log: progress }), activationFigures);
  await run('sizes', () => runSizes(), sizeFigures);
  await run('regex', () => runRegexBench({ quick: args.quick, filter: args.regexFilter }), (r) => regexFigures(r, args.regexFilter));

  const targets = figures.filter((f) => f.target);
  const met = targets.filter((f) => f.pass === true).length;
  result.figures = Object.fromEntries(figures.map((f) => [f.key, f.value]));
  result.targets = targets.map((f) => ({ key: f.key, label: f.label, value: f.value, unit: f.unit, op: f.target!.op, target: f.target!.value, pass: f.pass }));
  result.errors = errors;
  result.seconds = (Date.now() - started.getTime()) / 1000;

  console.log(`Diplomatic Lens benchmark — ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${args.quick ? 'QUICK run (rough figures)' : 'full run'}`);
  console.log(`commit ${g ? g.commit + (g.dirty ? ' + uncommitted changes in the product' : '') : 'unknown'}`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB.toFixed(1)} GiB RAM, Node ${m.node}, ${m.os}`);
  console.log(`load average (1 min) before the run: ${m.loadAtStart.toFixed(2)}${m.loadAtStart > 0.8 ? ' — other processes were busy; figures are pessimistic' : ''}`);
  console.log(`corpus: ${sources.length} texts (${(result.corpus as { ru: number }).ru} ru, ${(result.corpus as { en: number }).en} en) from ${path.relative(REPO, args.corpus) || '.'}, varied per copy (corpus.ts)`);
  printTable();
  console.log(`\ntargets met: ${met} of ${targets.length}${errors.length ? `; sections FAILED: ${errors.map((e) => e.section).join(', ')}` : ''}; ${result.seconds} s`);

  mkdirSync(path.dirname(args.json), { recursive: true });
  writeFileSync(args.json, JSON.stringify(result, null, 1) + '\n');
  const shown = path.relative(process.cwd(), args.json);
  console.log(`figures: ${shown.startsWith('..') ? args.json : shown}`);
  process.exitCode = errors.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
