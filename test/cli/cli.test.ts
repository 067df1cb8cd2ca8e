// The command-line twin, run as users run it: `node dist/cli.js analyze …` in a child process, on
// corpus texts and on files made for the occasion (empty, BOM, CRLF, binary, invalid UTF-8, a
// directory, a missing file). Checks output shapes, that every span's text is the slice of the file
// at its offsets, exit codes, and that stderr carries one line per bad file and never a stack trace.
// Needs the built CLI: run `node scripts/build.mjs --dev` first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, readFileSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = path.join(import.meta.dirname, '../..');
const CLI = path.join(REPO, 'dist/cli.js');
const CORPUS = path.join(import.meta.dirname, '../../../shared/corpus');

assert.ok(existsSync(CLI), `${CLI} exists (build first: node scripts/build.mjs --dev)`);
assert.ok(existsSync(CORPUS), `the corpus is at ${CORPUS}`);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Every stderr the CLI wrote in this file, to check that none holds a stack trace. */
const allStderr: Array<{ args: string[]; stderr: string }> = [];
let dir = '';

function run(args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.error, undefined, `spawn ${args.join(' ')}`);
  allStderr.push({ args, stderr: r.stderr });
  assertNoStackTrace(r.stderr, args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertNoStackTrace(stderr: string, args: string[]): void {
  assert.ok(!/^\s+at /m.test(stderr), `a stack trace on stderr for ${args.join(' ')}:\n${stderr}`);
  assert.ok(!/(TypeError|ReferenceError|RangeError|SyntaxError):/.test(stderr), `an exception on stderr for ${args.join(' ')}:\n${stderr}`);
}

function stderrLines(r: Run): string[] {
  return r.stderr.split('\n').filter((l) => l !== '');
}

interface JSpan {
  start: number;
  end: number;
  text: string;
}
interface JQuote extends JSpan {
  speaker: JSpan | null;
  speakerVia?: string;
  form: string;
}
interface JResult {
  file: string;
  language: string;
  entities: Array<JSpan & { type: string }>;
  quotes: JQuote[];
  claims: Array<{ cue: JSpan | null; source: JSpan | null; content: JSpan | null }>;
  assertions: Array<JSpan & { kind: string }>;
}

function json(r: Run): JResult[] {
  let parsed: unknown;
  assert.doesNotThrow(() => (parsed = JSON.parse(r.stdout)), `stdout is one JSON document:\n${r.stdout.slice(0, 500)}`);
  assert.ok(Array.isArray(parsed), 'a JSON array');
  return parsed as JResult[];
}

/** Every span of a result, with a name for messages. */
function spansOf(res: JResult): Array<[string, JSpan]> {
  const out: Array<[string, JSpan]> = [];
  res.entities.forEach((e, i) => out.push([`entities[${i}]`, e]));
  res.quotes.forEach((q, i) => {
    out.push([`quotes[${i}]`, q]);
    if (q.speaker) out.push([`quotes[${i}].speaker`, q.speaker]);
  });
  res.claims.forEach((c, i) => {
    for (const k of ['cue', 'source', 'content'] as const) {
      const s = c[k];
      if (s) out.push([`claims[${i}].${k}`, s]);
    }
  });
  res.assertions.forEach((a, i) => out.push([`assertions[${i}]`, a]));
  return out;
}

/** The text of the file exactly as read: UTF-8, BOM kept (Node's utf8 decoding keeps U+FEFF). */
function source(file: string): string {
  return readFileSync(path.resolve(dir, file), 'utf8');
}

function assertSpansAreSlices(res: JResult, text: string): void {
  for (const [name, s] of spansOf(res)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start <= s.end && s.end <= text.length, `${res.file} ${name}: ${s.start}–${s.end} within ${text.length}`);
    assert.equal(text.slice(s.start, s.end), s.text, `${res.file} ${name}: text is the slice [${s.start}, ${s.end}) of the file`);
  }
}

/** 1-based line:column of an offset (UTF-16 code units), computed here, not by the CLI. */
function lineCol(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff && i === 0) continue; // a BOM is not a column an editor shows
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) {
      line++;
      col = 1;
    } else col++;
  }
  return `${line}:${col}`;
}

interface GoldQuote extends JSpan {
  speaker: JSpan | null;
}
function gold(name: string): GoldQuote[] {
  return (JSON.parse(readFileSync(path.join(CORPUS, name.replace(/\.(txt|md)$/, '.gold.json')), 'utf8')) as { quotes: GoldQuote[] }).quotes;
}
function goldQuote(name: string, includes: string): GoldQuote {
  const q = gold(name).find((x) => x.text.includes(includes));
  assert.ok(q, `gold of ${name} has “${includes}”`);
  return q;
}

const RU = 'ru-wire-talks-quotes.txt';
const EN = 'en-wire-split-quotes.txt';
const MD = 'en-press-digest-markdown.md';
const QUOTE_RU = '«Мы категорически против этого решения», — сказал Лавров.';
const QUOTE_EN = '“Every ceasefire they signed, they broke within days,” Babiker said.';

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dl-cli-test-'));
  for (const f of [RU, EN, MD]) copyFileSync(path.join(CORPUS, f), path.join(dir, f));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'bom.txt'), '\uFEFF' + QUOTE_RU + '\n\nВторой абзац без цитат.\n' + QUOTE_RU.replace('Лавров', 'Захарова') + '\n', 'utf8');
  writeFileSync(path.join(dir, 'crlf.txt'), 'Talks resumed on Monday.\r\n\r\nThe army accused the RSF. ' + QUOTE_EN + '\r\n');
  writeFileSync(path.join(dir, 'emoji.txt'), '🙂🇷🇺 ' + QUOTE_EN + '\n');
  writeFileSync(path.join(dir, 'binary.dat'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41, 0x42, 0x00, 0x0a]));
  // Windows-1251 «Мы против» — valid bytes in that code page, invalid UTF-8.
  writeFileSync(path.join(dir, 'cp1251.txt'), Buffer.from([0xab, 0xcc, 0xfb, 0x20, 0xef, 0xf0, 0xee, 0xf2, 0xe8, 0xe2, 0xbb, 0x0a]));
  mkdirSync(path.join(dir, 'a-directory'));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('--format json', () => {
  test('one object per file, in order, with the file as given and the annotation shape', () => {
    const r = run(['analyze', '--format', 'json', RU, EN, MD]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const results = json(r);
    assert.deepEqual(results.map((x) => x.file), [RU, EN, MD]);
    assert.deepEqual(results.map((x) => x.language), ['ru', 'en', 'en']);
    for (const res of results) {
      for (const k of ['entities', 'quotes', 'claims', 'assertions'] as const) assert.ok(Array.isArray(res[k]), `${res.file}.${k} is an array`);
      assert.ok(res.quotes.length > 0, `${res.file} has quotes`);
      for (const q of res.quotes) {
        assert.ok(q.form === 'inline' || q.form === 'block', q.form);
        assert.equal(q.speakerVia !== undefined, q.speaker !== null, 'speakerVia exactly when there is a speaker');
      }
    }
  });

  test('every span’s text is the slice of the file at [start, end)', () => {
    const files = [RU, EN, MD, 'crlf.txt', 'emoji.txt'];
    const results = json(run(['analyze', '--format', 'json', ...files]));
    assert.equal(results.length, files.length);
    for (const res of results) assertSpansAreSlices(res, source(res.file));
  });

  test('known quotes and speakers of the corpus, at the gold offsets', () => {
    const [ru, en, md] = json(run(['analyze', '--format', 'json', RU, EN, MD]));
    for (const [res, name, includes] of [
      [ru, RU, 'Никаких иллюзий'],
      [ru, RU, 'Мы констатировали'],
      [en, EN, 'Every ceasefire they signed'],
      [md, MD, 'The South China Sea must remain'],
    ] as const) {
      const g = goldQuote(name, includes);
      const q = res.quotes.find((x) => x.start === g.start);
      assert.ok(q, `${name}: a quote at ${g.start}`);
      assert.equal(q.end, g.end);
      assert.equal(q.text, g.text);
      assert.deepEqual(q.speaker, g.speaker);
    }
    assert.equal(ru.quotes.find((q) => q.text.includes('Никаких иллюзий'))?.speaker?.text, 'замглавы МИД');
    assert.equal(md.quotes.find((q) => q.text.startsWith('The South China Sea'))?.form, 'block');
  });

  test('offsets count UTF-16 code units: an emoji and a flag before the quote shift it by 7', () => {
    const [res] = json(run(['analyze', '--format', 'json', 'emoji.txt']));
    assert.equal(res.quotes.length, 1);
    // 🙂 (2 units) + 🇷🇺 (two regional indicators, 2 units each) + a space.
    assert.equal(res.quotes[0].start, 2 + 2 * 2 + 1);
    assert.equal(res.quotes[0].text, '“Every ceasefire they signed, they broke within days,”');
    assert.equal(res.quotes[0].speaker?.start, 7 + res.quotes[0].text.length + 1);
  });

  test('CRLF: offsets into the text with its \\r\\n untouched', () => {
    const [res] = json(run(['analyze', '--format', 'json', 'crlf.txt']));
    const text = source('crlf.txt');
    assert.equal(res.quotes.length, 1);
    assert.equal(res.quotes[0].start, text.indexOf('“'));
    assert.equal(res.quotes[0].speaker?.text, 'Babiker');
    assertSpansAreSlices(res, text);
  });

  test('a file with a BOM: offsets into the text as read, BOM included', () => {
    const r = run(['analyze', '--format', 'json', 'bom.txt']);
    assert.equal(r.code, 0, r.stderr);
    const [res] = json(r);
    const text = source('bom.txt');
    assert.equal(text.charCodeAt(0), 0xfeff, 'the file as read starts with the BOM');
    assert.equal(res.language, 'ru');
    assert.deepEqual(
      res.quotes.map((q) => [q.start, q.speaker?.text]),
      [
        [1, 'Лавров'],
        [text.lastIndexOf('«'), 'Захарова'],
      ],
    );
    assertSpansAreSlices(res, text);
  });

  test('an empty file is a valid result with no quotes', () => {
    const r = run(['analyze', '--format', 'json', 'empty.txt']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const [res] = json(r);
    assert.equal(res.file, 'empty.txt');
    assert.ok(res.language === 'ru' || res.language === 'en');
    assert.deepEqual([res.entities, res.quotes, res.claims, res.assertions], [[], [], [], []]);
  });
});

describe('--format text and markdown', () => {
  test('text (the default) lists each speaker and their quotes with file:line:col', () => {
    const r = run(['analyze', EN, RU]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], new RegExp(`^${EN.replace(/\./g, '\\.')} \\(en\\): \\d+ named referents?, \\d+ quotations?, \\d+ with a named speaker$`));
    // The named referents by type, with their forms: Babiker appears as "Osman Babiker" and "Babiker".
    assert.ok(lines.some((l) => /^ {2}person: .*Osman Babiker \(Osman Babiker ×1, Babiker ×\d\)/.test(l)), r.stdout);
    assert.ok(lines.some((l) => new RegExp(`^${RU.replace(/\./g, '\\.')} \\(ru\\): `).test(l)), r.stdout);
    for (const [name, includes, speaker] of [
      [EN, 'Every ceasefire they signed', 'Babiker'],
      [EN, 'The army bombs markets', 'Ibrahim Nour'],
      [RU, 'Никаких иллюзий', 'замглавы МИД'],
      [RU, 'Китай не будет садиться', 'Ма Чжаосюй'],
    ] as const) {
      const g = goldQuote(name, includes);
      const where = `${name}:${lineCol(source(name), g.start)}`;
      const at = lines.findIndex((l) => l.trim().startsWith(where + ' '));
      assert.ok(at > 0, `a line “${where} …” in:\n${r.stdout}`);
      assert.ok(lines[at].includes(includes), lines[at]);
      // Under its speaker's heading: the nearest less-indented line above names the speaker.
      let head = at - 1;
      while (head > 0 && lines[head].startsWith('      ')) head--;
      // The heading is the speaker's usual name with the forms the text uses ("Osman Babiker (Babiker)").
      assert.ok(lines[head].includes(speaker), `the heading above ${where}: ${lines[head]}`);
    }
    // The quote text is shown without its quote marks.
    assert.ok(!lines.some((l) => /:\d+:\d+ {2}[«“]/.test(l)), r.stdout);
  });

  test('text: a quote with no named speaker is listed under “(speaker not named)”', () => {
    writeFileSync(path.join(dir, 'unattributed.txt'), 'The talks ended on Monday.\n\n“Nothing will change before the elections in the spring.”\n\nAnother paragraph follows here.\n');
    const r = run(['analyze', '--format', 'text', 'unattributed.txt']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /unattributed\.txt \(en\): 1 named referent, 1 quotation, 0 with a named speaker/);
    assert.match(r.stdout, /\n {2}date: Monday \(Monday ×1\)\n/);
    assert.match(r.stdout, /\n {4}\(speaker not named\)\n {6}unattributed\.txt:3:1 {2}Nothing will change before the elections in the spring\.\n/);
  });

  test('text: line and column in CRLF, BOM and emoji files are what an editor shows', () => {
    const r = run(['analyze', 'crlf.txt', 'bom.txt', 'emoji.txt']);
    assert.equal(r.code, 0, r.stderr);
    const crlf = source('crlf.txt');
    assert.ok(r.stdout.includes(`crlf.txt:${lineCol(crlf, crlf.indexOf('“'))}  Every ceasefire`), r.stdout);
    assert.equal(lineCol(crlf, crlf.indexOf('“')), '3:27');
    // The BOM is not a visible column: the quote at the very start of the file is at 1:1.
    assert.ok(r.stdout.includes('bom.txt:1:1  Мы категорически против этого решения'), r.stdout);
    assert.ok(r.stdout.includes('bom.txt:4:1  Мы категорически'), r.stdout);
    // Columns count UTF-16 code units (as LSP and VS Code do): 7 units before the quote.
    assert.ok(r.stdout.includes('emoji.txt:1:8  Every ceasefire'), r.stdout);
  });

  test('markdown: a report with a section, a table of referents and a row per claim or quote', () => {
    const r = run(['analyze', '--format', 'markdown', EN, 'empty.txt']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '# Diplomatic Lens report');
    assert.ok(lines.includes(`## ${EN}`), r.stdout);
    assert.ok(lines.includes('## empty.txt'), r.stdout);
    assert.ok(lines.includes('| where | who | cue | what |'), r.stdout);
    assert.ok(lines.includes('| person | Osman Babiker | Osman Babiker ×1, Babiker ×1 |'), r.stdout);
    const g = goldQuote(EN, 'Every ceasefire they signed');
    const row = `| ${lineCol(source(EN), g.start)} | Osman Babiker (Babiker) | quote | Every ceasefire they signed, they broke within days, |`;
    assert.ok(lines.includes(row), `${row} in:\n${r.stdout}`);
    const en = json(run(['analyze', '--format', 'json', EN]))[0];
    const rows = lines.slice(lines.indexOf(`## ${EN}`), lines.indexOf('## empty.txt')).filter((l) => /^\| \d+:\d+ \|/.test(l));
    // One row per claim, and one per quote that is not a claim's content.
    const quoteClaims = (en.claims as Array<{ kind?: string }>).filter((c) => c.kind === 'quote').length;
    assert.equal(rows.length, en.claims.length + en.quotes.length - quoteClaims, 'one row per claim or unclaimed quote');
    assert.ok(lines.some((l) => l.startsWith('Language: en. Quotations: 0')), 'the empty file has a section without rows');
  });
});

describe('--language', () => {
  test('overrides detection, in both spellings', () => {
    const auto = json(run(['analyze', '--format', 'json', EN, RU]));
    assert.deepEqual(auto.map((x) => x.language), ['en', 'ru']);
    const ru = json(run(['analyze', '--format', 'json', '--language', 'ru', EN, RU]));
    assert.deepEqual(ru.map((x) => x.language), ['ru', 'ru']);
    const en = json(run(['analyze', '--format=json', '--language=en', RU]));
    assert.deepEqual(en.map((x) => x.language), ['en']);
    for (const res of [...ru, ...en]) assertSpansAreSlices(res, source(res.file));
  });

  test('an unknown language is bad usage (exit 2)', () => {
    const r = run(['analyze', '--language', 'fr', EN]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^diplomatic-lens: unknown language "fr"/);
  });
});

describe('files that cannot be analysed', () => {
  for (const [name, file, reason] of [
    ['a missing file', 'no-such-file.txt', /no such file/],
    ['a directory', 'a-directory', /directory/],
    ['a binary file', 'binary.dat', /binary/],
    ['invalid UTF-8', 'cp1251.txt', /UTF-8/],
  ] as const) {
    test(`${name}: one line on stderr, exit 1, the other files still printed`, () => {
      const r = run(['analyze', '--format', 'json', EN, file, RU]);
      assert.equal(r.code, 1);
      const errs = stderrLines(r);
      assert.equal(errs.length, 1, r.stderr);
      assert.ok(errs[0].startsWith(`diplomatic-lens: ${file}: `), errs[0]);
      assert.match(errs[0], reason);
      const results = json(r);
      assert.deepEqual(results.map((x) => x.file), [EN, RU]);
      for (const res of results) assertSpansAreSlices(res, source(res.file));
      // The text format too.
      const t = run(['analyze', file, EN]);
      assert.equal(t.code, 1);
      assert.equal(stderrLines(t).length, 1, t.stderr);
      assert.ok(t.stdout.startsWith(`${EN} (en): `), t.stdout);
    });
  }

  test('only bad files: exit 1, an empty JSON array, one stderr line each', () => {
    const r = run(['analyze', '--format', 'json', 'no-such-file.txt', 'binary.dat', 'cp1251.txt']);
    assert.equal(r.code, 1);
    assert.deepEqual(json(r), []);
    assert.deepEqual(
      stderrLines(r).map((l) => l.split(':')[1].trim()),
      ['no-such-file.txt', 'binary.dat', 'cp1251.txt'],
    );
  });

  test('--max-size: a larger file is refused with the limit named, exit 1', () => {
    const size = readFileSync(path.join(dir, EN)).length;
    const r = run(['analyze', '--format', 'json', '--max-size', String(size - 1), EN, 'crlf.txt']);
    assert.equal(r.code, 1);
    const errs = stderrLines(r);
    assert.equal(errs.length, 1);
    assert.match(errs[0], new RegExp(`^diplomatic-lens: ${EN.replace(/\./g, '\\.')}: too large \\(${size} bytes; limit ${size - 1}`));
    assert.deepEqual(json(r).map((x) => x.file), ['crlf.txt']);
    assert.equal(run(['analyze', '--format', 'json', '--max-size', String(size), EN]).code, 0);
  });
});

describe('usage', () => {
  test('--help: the usage on stdout, exit 0', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^usage: diplomatic-lens analyze/);
    for (const opt of ['--format', '--language', '--max-size']) assert.ok(r.stdout.includes(opt), `usage mentions ${opt}`);
    assert.equal(r.stderr, '');
  });

  test('--version: the package version', () => {
    const r = run(['--version']);
    assert.equal(r.code, 0);
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(r.stdout.trim(), pkg.version);
  });

  for (const [name, args, message] of [
    ['an unknown option', ['analyze', '--frobnicate', EN], /unknown option --frobnicate/],
    ['an unknown format', ['analyze', '--format', 'yaml', EN], /unknown format "yaml"/],
    ['an unknown --fail-on level', ['analyze', '--fail-on', 'fatal', EN], /fail-on/],
    ['an option without its value', ['analyze', EN, '--format'], /--format needs a value/],
    ['a bad --max-size', ['analyze', '--max-size', 'lots', EN], /--max-size needs a positive number/],
    ['no files', ['analyze', '--format', 'json'], /no files given/],
    ['an unknown command', ['analyse', EN], /unknown command "analyse"/],
  ] as const) {
    test(`${name}: exit 2, a message, nothing on stdout`, () => {
      const r = run([...args]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(stderrLines(r)[0], /^diplomatic-lens: /);
      assert.match(r.stderr, message);
    });
  }

  test('“--” ends the options: a file named like an option is read as a file', () => {
    writeFileSync(path.join(dir, '--weird.txt'), QUOTE_EN + '\n');
    const r = run(['analyze', '--format', 'json', '--', '--weird.txt']);
    assert.equal(r.code, 0, r.stderr);
    const [res] = json(r);
    assert.equal(res.file, '--weird.txt');
    assert.equal(res.quotes[0]?.speaker?.text, 'Babiker');
  });
});

test('no stderr in this file held a stack trace', () => {
  assert.ok(allStderr.length > 20, 'the runs above were recorded');
  for (const { args, stderr } of allStderr) assertNoStackTrace(stderr, args);
});
