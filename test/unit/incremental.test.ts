// The provisional splice (analysis/incremental.ts): after an edit only the touched paragraphs are
// analysed again. It must agree with a full analysis on what highlighting shows (entity, quote and
// claim spans and types) for nearly every edit, give up (null) on edits whose effect is not local,
// and never produce a range outside the text or text that does not match its range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, reanalyze, type Analysis, type Span } from '../../analysis/index.ts';
import { textsUnder, seeded } from '../helpers/analysis.ts';

const ALL = textsUnder('../shared/corpus', 'test/fixtures');

/** What the semantic tokens are made of. */
function shown(a: Analysis): string {
  return JSON.stringify({
    entities: a.entities.map((x) => [x.start, x.end, x.type]),
    quotes: a.quotes.map((x) => [x.start, x.end, x.form, x.speaker && [x.speaker.start, x.speaker.end, x.speaker.cue?.start, x.speaker.pronoun?.start]]),
    claims: a.claims.map((x) => [x.cue.start, x.cue.end, x.source?.start, x.source?.end, x.content.start, x.content.end, x.kind].join()).sort(),
  });
}

function spansAreTrue(a: Analysis, text: string, where: string): void {
  const check = (x: { start: number; end: number; text: string }) => {
    assert.ok(x.start >= 0 && x.end <= text.length && x.start <= x.end, `${where}: range ${x.start}-${x.end}`);
    assert.equal(text.slice(x.start, x.end), x.text, `${where}: text of ${x.start}-${x.end}`);
  };
  for (const x of [...a.entities, ...(a.aliases ?? []), ...a.quotes, ...a.assertions]) check(x);
  for (const c of a.claims) [c.cue, c.content, ...(c.source ? [c.source] : [])].forEach(check);
}

test('typing through every corpus and fixture text: the splice agrees with a full analysis', () => {
  let edits = 0;
  let spliced = 0;
  let same = 0;
  const rnd = seeded(7);
  for (const { name, text, markdown } of ALL) {
    let cur = text;
    let full = analyze(cur, { markdown });
    for (let i = 0; i < 10; i++) {
      const at = Math.floor(rnd() * cur.length);
      const next = cur.slice(0, at) + ['e', ' and', ''][i % 3] + cur.slice(at + (i % 3 === 2 ? 1 : 0));
      edits++;
      const quick = reanalyze({ text: cur, analysis: full }, next, { markdown });
      full = analyze(next, { markdown });
      if (quick) {
        spliced++;
        spansAreTrue(quick, next, `${name} @${at}`);
        if (shown(quick) === shown(full)) same++;
      }
      cur = next;
    }
  }
  // Measured when written: 490 edits, 387 spliced, 380 of them exactly as the full analysis shows.
  assert.ok(spliced / edits > 0.6, `spliced ${spliced} of ${edits}`);
  assert.ok(same / spliced > 0.95, `${same} of ${spliced} splices agree with the full analysis`);
});

const LONG = ['Первый абзац. Министр иностранных дел России Сергей Лавров провел переговоры.', 'Второй абзац о погоде в Москве.', 'Лавров заявил, что переговоры были полезными.', 'Четвертый абзац без имен.', 'Пятый абзац: «Мы готовы к диалогу», — сказал Лавров.'].join('\n\n');

test('an edit in one paragraph: the other paragraphs keep their results, moved by the edit', () => {
  const a = analyze(LONG);
  const at = LONG.indexOf('погоде');
  const next = LONG.slice(0, at) + 'хорошей ' + LONG.slice(at);
  const quick = reanalyze({ text: LONG, analysis: a }, next);
  assert.ok(quick);
  spansAreTrue(quick, next, 'moved');
  assert.equal(shown(quick), shown(analyze(next)));
  // The surname alone in the edited window still names the person introduced outside it.
  const at2 = next.indexOf('Лавров заявил');
  const next2 = next.slice(0, at2) + 'Вчера ' + next.slice(at2);
  const quick2 = reanalyze({ text: next, analysis: analyze(next) }, next2)!;
  const lavrov = quick2.entities.find((e) => e.start === next2.indexOf('Лавров заявил'));
  assert.equal(lavrov?.type, 'person');
  assert.equal(lavrov?.canonical, 'Сергей Лавров');
});

test('edits whose effect is not local are left to a full analysis', () => {
  const md = ['# Заявление МИД России', '', 'Первый абзац.', '', '```', 'код', '', 'ещё код', '```', '', 'Третий абзац.', '', 'Четвертый.'].join('\n');
  const a = analyze(md, { markdown: true });
  assert.equal(reanalyze({ text: md, analysis: a }, md.replace('Третий', 'Третий новый'), { markdown: true }), null, 'a Markdown fence');
  const statement = ['Заявление МИД России', '', 'Россия выражает глубокую обеспокоенность.', '', 'Второй абзац заявления.', '', 'Третий абзац заявления.', '', 'Четвертый абзац.'].join('\n');
  const b = analyze(statement);
  assert.equal(reanalyze({ text: statement, analysis: b }, statement.replace('Заявление МИД', 'Заявление Минобороны'), {}), null, 'the heading that opens a preamble');
  const short = 'Один абзац. Лавров заявил, что всё хорошо.';
  assert.equal(reanalyze({ text: short, analysis: analyze(short) }, short + ' Ещё.', {}), null, 'a document of few paragraphs');
  assert.equal(reanalyze({ text: LONG, analysis: analyze(LONG) }, LONG, {})?.entities.length, analyze(LONG).entities.length, 'no change');
});

test('rough edits (paragraph breaks typed and deleted, quote marks, deletions across paragraphs, CRLF): ranges always true, never a throw', () => {
  const rnd = seeded(13);
  const inserts = ['\n\n', '«', '»', '“', '"', ' — сказал он. ', '\r\n\r\n', 'Лавров', '😀', ''];
  let spliced = 0;
  for (const { name, text, markdown } of ALL) {
    let cur = text;
    let a = analyze(cur, { markdown });
    for (let i = 0; i < 12; i++) {
      const at = Math.floor(rnd() * cur.length);
      const del = i % 4 === 0 ? Math.floor(rnd() * 200) : 0;
      const next = cur.slice(0, at) + inserts[i % inserts.length] + cur.slice(Math.min(cur.length, at + del));
      const quick = reanalyze({ text: cur, analysis: a }, next, { markdown });
      if (quick) {
        spliced++;
        spansAreTrue(quick, next, `${name} edit ${i}`);
      }
      cur = next;
      a = analyze(cur, { markdown });
    }
  }
  assert.ok(spliced > 100, `only ${spliced} rough edits spliced`);
});

test('highlightingOnly skips the assertions and changes nothing that is highlighted', () => {
  let withAssertions = 0;
  for (const { name, text, markdown } of ALL) {
    const full = analyze(text, { markdown });
    const light = analyze(text, { markdown, highlightingOnly: true });
    assert.deepEqual(light.assertions, [], name);
    assert.deepEqual({ ...light, assertions: [] }, { ...full, assertions: [] }, name);
    if (full.assertions.length > 0) withAssertions++;
  }
  assert.ok(withAssertions > 5, 'texts with assertions were compared');
});

test('a splice keeps the assertions outside the edited paragraphs and leaves those inside to the full analysis', async () => {
  const { splice } = await import('../../analysis/index.ts');
  let checked = 0;
  for (const { name, text, markdown } of ALL) {
    const before = analyze(text, { markdown });
    // Type a word into the middle of the paragraph that holds the middle assertion.
    const mid = before.assertions[before.assertions.length >> 1];
    if (!mid) continue;
    const at = mid.start + 1;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const s = splice({ text, analysis: before }, edited, { markdown });
    if (!s) continue;
    const [from, to] = s.core;
    const full = analyze(edited, { markdown });
    assert.ok(!s.analysis.assertions.some((x) => x.start < to && x.end > from), `${name}: no assertion in the edited paragraphs`);
    const outside = (xs: Analysis['assertions']) => xs.filter((x) => x.end <= from || x.start >= to).map((x) => [x.start, x.end, x.rule]);
    assert.deepEqual(outside(s.analysis.assertions), outside(full.assertions), `${name}: the others as a full analysis has them`);
    checked++;
  }
  assert.ok(checked > 3, `splices checked: ${checked}`);
});

test('the chunks around an edit, read near it, are those chunksOf finds in the whole text', async () => {
  const { chunksOf, chunksAround } = await import('../../analysis/memo.ts');
  /** What splice used to take from chunksOf(text): the edited chunks and one each side, or null under `least` chunks. */
  const expected = (text: string, from: number, to: number, least: number) => {
    const all = chunksOf(text);
    if (all.length < least || all.length === 0) return null;
    let first = all.findIndex(([, e]) => e >= from);
    if (first < 0) first = all.length - 1;
    let last = first;
    while (last + 1 < all.length && all[last + 1][0] <= to) last++;
    const lo = Math.max(0, first - 1);
    return { chunks: all.slice(lo, Math.min(all.length, last + 2)), first: first - lo, last: last - lo };
  };
  const rnd = seeded(5);
  // Blank lines of every kind (CRLF, spaces, tabs, no-break spaces, runs of them), at the ends too.
  const pieces = ['a', 'b c', ' ', '\n', '\n', '\n\n', '\r\n', '\r\n\r\n', '\t', '\u00a0', '\v', '\f', '\r', 'x\n', '\n \n', '  ', '\n\t\u00a0\n'];
  const texts: string[] = ['', '\n', '\n\n', 'a', 'a\n\nb', 'a\n\nb\n\nc\n\nd', '\n\na\n\n\n\nb\n\n', ...ALL.slice(0, 10).map((x) => x.text)];
  for (let t = 0; t < 6000; t++) {
    let text = '';
    for (let k = Math.floor(rnd() * 16); k > 0; k--) text += pieces[Math.floor(rnd() * pieces.length)];
    texts.push(text);
  }
  let compared = 0;
  const counts = new Set<number>();
  for (const text of texts) {
    counts.add(Math.min(chunksOf(text).length, 6));
    const at = (x: number) => Math.max(0, Math.min(text.length, Math.round(x)));
    const spots = [0, text.length, 1, text.length - 1, rnd() * text.length, rnd() * text.length, rnd() * text.length];
    for (const from of spots.map(at)) {
      for (const to of [from, at(from + 1), at(from + rnd() * 40), text.length]) {
        for (const least of [1, 4]) {
          assert.deepEqual(chunksAround(text, from, to, least), expected(text, from, to, least), `${JSON.stringify(text.length < 200 ? text : text.slice(0, 50))} [${from}, ${to}] least ${least}`);
          compared++;
        }
      }
    }
  }
  assert.ok(compared > 100_000, `compared ${compared}`);
  assert.deepEqual([...counts].sort(), [0, 1, 2, 3, 4, 5, 6], 'texts of 0 to 5 chunks and more');
});

/**
 * The old items after the edit as a splice gives them, moved by `d` (as splice did by spread): an item
 * keeps every field; a span in it (content, cue, trigger…) that starts after `from` becomes a new
 * {start, end, text}; a claim loses its nesting (it indexes the old list).
 */
function movedAfter(a: Analysis, d: number, from: number) {
  const by = (at: number) => (at >= from ? d : 0);
  const span = (x: Span) => (by(x.start) === 0 ? x : { start: x.start + d, end: x.end + d, text: x.text });
  const item = <T extends Span>(x: T) => ({ ...x, start: x.start + by(x.start), end: x.end + by(x.start) });
  const after = <T extends Span>(xs: T[]) => xs.filter((x) => x.start >= from);
  return {
    entities: after(a.entities).map(item),
    aliases: after(a.aliases ?? []).map(item),
    quotes: after(a.quotes).map((q) => ({
      ...item(q),
      content: span(q.content),
      speaker: q.speaker && { ...item(q.speaker), ...(q.speaker.cue ? { cue: span(q.speaker.cue) } : {}), ...(q.speaker.pronoun ? { pronoun: span(q.speaker.pronoun) } : {}) },
    })),
    assertions: after(a.assertions).map((x) => ({ ...item(x), triggers: x.triggers.map(span) })),
    claims: a.claims
      .filter((c) => Math.min(c.cue.start, c.content.start, c.source?.start ?? Infinity) >= from)
      .map(({ parent: _parent, ...c }) => ({ ...c, cue: span(c.cue), content: span(c.content), source: c.source && span(c.source) })),
  };
}

test('a splice keeps the items after the edit as they were, moved: every field, in the same order', async () => {
  const { splice } = await import('../../analysis/index.ts');
  const rnd = seeded(17);
  let checked = 0;
  for (const { name, text, markdown } of ALL) {
    const a = analyze(text, { markdown });
    for (let i = 0; i < 4; i++) {
      const at = Math.floor(rnd() * text.length * 0.5);
      const next = text.slice(0, at) + ['е', ' и ', ''][i % 3] + text.slice(at + (i % 3 === 2 ? 1 : 0));
      const s = splice({ text, analysis: a }, next, { markdown });
      if (!s) continue;
      const [, oldEnd] = s.oldCore;
      const [, end] = s.core;
      const expected = movedAfter(a, next.length - text.length, oldEnd);
      const actual = {
        entities: s.analysis.entities.filter((x) => x.start >= end),
        aliases: (s.analysis.aliases ?? []).filter((x) => x.start >= end),
        quotes: s.analysis.quotes.filter((x) => x.start >= end),
        assertions: s.analysis.assertions.filter((x) => x.start >= end),
        claims: s.analysis.claims.filter((c) => Math.min(c.cue.start, c.content.start, c.source?.start ?? Infinity) >= end),
      };
      // (JSON: the same fields in the same order.)
      for (const key of Object.keys(expected) as Array<keyof typeof expected>) assert.equal(JSON.stringify(actual[key]), JSON.stringify(expected[key]), `${name}: ${key} after the edit`);
      checked++;
    }
  }
  assert.ok(checked > 50, `splices checked: ${checked}`);
});

test('what a splice keeps for the next one changes nothing: splicing a kept analysis equals splicing a fresh copy of it', async () => {
  const { splice } = await import('../../analysis/index.ts');
  const rnd = seeded(23);
  const inserts = ['е', ' Лавров', ' Smith said', '\n\n', '«', '```', '~~~', '\n```\n', '', ''];
  let compared = 0;
  for (const { name, text, markdown } of ALL) {
    let cur = text;
    let prev = { text: cur, analysis: analyze(cur, { markdown }) };
    for (let i = 0; i < 12; i++) {
      const at = Math.floor(rnd() * cur.length);
      const next = cur.slice(0, at) + inserts[i % inserts.length] + cur.slice(at + (inserts[i % inserts.length] ? 0 : 1));
      const kept = splice(prev, next, { markdown });
      // A copy has nothing kept with it: what the splice needs is computed afresh.
      const fresh = splice({ text: cur, analysis: structuredClone(prev.analysis) }, next, { markdown });
      assert.deepEqual(kept, fresh, `${name} edit ${i}`);
      assert.equal(JSON.stringify(kept), JSON.stringify(fresh), `${name} edit ${i}: key order`);
      compared++;
      cur = next;
      prev = { text: cur, analysis: kept ? kept.analysis : analyze(cur, { markdown }) };
    }
  }
  assert.ok(compared > 300, `compared ${compared}`);
});
