// The command-line twin: `diplomatic-lens analyze [--format json|text|markdown|sarif] [--language auto|ru|en]
// [--fail-on SEVERITY] [--severity RULE=SEVERITY] FILE...`.
// Reads files, runs the same analysis core as the server, prints results. A file it cannot read
// or decode gets one line on stderr and makes the exit code non-zero; nothing prints a stack trace.
// Findings (assertions) carry their rule's severity (protocol/rules.ts, overridable); --fail-on
// turns findings at or above a severity into exit code 1, for CI.
import { readFileSync, statSync } from 'node:fs';
import v8 from 'node:v8';
import { analyze, toJson } from '../analysis/index.ts';
import { ASSERTION_RULES, RULES, SEVERITIES, type AssertionRule, type Severity } from '../protocol/rules.ts';
import { formatText, formatMarkdown, defaultSeverities, findingsOf, severityRank, type Result } from './format.ts';
import { toSarif } from './sarif.ts';
import { LATE_OPTIMISATION } from '../protocol/index.ts';

// Later optimisation (see protocol LATE_OPTIMISATION).
try {
  v8.setFlagsFromString(LATE_OPTIMISATION);
} catch {
  // another engine: its defaults
}

const VERSION = process.env.DL_VERSION ?? '0.1.0';
const RULE_LIST = ASSERTION_RULES.map((id) => `    ${id.padEnd(26)}${RULES[id].defaultSeverity.padEnd(13)}${RULES[id].short}`).join('\n');
const USAGE = `usage: diplomatic-lens analyze [--format json|text|markdown|sarif] [--language auto|ru|en]
                               [--fail-on SEVERITY] [--severity RULE=SEVERITY] [--max-size N] FILE...

Annotates diplomatic texts (Russian, English): quotations and who said them, and assertions
that stand without a source (findings).
  --format json       one JSON array, one object per file (file + the annotation guide's shape)
  --format text       a readable "who said what" per file, then its findings, one a line:
                      file:line:col severity rule message (default)
  --format markdown   the same as a Markdown report
  --format sarif      the findings as a SARIF 2.1.0 log (code scanning, CI)
  --language L        auto (default: detected per file), ru or en
  --fail-on S         exit 1 when a finding has severity S or above:
                      hint, information, warning, error; off (default) never fails on findings
  --severity R=S      report rule R at severity S (off, hint, information, warning, error);
                      repeatable, or comma-separated: --severity vague-source=error,unattributed-evaluation=off
  --max-size N        skip files larger than N bytes (default 20000000)
Rules (default severity):
${RULE_LIST}
  Each has a page: https://github.com/diplomatic-lens/diplomatic-lens/blob/main/docs/rules/RULE.md
Exit codes: 0 ok, 1 a file could not be read or analysed, or a finding at or above --fail-on,
2 bad usage.`;

type Format = 'json' | 'text' | 'markdown' | 'sarif';

function isSeverity(v: string): v is Severity {
  return (SEVERITIES as readonly string[]).includes(v);
}

function fail(msg: string, code = 2): never {
  process.stderr.write(`diplomatic-lens: ${msg}\n`);
  process.exit(code);
}

export function readText(file: string, maxSize: number): { text?: string; error?: string } {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { error: 'is a directory' };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})` };
  }
  if (size > maxSize) return { error: `too large (${size} bytes; limit ${maxSize}, see --max-size)` };
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})` };
  }
  if (buf.subarray(0, 8000).includes(0)) return { error: 'looks binary (contains NUL bytes); skipped' };
  try {
    // ignoreBOM keeps a BOM in the text: offsets count into the file as read, BOM included.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf) };
  } catch {
    return { error: 'is not valid UTF-8; skipped (convert it to UTF-8 first)' };
  }
}

function main(argv: string[]): void {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(USAGE + '\n');
    process.exit(argv.length === 0 ? 2 : 0);
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(VERSION + '\n');
    return;
  }
  if (argv[0] !== 'analyze') fail(`unknown command "${argv[0]}"\n${USAGE}`);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  let format: Format = 'text';
  let language: 'auto' | 'ru' | 'en' = 'auto';
  let maxSize = 20_000_000;
  let failOn: Severity = 'off';
  const severities = defaultSeverities();
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'json' && v !== 'text' && v !== 'markdown' && v !== 'sarif') fail(`unknown format "${v}" (json, text, markdown, sarif)`);
      format = v;
    } else if (a === '--fail-on' || a.startsWith('--fail-on=')) {
      const v = value();
      if (!isSeverity(v)) fail(`unknown severity "${v}" for --fail-on (${SEVERITIES.join(', ')})`);
      failOn = v;
    } else if (a === '--severity' || a.startsWith('--severity=')) {
      for (const item of value().split(',')) {
        const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(item);
        if (!m) fail(`--severity needs RULE=SEVERITY, got "${item}"`);
        const [, rule, level] = m;
        if (!(ASSERTION_RULES as readonly string[]).includes(rule)) fail(`unknown rule "${rule}" for --severity (${ASSERTION_RULES.join(', ')})`);
        if (!isSeverity(level)) fail(`unknown severity "${level}" for --severity (${SEVERITIES.join(', ')})`);
        severities[rule as AssertionRule] = level;
      }
    } else if (a === '--language' || a.startsWith('--language=')) {
      const v = value();
      if (v !== 'auto' && v !== 'ru' && v !== 'en') fail(`unknown language "${v}" (auto, ru, en)`);
      language = v;
    } else if (a === '--max-size' || a.startsWith('--max-size=')) {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0) fail('--max-size needs a positive number of bytes');
      maxSize = v;
    } else if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') fail(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) fail('no files given');
  const results: Result[] = [];
  const failures: Array<{ file: string; error: string }> = [];
  for (const file of files) {
    const { text, error } = readText(file, maxSize);
    if (error !== undefined || text === undefined) {
      process.stderr.write(`diplomatic-lens: ${file}: ${error}\n`);
      failures.push({ file, error: error ?? 'cannot read' });
      continue;
    }
    try {
      results.push({ file, source: text, analysis: analyze(text, { language, markdown: /\.(md|markdown)$/i.test(file) ? true : undefined, memos: false }) });
    } catch (e) {
      const error = `analysis failed: ${e instanceof Error ? e.message : String(e)}`;
      process.stderr.write(`diplomatic-lens: ${file}: ${error}\n`);
      failures.push({ file, error });
    }
  }
  // Findings at or above --fail-on (none when it is off).
  let failing = 0;
  if (failOn !== 'off') {
    for (const r of results) failing += findingsOf(r, severities).filter((f) => severityRank(f.severity) >= severityRank(failOn)).length;
  }
  const exitCode = failures.length > 0 || failing > 0 ? 1 : 0;
  if (format === 'json') process.stdout.write(JSON.stringify(results.map((r) => ({ file: r.file, ...toJson(r.analysis) })), null, 2) + '\n');
  else if (format === 'markdown') process.stdout.write(formatMarkdown(results, severities));
  else if (format === 'sarif') process.stdout.write(JSON.stringify(toSarif({ results, failures, severities, version: VERSION, exitCode }), null, 2) + '\n');
  else process.stdout.write(formatText(results, severities));
  if (failing > 0) process.stderr.write(`diplomatic-lens: ${failing} finding${failing === 1 ? '' : 's'} at ${failOn} or above (--fail-on ${failOn})\n`);
  process.exitCode = exitCode;
}

// A closed pipe (`… | head`) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`diplomatic-lens: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
