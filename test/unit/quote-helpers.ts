// Shared assertions for the quote unit tests (not a test file itself: the runner only picks *.test.ts).
// Expected quotes are written as the exact text they must span; their offsets are found in the input,
// so every assertion is on exact UTF-16 spans (text.slice) and on who the speaker is.
import assert from 'node:assert/strict';
import { analyze, type AnalyzeOptions, type Analysis } from '../../analysis/index.ts';

/** A piece of the input: its exact text, optionally the n-th occurrence (1-based). */
export type Where = string | [string, number];

export interface Expected {
  quote: Where;
  /** Who said it: the mention the predicted speaker must overlap, or null for no speaker. */
  speaker: Where | null;
}

export function locate(text: string, where: Where): { start: number; end: number; text: string } {
  const [needle, n] = typeof where === 'string' ? [where, 1] : where;
  let pos = -1;
  for (let k = 0; k < n; k++) {
    pos = text.indexOf(needle, pos + 1);
    if (pos < 0) throw new Error(`test bug: ${JSON.stringify(needle)} (occurrence ${n}) is not in the input`);
  }
  return { start: pos, end: pos + needle.length, text: needle };
}

const label = (s: { start: number; text: string }) => `${s.text} @${s.start}`;

/** Every span the analyzer returns must be the source slice at its offsets. */
export function assertWellFormed(text: string, a: Analysis): void {
  for (const q of a.quotes) {
    assert.equal(q.text, text.slice(q.start, q.end), `quote text is not the source slice at ${q.start}-${q.end}`);
    assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end, `quote offsets out of range: ${q.start}-${q.end}`);
    if (q.speaker) assert.equal(q.speaker.text, text.slice(q.speaker.start, q.speaker.end), `speaker text is not the source slice at ${q.speaker.start}-${q.speaker.end}`);
    assert.equal(q.content.text, text.slice(q.content.start, q.content.end), 'quote content is not the source slice');
  }
}

/**
 * Runs the analyzer and compares its quotes with the expected ones: same spans exactly, in order, and
 * each speaker overlapping the expected mention (the guide's rule) or both null.
 */
export function expectQuotes(text: string, expected: Expected[], options?: AnalyzeOptions): Analysis {
  const a = analyze(text, options);
  assertWellFormed(text, a);
  const exp = expected.map((e) => {
    const q = locate(text, e.quote);
    const sp = e.speaker === null ? null : locate(text, e.speaker);
    return { q, sp };
  });
  const actual = a.quotes.map((q) => {
    const match = exp.find((e) => e.q.start === q.start && e.q.end === q.end);
    let speaker: string | null = q.speaker ? label(q.speaker) : null;
    if (match?.sp && q.speaker && q.speaker.start < match.sp.end && match.sp.start < q.speaker.end) speaker = label(match.sp);
    return { quote: label(q), speaker };
  });
  const wanted = exp.map((e) => ({ quote: label(e.q), speaker: e.sp ? label(e.sp) : null }));
  assert.deepEqual(actual, wanted);
  return a;
}

/** The analyzer finds no quotation at all in the text. */
export function expectNoQuotes(text: string, options?: AnalyzeOptions): void {
  const a = analyze(text, options);
  assertWellFormed(text, a);
  assert.deepEqual(a.quotes.map((q) => label(q)), []);
}
