// Smoke test of `npm run bench` (scripts/bench/): a quick run, in a child process as a user runs it,
// must finish with exit code 0, print its table and write every figure to the JSON file as a
// finite positive number. It asserts nothing about the values themselves: timings depend on the
// machine, and the bench never fails on them. The regex section is limited to one file's regexes
// (--regex-filter) to keep this under a minute. Needs the built bundles: `node scripts/build.mjs --dev`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = path.join(import.meta.dirname, '../..');

/** Every figure a run of all sections reports (the VSIX's only when one has been packaged). */
const FIGURES = [
  'analyze.10kb.ms',
  'analyze.100kb.ms',
  'analyze.1mb.ms',
  'throughput.mbPerS',
  'throughput.mcharsPerS',
  'throughput.growth',
  'throughput.coldMs',
  'cli.ms',
  'cli.mbPerS',
  'cli.mcharsPerS',
  'cli.startMs',
  'cli.nodeStartMs',
  'lsp.initializeMs',
  'lsp.open50k.ms',
  'lsp.tokens.p95',
  'lsp.tokens.median',
  'lsp.diagnostics.default.median',
  'lsp.diagnostics.default.p95',
  'lsp.diagnostics.debounce0.median',
  'lsp.diagnostics.debounce0.p95',
  'lsp.tokens.debounce0.p95',
  'lsp.open1m.ms',
  'lsp.tokens1m.median',
  'activation.requireMs',
  'activation.activateMs',
  'activation.forkAtMs',
  'activation.totalMs',
  'size.extension.kib',
  'size.server.kib',
  'size.cli.kib',
  'size.data.kib',
  'regex.count',
];
/** Read from /proc: Linux only. */
const LINUX_FIGURES = ['lsp.rss50k.mib', 'lsp.peakRss1m.mib', 'lsp.peakRss1mTyping.mib', 'lsp.peakRss1mSettled.mib'];

test('npm run bench -- --quick writes every figure as a finite positive number', { timeout: 180_000 }, () => {
  for (const f of ['dist/server.js', 'dist/cli.js', 'dist/extension.js']) assert.ok(existsSync(path.join(REPO, f)), `${f} exists (build first: node scripts/build.mjs --dev)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'dl-bench-test-'));
  try {
    const json = path.join(dir, 'bench.json');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/index.ts', '--quick', '--json', json, '--regex-filter', 'analysis/document.ts'], {
      cwd: REPO,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(r.status, 0, `exit code; stderr:\n${r.stderr.slice(-3000)}\nstdout:\n${r.stdout.slice(-3000)}`);
    for (const heading of ['analysis core', 'CLI', 'language server', 'activation (stubbed vscode API, our code only)', 'sizes', 'regular expressions', 'targets met:']) {
      assert.ok(r.stdout.includes(heading), `the table has "${heading}"`);
    }

    const out = JSON.parse(readFileSync(json, 'utf8'));
    assert.deepEqual(out.errors, [], 'no section failed');
    assert.equal(out.quick, true);
    assert.equal(typeof out.machine.cpu, 'string');
    assert.equal(typeof out.machine.node, 'string');
    assert.equal(typeof out.machine.os, 'string');
    assert.ok(out.machine.cores > 0 && out.machine.ramGiB > 0, 'cores and RAM');

    const expected = [...FIGURES, ...(process.platform === 'linux' ? LINUX_FIGURES : [])];
    if (readdirSync(REPO).some((f) => f.endsWith('.vsix'))) expected.push('size.vsix.mib');
    for (const key of expected) {
      const v = out.figures[key];
      assert.ok(typeof v === 'number' && Number.isFinite(v) && v > 0, `figure ${key} is a finite positive number (got ${v})`);
    }

    // Every target is reported with a verdict; which way it goes is not tested.
    assert.ok(Array.isArray(out.targets) && out.targets.length >= 5, 'targets listed');
    for (const t of out.targets) {
      assert.ok(t.op === '<=' || t.op === '>=', `target ${t.key} has an operator`);
      assert.ok(typeof t.pass === 'boolean' || (t.pass === null && t.value === null), `target ${t.key} has a verdict`);
    }
    assert.ok(Array.isArray(out.regex) && out.regex.length > 0, 'regex rows');
    for (const row of out.regex) assert.equal(typeof row.linear, 'boolean', `regex ${row.where} has a linear flag`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
