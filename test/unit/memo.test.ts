// Incremental analysis is memoisation by exact input (analysis/memo.ts): these tests hold it to
// "faster, never different". Each local stage run paragraph by paragraph must equal the same
// stage run on the whole text, and an analysis after edits with warm memos must equal a cold one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clearMemos, memoStats, detectLanguage } from '../../analysis/index.ts';
import { textsUnder } from '../helpers/analysis.ts';
import { chunksOf } from '../../analysis/memo.ts';
import { tokenize, tokenizeParagraphs } from '../../analysis/tokens.ts';
import { findGazetteerMentions, type GazMention } from '../../analysis/entities/gazetteer.ts';
import { findEntities } from '../../analysis/entities/index.ts';

const ALL = textsUnder('../shared/corpus', 'test/fixtures', 'samples');

test('there are texts to check', () => {
  assert.ok(ALL.length >= 30, `only ${ALL.length} texts found`);
});

test('chunks split at blank lines and cover every non-blank character', () => {
  const t = 'One.\r\n\r\nTwo\nlines.\n \t\nThree.\n\n\n\nFour';
  const chunks = chunksOf(t).map(([s, e]) => t.slice(s, e).trim());
  assert.deepEqual(chunks, ['One.', 'Two\nlines.', 'Three.', 'Four']);
  for (const { text } of ALL) {
    const covered = new Uint8Array(text.length);
    for (const [s, e] of chunksOf(text)) covered.fill(1, s, e);
    for (let i = 0; i < text.length; i++) if (!covered[i]) assert.match(text[i], /\s/, `character ${i} outside every chunk`);
  }
});

test('tokens paragraph by paragraph equal tokens of the whole text', () => {
  for (const { name, text } of ALL) {
    assert.deepEqual(tokenizeParagraphs(text).tokens.slice(), tokenize(text), name);
  }
});

test('gazetteer mentions paragraph by paragraph equal those of the whole text', () => {
  for (const { name, text } of ALL) {
    const lang = detectLanguage(text);
    const byParagraph = tokenizeParagraphs(text).paragraphs.flatMap((p) => findGazetteerMentions(p.text, lang).map((g): GazMention => ({ ...g, start: g.start + p.start, end: g.end + p.start })));
    assert.deepEqual(byParagraph, findGazetteerMentions(text, lang), name);
  }
});

test('entities with warm memos equal entities computed cold', () => {
  for (const { name, text } of ALL) {
    const lang = detectLanguage(text);
    clearMemos();
    const cold = findEntities(text, lang);
    const warm = findEntities(text, lang);
    assert.ok(memoStats().hits > 0, `${name}: the second run reused nothing`);
    assert.deepEqual(warm.entities, cold.entities, name);
  }
});

/** Edits a writer makes: type in a paragraph, delete a word, split a paragraph, join two, delete one. */
function edits(text: string): Array<{ what: string; text: string }> {
  const chunks = chunksOf(text);
  if (chunks.length < 3) return [];
  const [s, e] = chunks[Math.floor(chunks.length / 2)];
  const mid = s + Math.floor((e - s) / 2);
  const space = text.indexOf(' ', mid);
  const [s2, e2] = chunks[chunks.length - 2];
  return [
    { what: 'type a letter', text: text.slice(0, mid) + 'x' + text.slice(mid) },
    { what: 'type a name', text: text.slice(0, space) + ' Sergey Lavrov' + text.slice(space) },
    { what: 'split a paragraph', text: space > 0 ? text.slice(0, space) + '\n\n' + text.slice(space + 1) : text },
    { what: 'join two paragraphs', text: text.slice(0, e) + ' ' + text.slice(e).replace(/^\s+/, '') },
    { what: 'delete a paragraph', text: text.slice(0, s2) + text.slice(e2) },
    { what: 'delete the first line', text: text.slice(text.indexOf('\n') + 1) },
  ];
}

test('analysis after edits with warm memos equals a cold analysis of the edited text', () => {
  let checked = 0;
  for (const { name, text, markdown } of ALL) {
    clearMemos();
    analyze(text, { markdown });
    for (const edit of edits(text)) {
      const warm = analyze(edit.text, { markdown });
      clearMemos();
      const cold = analyze(edit.text, { markdown });
      assert.deepEqual(warm, cold, `${name}: ${edit.what}`);
      analyze(text, { markdown }); // warm again for the next edit
      checked++;
    }
  }
  assert.ok(checked >= 100, `only ${checked} edits checked`);
});

test('pattern mentions paragraph by paragraph equal those of the whole text', async () => {
  const { patternMentions } = await import('../../analysis/entities/index.ts');
  const { findPatternMentions } = await import('../../analysis/entities/patterns.ts');
  const { findDates } = await import('../../analysis/entities/dates.ts');
  for (const { name, text } of ALL) {
    const lang = detectLanguage(text);
    const spans = [...findGazetteerMentions(text, lang), ...findDates(text, lang)].map((x): [number, number] => [x.start, x.end]).sort((a, b) => a[0] - b[0]);
    const taken: Array<[number, number]> = [];
    for (const r of spans) {
      const last = taken[taken.length - 1];
      if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
      else taken.push([r[0], r[1]]);
    }
    const tokens = tokenize(text);
    assert.deepEqual(patternMentions(text, tokenizeParagraphs(text).paragraphs, lang, taken), findPatternMentions(text, lang, taken, tokens), name);
  }
});

test('a text longer than the memos keep is analysed without them, and the memos keep what they had', async () => {
  const { MEMO_CHARS } = await import('../../analysis/memo.ts');
  const small = ALL[0].text;
  clearMemos();
  analyze(small);
  const before = memoStats();
  assert.ok(before.entries > 0);
  // Distinct paragraphs (numbered), so nothing in the long text repeats.
  const parts: string[] = [];
  for (let n = 0, len = 0; len <= MEMO_CHARS; n++) {
    const p = `${ALL[n % ALL.length].text}\n\nParagraph ${n}.`;
    parts.push(p);
    len += p.length + 2;
  }
  const long = parts.join('\n\n');
  const first = analyze(long);
  assert.deepEqual(memoStats(), before, 'the long text neither looked up nor added anything');
  // The small text's paragraphs are still there: its next analysis is served from them.
  analyze(small);
  assert.ok(memoStats().hits > before.hits);
  assert.deepEqual(analyze(long), first);
});

test('an analysis with memos: false neither looks up nor keeps anything, and gives what an analysis with them gives', () => {
  clearMemos();
  for (const { name, text, markdown } of ALL) {
    const before = memoStats();
    const without = analyze(text, { markdown, memos: false });
    assert.deepEqual(memoStats(), before, `${name}: memos used`);
    assert.deepEqual(without, analyze(text, { markdown }), name);
  }
  assert.ok(memoStats().entries > 0, 'the analyses with memos kept their results');
});

test('detach gives the same text (memo keys and kept paragraphs are copies, not views into the document)', async () => {
  const { detach, Memo } = await import('../../analysis/memo.ts');
  const long = ALL.map((x) => x.text).join('\n\n');
  for (const s of ['', 'а', 'Лавров', 'a string of thirteen+', long.slice(100, 5000), '😀 astral 😀', long]) assert.equal(detach(s), s);
  // A memo serves a key given as another string with the same text, after a refresh too.
  const m = new Memo<number>();
  let computed = 0;
  const key = long.slice(10, 400);
  assert.equal(m.get(key, () => ++computed), 1);
  assert.equal(m.get(long.slice(10, 400), () => ++computed), 1);
  assert.equal(m.get(`${long.slice(10, 200)}${long.slice(200, 400)}`, () => ++computed), 1);
  assert.equal(computed, 1);
  m.set(key, 7);
  assert.equal(m.get(long.slice(10, 400), () => ++computed), 7);
  assert.equal(m.size, 1);
});
