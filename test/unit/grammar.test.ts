// The TextMate injection grammar (syntaxes/diplomatic-lens.injection.tmLanguage.json): instant
// colouring of quotations and reporting verbs in plain text and Markdown before the language
// server's semantic tokens arrive. Semantic tokens never clear grammar colour where the server
// sends none, so the grammar must colour nothing the server does not: see "Sample lines" below.
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
  // A name may hold several scopes separated by spaces (outermost first), as in vscode-textmate.
  const mark = (name: string | undefined, a: number, b: number) => {
    for (const scope of name?.split(' ') ?? []) if (scope) for (let i = a; i < b; i++) chars[i].push(scope);
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
      let capturedTo = start;
      for (const [k, cap] of Object.entries(bestRule.captures ?? {})) {
        const span = best.indices?.[Number(k)];
        if (!span || span[1] <= span[0]) continue;
        // Named captures follow one another and never nest (see the test on capture patterns).
        assert.ok(span[0] >= capturedTo, `capture ${k} overlaps the one before it: ${JSON.stringify(line.slice(0, 60))}`);
        capturedTo = span[1];
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
    for (const name of [r.name, ...Object.values(r.captures ?? {}).map((c) => c.name)]) {
      for (const scope of name?.split(' ') ?? []) names.add(scope);
    }
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
    // quadratic on a long line with thousands of quotations. Captures come in a row, not nested: a
    // capture that needs two scopes (quotation and its opening mark) names both, space-separated.
    for (const c of Object.values(r.captures ?? {})) assert.equal(c.patterns, undefined);
    // (scopesPerChar checks on every line that the named captures of a match do not overlap.)
    assert.equal(r.captures?.['0'], undefined, 'no capture 0 around the others: name the rule instead');
  }
});

// ---------------------------------------------------------------------------------------------
// Sample lines
//
// Semantic tokens only paint over the ranges they cover: grammar colour where the language server
// sends no token stays for good. So the grammar colours only what is very likely reproduced
// speech (the server's own test for a long span): four words or more, or the quotation's own
// . , ! ? … right before the closing mark; never a name, title or format in quote marks, never the
// author's words of an interrupted quotation. Shorter quotations are left to the server.

/** True when no character of `part` (every occurrence in `line`) carries `scope`. */
function uncoloured(line: string, part: string, scope = QUOTE): boolean {
  const per = scopesPerChar(line);
  let at = line.indexOf(part);
  assert.ok(at >= 0, `${JSON.stringify(part)} occurs in ${JSON.stringify(line)}`);
  for (; at >= 0; at = line.indexOf(part, at + 1)) {
    for (let i = at; i < at + part.length; i++) if (per[i].includes(scope)) return false;
  }
  return true;
}

test('Russian: «…», — заявил', () => {
  const line = '«Мы готовы к диалогу», — заявил Рябков.';
  assert.deepEqual(quotes(line), ['«Мы готовы к диалогу»']);
  assert.deepEqual(cues(line), ['заявил']);
  const per = scopesPerChar(line);
  assert.deepEqual(spansWith(line, BEGIN, per), ['«']);
  assert.deepEqual(spansWith(line, END, per), ['»']);
  assert.deepEqual(per[0], [QUOTE, BEGIN]);
  assert.deepEqual(per[line.indexOf('»')], [QUOTE, END]);
  assert.deepEqual(per[line.indexOf('Рябков')], [], 'the speaker is left to the language server');
  // Two words: the quotation is left to the server, the verb after », — is still a cue.
  assert.deepEqual(quotes('«Мы готовы», — заявил Рябков.'), []);
  assert.deepEqual(cues('«Мы готовы», — заявил Рябков.'), ['заявил']);
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
  // Without a comma or dash after the mark (or punctuation before it), the verb may belong to a
  // name: «Коммерсантъ» сообщила, Доклад «…» отметил. The server decides.
  assert.deepEqual(cues('Газета «Коммерсантъ» сообщила об этом.'), []);
  assert.deepEqual(cues('Доклад «Россия и Запад после войны» отметил рост.'), []);
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
  assert.deepEqual(quotes('Это „ответ на провокации Запада“ Москвы.'), ['„ответ на провокации Запада“']);
  assert.deepEqual(quotes('Это „ответ на провокации Запада” Москвы.'), ['„ответ на провокации Запада”']);
  assert.deepEqual(quotes('Это „ответ“ Москвы.'), [], 'one word');
  assert.deepEqual(quotes('«Мы говорим об этом слове «в кавычках» давно»'), ['«Мы говорим об этом слове «в кавычках» давно»']);
  // The word count stops at an inner «: three words before it are not enough (never too many).
  assert.deepEqual(quotes('«Слово «в кавычках» внутри»'), []);
});

test('Russian: a quotation interrupted by the author\'s words is coloured in pieces, the author\'s words never', () => {
  const line = '«Мы готовы к диалогу, — сказал Рябков журналистам по итогам встречи. — Но не на любых условиях»';
  assert.deepEqual(quotes(line), ['«Мы готовы к диалогу,', 'Но не на любых условиях»']);
  assert.deepEqual(cues(line), ['сказал']);
  const per = scopesPerChar(line);
  assert.deepEqual(spansWith(line, BEGIN, per), ['«']);
  assert.deepEqual(spansWith(line, END, per), ['»']);
  assert.ok(uncoloured(line, ' — сказал Рябков журналистам по итогам встречи. — '));
  // The brief's line, and the dash, punctuation and space variants.
  assert.deepEqual(quotes('«A, — сказал Рябков журналистам по итогам встречи. — B»'), ['«A,', 'B»']);
  assert.deepEqual(quotes('«Мы готовы, – отметил он. – Всегда»'), ['«Мы готовы,', 'Всегда»'], 'en dash');
  assert.deepEqual(quotes('«Мы готовы. — сказал он. — Всегда»'), ['«Мы готовы.', 'Всегда»'], '". —"');
  assert.deepEqual(quotes('«Мы готовы! — заявил он. — Всегда»'), ['«Мы готовы!', 'Всегда»']);
  assert.deepEqual(quotes('«Мы готовы… — добавил он, — всегда»'), ['«Мы готовы…', 'всегда»']);
  assert.deepEqual(quotes('«Мы готовы,\u00a0— сказал он.\u00a0— Всегда»'), ['«Мы готовы,', 'Всегда»'], 'no-break spaces');
  assert.deepEqual(quotes('«Мы готовы,  — сказал он.  — Всегда»'), ['«Мы готовы,', 'Всегда»'], 'two spaces');
  // The same in the other double marks.
  assert.deepEqual(quotes('„Мы готовы, — сказал он. — Всегда“'), ['„Мы готовы,', 'Всегда“']);
  assert.deepEqual(quotes('“Мы готовы, — сказал он. — Всегда”'), ['“Мы готовы,', 'Всегда”']);
  assert.deepEqual(quotes('"Мы готовы, — сказал он. — Всегда"'), ['"Мы готовы,', 'Всегда"']);
  assert.deepEqual(cues('“Мы готовы, — сказал он. — Всегда”'), ['сказал']);
  // Anything else is not coloured at all (the server colours it a moment later): author's words
  // that do not begin with a reporting verb, two interruptions, ‘…’.
  const unsure = [
    '«Мы открыты к разговору, – повторю то, что говорил министр на прошлой неделе, – но движение должно быть двусторонним»',
    '«Мы готовы к диалогу, — Рябков сказал журналистам по итогам встречи. — Но не на любых условиях»',
    '«Мы готовы, — сказал он. — Всегда готовы, — добавил он. — И точка»',
    '‘Мы готовы к диалогу, — сказал он. — Всегда готовы к нему’',
    '«Мы готовы к диалогу, — сказал Рябков журналистам по итогам встречи. — Но не',
  ];
  for (const l of unsure) assert.deepEqual(quotes(l), [], l);
  // The author's words never carry the quotation scope, whatever precedes or follows.
  const author = ' — сказал Рябков журналистам по итогам встречи. — ';
  for (const [a, b] of [['«A,', 'B»'], ['«Мы готовы к диалогу и сотрудничеству,', 'Но не на любых условиях»'], ['«Мы готовы.', 'Всегда», — добавил он.'], ['Он сказал: «Да,', 'Нет», и ушёл.']]) {
    assert.ok(uncoloured(a + author + b, author), a + author + b);
    assert.ok(uncoloured(a + author.replaceAll('—', '–') + b, author.replaceAll('—', '–')));
  }
});

test('a dash inside a quotation that does not follow punctuation does not interrupt it', () => {
  const line = '«Это — важно, и мы это подчеркиваем», — сказал он.';
  assert.deepEqual(quotes(line), ['«Это — важно, и мы это подчеркиваем»']);
  assert.deepEqual(cues(line), ['сказал']);
  assert.deepEqual(quotes('«Это — очень важный шаг для нас»'), ['«Это — очень важный шаг для нас»']);
  assert.deepEqual(quotes('«Это – очень важный шаг для нас»'), ['«Это – очень важный шаг для нас»']);
  assert.deepEqual(quotes('“Это — очень важный шаг для нас”'), ['“Это — очень важный шаг для нас”']);
  assert.deepEqual(quotes('«— Мы готовы к диалогу», — ответил он.'), ['«— Мы готовы к диалогу»']);
  assert.deepEqual(quotes('«Это — важно»'), [], 'two words (the dash is not one)');
});

test('names, titles, formats and scare quotes are not coloured', () => {
  const names = [
    'Газета «Коммерсантъ» сообщила об этом.',
    'ЗРК "Тайфон" развернут.',
    'учения «Щит свободы» начались',
    'the “shadow fleet” tankers',
    'формат "2+2" и формат «3+3»',
    'the "2+2" dialogue',
    'the so-called "peace plan" failed',
    'the “Freedom Shield” drills',
    'He said “no” twice.',
    'the ‘red line’ again',
    'Это „ответ“ Москвы.',
    '«Партия национального возрождения»',
    // Long, but after a scare marker.
    'the so-called “peace and security plan for everyone” failed',
    'о так называемом «плане из двенадцати пунктов» по Черному морю',
    'Так называемые «мирные инициативы Запада» провалились.',
    'т.н. «мирные инициативы Запада»',
    // No words at all.
    '«…» и «?!» и “...”',
  ];
  for (const line of names) {
    assert.deepEqual(quotes(line), [], line);
    assert.deepEqual(cues(line), [], line);
  }
});

test('what is coloured: four words or more, or the quotation\'s own closing punctuation', () => {
  assert.deepEqual(quotes('Он сказал: «Мы готовы к диалогу».'), ['«Мы готовы к диалогу»']);
  assert.deepEqual(quotes('Толпа кричала «Убирайтесь домой!»'), ['«Убирайтесь домой!»']);
  assert.deepEqual(quotes('He called it “a turning point.”'), ['“a turning point.”']);
  assert.deepEqual(quotes('“No,” she said.'), ['“No,”']);
  assert.deepEqual(quotes('Officials called the deal “a historic step forward” on Monday.'), ['“a historic step forward”']);
  assert.deepEqual(quotes('«Мы готовы сотрудничать»'), [], 'three words');
  assert.deepEqual(quotes('“It is over” he said.'), [], 'three words');
  assert.deepEqual(cues('“It is over” he said.'), [], 'no comma: the verb is left to the server');
});

test('English: “…,” X said / ,” said / ”, he said', () => {
  const line = '“We will not,” Babiker said.';
  assert.deepEqual(quotes(line), ['“We will not,”']);
  assert.deepEqual(cues(line), ['said']);
  assert.deepEqual(cues('“The door is open,” said Lavrov.'), ['said']);
  assert.deepEqual(cues('“It is over”, he said.'), ['said']);
  assert.deepEqual(cues('“No,” the foreign minister told reporters.'), ['told']);
  assert.deepEqual(cues('“No,” Prime Minister Smith warned.'), ['warned']);
  assert.deepEqual(cues('“No,” it stressed.'), ['stressed']);
  assert.deepEqual(cues('"We are ready," she added.'), ['added']);
  assert.deepEqual(cues('“No.” Then he said more.'), [], 'a new sentence, not a cue right after the quote');
  assert.deepEqual(cues('He said “no” twice.'), []);
  assert.deepEqual(cues('The newspaper “The Times” said on Monday.'), [], 'a name, then its verb');
  const two = '“We will not,” he said, “accept this.”';
  assert.deepEqual(quotes(two), ['“We will not,”', '“accept this.”']);
  assert.deepEqual(cues(two), ['said']);
});

test('English: ‘…’ but not apostrophes', () => {
  assert.deepEqual(quotes('China’s Foreign Ministry said on Monday.'), []);
  assert.deepEqual(quotes('We don’t know; it’s the ministers’ call.'), []);
  assert.deepEqual(quotes('He called it ‘China’s red line on Taiwan’ today.'), ['‘China’s red line on Taiwan’']);
  assert.deepEqual(quotes('“He called it ‘a red line’,” she said.'), ['“He called it ‘a red line’,”']);
  const line = '“He called it ‘a red line’,” she said.';
  assert.deepEqual(scopesPerChar(line)[line.indexOf('red')], [QUOTE]);
  assert.deepEqual(quotes('rock‘n’roll'), [], 'an opening mark after a letter');
  assert.deepEqual(quotes('the ‘90s were different'), [], 'an elision with no closing mark');
  assert.deepEqual(quotes('He called it ‘China’s red line’ today.'), [], 'three words');
});

test('straight "…" opens after start/space/bracket/dash, closes before space/punctuation/end', () => {
  assert.deepEqual(quotes('"We will not," Babiker said.'), ['"We will not,"']);
  assert.deepEqual(quotes('He said "we will not retreat".'), ['"we will not retreat"']);
  assert.deepEqual(quotes('(see "the Minsk II package of measures")'), ['"the Minsk II package of measures"']);
  assert.deepEqual(quotes('Они — "наши давние и надёжные партнёры"'), ['"наши давние и надёжные партнёры"']);
  assert.deepEqual(quotes('the words "détente is not dead yet"'), ['"détente is not dead yet"']);
  assert.deepEqual(quotes('He said "no".'), [], 'one word');
  assert.deepEqual(quotes('a 12" record and a 7" single'), [], 'inch marks');
  assert.deepEqual(quotes('a 12" record and a 7" single and a 10" one'), [], 'inch marks');
  assert.deepEqual(quotes('x="1" y="2"'), [], 'attribute-like text');
  assert.deepEqual(quotes('he said " we will not retreat " twice'), [], 'a mark followed or preceded by a space is not a quotation edge');
  assert.deepEqual(quotes('"we will not retreat"b and more"'), [], 'the closing mark must stand before a space or punctuation');
  assert.deepEqual(quotes('He said ""'), []);
});

test('an unbalanced quotation mark colours nothing (each rule stays within its line)', () => {
  assert.deepEqual(quotes('«Мы готовы к диалогу, но'), []);
  assert.deepEqual(quotes('«Мы готовы к диалогу, но «они тоже готовы к нему»'), ['«они тоже готовы к нему»'], 'only the balanced inner pair');
  assert.deepEqual(quotes('“We will not'), []);
  assert.deepEqual(quotes('готовы», — заявил Рябков.'), []);
  assert.deepEqual(cues('готовы», — заявил Рябков.'), ['заявил'], 'the cue after the closing line of a quotation is still found');
  assert.deepEqual(quotes('готовы к диалогу. — сказал Рябков. — Но не на любых условиях»'), [], 'the last line of an interrupted quotation');
  assert.deepEqual(quotes('„Ну и'), []);
  assert.deepEqual(quotes('"We will'), []);
});

test('a quotation never spans Markdown inline code', () => {
  assert.deepEqual(quotes('«см. `code` тут и там»'), []);
  assert.deepEqual(quotes('«см. `code` тут.»'), []);
  assert.deepEqual(quotes('use `"x"` here'), [], 'the backtick is neither an opening context nor content');
  assert.deepEqual(quotes('“a `b` c d e”'), []);
  assert.deepEqual(quotes('«Мы готовы, — сказал `он`. — Всегда»'), []);
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
    // The word count, the closing punctuation, interruptions, scare markers.
    '«' + ' а'.repeat(n),
    '„' + ' а'.repeat(n),
    '"' + 'a '.repeat(n),
    '‘' + ' a'.repeat(n),
    '«' + ', —'.repeat(n),
    '«' + 'а, — сказал '.repeat(n / 6),
    '«а, — сказал он. — '.repeat(n / 10),
    '«а, — сказал ' + 'а '.repeat(n),
    '«а,' + ' '.repeat(2 * n) + '— сказал',
    '«а, — сказал он. —' + ' '.repeat(2 * n) + 'а',
    '“а, — сказал он. — '.repeat(n / 10),
    '"а, — сказал он. — '.repeat(n / 10),
    '«а а а а,'.repeat(n / 5),
    '»,' + ' '.repeat(2 * n) + 'said',
    '.”' + ' '.repeat(2 * n) + 'said',
    'so-called «'.repeat(n / 6),
  ];
  for (const s of inputs) {
    const perChar = scopesPerChar(s);
    assert.equal(perChar.length, s.length);
    ADVERSARIAL.push(s);
  }
  // The brief's canonical case: nothing balanced, nothing coloured.
  assert.deepEqual(quotes('«' + '„'.repeat(n)), []);
  assert.equal(quotes('«Мы готовы к диалогу» '.repeat(1000)).length, 1000);
  assert.equal(quotes('«Да, — сказал он. — Нет» '.repeat(1000)).length, 2000);
});

// ---------------------------------------------------------------------------------------------
// The real engine, when installed (not a dependency of the project; see the header).

const SAMPLES = [
  '«Мы готовы», — заявил Рябков.',
  '«Мы готовы к диалогу», — заявил Рябков.',
  '«Он назвал это „провокацией“ и ушёл», — сказал дипломат.',
  '«Мы готовы к диалогу, — сказал Рябков журналистам по итогам встречи. — Но не на любых условиях»',
  '«Это — важно, и мы это подчеркиваем», — сказал он.',
  'Газета «Коммерсантъ» сообщила, что ЗРК "Тайфон" и «Щит свободы» — “shadow fleet”, "2+2".',
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
  '# «Мы готовы к диалогу» и “We are ready to talk”',
  '',
  '«Мы готовы к диалогу», — заявил **Рябков**; `"не цитата"` и “We will not,” Babiker said.',
  '',
  '```text',
  '«Это код, и он не цитата», — заявил он.',
  '```',
  '',
  '    «Отступ — тоже код, не цитата»',
  '',
  '> “A block quote,” he said.',
  '',
  '- пункт: «это тоже стоит в списке»',
  '',
  '«Мы готовы, — сказал Рябков журналистам. — Но не на любых условиях»',
  '',
  'Газета «Коммерсантъ» сообщила об этом.',
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
  assert.ok(scopesAt(0, 'Мы готовы').includes(QUOTE), 'heading text');
  assert.ok(scopesAt(0, 'Мы готовы').some((s) => s.startsWith('markup.heading')));
  assert.ok(scopesAt(0, 'We are ready').includes(QUOTE));
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
  assert.ok(scopesAt(14, 'Мы готовы,').includes(QUOTE), 'interrupted quotation: first piece');
  assert.ok(scopesAt(14, 'сказал').includes(CUE));
  assert.ok(!scopesAt(14, 'Рябков журналистам').includes(QUOTE), "the author's words are not coloured");
  assert.ok(scopesAt(14, 'Но не на любых').includes(QUOTE), 'second piece');
  assert.ok(!scopesAt(16, 'Коммерсантъ').includes(QUOTE), 'a name is not coloured');
  assert.ok(!scopesAt(16, 'сообщила').includes(CUE));
});
