// Assertions: sentences that state something contestable — an accusation, a causal claim, an
// evaluation, a figure or a prediction — with no source, and sentences that hide behind a vague
// source ("sources say", "как сообщается"). A sentence is covered (not an assertion) when a claim
// attributes it: it holds a claim's cue, or lies inside a claim's content or a quote (preambles and
// transcript turns cover whole sections). Headings, datelines, short fragments and plain narration
// of observable events are never assertions. Trigger words are data: data/<lang>/assertions.json.
import type { Block, DocumentModel } from './document.ts';
import type { Assertion, AssertionRule, Claim, Entity, Language, Quote, Span } from './types.ts';
import { span } from './types.ts';
import { blockSentences, countTokens } from './tokens.ts';
import { FragmentSet } from './fragments.ts';
import { endsSorted, firstStartingAt, overlapping, SpanIndex, type Range } from './ranges.ts';
import ruData from './data/ru/assertions.json';
import enData from './data/en/assertions.json';
import { dataOf } from './datafile.ts';

type Category = 'accusation' | 'causation' | 'evaluation' | 'figure' | 'prediction';
const CATEGORIES: Category[] = ['accusation', 'causation', 'prediction', 'figure', 'evaluation'];

interface Compiled {
  vague: FragmentSet;
  triggers: FragmentSet;
  categoryOf: Category[];
  narration: RegExp;
}

const cache = new Map<Language, Compiled>();

function compiled(language: Language): Compiled {
  let c = cache.get(language);
  if (!c) {
    const d = dataOf(language === 'ru' ? ruData : enData) as unknown as Record<string, string[]>;
    // A fragment matches at a word start: not after a letter.
    const re = (f: string) => new RegExp(`(?<![\\p{L}\\d])(?:${f})`, 'giu');
    c = {
      vague: new FragmentSet(d.vague),
      triggers: new FragmentSet(CATEGORIES.flatMap((cat) => d[cat])),
      categoryOf: CATEGORIES.flatMap((cat) => d[cat].map(() => cat)),
      narration: re(d.narration.join('|')),
    };
    cache.set(language, c);
  }
  return c;
}

const RULE: Record<Category, AssertionRule> = {
  accusation: 'unattributed-accusation',
  causation: 'unattributed-causation',
  evaluation: 'unattributed-evaluation',
  figure: 'unattributed-figure',
  prediction: 'unattributed-prediction',
};

/**
 * `sentencesOf`, if given, splits a block into sentences with the quotes opaque (the claims stage's
 * split, shared: see speakers.ts `sentencesIn`); otherwise each block is split here.
 */
export function findAssertions(
  doc: DocumentModel,
  language: Language,
  claims: Claim[],
  quotes: Quote[],
  entities: Entity[],
  sentencesOf?: (b: Block) => Array<[number, number]>,
): Assertion[] {
  const { text } = doc;
  const rules = compiled(language);
  const out: Assertion[] = [];
  // What claims and quotes cover.
  const covered = new SpanIndex([...claims.map((c): Range => [c.content.start, c.content.end]), ...quotes.map((q): Range => [q.start, q.end])]);
  const cues = claims.map((c) => c.cue).sort((x, y) => x.start - y.start);
  const quoteRanges = quotes.map((q): Range => [q.start, q.end]).sort((x, y) => x[0] - y[0]);
  const quotesFlat = endsSorted(quoteRanges);
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'list-item') continue;
    // A question turn in a transcript asks; it asserts nothing.
    if (/^\s*(?:вопрос|question|q)\s*:/iu.test(text.slice(b.lines[0]?.start ?? b.start, b.end))) continue;
    for (const [ss, se] of sentencesOf ? sentencesOf(b) : blockSentences(text, b, overlapping(quoteRanges, b.start, b.end, quotesFlat))) {
      let e = se;
      while (e > ss && /\s/.test(text[e - 1])) e--;
      const sentence = text.slice(ss, e);
      const words = countTokens(sentence, 8);
      // Fragments, datelines ("ПЕКИН, 5 марта."), bylines and labels are not statements.
      if (words < 4 || !/[.!?…»”"]$/.test(sentence)) continue;
      if (/^[\p{Lu}\s,.-]{3,}[,—–-]/u.test(sentence) && words < 8) continue;
      // Questions assert nothing.
      if (/\?[»”"’)]*$/.test(sentence)) continue;
      const lower = sentence.toLowerCase();
      // Vague sources first: "Diplomats say …", "Как сообщается, …".
      const vague = rules.vague.first(lower);
      if (vague && !namedSubject(sentence, vague.at, ss, entities)) {
        // (Written out, not spread from span(): see withProps in types.ts.)
        out.push({ start: ss, end: e, text: sentence, kind: 'vague-source', rule: 'vague-source', triggers: [span(text, ss + vague.at, ss + wordEnd(lower, vague.at + vague.text.length))] });
        continue;
      }
      // Attributed: it holds a claim's cue, or a claim or quote covers most of it.
      if (holdsCue(cues, ss, e)) continue;
      if (coveredShare(covered, ss, e) > 0.5) continue;
      // Contestable content: the categories' trigger words, most specific first.
      const hits = rules.triggers.all(lower).map((m) => ({ cat: rules.categoryOf[m.index], at: m.at, len: wordEnd(lower, m.at + m.text.length) - m.at }));
      if (hits.length === 0) continue;
      // Plain narration of observable events with a single weak trigger is not an assertion.
      rules.narration.lastIndex = 0;
      const narrates = rules.narration.test(lower);
      const strong = hits.filter((h) => h.cat !== 'evaluation' || hits.length > 1);
      if (narrates && (hits.length < 2 || strong.every((h) => h.cat === 'prediction'))) continue;
      const best = CATEGORIES.map((cat) => hits.find((h) => h.cat === cat)).find(Boolean)!;
      out.push({
        start: ss,
        end: e,
        text: sentence,
        kind: 'unattributed',
        rule: RULE[best.cat],
        triggers: hits.sort((x, y) => x.at - y.at).map((h) => span(text, ss + h.at, ss + h.at + h.len)),
      });
    }
  }
  return out;
}

/** A trigger shows as whole words: a stem match ("violat", "наруш") runs on to the end of its word; trailing spaces are dropped. */
function wordEnd(s: string, i: number): number {
  while (i > 0 && /\s/.test(s[i - 1])) i--;
  while (i < s.length && /[\p{L}\p{N}]/u.test(s[i]) && /[\p{L}\p{N}]/u.test(s[i - 1] ?? '')) i++;
  return i;
}

/** "Officials of the Foreign Ministry say" names nobody; "EU officials" neither; a person does. */
function namedSubject(sentence: string, at: number, ss: number, entities: Entity[]): boolean {
  void sentence;
  for (let k = firstStartingAt(entities, ss + at - 2); k < entities.length && entities[k].start <= ss + at + 40; k++) {
    if (entities[k].type === 'person' || entities[k].type === 'organization') return true;
  }
  return false;
}

/** Whether a cue (sorted by start) lies within [s, e). */
function holdsCue(cues: Span[], s: number, e: number): boolean {
  for (let k = firstStartingAt(cues, s); k < cues.length && cues[k].start < e; k++) if (cues[k].end <= e) return true;
  return false;
}

function coveredShare(index: SpanIndex, s: number, e: number): number {
  let n = 0;
  for (const [a, b] of index.overlapping(s, e)) n += Math.max(0, Math.min(b, e) - Math.max(a, s));
  return Math.min(1, n / Math.max(1, e - s));
}
