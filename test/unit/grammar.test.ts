// The TextMate injection grammar (syntaxes/diplomatic-lens.injection.tmLanguage.json): instant
// colouring of quotations and reporting verbs in plain text and Markdown before the language
// server's semantic tokens arrive.
//
// Every regex of the grammar is written in the subset that Oniguruma (VS Code's engine) and
// JavaScript (with the `u` flag) read the same way, so this file compiles them all with JS RegExp
// and runs them through a small re-implementation of how vscode-textmate applies `match` rules
// (earliest match wins, ties go to the first pattern, "\n" appended to each line). The real engine
// (vscode-textmate + vscode-oniguruma, and tm-grammars for VS Code's Markdown grammar; development
// dependencies) also tokenizes every short line looked at below and must give the same tokens, and
// Markdown is checked for what the injection must not break.
//
//   node --import tsx --test test/unit/grammar.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'diplomatic-lens.injection.tmLanguage.json');
const SCOPE_NAME = 'text.diplomatic-lens.quotes';
const QUOTE = 'string.quoted.quotation.diplomatic-lens';
const CUE = 'constant.language.claim-cue.diplomatic-lens';
const BEGIN = 'punctuation.definition.string.begin.diplomatic-lens';
const END = 'punctuation.definition.string.end.diplomatic-lens';

interface Capture {
  name?: string;
  patterns?: Rule[];
}
interface Rule {
  name?: string;
  comment?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  captures?: Record<string, Capture>;
  patterns?: Rule[];
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const PLAIN_PATH = join(ROOT, 'syntaxes', 'plaintext.tmLanguage.json');

interface ManifestGrammar {
  scopeName: string;
  path: string;
  language?: string;
  injectTo?: string[];
}
function manifestGrammars(): ManifestGrammar[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: ManifestGrammar[] } };
  return pkg.contributes.grammars;
}

const grammarText = readFileSync(GRAMMAR_PATH, 'utf8');
const grammar = JSON.parse(grammarText) as Grammar;

/** Every rule object of the grammar (top-level patterns, repository, nested patterns and captures). */
function allRules(): Rule[] {
  const out: Rule[] = [];
  const visit = (r: Rule) => {
    out.push(r);
    r.patterns?.forEach(visit);
    for (const c of Object.values(r.captures ?? {})) c.patterns?.forEach(visit);
  };
  grammar.patterns.forEach(visit);
  Object.values(grammar.repository).forEach(visit);
  return out;
}

/** [where, source] of every regex in the grammar. */
function allRegexes(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, rule] of Object.entries(grammar.repository)) {
    for (const field of ['match', 'begin', 'end', 'while'] as const) {
      const src = rule[field];
      if (src !== undefined) out.push([`${key}.${field}`, src]);
    }
  }
  for (const r of allRules()) {
    if (!Object.values(grammar.repository).includes(r) && (r.match ?? r.begin ?? r.end ?? r.while) !== undefined) {
      throw new Error('regex outside the repository (every rule is expected to be a named repository entry)');
    }
  }
  return out;
}

const regexCache = new Map<string, RegExp>();
function compile(src: string): RegExp {
  let re = regexCache.get(src);
  if (!re) {
    // `u`: code points, \p{…} classes; `g`: search from lastIndex; `d`: capture offsets.
    re = new RegExp(src, 'dgu');
    regexCache.set(src, re);
  }
  return re;
}

// ---------------------------------------------------------------------------------------------
// A re-implementation of vscode-textmate's `match` rule handling, enough for this grammar.

function flatten(patterns: Rule[], seen = new Set<string>()): Rule[] {
  const out: Rule[] = [];
  for (const p of patterns) {
    if (p.include !== undefined) {
      assert.ok(p.include.startsWith('#'), `only local includes are expected, got ${p.include}`);
      const key = p.include.slice(1);
      const target = grammar.repository[key];
      assert.ok(target, `include ${p.include} has no repository entry`);
      if (target.match !== undefined) out.push(target);
      else if (!seen.has(key)) out.push(...flatten(target.patterns ?? [], new Set([...seen, key])));
    } else {
      out.push(p);
    }
  }
  return out;
}

/** Every line the tests below looked at (short ones), for the real-engine cross-check. */
const linesSeen = new Set<string>();
const ADVERSARIAL: string[] = [];

/** Per character of `line` (without the appended "\n"), the scopes the grammar gives it, outermost first. */
function scopesPerChar(line: string): string[][] {
  if (line.length < 500) linesSeen.add(line);
  const text = line + '\n';
  const chars: string[][] = Array.from({ length: text.length }, () => []);
  const mark = (scope: string | undefined, a: number, b: number) => {
    if (scope) for (let i = a; i < b; i++) chars[i].push(scope);
  };
  const scan = (to: number, from: number, rules: Rule[]) => {
    const sub = text.slice(0, to);
    const cache = new Map<Rule, { from: number; m: RegExpExecArray | null }>();
    let pos = from;
    while (pos < to) {
      let best: RegExpExecArray | null = null;
      let bestRule: Rule | null = null;
      for (const rule of rules) {
        let hit = cache.get(rule);
        if (!hit || hit.from > pos || (hit.m && hit.m.index < pos)) {
          const re = compile(rule.match!);
          re.lastIndex = pos;
          hit = { from: pos, m: re.exec(sub) };
          cache.set(rule, hit);
        }
        if (hit.m && (!best || hit.m.index < best.index)) {
          best = hit.m;
          bestRule = rule;
        }
      }
      if (!best || !bestRule) return;
      const start = best.index;
      const end = start + best[0].length;
      assert.ok(end > start, `rule matched the empty string: ${bestRule.match}`);
      mark(bestRule.name, start, end);
      for (const [k, cap] of Object.entries(bestRule.captures ?? {})) {
        const span = best.indices?.[Number(k)];
        if (!span || span[1] <= span[0]) continue;
        mark(cap.name, span[0], span[1]);
        if (cap.patterns) scan(span[1], span[0], flatten(cap.patterns));
      }
      pos = end;
    }
  };
  scan(text.length, 0, flatten(grammar.patterns));
  return chars.slice(0, line.length);
}

interface Token {
  text: string;
  scopes: string[];
}
/** Runs of characters with the same scopes (as vscode-textmate's tokenizeLine gives them). */
function tokensOf(line: string, perChar: string[][]): Token[] {
  const out: Token[] = [];
  perChar.forEach((scopes, i) => {
    const last = out[out.length - 1];
    if (last && last.scopes.join(' ') === scopes.join(' ')) last.text += line[i];
    else out.push({ text: line[i], scopes: [...scopes] });
  });
  return out;
}

/** The maximal substrings of `line` whose characters carry `scope` (outermost occurrences only). */
function spansWith(line: string, scope: string, perChar = scopesPerChar(line)): string[] {
  const out: string[] = [];
  let cur = '';
  perChar.forEach((scopes, i) => {
    if (scopes.includes(scope)) cur += line[i];
    else if (cur) {
      out.push(cur);
      cur = '';
    }
  });
  if (cur) out.push(cur);
  return out;
}
const quotes = (line: string) => spansWith(line, QUOTE);
const cues = (line: string) => spansWith(line, CUE);

// ---------------------------------------------------------------------------------------------
// The file and its header

test('grammar file is valid JSON with the scope name package.json declares', () => {
  assert.doesNotThrow(() => JSON.parse(grammarText));
  assert.equal(grammar.scopeName, SCOPE_NAME);
  const entry = manifestGrammars().find((g) => g.scopeName === SCOPE_NAME);
  assert.ok(entry, 'package.json contributes this grammar');
  assert.equal(join(ROOT, entry.path), GRAMMAR_PATH);
  assert.deepEqual([...(entry.injectTo ?? [])].sort(), ['text.html.markdown', 'text.plain']);
});

test('plain text has a root grammar for the injection to apply to', () => {
  // VS Code 1.139 ships no grammar with scopeName text.plain (checked in code-server's bundled
  // extensions and workbench); without one, `injectTo: ["text.plain"]` colours nothing in .txt files.
  const root = JSON.parse(readFileSync(PLAIN_PATH, 'utf8')) as { scopeName: string; patterns: unknown[]; repository?: unknown; injections?: unknown };
  assert.equal(root.scopeName, 'text.plain');
  assert.deepEqual(root.patterns, [], 'the root grammar colours nothing itself');
  assert.equal(root.repository, undefined);
  assert.equal(root.injections, undefined);
  const entry = manifestGrammars().find((g) => g.scopeName === 'text.plain');
  if (entry) {
    assert.equal(entry.language, 'plaintext');
    assert.equal(join(ROOT, entry.path), PLAIN_PATH);
  }
});

test('injectionSelector: plain text (left priority) and Markdown (grammar wins ties), never code, embedded languages or strings', () => {
  // Markdown has no `L:`: its block rules (a paragraph, a list item) begin with a zero-width match
  // at the start of the line, and a left-priority injection matching «…» at column 0 would win
  // that tie, so the paragraph would never open and the rest of the line would lose **bold**,
  // `code` and links. Without the prefix the paragraph opens first and the injection applies
  // inside it (the real-engine test below shows both).
  const parts = grammar.injectionSelector.split(',').map((s) => s.trim().split(/\s+/));
  const roots = parts.map((p) => p[0]).sort();
  assert.deepEqual(roots, ['L:text.plain', 'text.html.markdown']);
  for (const p of parts) {
    const excluded = p.slice(1);
    assert.ok(excluded.every((x) => /^-[a-z_.]+$/.test(x)), `only exclusions after the root: ${p.join(' ')}`);
    for (const x of ['-markup.fenced_code', '-markup.inline.raw', '-markup.raw', '-meta.embedded', '-string.quoted']) {
      assert.ok(excluded.includes(x), `${p[0]} excludes ${x}`);
    }
  }
});

test('every include resolves; only the three kinds of scope are produced', () => {
  const names = new Set<string>();
  for (const r of allRules()) {
    if (r.include) assert.ok(grammar.repository[r.include.slice(1)], `include ${r.include} resolves`);
    if (r.name) names.add(r.name);
    for (const c of Object.values(r.captures ?? {})) if (c.name) names.add(c.name);
  }
  assert.deepEqual([...names].sort(), [CUE, BEGIN, END, QUOTE].sort());
});

// ---------------------------------------------------------------------------------------------
// The regexes themselves

test('every regex compiles as a JS RegExp with the u flag; none uses an Oniguruma-only construct', () => {
  const regexes = allRegexes();
  assert.ok(regexes.length >= 6, `found ${regexes.length} regexes`);
  // Constructs that Oniguruma and JS read differently or that only one of them has. The grammar
  // is meant to use none of them, so the JS approximation covers every rule. Escape probes look at
  // the source; structural probes at a skeleton where every escape (\p{…}, \[, \n …) is one "E".
  const escapes: Array<[string, RegExp]> = [
    ['\\h \\H \\A \\z \\Z \\G \\K \\R \\X \\O (Oniguruma escapes)', /\\[hHAzZGKRXO]/],
    ['\\w \\b \\d \\s (Unicode in Oniguruma, ASCII in JS)', /\\[wWbBdDsS]/],
    ['\\x{…} / \\o{…} code points', /\\[xo]\{/],
    ['\\k<…> / \\g<…> back-references and subroutines', /\\[kg]</],
  ];
  const structure: Array<[string, RegExp]> = [
    ['inline options (?i) (?x) (?i:…)', /\(\?[imxWDSPa-]+[:)]/],
    ['atomic group (?>…) or absent operator (?~…)', /\(\?[>~]/],
    ['conditional (?(…)…)', /\(\?\(/],
    ['possessive quantifier', /[*+?}]\+/],
    ['POSIX bracket [[:alpha:]]', /\[:\^?[a-z]+:\]/],
    ['class intersection &&', /&&/],
    ['^ / $ anchors (line anchors in Oniguruma, input anchors in JS without m)', /\$|(?<!\[)\^/],
    ['a "[" inside a class (a nested class in Oniguruma)', /\[[^\]]*\[/],
  ];
  // The probes themselves catch what they are meant to.
  const flagged = (src: string) =>
    escapes.some(([, p]) => p.test(src)) || structure.some(([, p]) => p.test(src.replace(/\\[pP]\{[^}]*\}|\\./g, 'E')));
  for (const bad of ['\\h+', '\\bsaid\\b', 'a*+', '(?>a)', '(?i)said', '[[:alpha:]]', '[a&&b]', '^«', '»$', '[a[b]]', '\\x{AB}']) {
    assert.ok(flagged(bad), `probe catches ${bad}`);
  }
  for (const good of ['[^\\[\\]]+', '\\p{Lu}+', '(?<![^ (])"', 'a{0,2}']) assert.ok(!flagged(good), `probe passes ${good}`);
  const found: string[] = [];
  for (const [where, src] of regexes) {
    assert.doesNotThrow(() => new RegExp(src, 'u'), `${where} compiles in JS: ${src}`);
    const skeleton = src.replace(/\\[pP]\{[^}]*\}|\\./g, 'E');
    for (const [what, probe] of escapes) if (probe.test(src)) found.push(`${where}: ${what}`);
    for (const [what, probe] of structure) if (probe.test(skeleton)) found.push(`${where}: ${what}`);
  }
  assert.deepEqual(found, [], 'Oniguruma-only constructs (by design there are none)');
});

test('only single-line match rules, and no capture re-tokenizing', () => {
  for (const r of allRules()) {
    // begin/end/while could run away with an unbalanced mark.
    assert.equal(r.begin, undefined);
    assert.equal(r.end, undefined);
    assert.equal(r.while, undefined);
    // Capture `patterns` make vscode-textmate copy the line up to the capture for every match:
    // quadratic on a long line with thousands of quotations.
    for (const c of Object.values(r.captures ?? {})) assert.equal(c.patterns, undefined);
  }
});

// ---------------------------------------------------------------------------------------------
// Sample lines

test('Russian: «…», — заявил', () => {
  const line = '«Мы готовы», — заявил Рябков.';
  assert.deepEqual(quotes(line), ['«Мы готовы»']);
  assert.deepEqual(cues(line), ['заявил']);
  const per = scopesPerChar(line);
  assert.deepEqual(spansWith(line, BEGIN, per), ['«']);
  assert.deepEqual(spansWith(line, END, per), ['»']);
  assert.deepEqual(per[line.indexOf('Рябков')], [], 'the speaker is left to the language server');
});

test('Russian: reporting verb forms after », — and » —', () => {
  assert.deepEqual(cues('«Это неприемлемо», — сказала Захарова.'), ['сказала']);
  assert.deepEqual(cues('«Диалог возможен» — подчеркнули в МИД.'), ['подчеркнули']);
  assert.deepEqual(cues('«Решение принято», – отметил он.'), ['отметил']);
  assert.deepEqual(cues('«Переговоры продолжатся», — добавило ведомство.'), ['добавило']);
  assert.deepEqual(cues('«Нет», — сообщил источник. «Да», — заявила она.'), ['сообщил', 'заявила']);
  assert.deepEqual(cues('«Нет», — заявлению не верят.'), [], 'заявлению is not a cue form');
  assert.deepEqual(cues('Он заявил, что «всё спокойно».'), [], 'a verb not right after a closing mark');
  assert.deepEqual(cues('«Нет», — Заявил он.'), [], 'a capitalised word is not the verb');
});

test('Russian: «…» with „…“ inside, and „…“ alone', () => {
  const line = '«Он назвал это „провокацией“ и ушёл», — сказал дипломат.';
  assert.deepEqual(quotes(line), ['«Он назвал это „провокацией“ и ушёл»']);
  const per = scopesPerChar(line);
  const inner = line.indexOf('провокацией');
  assert.deepEqual(per[inner], [QUOTE], 'the inner quotation is coloured as part of the outer one');
  assert.deepEqual(per[inner - 1], [QUOTE]);
  assert.deepEqual(spansWith(line, BEGIN, per), ['«']);
  assert.deepEqual(spansWith(line, END, per), ['»']);
  assert.deepEqual(cues(line), ['сказал']);
  assert.deepEqual(quotes('Это „ответ“ Москвы.'), ['„ответ“']);
  assert.deepEqual(quotes('Это „ответ” Москвы.'), ['„ответ”']);
  assert.deepEqual(quotes('«Слово «в кавычках» внутри»'), ['«Слово «в кавычках» внутри»']);
});

test('English: “…,” X said / ,” said / ” he said', () => {
  const line = '“We will not,” Babiker said.';
  assert.deepEqual(quotes(line), ['“We will not,”']);
  assert.deepEqual(cues(line), ['said']);
  assert.deepEqual(cues('“The door is open,” said Lavrov.'), ['said']);
  assert.deepEqual(cues('“It is over” he said.'), ['said']);
  assert.deepEqual(cues('“No,” the foreign minister told reporters.'), ['told']);
  assert.deepEqual(cues('“No,” Prime Minister Smith warned.'), ['warned']);
  assert.deepEqual(cues('“No,” it stressed.'), ['stressed']);
  assert.deepEqual(cues('"We are ready," she added.'), ['added']);
  assert.deepEqual(cues('“No.” Then he said more.'), [], 'a new sentence, not a cue right after the quote');
  assert.deepEqual(cues('He said “no” twice.'), []);
});

test('English: ‘…’ but not apostrophes', () => {
  assert.deepEqual(quotes('China’s Foreign Ministry said on Monday.'), []);
  assert.deepEqual(quotes('We don’t know; it’s the ministers’ call.'), []);
  assert.deepEqual(quotes('He called it ‘China’s red line’ today.'), ['‘China’s red line’']);
  assert.deepEqual(quotes('“He called it ‘a red line’,” she said.'), ['“He called it ‘a red line’,”']);
  const line = '“He called it ‘a red line’,” she said.';
  assert.deepEqual(scopesPerChar(line)[line.indexOf('red')], [QUOTE]);
  assert.deepEqual(quotes('rock‘n’roll'), [], 'an opening mark after a letter');
  assert.deepEqual(quotes('the ‘90s were different'), [], 'an elision with no closing mark');
});

test('straight "…" opens after start/space/bracket/dash, closes before space/punctuation/end', () => {
  assert.deepEqual(quotes('"We will not," Babiker said.'), ['"We will not,"']);
  assert.deepEqual(quotes('He said "no".'), ['"no"']);
  assert.deepEqual(quotes('(see "Minsk II")'), ['"Minsk II"']);
  assert.deepEqual(quotes('Они — "партнёры"'), ['"партнёры"']);
  assert.deepEqual(quotes('the word "détente"'), ['"détente"']);
  assert.deepEqual(quotes('a 12" record and a 7" single'), [], 'inch marks');
  assert.deepEqual(quotes('x="1" y="2"'), [], 'attribute-like text');
  assert.deepEqual(quotes('he said " no " twice'), [], 'a mark followed or preceded by a space is not a quotation edge');
  assert.deepEqual(quotes('"a"b and more"'), [], 'the closing mark must stand before a space or punctuation');
  assert.deepEqual(quotes('He said ""'), []);
});

test('an unbalanced quotation mark colours nothing (each rule stays within its line)', () => {
  assert.deepEqual(quotes('«Мы готовы к диалогу, но'), []);
  assert.deepEqual(quotes('«Мы готовы к диалогу, но «они»'), ['«они»'], 'only the balanced inner pair');
  assert.deepEqual(quotes('“We will not'), []);
  assert.deepEqual(quotes('готовы», — заявил Рябков.'), []);
  assert.deepEqual(cues('готовы», — заявил Рябков.'), ['заявил'], 'the cue after the closing line of a quotation is still found');
  assert.deepEqual(quotes('„Ну и'), []);
  assert.deepEqual(quotes('"We will'), []);
});

test('a quotation never spans Markdown inline code', () => {
  assert.deepEqual(quotes('«см. `code` тут»'), []);
  assert.deepEqual(quotes('use `"x"` here'), [], 'the backtick is neither an opening context nor content');
  assert.deepEqual(quotes('“a `b` c”'), []);
});

test('adversarial input: 100 KB lines are scanned without blow-up', () => {
  const n = 50_000;
  const inputs = [
    '«' + '„'.repeat(n),  // the brief's case
    '«' + '„'.repeat(n) + '»',
    '«' + 'а'.repeat(2 * n),
    '«' + '„а'.repeat(n),
    '«' + '«а'.repeat(n),
    '«' + '„а“'.repeat(n / 2),
    '“' + '‘'.repeat(2 * n),
    '‘' + '’a'.repeat(n),
    ' ‘’a'.repeat(n / 2),
    ' "a'.repeat(n),
    '"' + ' '.repeat(2 * n) + '"',
    '»' + ' '.repeat(2 * n) + 'said',
    '»' + ' Ab'.repeat(n),
    '», —' + ' '.repeat(2 * n),
    '«а» '.repeat(n / 2),
  ];
  for (const s of inputs) {
    const perChar = scopesPerChar(s);
    assert.equal(perChar.length, s.length);
    ADVERSARIAL.push(s);
  }
  // The brief's canonical case: nothing balanced, nothing coloured.
  assert.deepEqual(quotes('«' + '„'.repeat(n)), []);
  assert.equal(quotes('«а» '.repeat(1000)).length, 1000);
});

// ---------------------------------------------------------------------------------------------
// The real engine, when installed (not a dependency of the project; see the header).

const SAMPLES = [
  '«Мы готовы», — заявил Рябков.',
  '«Он назвал это „провокацией“ и ушёл», — сказал дипломат.',
  '“We will not,” Babiker said.',
  '“He called it ‘a red line’,” she said.',
  'China’s Foreign Ministry said on Monday.',
  '"We are ready," she added.',
  '«Мы готовы к диалогу, но',
  'готовы», — заявил Рябков.',
  'a 12" record and (see "Minsk II")',
  '«Слово «в кавычках» внутри»',
];

const MARKDOWN = [
  '# «Заголовок» и “title”',
  '',
  '«Мы готовы», — заявил **Рябков**; `"не цитата"` и “We will not,” Babiker said.',
  '',
  '```text',
  '«Это код», — заявил он.',
  '```',
  '',
  '    «Отступ — тоже код»',
  '',
  '> “A block quote,” he said.',
  '',
  '- пункт: «в списке»',
];

type Engine = {
  plain: { tokenizeLine(line: string, state: unknown): { tokens: Array<{ startIndex: number; endIndex: number; scopes: string[] }>; ruleStack: unknown } };
  markdown: Engine['plain'] | null;
  initial: unknown;
};

async function loadEngine(): Promise<Engine | string> {
  const req = createRequire(join(ROOT, 'package.json'));
  const names = ['vscode-textmate', 'vscode-oniguruma'];
  let tm: any;
  let onig: any;
  try {
    [tm, onig] = await Promise.all(names.map((n) => import(req.resolve(n))));
  } catch {
    return 'vscode-textmate / vscode-oniguruma not installed';
  }
  tm = tm.default ?? tm;
  onig = onig.default ?? onig;
  const wasm = readFileSync(req.resolve('vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  let markdownGrammar: unknown = null;
  try {
    markdownGrammar = JSON.parse(readFileSync(req.resolve('tm-grammars/grammars/markdown.json'), 'utf8'));
  } catch {
    /* Markdown checks are skipped */
  }
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      if (scope === SCOPE_NAME) return tm.parseRawGrammar(grammarText, GRAMMAR_PATH);
      if (scope === 'text.plain') return tm.parseRawGrammar(readFileSync(PLAIN_PATH, 'utf8'), PLAIN_PATH);
      if (scope === 'text.html.markdown') return markdownGrammar;
      return null;
    },
    getInjections: (scope: string) => (scope === 'text.plain' || scope === 'text.html.markdown' ? [SCOPE_NAME] : undefined),
  });
  const plain = await registry.loadGrammar('text.plain');
  const markdown = markdownGrammar ? await registry.loadGrammar('text.html.markdown') : null;
  return { plain, markdown, initial: tm.INITIAL };
}
let enginePromise: Promise<Engine | string> | undefined;
const getEngine = () => (enginePromise ??= loadEngine());

function engineTokens(g: Engine['plain'], line: string, state: unknown): { tokens: Token[]; state: unknown } {
  const r = g.tokenizeLine(line, state);
  // Adjacent tokens with the same scopes are merged (the engine also splits at match edges).
  const tokens: Token[] = [];
  for (const t of r.tokens) {
    if (t.startIndex >= line.length) continue;
    const text = line.slice(t.startIndex, Math.min(t.endIndex, line.length));
    const scopes = t.scopes.slice(1);
    const last = tokens[tokens.length - 1];
    if (last && last.scopes.join(' ') === scopes.join(' ')) last.text += text;
    else tokens.push({ text, scopes });
  }
  return { tokens, state: r.ruleStack };
}

test('real engine: plain text gives the same tokens as the JS approximation', async () => {
  const e = await getEngine();
  assert.ok(typeof e !== 'string', String(e));
  const lines = [...SAMPLES, ...linesSeen];
  assert.ok(lines.length > 40, `${lines.length} lines to compare`);
  for (const line of lines) {
    const expected = tokensOf(line, scopesPerChar(line));
    assert.deepEqual(engineTokens(e.plain, line, e.initial).tokens, expected, line);
  }
  // The adversarial lines too (VS Code itself stops tokenizing lines past 20,000 characters).
  assert.ok(ADVERSARIAL.length > 0);
  for (const line of ADVERSARIAL) {
    assert.deepEqual(engineTokens(e.plain, line, e.initial).tokens, tokensOf(line, scopesPerChar(line)), line.slice(0, 12) + '…');
  }
});

test('real engine: Markdown keeps its own scopes and code stays uncoloured', async () => {
  const e = await getEngine();
  assert.ok(typeof e !== 'string', String(e));
  assert.ok(e.markdown, 'tm-grammars (the Markdown grammar) not installed');
  let state = e.initial;
  const byLine: Token[][] = [];
  for (const line of MARKDOWN) {
    const r = engineTokens(e.markdown, line, state);
    byLine.push(r.tokens);
    state = r.state;
  }
  const scopesAt = (lineNo: number, needle: string) => {
    const tok = byLine[lineNo].find((x) => x.text.includes(needle));
    assert.ok(tok, `token with ${JSON.stringify(needle)} on line ${lineNo}`);
    return tok.scopes;
  };
  assert.ok(scopesAt(0, 'Заголовок').includes(QUOTE), 'heading text');
  assert.ok(scopesAt(0, 'Заголовок').some((s) => s.startsWith('markup.heading')));
  assert.ok(scopesAt(0, 'title').includes(QUOTE));
  assert.ok(scopesAt(2, 'Мы готовы').includes(QUOTE));
  assert.ok(scopesAt(2, 'заявил').includes(CUE));
  assert.ok(scopesAt(2, 'Рябков').some((s) => s.startsWith('markup.bold')), 'bold survives');
  assert.ok(!scopesAt(2, 'не цитата').includes(QUOTE), 'inline code is not a quotation');
  assert.ok(scopesAt(2, 'не цитата').some((s) => s.startsWith('markup.inline.raw')));
  assert.ok(scopesAt(2, 'We will not').includes(QUOTE));
  assert.ok(scopesAt(2, 'said').includes(CUE));
  assert.ok(!scopesAt(5, 'Это код').includes(QUOTE), 'fenced code is not coloured');
  assert.ok(!scopesAt(5, 'заявил').includes(CUE));
  assert.ok(!scopesAt(8, 'Отступ').includes(QUOTE), 'indented code is not coloured');
  assert.ok(scopesAt(10, 'A block quote').includes(QUOTE));
  assert.ok(scopesAt(10, 'A block quote').some((s) => s.startsWith('markup.quote')));
  assert.ok(scopesAt(12, 'в списке').includes(QUOTE));
});
