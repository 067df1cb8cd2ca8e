// The command-line twin: `diplomatic-lens analyze [--format json|text|markdown] [--language auto|ru|en] FILE...`.
// Reads files, runs the same analysis core as the server, prints results. A file it cannot read
// or decode gets one line on stderr and makes the exit code non-zero; nothing prints a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { analyze, toJson, type Analysis } from '../analysis/index.ts';
import { formatText, formatMarkdown } from './format.ts';

const VERSION = process.env.DL_VERSION ?? '0.1.0';
const USAGE = `usage: diplomatic-lens analyze [--format json|text|markdown] [--language auto|ru|en] [--max-size N] FILE...

Annotates diplomatic texts (Russian, English): quotations and who said them.
  --format json       one JSON array, one object per file (file + the annotation guide's shape)
  --format text       a readable "who said what" per file (default)
  --format markdown   the same as a Markdown report
  --language L        auto (default: detected per file), ru or en
  --max-size N        skip files larger than N bytes (default 20000000)
Exit codes: 0 ok, 1 a file could not be read or analysed, 2 bad usage.`;

type Format = 'json' | 'text' | 'markdown';

interface Result {
  file: string;
  analysis: Analysis;
  source: string;
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
      if (v === 'sarif') fail('--format sarif is not available yet: it comes with the diagnostics (rules) it would report');
      if (v !== 'json' && v !== 'text' && v !== 'markdown') fail(`unknown format "${v}" (json, text, markdown)`);
      format = v;
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
  let failed = 0;
  for (const file of files) {
    const { text, error } = readText(file, maxSize);
    if (error !== undefined || text === undefined) {
      process.stderr.write(`diplomatic-lens: ${file}: ${error}\n`);
      failed++;
      continue;
    }
    try {
      results.push({ file, source: text, analysis: analyze(text, { language, markdown: /\.(md|markdown)$/i.test(file) ? true : undefined }) });
    } catch (e) {
      process.stderr.write(`diplomatic-lens: ${file}: analysis failed: ${e instanceof Error ? e.message : String(e)}\n`);
      failed++;
    }
  }
  if (format === 'json') process.stdout.write(JSON.stringify(results.map((r) => ({ file: r.file, ...toJson(r.analysis) })), null, 2) + '\n');
  else if (format === 'markdown') process.stdout.write(formatMarkdown(results));
  else process.stdout.write(formatText(results));
  process.exitCode = failed > 0 ? 1 : 0;
}

// A closed pipe (`… | head`) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`diplomatic-lens: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
