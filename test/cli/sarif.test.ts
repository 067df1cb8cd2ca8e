// `--format sarif`, `--fail-on`, `--severity` and the findings of `--format text`, run as users run
// them: `node dist/cli.js analyze …` in a child process, in a scratch directory, on texts made here.
// Every SARIF log is validated against the SARIF 2.1.0 JSON schema, offline: the schema file that
// @microsoft/jest-sarif ships (sarif-2.1.0-rtm.5.json, draft-04; it differs from the OASIS final
// schema only in suppression.state/status and a regex typo in `language`, neither of which this
// output uses), with ajv-draft-04 and ajv-formats (uri, uri-reference, date-time are checked).
// Tests whose name starts with "findings:" need the core to produce assertions (analysis/assertions.ts).
// Needs the built CLI: run `node scripts/build.mjs --dev` first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { ASSERTION_RULES, RULES, RULE_HELP_BASE, SEVERITIES } from '../../protocol/rules.ts';

const REPO = path.join(import.meta.dirname, '../..');
const CLI = path.join(REPO, 'dist/cli.js');
assert.ok(existsSync(CLI), `${CLI} exists (build first: node scripts/build.mjs --dev)`);
const VERSION = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version as string;

// The schema, from the installed package (no network).
const require = createRequire(import.meta.url);
const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
// strict: false — the schema itself is not written for ajv's strict mode (a `required` under anyOf
// without `properties`); that only concerns how the schema is authored, not what it accepts.
// unicodeRegExp: false — rtm.5's `language` pattern has a stray `]` that a /u regex rejects; every
// pattern in the schema is ASCII, so the flag changes nothing else.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function assertValid(log: unknown, what: string): void {
  const ok = validateSarif(log);
  const errors = (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
  assert.ok(ok, `${what} is valid SARIF 2.1.0:\n${errors}`);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dir = '';

function run(args: string[], cwd = dir): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.error, undefined, `spawn ${args.join(' ')}`);
  assert.ok(!/^\s+at /m.test(r.stderr), `a stack trace on stderr for ${args.join(' ')}:\n${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sarif(r: Run): Sarif.Log {
  let log: unknown;
  assert.doesNotThrow(() => (log = JSON.parse(r.stdout)), `stdout is one JSON document:\n${r.stdout.slice(0, 500)}`);
  return log as Sarif.Log;
}

function write(name: string, text: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
}

// Texts with clear findings. Line numbers are the ones the assertions below expect.
const EN = [
  'Ceasefire talks in Geneva', // 1
  '',
  'The army committed war crimes in the border villages and spread propaganda about the talks.', // 3: accusation
  '',
  'More than 3,000 civilians fled the region last week.', // 5: figure
  '',
  'Western officials say the talks are likely to collapse before the end of the month.', // 7: vague source
  '',
  'Foreign Minister Ahmed Saleh said that the army had committed war crimes in the villages.', // 9: attributed
  '',
].join('\n');
const RU = [
  'Переговоры в Женеве', // 1
  '',
  'Киев совершил очередную провокацию и продолжает агрессию против мирного населения.', // 3: accusation
  '',
  'Как сообщается, в результате обстрела погибли люди.', // 5: vague source
  '',
  'За неделю из региона выехали более 3000 человек.', // 7: figure
  '',
  'Министр иностранных дел Сергей Лавров заявил, что Киев совершил очередную провокацию.', // 9: attributed
  '',
].join('\n');
// A BOM, CRLF line ends and an emoji (two UTF-16 code units) before a finding on the same line.
const BOM_CRLF = '\ufeffThe army committed war crimes in the border villages.\r\n\r\nTalks resumed 🙂 on Monday. More than 3,000 civilians fled the region last week.\r\n';
// Nothing to report.
const CLEAN = 'Ceasefire talks in Geneva\n';

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dl-sarif-'));
  write('en.txt', EN);
  write('ru.txt', RU);
  write('bom-crlf.txt', BOM_CRLF);
  write('clean.txt', CLEAN);
  write('empty.txt', '');
  write('sub dir/Заявление МИД.txt', RU);
  write('binary.dat', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The offset of a 1-based line/column (UTF-16 code units) in a text, lines ending at \r\n, \n or \r; a BOM is not counted. */
function offsetOf(text: string, line: number, column: number): number {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  let at = 0;
  for (let l = 1; l < line; l++) {
    const m = /\r\n|\n|\r/g;
    m.lastIndex = at;
    const hit = m.exec(body);
    assert.ok(hit, `line ${line} exists`);
    at = hit.index + hit[0].length;
  }
  return at + column - 1;
}

function results(log: Sarif.Log): Sarif.Result[] {
  return log.runs[0].results ?? [];
}

function uriOf(r: Sarif.Result): string {
  return r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
}

describe('SARIF without findings', () => {
  test('one run: the driver with every rule, its descriptions, default level and help page', () => {
    const r = run(['analyze', '--format', 'sarif', 'clean.txt']);
    assert.equal(r.code, 0, r.stderr);
    const log = sarif(r);
    assertValid(log, 'a log without findings');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'Diplomatic Lens');
    assert.equal(driver.version, VERSION);
    assert.match(driver.informationUri ?? '', /^https:\/\/github\.com\/diplomatic-lens\/diplomatic-lens$/);
    assert.deepEqual(
      driver.rules?.map((x) => x.id),
      [...ASSERTION_RULES],
    );
    for (const [i, rule] of (driver.rules ?? []).entries()) {
      const meta = RULES[ASSERTION_RULES[i]];
      assert.equal(rule.name, meta.name);
      assert.match(rule.name ?? '', /^[A-Z][A-Za-z]+$/, 'a name is identifier-like');
      assert.equal(rule.shortDescription?.text, meta.short);
      assert.equal(rule.fullDescription?.text, meta.full);
      assert.equal(rule.helpUri, `https://github.com/diplomatic-lens/diplomatic-lens/blob/main/docs/rules/${rule.id}.md`);
      const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' }[meta.defaultSeverity];
      assert.equal(rule.defaultConfiguration?.level, level, `${rule.id}: ${meta.defaultSeverity} → ${level}`);
    }
  });

  test('the run says how it counts columns and lines, lists the file and a successful invocation', () => {
    const log = sarif(run(['analyze', '--format', 'sarif', 'clean.txt', 'empty.txt']));
    assertValid(log, 'a log of two files');
    const theRun = log.runs[0];
    assert.equal(theRun.columnKind, 'utf16CodeUnits');
    assert.deepEqual(theRun.results, []);
    assert.deepEqual(
      theRun.artifacts?.map((a) => [a.location?.uri, a.location?.uriBaseId, a.encoding, a.length]),
      [
        ['clean.txt', '%SRCROOT%', 'utf-8', Buffer.byteLength(CLEAN)],
        ['empty.txt', '%SRCROOT%', 'utf-8', 0],
      ],
    );
    assert.equal(theRun.originalUriBaseIds?.['%SRCROOT%']?.uri, pathToFileURL(dir).href + '/');
    assert.equal(theRun.invocations?.length, 1);
    assert.equal(theRun.invocations?.[0].executionSuccessful, true);
    assert.equal(theRun.invocations?.[0].exitCode, 0);
    assert.equal(theRun.invocations?.[0].toolExecutionNotifications, undefined);
  });

  test('a file that cannot be read is a tool execution notification; the log stays valid, exit 1', () => {
    const r = run(['analyze', '--format', 'sarif', 'clean.txt', 'no-such-file.txt', 'binary.dat']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 2, r.stderr);
    const log = sarif(r);
    assertValid(log, 'a log with unreadable files');
    const inv = log.runs[0].invocations?.[0];
    assert.equal(inv?.executionSuccessful, false);
    assert.equal(inv?.exitCode, 1);
    const notes = inv?.toolExecutionNotifications ?? [];
    assert.deepEqual(
      notes.map((n) => [n.level, n.locations?.[0]?.physicalLocation?.artifactLocation?.uri]),
      [
        ['error', 'no-such-file.txt'],
        ['error', 'binary.dat'],
      ],
    );
    assert.match(notes[0].message.text ?? '', /no-such-file\.txt: no such file/);
    assert.match(notes[1].message.text ?? '', /binary/);
    assert.deepEqual(
      log.runs[0].artifacts?.map((a) => a.location?.uri),
      ['clean.txt'],
    );
  });

  test('a file in a subdirectory or with spaces and Cyrillic in its name: a percent-encoded relative URI; outside the directory: a file: URI', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'dl-outside-'));
    try {
      writeFileSync(path.join(outside, 'far away.txt'), CLEAN);
      const r = run(['analyze', '--format', 'sarif', 'sub dir/Заявление МИД.txt', path.join(outside, 'far away.txt')]);
      assert.equal(r.code, 0, r.stderr);
      const log = sarif(r);
      assertValid(log, 'a log with encoded URIs');
      const [inside, far] = log.runs[0].artifacts ?? [];
      assert.equal(inside.location?.uri, `sub%20dir/${encodeURIComponent('Заявление МИД.txt')}`);
      assert.equal(inside.location?.uriBaseId, '%SRCROOT%');
      assert.equal(far.location?.uri, pathToFileURL(path.join(outside, 'far away.txt')).href);
      assert.equal(far.location?.uriBaseId, undefined);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('the validator rejects what the schema forbids (it is really checking)', () => {
    const log = sarif(run(['analyze', '--format', 'sarif', 'clean.txt']));
    const bad = structuredClone(log) as unknown as { runs: Array<{ columnKind: string; tool: { driver: { rules: Array<{ defaultConfiguration: { level: string } }> } } }> };
    bad.runs[0].columnKind = 'utf8Bytes';
    bad.runs[0].tool.driver.rules[0].defaultConfiguration.level = 'information';
    assert.equal(validateSarif(bad), false);
    assert.equal(validateSarif({ version: '2.1.0' }), false, 'runs is required');
  });
});

describe('--fail-on and --severity', () => {
  test('without findings no threshold fails; unreadable files still exit 1', () => {
    for (const s of SEVERITIES) {
      for (const format of ['text', 'json', 'sarif']) {
        const r = run(['analyze', '--format', format, '--fail-on', s, 'clean.txt', 'empty.txt']);
        assert.equal(r.code, 0, `--fail-on ${s} --format ${format}: ${r.stderr}`);
        assert.equal(r.stderr, '');
      }
    }
    assert.equal(run(['analyze', '--fail-on=off', 'clean.txt', 'no-such-file.txt']).code, 1);
    assert.equal(run(['analyze', '--fail-on', 'error', 'no-such-file.txt', 'clean.txt']).code, 1);
  });

  test('bad usage exits 2 with one message', () => {
    for (const [args, message] of [
      [['analyze', '--fail-on', 'warn', 'clean.txt'], /unknown severity "warn" for --fail-on/],
      [['analyze', 'clean.txt', '--fail-on'], /--fail-on needs a value/],
      [['analyze', '--severity', 'no-such-rule=error', 'clean.txt'], /unknown rule "no-such-rule"/],
      [['analyze', '--severity', 'vague-source=fatal', 'clean.txt'], /unknown severity "fatal" for --severity/],
      [['analyze', '--severity', 'vague-source', 'clean.txt'], /--severity needs RULE=SEVERITY/],
      [['analyze', '--format', 'sarifx', 'clean.txt'], /unknown format "sarifx" \(json, text, markdown, sarif\)/],
    ] as const) {
      const r = run([...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });

  test('--help documents the options, the severities and the rules', () => {
    const r = run(['analyze', '--help']);
    assert.equal(r.code, 0);
    for (const s of ['--format json|text|markdown|sarif', '--fail-on', '--severity', ...ASSERTION_RULES]) assert.ok(r.stdout.includes(s), `usage mentions ${s}`);
  });

  test('a --severity override is recorded in the invocation as a rule configuration override', () => {
    const log = sarif(run(['analyze', '--format', 'sarif', '--severity', 'vague-source=error,unattributed-evaluation=off', 'clean.txt']));
    assertValid(log, 'a log with overrides');
    const overrides = log.runs[0].invocations?.[0].ruleConfigurationOverrides ?? [];
    assert.deepEqual(
      overrides.map((o) => [o.descriptor.id, o.descriptor.index, o.configuration.level, o.configuration.enabled]),
      [
        ['unattributed-evaluation', ASSERTION_RULES.indexOf('unattributed-evaluation'), 'none', false],
        ['vague-source', ASSERTION_RULES.indexOf('vague-source'), 'error', true],
      ],
    );
    // The rules' defaults do not change.
    assert.equal(log.runs[0].tool.driver.rules?.find((x) => x.id === 'vague-source')?.defaultConfiguration?.level, 'warning');
  });
});

// From here on the tests need findings: the core's assertions (analysis/assertions.ts).
describe('findings', () => {
  /** Rule ids found on each line of a file, from a SARIF log. */
  function byLine(log: Sarif.Log, uri: string): Map<number, string[]> {
    const out = new Map<number, string[]>();
    for (const r of results(log).filter((x) => uriOf(x) === uri)) {
      const line = r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0;
      out.set(line, [...(out.get(line) ?? []), r.ruleId ?? '']);
    }
    return out;
  }

  test('findings: SARIF results for unattributed accusations, figures and vague sources in English and Russian', () => {
    const r = run(['analyze', '--format', 'sarif', 'en.txt', 'ru.txt']);
    assert.equal(r.code, 0, r.stderr);
    const log = sarif(r);
    assertValid(log, 'a log with findings');
    const en = byLine(log, 'en.txt');
    const ru = byLine(log, 'ru.txt');
    assert.ok(en.get(3)?.includes('unattributed-accusation'), `en line 3: ${JSON.stringify([...en])}`);
    assert.ok(en.get(5)?.includes('unattributed-figure'), `en line 5: ${JSON.stringify([...en])}`);
    assert.ok(en.get(7)?.includes('vague-source'), `en line 7: ${JSON.stringify([...en])}`);
    assert.equal(en.get(9), undefined, 'an attributed accusation is no finding');
    assert.ok(ru.get(3)?.includes('unattributed-accusation'), `ru line 3: ${JSON.stringify([...ru])}`);
    assert.ok(ru.get(5)?.includes('vague-source'), `ru line 5: ${JSON.stringify([...ru])}`);
    assert.ok(ru.get(7)?.includes('unattributed-figure'), `ru line 7: ${JSON.stringify([...ru])}`);
    assert.equal(ru.get(9), undefined, 'an attributed accusation is no finding');
    for (const res of results(log)) {
      const id = res.ruleId as (typeof ASSERTION_RULES)[number];
      assert.ok(ASSERTION_RULES.includes(id), `a known rule: ${id}`);
      assert.equal(res.ruleIndex, ASSERTION_RULES.indexOf(id));
      assert.equal(res.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' }[RULES[id].defaultSeverity]);
      assert.ok(res.message.text?.startsWith(RULES[id].short + ': "'), `the message names the rule and its trigger words: ${res.message.text}`);
    }
  });

  test('findings: the message names the trigger words, whole, as written', () => {
    const log = sarif(run(['analyze', '--format', 'sarif', 'en.txt', 'ru.txt']));
    const message = (uri: string, line: number, rule: string) =>
      results(log).find((x) => uriOf(x) === uri && x.ruleId === rule && x.locations?.[0]?.physicalLocation?.region?.startLine === line)?.message.text ?? '';
    assert.match(message('en.txt', 3, 'unattributed-accusation'), /"war crimes"/);
    assert.match(message('en.txt', 3, 'unattributed-accusation'), /"propaganda"/);
    assert.match(message('en.txt', 5, 'unattributed-figure'), /3,000/);
    assert.match(message('en.txt', 7, 'vague-source'), /"Western officials say"/i);
    assert.match(message('ru.txt', 3, 'unattributed-accusation'), /"провокацию"/);
    assert.match(message('ru.txt', 3, 'unattributed-accusation'), /"агрессию"/);
    assert.match(message('ru.txt', 5, 'vague-source'), /"Как сообщается"/);
    assert.match(message('ru.txt', 7, 'unattributed-figure'), /3000/);
  });

  test('findings: every region — line/column, offset/length and snippet — is the same text of the file (BOM, CRLF, emoji)', () => {
    const log = sarif(run(['analyze', '--format', 'sarif', 'en.txt', 'ru.txt', 'bom-crlf.txt']));
    assertValid(log, 'a log with BOM and CRLF files');
    const texts: Record<string, string> = { 'en.txt': EN, 'ru.txt': RU, 'bom-crlf.txt': BOM_CRLF };
    assert.ok(results(log).some((x) => uriOf(x) === 'bom-crlf.txt'), 'the BOM/CRLF file has findings');
    for (const res of results(log)) {
      const loc = res.locations?.[0]?.physicalLocation;
      const text = texts[loc?.artifactLocation?.uri ?? ''];
      const reg = loc?.region;
      assert.ok(text !== undefined && reg, JSON.stringify(loc));
      assert.equal(loc?.artifactLocation?.index, Object.keys(texts).indexOf(loc?.artifactLocation?.uri ?? ''));
      const body = text.startsWith('\ufeff') ? text.slice(1) : text;
      const start = offsetOf(text, reg.startLine!, reg.startColumn!);
      const end = offsetOf(text, reg.endLine!, reg.endColumn!);
      assert.equal(reg.charOffset, start, `charOffset agrees with line/column (BOM not counted): ${JSON.stringify(reg)}`);
      assert.equal(reg.charLength, end - start);
      assert.equal(body.slice(start, end), reg.snippet?.text);
      assert.ok((reg.snippet?.text ?? '').trim().length > 0);
    }
    // The figure after the emoji: columns count UTF-16 code units (the emoji is two).
    const figure = results(log).find((x) => uriOf(x) === 'bom-crlf.txt' && x.ruleId === 'unattributed-figure');
    const line3 = BOM_CRLF.split('\r\n')[2];
    assert.equal(figure?.locations?.[0]?.physicalLocation?.region?.startLine, 3);
    assert.equal(figure?.locations?.[0]?.physicalLocation?.region?.startColumn, line3.indexOf('More') + 1);
    assert.equal(line3.indexOf('More'), [...line3.slice(0, line3.indexOf('More'))].length + 1, 'the emoji is two code units');
    // The sentence at the very start of the BOM file is at 1:1, offset 0.
    const first = results(log).find((x) => uriOf(x) === 'bom-crlf.txt' && x.ruleId === 'unattributed-accusation')?.locations?.[0]?.physicalLocation?.region;
    assert.deepEqual([first?.startLine, first?.startColumn, first?.charOffset], [1, 1, 0]);
  });

  test('findings: --format text lists them as “file:line:col severity rule message”, the same as SARIF', () => {
    const text = run(['analyze', 'en.txt', 'ru.txt', 'bom-crlf.txt']);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.split('\n');
    const re = /^ {4}(\S+):(\d+):(\d+) (hint|information|warning|error) ([a-z-]+) (.+)$/;
    const found = lines.map((l) => re.exec(l)).filter((m) => m !== null);
    assert.ok(found.length >= 8, text.stdout);
    // Under a "findings:" heading, after the file's other lines.
    for (const file of ['en.txt', 'ru.txt', 'bom-crlf.txt']) {
      const head = lines.findIndex((l) => l.startsWith(`${file} (`));
      const findings = lines.indexOf('  findings:', head);
      assert.ok(head >= 0 && findings > head, `${file}: a findings section in\n${text.stdout}`);
      assert.ok(re.test(lines[findings + 1]) && lines[findings + 1].includes(`${file}:`));
    }
    const log = sarif(run(['analyze', '--format', 'sarif', 'en.txt', 'ru.txt', 'bom-crlf.txt']));
    const fromSarif = results(log).map((x) => {
      const reg = x.locations?.[0]?.physicalLocation?.region;
      return `${uriOf(x)}:${reg?.startLine}:${reg?.startColumn} ${x.ruleId} ${x.level} ${x.message.text}`;
    });
    const fromText = found.map((m) => `${m[1]}:${m[2]}:${m[3]} ${m[5]} ${{ error: 'error', warning: 'warning', information: 'note', hint: 'note' }[m[4]]} ${m[6]}`);
    assert.deepEqual(fromText, fromSarif);
  });

  test('findings: markdown has a findings table', () => {
    const r = run(['analyze', '--format', 'markdown', 'en.txt']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes('| severity | where | rule | message | sentence |'), r.stdout);
    assert.match(r.stdout, /^\| warning \| 3:1 \| unattributed-accusation \| Accusation without a source: .*"war crimes"/m);
  });

  test('findings: --fail-on fails at or below the severity of a finding, not above; --severity changes that', () => {
    const files = ['en.txt', 'ru.txt'];
    // Default: findings never fail the run.
    assert.equal(run(['analyze', ...files]).code, 0);
    assert.equal(run(['analyze', '--fail-on', 'off', ...files]).code, 0);
    // The texts have warnings (accusations, figures, vague sources), and no errors by default.
    for (const s of ['hint', 'information', 'warning']) {
      const r = run(['analyze', '--format', 'sarif', '--fail-on', s, ...files]);
      assert.equal(r.code, 1, `--fail-on ${s}`);
      assert.match(r.stderr, new RegExp(`^diplomatic-lens: \\d+ findings? at ${s} or above \\(--fail-on ${s}\\)\\n$`));
      const log = sarif(r);
      assertValid(log, `a log with --fail-on ${s}`);
      assert.equal(log.runs[0].invocations?.[0].exitCode, 1);
      assert.equal(log.runs[0].invocations?.[0].executionSuccessful, true, 'failing on findings is not a failed execution');
    }
    assert.equal(run(['analyze', '--fail-on', 'error', ...files]).code, 0);
    // Raise one rule to error: now --fail-on error fails.
    const raised = run(['analyze', '--format', 'sarif', '--severity', 'vague-source=error', '--fail-on', 'error', ...files]);
    assert.equal(raised.code, 1);
    const log = sarif(raised);
    assertValid(log, 'a log with a raised rule');
    assert.ok(results(log).filter((x) => x.ruleId === 'vague-source').every((x) => x.level === 'error'));
    assert.ok(results(log).some((x) => x.ruleId === 'vague-source'));
    // Turn every rule off: no findings, nothing fails.
    const off = ASSERTION_RULES.map((id) => `${id}=off`).join(',');
    const quiet = run(['analyze', '--format', 'sarif', '--severity', off, '--fail-on', 'hint', ...files]);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.deepEqual(results(sarif(quiet)), []);
    const quietText = run(['analyze', '--severity', off, ...files]);
    assert.ok(!quietText.stdout.includes('findings:'), quietText.stdout);
  });

  test('findings: each result\'s ruleIndex points at its rule, whose helpUri is the rule page', () => {
    const log = sarif(run(['analyze', '--format', 'sarif', 'en.txt']));
    assert.ok(results(log).length > 0, 'en.txt has findings');
    for (const res of results(log)) {
      const rule = log.runs[0].tool.driver.rules?.[res.ruleIndex ?? -1];
      assert.equal(rule?.id, res.ruleId);
      assert.equal(rule?.helpUri, `${RULE_HELP_BASE}${res.ruleId}.md`);
    }
  });
});
