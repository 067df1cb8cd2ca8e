// Regular-expression linearity bench (issue 7): every regular expression the analysis core uses,
// timed on adversarial 10 KB and 100 KB strings; a linear-time regex takes about ten times longer
// on the longer one, a quadratic one a hundred times (or runs into the time limit).
//   node --import tsx scripts/bench/regex.ts [--quick] [--json] [--workers N] [--filter STR]
//
// What is collected, with no list to keep up to date:
//  - every regular-expression literal in analysis/**/*.ts (read with the TypeScript compiler API);
//  - every trigger fragment of analysis/data/<lang>/assertions.json, wrapped as the core wraps it
//    (`(?<![\p{L}\d])(?:fragment)`, the wrapper read from the construction site), and the joined
//    `narration` alternation; `where` names the data file, key and index;
//  - every regex the core builds with `new RegExp(…)` at run time (the date scanner from dates.json,
//    the fragment set): a child process analyses samples/ and test/fixtures/ with the RegExp
//    constructor watched, and each construction is attributed to its call site (file:line). A
//    `new RegExp` site neither data-driven nor reached by those texts is listed as "not covered".
// (data/<lang>/speech.json makes no regexes: its entries expand to word sets in lexicon.ts.)
//
// How each is timed: a global regex scans the whole string (test() in a loop, stepping over empty
// matches); a sticky one is tried at every start position, as the tokenizer does; a non-global one
// runs once on a single long line (how `^…$` tests and `.test(text.slice(…))` use them). Inputs:
// runs of Latin and Cyrillic letters, letters with spaces, dots, hyphens, digits, quote marks,
// dashes, commas, whitespace, newlines, "word, word,", unterminated prose, and inputs derived from
// each regex's source (near-misses of what it matches, the bodies it repeats, its words and marks),
// each bare and with a tail holding what the regex looks for. All inputs are screened at a small
// size; the slowest are timed at 10 KB and 100 KB, and the worst at 100 KB makes the row. Each regex
// runs in a worker thread with a time limit per measurement, so a catastrophic one is reported as
// timed out (ms100k = Infinity), not waited for; a finite non-linear row is timed again alone, so a
// busy machine does not make one up.
import ts from 'typescript';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { execFile } from 'node:child_process';

export interface RegexRow {
  name: string;
  where: string;
  ms10k: number;
  ms100k: number;
  ratio: number;
  linear: boolean;
  /** The input that was slowest at 100 KB (the one the timings are for). */
  input: string;
  source: string;
  flags: string;
  /** A timed-out measurement (ms100k is Infinity), or a regex that does not compile. */
  error?: string;
}

export interface CollectedRegex {
  name: string;
  where: string;
  source: string;
  flags: string;
  kind: 'literal' | 'data' | 'runtime';
}

export interface RegexSite {
  where: string;
  /** The source text of the construction (`new RegExp(…)`), shortened. */
  code: string;
  /** How the site is covered: data recipe, run-time capture, or not at all. */
  coveredBy: string[];
}

export interface Collection {
  regexes: CollectedRegex[];
  sites: RegexSite[];
  notCovered: RegexSite[];
  /** A problem with the run-time capture (the analysis failed to load or run), if any. */
  captureError?: string;
}

export interface BenchOptions {
  quick?: boolean;
  /** Worker threads (default: available cores, at most 4). */
  workers?: number;
  /** Per-measurement time limit in ms (default 5000; 1000 when quick). */
  timeoutMs?: number;
  /** Only regexes whose name or where contains this string. */
  filter?: string;
  /** Progress lines on stderr. */
  progress?: boolean;
  /** Internal: the second, one-worker pass over rows that looked non-linear. */
  confirming?: boolean;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SMALL = 10_000;
const LARGE = 100_000;
// Full: every input screened at 10 KB, the eight slowest timed at 10 and 100 KB. Quick: screened at
// 2 KB (a quadratic regex is already hundreds of times slower there), the two slowest timed.
const FULL = { screen: SMALL, screenReps: 2, top: 8, largeReps: 5 };
const QUICK = { screen: 2_000, screenReps: 1, top: 2, largeReps: 2 };

// ---------------------------------------------------------------------------------------------
// Collection

function walk(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules') walk(p, ext, out);
    } else if (ext.test(name)) out.push(p);
  }
  return out;
}

const rel = (p: string) => relative(ROOT, p).split(sep).join('/');
const short = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function context(node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isVariableDeclaration(n) || ts.isPropertyAssignment(n) || ts.isPropertyDeclaration(n)) && ts.isIdentifier(n.name)) return n.name.text;
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name && ts.isIdentifier(n.name)) return n.name.text;
    if (ts.isConstructorDeclaration(n)) return 'constructor';
  }
  return '(module)';
}

interface Parsed {
  literals: CollectedRegex[];
  /** file:line → source and flags of the literals there (the transpiler may turn a literal into a RegExp call). */
  literalLines: Map<string, Set<string>>;
  sites: Array<{ where: string; code: string; wrapper?: { head: string; tail: string } }>;
}

function parseSources(): Parsed {
  const literals: CollectedRegex[] = [];
  const literalLines = new Map<string, Set<string>>();
  const sites: Parsed['sites'] = [];
  for (const file of walk(join(ROOT, 'analysis'), /\.ts$/)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (n: ts.Node) => `${rel(file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const cut = text.lastIndexOf('/');
        const source = text.slice(1, cut);
        const flags = text.slice(cut + 1);
        const where = at(node);
        literalLines.set(where, (literalLines.get(where) ?? new Set()).add(`${source}\u0000${flags}`));
        literals.push({ name: `${context(node)}: /${short(source, 60)}/${flags}`, where, source, flags, kind: 'literal' });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const arg = node.arguments?.[0];
        let wrapper: { head: string; tail: string } | undefined;
        // `(?<![\p{L}\d])(?:${f})`: a template with one hole at a word-start wrapper.
        if (arg && ts.isTemplateExpression(arg) && arg.templateSpans.length === 1 && arg.head.text.startsWith('(?<!') && arg.head.text.endsWith('(?:') && arg.templateSpans[0].literal.text.startsWith(')')) {
          wrapper = { head: arg.head.text, tail: arg.templateSpans[0].literal.text };
        }
        sites.push({ where: at(node), code: short(node.getText(sf).replace(/\s+/g, ' '), 120), wrapper });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, literalLines, sites };
}

/** assertions.json fragments, wrapped as the core wraps them; one regex per fragment, narration joined. */
function assertionData(wrapper: { head: string; tail: string }): CollectedRegex[] {
  const out: CollectedRegex[] = [];
  const dataDir = join(ROOT, 'analysis', 'data');
  for (const lang of readdirSync(dataDir).sort()) {
    const file = join(dataDir, lang, 'assertions.json');
    if (!existsSync(file)) continue;
    const d = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const [key, value] of Object.entries(d)) {
      if (key.startsWith('$') || !Array.isArray(value)) continue;
      const fragments = value.filter((x): x is string => typeof x === 'string');
      if (key === 'narration') {
        out.push({ name: `${lang} narration (${fragments.length} joined)`, where: `${rel(file)} narration[*]`, source: wrapper.head + fragments.join('|') + wrapper.tail, flags: 'giu', kind: 'data' });
        continue;
      }
      fragments.forEach((f, i) => {
        out.push({ name: `${lang} ${key}: ${short(f, 60)}`, where: `${rel(file)} ${key}[${i}]`, source: wrapper.head + f + wrapper.tail, flags: 'giu', kind: 'data' });
      });
    }
  }
  return out;
}

interface Captured {
  where: string;
  source: string;
  flags: string;
}

/**
 * Runs the analysis on the samples and fixtures with the RegExp constructor watched. It runs in a
 * child process: there the core's lazily built caches are certainly cold (in this process some other
 * bench may have analysed text already), and the caller's RegExp is never touched.
 */
function captureRuntime(): Promise<{ captured: Captured[]; error?: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CAPTURE_FLAG], { cwd: ROOT, maxBuffer: 256 << 20 }, (err, stdout, stderr) => {
      const at = stdout.lastIndexOf(CAPTURE_MARK);
      if (err || at < 0) {
        done({ captured: [], error: `${err?.message ?? 'no output'}${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}` });
        return;
      }
      try {
        const out = JSON.parse(stdout.slice(at + CAPTURE_MARK.length)) as { captured: Captured[]; error?: string };
        done(out);
      } catch (e) {
        done({ captured: [], error: `unreadable capture output: ${String(e)}` });
      }
    });
  });
}

const CAPTURE_FLAG = '--capture-runtime';
const CAPTURE_MARK = '\u0000regex-capture\u0000';

/** The child's side of captureRuntime: prints what the core constructed, and where. */
async function captureHere(): Promise<void> {
  const captured: Captured[] = [];
  const seen = new Set<string>();
  const g = globalThis as unknown as { RegExp: RegExpConstructor };
  const Native = g.RegExp;
  const analysisDir = join(ROOT, 'analysis') + sep;
  const self = fileURLToPath(import.meta.url);
  const record = (args: unknown[]) => {
    const stack = new Error().stack ?? '';
    // The first frame outside this file is the caller.
    for (const line of stack.split('\n').slice(1)) {
      const m = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):\d+\)?$/.exec(line.trim());
      if (!m) continue;
      const file = m[1].startsWith('file://') ? fileURLToPath(m[1]) : m[1];
      if (file === self) continue;
      if (!file.startsWith(analysisDir)) return;
      const pattern = args[0];
      const source = pattern instanceof Native ? pattern.source : String(pattern ?? '(?:)');
      const flags = args[1] !== undefined ? String(args[1]) : pattern instanceof Native ? pattern.flags : '';
      const where = `${rel(file)}:${m[2]}`;
      const key = `${where}\u0000${source}\u0000${flags}`;
      if (!seen.has(key)) {
        seen.add(key);
        captured.push({ where, source, flags });
      }
      return;
    }
  };
  const Watched: RegExpConstructor = new Proxy(Native, {
    construct(target, args, newTarget) {
      record(args);
      return Reflect.construct(target, args, newTarget === Watched ? target : newTarget) as object;
    },
    apply(target, thisArg, args) {
      record(args);
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
  let error: string | undefined;
  try {
    Error.stackTraceLimit = 4;
    g.RegExp = Watched;
    const core = (await import(pathToFileURL(join(ROOT, 'analysis', 'index.ts')).href)) as { analyze: (t: string, o?: { markdown?: boolean }) => unknown };
    const texts = [...walk(join(ROOT, 'samples'), /\.(txt|md)$/), ...walk(join(ROOT, 'test', 'fixtures'), /\.(txt|md)$/)];
    for (const f of texts) core.analyze(readFileSync(f, 'utf8'), { markdown: f.endsWith('.md') });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  } finally {
    g.RegExp = Native;
  }
  process.stdout.write(CAPTURE_MARK + JSON.stringify({ captured, error }));
}

const flagKey = (flags: string) => [...flags.replace(/[gy]/g, '')].sort().join('');

let collected: Promise<Collection> | undefined;

/** Every regular expression of the analysis core (collected once per process). */
export function collectRegexes(): Promise<Collection> {
  collected ??= collect();
  return collected;
}

async function collect(): Promise<Collection> {
  const parsed = parseSources();
  const regexes: CollectedRegex[] = [...parsed.literals];
  const sites: RegexSite[] = parsed.sites.map((s) => ({ where: s.where, code: s.code, coveredBy: [] }));
  // Data: the word-start wrapper as written at the construction site(s).
  const wrapperSites = parsed.sites.filter((s) => s.wrapper);
  const wrapper = wrapperSites[0]?.wrapper ?? { head: '(?<![\\p{L}\\d])(?:', tail: ')' };
  const data = assertionData(wrapper);
  regexes.push(...data);
  for (const s of sites) if (wrapperSites.some((w) => w.where === s.where)) s.coveredBy.push('data: analysis/data/*/assertions.json');
  const byKey = new Map<string, CollectedRegex>();
  for (const r of regexes) byKey.set(`${r.source}\u0000${flagKey(r.flags)}`, r);
  // Run time: what the core really builds, attributed to the site.
  const { captured, error } = await captureRuntime();
  const perSite = new Map<string, number>();
  for (const c of captured) {
    if (parsed.literalLines.get(c.where)?.has(`${c.source}\u0000${c.flags}`)) continue; // a literal the transpiler turned into a constructor call
    const site = sites.find((s) => s.where === c.where);
    const count = (perSite.get(c.where) ?? 0) + 1;
    perSite.set(c.where, count);
    const key = `${c.source}\u0000${flagKey(c.flags)}`;
    const known = byKey.get(key);
    if (known) {
      if (!known.where.includes(c.where)) known.where += ` (via ${c.where})`;
    } else if (count <= 200) {
      const r: CollectedRegex = { name: `runtime: /${short(c.source, 60)}/${c.flags}`, where: c.where, source: c.source, flags: c.flags, kind: 'runtime' };
      regexes.push(r);
      byKey.set(key, r);
    }
    if (site && !site.coveredBy.includes('runtime')) site.coveredBy.push('runtime');
  }
  for (const s of sites) {
    const n = perSite.get(s.where);
    if (n) s.coveredBy[s.coveredBy.indexOf('runtime')] = `runtime (${n} distinct)`;
  }
  return { regexes, sites, notCovered: sites.filter((s) => s.coveredBy.length === 0), captureError: error };
}

// ---------------------------------------------------------------------------------------------
// Adversarial inputs

export interface InputSpec {
  name: string;
  /** The string is head + unit repeated + tail, cut to the size. */
  head: string;
  unit: string;
  tail: string;
}

const PROSE =
  'Министр иностранных дел России С.В.Лавров заявил, что переговоры в Женеве продолжатся, а стороны обсудили «вопросы безопасности» — ' +
  'the Secretary of State said that talks with the Russian Federation would continue and the parties discussed "security issues", according to officials ';

const BASE: Array<[string, string]> = [
  ['aaa', 'a'], ['AAA', 'A'], ['яяя', 'я'], ['ЯЯЯ', 'Я'], ['АбАб', 'Аб'], ['AbAb', 'Ab'],
  ['a a a', 'a '], ['A A A', 'A '], ['я я я', 'я '], ['Я Я Я', 'Я '], ['Ab Ab', 'Ab '], ['Аб Аб', 'Аб '],
  ['a.a.a.', 'a.'], ['А.А.А.', 'А.'], ['A. A. A.', 'A. '], ['А. А. А.', 'А. '], ['a-a-a', 'a-'], ['я-я-я', 'я-'], ['Аб-Аб', 'Аб-'],
  ['111', '1'], ['1 1 1', '1 '], ['1.1.1.', '1.'], ['12.12.', '12.'], ['1,1,1', '1,'], ['1-1-', '1-'],
  ['«««', '«'], ['»»»', '»'], ['“““', '“'], ['”””', '”'], ['"""', '"'], ["'''", "'"], ['«а «а', '«а '], ['"a "a', '"a '],
  ['———', '—'], ['---', '-'], ['– – –', '– '], ['— — —', '— '], [',,,', ','], [', , ,', ', '],
  ['spaces', ' '], ['tabs+spaces', '\t '], ['newlines', '\n'], ['blank lines', '\n\n '],
  ['word, word,', 'word, '], ['слово, слово,', 'слово, '], ['prose ru+en, no terminator', PROSE],
];

const LATIN = ['a', 'A', 'b', 'Z'];
const CYRILLIC = ['а', 'А', 'б', 'Я'];
const OTHERS = ['1', ' ', '.', ',', '-', '«', '»', '"', '“', '”', '„', "'", '’', '—', '–', ':', ';', '(', ')', '!', '?', '…', '/', '+', '&', '\n', '\u0301', '_', 'x', '<', '#', '*', '\t'];

/** A string the regex source describes (first alternatives, one or two of each repeat), and the repeats it loops over. */
function sampleOf(source: string, flags: string, cyrillic: boolean): { text: string; loops: Array<{ head: string; body: string }> } {
  const alphabet = cyrillic ? [...CYRILLIC, ...LATIN, ...OTHERS] : [...LATIN, ...CYRILLIC, ...OTHERS];
  const classFlags = flags.replace(/[gyd]/g, '');
  const pick = (atom: string): string => {
    try {
      const re = new RegExp(`^${atom}$`, classFlags.replace(/m/g, ''));
      return alphabet.find((c) => re.test(c)) ?? '';
    } catch {
      return '';
    }
  };
  const loops: Array<{ head: string; body: string }> = [];
  let pos = 0;
  const s = source;
  const atomText = (): { text: string; quantifiable: boolean } => {
    const c = s[pos];
    if (c === '(') {
      const look = /^\(\?(?:=|!|<=|<!)/.exec(s.slice(pos, pos + 4));
      if (look) {
        pos += look[0].length;
        alt('');
        pos++;
        return { text: '', quantifiable: false };
      }
      const named = /^\(\?<[A-Za-z_$][\w$]*>/.exec(s.slice(pos, pos + 40));
      pos += named ? named[0].length : s.startsWith('(?:', pos) ? 3 : 1;
      const t = alt('');
      pos++;
      return { text: t, quantifiable: true };
    }
    if (c === '[') {
      let j = pos + 1;
      if (s[j] === '^') j++;
      if (s[j] === ']') j++;
      while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
      const cls = s.slice(pos, j + 1);
      pos = j + 1;
      return { text: pick(cls), quantifiable: true };
    }
    if (c === '\\') {
      const m = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|\d+|[\s\S])/.exec(s.slice(pos, pos + 40));
      const esc = m ? m[0] : '\\';
      pos += esc.length;
      if (/^\\(?:[bB]|k<|[1-9])/.test(esc)) return { text: '', quantifiable: false };
      return { text: pick(esc), quantifiable: true };
    }
    if (c === '^' || c === '$') {
      pos++;
      return { text: '', quantifiable: false };
    }
    if (c === '.') {
      pos++;
      return { text: 'x', quantifiable: true };
    }
    const cp = s.codePointAt(pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    pos += ch.length;
    return { text: ch, quantifiable: true };
  };
  const seq = (prefix: string): string => {
    let acc = '';
    while (pos < s.length && s[pos] !== '|' && s[pos] !== ')') {
      const atom = atomText();
      const q = /^(?:\*|\+|\?|\{(\d+)(?:(,)(\d*))?\})\??/.exec(s.slice(pos, pos + 20));
      if (q && atom.quantifiable) {
        pos += q[0].length;
        const min = q[0][0] === '+' ? 1 : q[0][0] === '{' ? Number(q[1]) : 0;
        const unbounded = q[0][0] === '*' || q[0][0] === '+' || (q[0][0] === '{' && q[2] === ',' && q[3] === '');
        if (unbounded && atom.text) loops.push({ head: prefix + acc, body: atom.text });
        acc += atom.text.repeat(Math.max(min, 1));
      } else {
        if (q) pos += q[0].length;
        acc += atom.text;
      }
    }
    return acc;
  };
  const alt = (prefix: string): string => {
    const first = seq(prefix);
    while (s[pos] === '|') {
      pos++;
      seq(prefix);
    }
    return first;
  };
  let text = '';
  try {
    while (pos < s.length) {
      text += alt(text);
      if (s[pos] === ')') pos++;
    }
  } catch {
    // a sample is best effort
  }
  return { text, loops };
}

/** Inputs derived from the regex itself: near-misses of what it matches, the bodies it repeats, its words and marks. */
export function derivedInputs(source: string, flags: string): InputSpec[] {
  const out: InputSpec[] = [];
  const cyrillic = /[\u0400-\u04ff]/.test(source);
  const samples = [sampleOf(source, flags, cyrillic), sampleOf(source, flags, !cyrillic)];
  for (const { text, loops } of samples) {
    if (text.length >= 2) {
      const near = text.slice(0, -1);
      out.push({ name: `near-miss ${JSON.stringify(short(near, 24))}`, head: '', unit: near, tail: '' });
      out.push({ name: `near-miss ${JSON.stringify(short(near + ' ', 24))}`, head: '', unit: near + ' ', tail: '' });
    }
    for (const l of loops.slice(0, 4)) {
      out.push({ name: `${JSON.stringify(short(l.head, 16))} + ${JSON.stringify(short(l.body, 16))}×n`, head: l.head, unit: l.body, tail: '' });
      if (l.head) out.push({ name: `(${JSON.stringify(short(l.head + l.body, 20))})×n`, head: '', unit: l.head + l.body, tail: '' });
    }
  }
  // Literal words and phrases of the source: "по словам по словам …".
  const bare = source.replace(/\[(?:\\.|[^\]\\])*\]/g, ' ').replace(/\\(?:[pPuk]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|k<[^>]*>|.)/g, ' ');
  const phrases = Array.from(bare.matchAll(/\p{L}{2,}(?: \p{L}+)*/gu), (m) => m[0]);
  const chosen = new Set<string>();
  if (phrases.length) {
    chosen.add(phrases[0]);
    chosen.add(phrases[phrases.length - 1]);
    chosen.add(phrases.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  for (const p of chosen) {
    out.push({ name: `words ${JSON.stringify(short(p + ' ', 24))}×n`, head: '', unit: p + ' ', tail: '' });
    out.push({ name: `words ${JSON.stringify(short(p.slice(0, -1) + ' ', 24))}×n`, head: '', unit: p.slice(0, -1) + ' ', tail: '' });
  }
  // Marks the source mentions (escaped or in classes), alone and after a letter.
  const marks = new Set<string>();
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const group = /^\(\?(?:<[=!]|<[A-Za-z_$][\w$]*>|[:=!])/.exec(source.slice(i, i + 40));
    if (group) {
      i += group[0].length - 1;
    } else if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (/[^\p{L}\p{N}\s]/u.test(n)) marks.add(n);
      i++;
      if (/[pPuk]/.test(n) && source[i + 1] === '{') while (i < source.length && source[i] !== '}') i++;
    } else if (/[^\p{L}\p{N}\s()[\]{}|*+?^$.\\]/u.test(c)) marks.add(c);
  }
  for (const m of [...marks].slice(0, 8)) {
    out.push({ name: `${JSON.stringify(m)}×n`, head: '', unit: m, tail: '' });
    out.push({ name: `${JSON.stringify((cyrillic ? 'а' : 'a') + m)}×n`, head: '', unit: (cyrillic ? 'а' : 'a') + m, tail: '' });
  }
  return out;
}

/**
 * Every input three times: as a bare run; with a tail that holds what the regex looks for (a
 * near-miss and a full sample of it, then a stray letter); and with that tail and a letter in front.
 * V8 gives up early on a subject that lacks a character the regex needs, so "1 1 1" alone hides the
 * quadratic scan that "1 1 1 … 1 млн" shows; and a run at the very start is eaten whole by a
 * `^…+` alternative, so `^[^\p{L}]+|[^\p{L}]+$` looks linear on "———" but not on "x———x".
 */
export function inputsFor(source: string, flags: string): InputSpec[] {
  const sample = sampleOf(source, flags, /[\u0400-\u04ff]/.test(source)).text;
  const tail = short(` ${sample.slice(0, -1)} ${sample}x`, 120);
  const plain: InputSpec[] = [...BASE.map(([name, unit]) => ({ name: JSON.stringify(name), head: '', unit, tail: '' })), ...derivedInputs(source, flags)];
  const all = plain.flatMap((i) => [i, { ...i, name: `${i.name} + tail`, tail }, { ...i, name: `"x" + ${i.name} + tail`, head: 'x' + i.head, tail }]);
  const seen = new Set<string>();
  return all.filter((i) => {
    const key = `${i.head}\u0000${i.unit}\u0000${i.tail}`;
    if (!i.unit || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Measurement, in worker threads

// Plain JavaScript, evaluated in each worker (no TypeScript loader needed there).
const WORKER = String.raw`
const { parentPort } = require('node:worker_threads');
function build(inp, size) {
  const room = size - inp.tail.length;
  let s = inp.head;
  if (s.length < room) s += inp.unit.repeat(Math.ceil((room - s.length) / inp.unit.length));
  return s.slice(0, room) + inp.tail;
}
// test(), not exec(): no match arrays, so the timings are the engine's, not the allocator's.
function scan(re, s) {
  let n = 0;
  if (re.sticky) {
    for (let i = 0; i <= s.length; ) {
      re.lastIndex = i;
      if (re.test(s)) { n++; i = re.lastIndex > i ? re.lastIndex : i + 1; } else i++;
    }
  } else if (re.global) {
    re.lastIndex = 0;
    let last = -1;
    while (re.test(s)) {
      n++;
      if (re.lastIndex === last) re.lastIndex++; // an empty match: step over it, as replace() does
      last = re.lastIndex;
    }
  } else if (re.test(s)) n++;
  return n;
}
function timeBest(re, s, reps) {
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    scan(re, s);
    const dt = performance.now() - t0;
    if (dt < best) best = dt;
    if (r >= 1 && best > 50) break; // slow twice: precise enough (one slow run may be a hiccup)
  }
  return best;
}
parentPort.on('message', (job) => {
  let re;
  try { re = new RegExp(job.source, job.flags); } catch (e) {
    parentPort.postMessage({ type: 'done', id: job.id, error: 'does not compile: ' + e.message, results: [] });
    return;
  }
  const at = (input, size, ms10k) => parentPort.postMessage({ type: 'at', id: job.id, input, size, ms10k });
  // Warm-up: compile and tier up, for one-byte and two-byte subjects (V8 compiles each separately).
  at(-1, 1000);
  scan(re, 'a '.repeat(500));
  scan(re, 'я '.repeat(500));
  // Screen every input at a small size, then time the slowest few at 10 KB and 100 KB.
  const screen = job.inputs.map((inp, i) => {
    at(i, job.screen);
    return timeBest(re, build(inp, job.screen), job.screenReps);
  });
  const order = screen.map((ms, i) => i).sort((a, b) => screen[b] - screen[a]).slice(0, job.top);
  const results = [];
  for (const i of order) {
    at(i, job.small);
    const ms10k = timeBest(re, build(job.inputs[i], job.small), 5);
    at(i, job.large, ms10k);
    const ms100k = timeBest(re, build(job.inputs[i], job.large), job.largeReps);
    results.push({ input: i, ms10k, ms100k });
    if (ms100k > 500 && ms100k > 50 * ms10k) break; // plainly quadratic: no need to try the rest
  }
  parentPort.postMessage({ type: 'done', id: job.id, results });
});
`;

interface Job {
  id: number;
  source: string;
  flags: string;
  inputs: InputSpec[];
  /** Every input is screened at this size; the `top` slowest are timed at `small` and `large`. */
  screen: number;
  screenReps: number;
  top: number;
  small: number;
  large: number;
  largeReps: number;
}

type WorkerMessage =
  | { type: 'at'; id: number; input: number; size: number; ms10k?: number }
  | { type: 'done'; id: number; error?: string; results: Array<{ input: number; ms10k: number; ms100k: number }> };

/** linear: about ten times slower on ten times the input, or too fast to tell. */
export function isLinear(ms10k: number, ms100k: number): boolean {
  return ms100k < 5 || ms100k / Math.max(ms10k, 1e-3) < 25;
}

function rowFor(r: CollectedRegex, job: Job, msg: Extract<WorkerMessage, { type: 'done' }> | { timeout: { input: number; size: number }; results: Array<{ input: number; ms10k: number; ms100k: number }> }): RegexRow {
  const base = { name: r.name, where: r.where, source: r.source, flags: r.flags };
  if ('timeout' in msg) {
    const { input, size } = msg.timeout;
    const known = msg.results.find((x) => x.input === input);
    const ms10k = known?.ms10k ?? Infinity;
    const name = input >= 0 ? job.inputs[input].name : 'warm-up: "a a a", "я я я"';
    return { ...base, ms10k, ms100k: Infinity, ratio: Infinity, linear: false, input: name, error: `timed out at ${size / 1000} KB` };
  }
  if (msg.error || !msg.results.length) return { ...base, ms10k: 0, ms100k: 0, ratio: 0, linear: true, input: '', error: msg.error };
  const worst = msg.results.reduce((a, b) => (b.ms100k > a.ms100k ? b : a));
  const ratio = worst.ms100k / Math.max(worst.ms10k, 1e-3);
  return { ...base, ms10k: worst.ms10k, ms100k: worst.ms100k, ratio, linear: isLinear(worst.ms10k, worst.ms100k), input: job.inputs[worst.input].name };
}

async function measureAll(regexes: Array<CollectedRegex & { inputs?: InputSpec[] }>, opts: BenchOptions): Promise<RegexRow[]> {
  const quick = opts.quick ?? false;
  const timeoutMs = opts.timeoutMs ?? (quick ? 1000 : 5000);
  const nWorkers = Math.max(1, Math.min(opts.workers ?? Math.min(availableParallelism(), 4), regexes.length));
  const rows: RegexRow[] = new Array(regexes.length);
  let next = 0;
  let finished = 0;
  const runLane = () =>
    new Promise<void>((resolveLane, rejectLane) => {
      let worker: Worker;
      let job: Job | undefined;
      let timer: NodeJS.Timeout | undefined;
      let partial: Array<{ input: number; ms10k: number; ms100k: number }> = [];
      const spawn = () => {
        worker = new Worker(WORKER, { eval: true, execArgv: [] });
        worker.on('message', onMessage);
        worker.on('error', (e) => rejectLane(e));
      };
      const take = () => {
        if (timer) clearTimeout(timer);
        if (next >= regexes.length) {
          void worker.terminate();
          resolveLane();
          return;
        }
        const index = next++;
        const r = regexes[index];
        job = { id: index, source: r.source, flags: r.flags, inputs: r.inputs ?? inputsFor(r.source, r.flags), ...(quick ? QUICK : FULL), small: SMALL, large: LARGE };
        partial = [];
        worker.postMessage(job);
      };
      const finish = (row: RegexRow) => {
        rows[job!.id] = row;
        finished++;
        if (opts.progress && (finished % 50 === 0 || !row.linear)) {
          process.stderr.write(`  ${finished}/${regexes.length}${row.linear ? '' : `  non-linear: ${row.where} ${row.name}`}\n`);
        }
      };
      const onMessage = (msg: WorkerMessage) => {
        if (!job || msg.id !== job.id) return;
        if (msg.type === 'at') {
          if (timer) clearTimeout(timer);
          if (msg.ms10k !== undefined && !partial.some((p) => p.input === msg.input)) partial.push({ input: msg.input, ms10k: msg.ms10k, ms100k: NaN });
          const j = job;
          timer = setTimeout(() => {
            void worker.terminate();
            finish(rowFor(regexes[j.id], j, { timeout: { input: msg.input, size: msg.size }, results: partial }));
            spawn();
            take();
          }, timeoutMs);
          return;
        }
        finish(rowFor(regexes[job.id], job, msg));
        take();
      };
      spawn();
      take();
    });
  await Promise.all(Array.from({ length: nWorkers }, runLane));
  // A finite non-linear row may be noise from a busy machine: time its worst input again, alone,
  // and keep the better figure. (A timed-out one is not noise.)
  const suspects = rows.map((r, i) => [r, i] as const).filter(([r]) => !r.linear && Number.isFinite(r.ms100k) && r.ms100k < 2000);
  if (suspects.length && !opts.confirming) {
    const again = await measureAll(
      suspects.map(([r, i]) => ({ ...regexes[i], inputs: inputsFor(r.source, r.flags).filter((x) => x.name === r.input) })),
      { ...opts, workers: 1, confirming: true },
    );
    suspects.forEach(([r, i], k) => {
      if (again[k].ratio < r.ratio) rows[i] = again[k];
    });
  }
  return rows;
}

/** Every regex of the analysis core, timed on adversarial 10 KB and 100 KB inputs. */
export async function runRegexBench(opts: BenchOptions = {}): Promise<RegexRow[]> {
  const { regexes } = await collectRegexes();
  const chosen = opts.filter ? regexes.filter((r) => r.name.includes(opts.filter!) || r.where.includes(opts.filter!)) : regexes;
  return benchRegexes(chosen, opts);
}

/** Times the given regexes the same way (to try a fix before applying it). */
export function benchRegexes(regexes: Array<Pick<CollectedRegex, 'source' | 'flags'> & Partial<CollectedRegex>>, opts: BenchOptions = {}): Promise<RegexRow[]> {
  return measureAll(
    regexes.map((r, i) => ({ name: r.name ?? `/${short(r.source, 60)}/${r.flags}`, where: r.where ?? `#${i}`, source: r.source, flags: r.flags, kind: r.kind ?? 'runtime' })),
    opts,
  );
}

// ---------------------------------------------------------------------------------------------
// Standalone

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : '∞');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const json = args.includes('--json');
  const w = args.indexOf('--workers');
  const f = args.indexOf('--filter');
  const t0 = performance.now();
  const c = await collectRegexes();
  const count = (k: CollectedRegex['kind']) => c.regexes.filter((r) => r.kind === k).length;
  console.log(`regexes: ${c.regexes.length} (${count('literal')} literals in analysis/**/*.ts, ${count('data')} from analysis/data/*/assertions.json, ${count('runtime')} more built at run time)`);
  console.log(`new RegExp sites: ${c.sites.length}`);
  for (const s of c.sites) console.log(`  ${s.where}  ${s.coveredBy.join('; ') || 'NOT COVERED'}  ${s.code}`);
  if (c.captureError) console.log(`run-time capture failed: ${c.captureError}`);
  console.log(`not covered: ${c.notCovered.length ? c.notCovered.map((s) => s.where).join(', ') : 'none'}`);
  const rows = await runRegexBench({ quick, workers: w >= 0 ? Number(args[w + 1]) : undefined, filter: f >= 0 ? args[f + 1] : undefined, progress: true });
  if (json) {
    console.log(JSON.stringify(rows, null, 1));
    return;
  }
  const table = (rs: RegexRow[]) => {
    const lines = rs.map((r) => [ms(r.ms10k), ms(r.ms100k), Number.isFinite(r.ratio) ? r.ratio.toFixed(1) : '∞', r.linear ? 'yes' : 'NO', r.where, short(r.name, 70), short(r.input, 40)]);
    const head = ['10 KB ms', '100 KB ms', 'ratio', 'linear', 'where', 'regex', 'worst input'];
    const width = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    for (const l of [head, ...lines]) console.log('  ' + l.map((x, i) => (i < 4 ? x.padStart(width[i]) : i < 6 ? x.padEnd(width[i]) : x)).join('  '));
  };
  const key = (x: number) => (Number.isFinite(x) ? x : Number.MAX_VALUE);
  const sorted = [...rows].sort((a, b) => key(b.ms100k) - key(a.ms100k) || key(b.ms10k) - key(a.ms10k));
  console.log(`\nslowest 15 of ${rows.length} (${quick ? 'quick' : 'full'} run, ${((performance.now() - t0) / 1000).toFixed(1)} s):`);
  table(sorted.slice(0, 15));
  const bad = sorted.filter((r) => !r.linear);
  console.log(`\nnon-linear: ${bad.length}`);
  if (bad.length) table(bad);
  const broken = rows.filter((r) => r.error && !r.error.startsWith('timed out'));
  if (broken.length) console.log(`\nerrors:\n${broken.map((r) => `  ${r.where} ${r.name}: ${r.error}`).join('\n')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  (process.argv.includes(CAPTURE_FLAG) ? captureHere() : main()).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
