// Incremental analysis by memoisation: the local stages (tokens, gazetteer and pattern mentions,
// chrono's date parses, assertion triggers) are pure functions of a paragraph, a window or a
// sentence, so their results are kept by exact input text. After a keystroke only the paragraph
// it touched is recomputed; every other paragraph's results are reused, shifted to where the
// paragraph now starts. Keys are the exact inputs, so a reused result is always what recomputing
// would give: the cache can make analysis faster, never different.
//
// Paragraphs here are "chunks": text between blank lines. No local stage looks across a blank
// line (a name, a quote mark pairing or a sentence never spans one for these stages), which
// test/unit/memo.test.ts checks against whole-text runs on every corpus and fixture text.

/** What a memo keeps by default, in characters of input: a few long documents' worth. */
export const MEMO_CHARS = 300_000;

/** While set, memos neither look up nor keep anything (see `withoutMemos`). */
let bypass = false;

/**
 * A string with the same text that shares no memory with `s`. A slice of a long text is, in V8, a
 * view into that text (for 13 characters and more), so a key or a value kept in a memo would keep
 * the whole text of its document version alive: after each keystroke another version, about 70 KB
 * for a 50 kB document, until the memo let the entry go. Concatenating and slicing makes V8 copy
 * just these characters into a string of their own. A shorter string is never a view (V8 copies
 * slices under 13 characters), so it is returned as it is.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Whether memos are in use (not bypassed: see `withoutMemos`). */
export function memosInUse(): boolean {
  return !bypass;
}

/** `s` detached when memos are in use (what is computed from it may be kept), else `s` itself. */
export function forKeeping(s: string): string {
  return bypass ? s : detach(s);
}

/**
 * A bounded map from exact input text to a computed value; the least recently used entries go
 * first. Bounded by the total length of the inputs it keeps (MEMO_CHARS by default), so a huge
 * document does not leave its whole analysis behind in memory. Keys are kept detached (see
 * `detach`); a value must not hold slices of its document's text either.
 */
export class Memo<V> {
  /** Each entry keeps its own key: a hit moves it to the end under that key, not the caller's. */
  private map = new Map<string, { key: string; value: V }>();
  private chars = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = MEMO_CHARS) {}

  get(key: string, compute: () => V): V {
    if (bypass) return compute();
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.hits++;
      // Refresh: Map keeps insertion order, so the oldest entries are first.
      this.map.delete(key);
      this.map.set(hit.key, hit);
      return hit.value;
    }
    this.misses++;
    const value = compute();
    const kept = detach(key);
    this.map.set(kept, { key: kept, value });
    this.chars += key.length;
    this.evict();
    return value;
  }

  private evict(): void {
    while (this.chars > this.capacity && this.map.size > 1) {
      const oldest = this.map.keys().next().value!;
      this.map.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  /** Replaces what is kept for `key` (a value that depends on more than the key went stale). */
  set(key: string, value: V): void {
    const had = this.map.get(key);
    if (had) {
      had.value = value;
      return;
    }
    const kept = detach(key);
    this.map.set(kept, { key: kept, value });
    this.chars += key.length;
    this.evict();
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
    this.hits = 0;
    this.misses = 0;
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * Runs `f` with every memo off. For a text longer than a memo keeps, memos only cost: its
 * paragraphs, read in order, evict each other before the next analysis asks again (and the
 * paragraphs a small edit window needs would be flushed out).
 */
export function withoutMemos<R>(f: () => R): R {
  const was = bypass;
  bypass = true;
  try {
    return f();
  } finally {
    bypass = was;
  }
}

const all: Array<Memo<unknown>> = [];

/** A memo registered for `clearMemos` (benchmarks clear them so fresh text is measured cold). */
export function memo<V>(capacity?: number): Memo<V> {
  const m = new Memo<V>(capacity);
  all.push(m as Memo<unknown>);
  return m;
}

/** Empties every memo of the core. */
export function clearMemos(): void {
  for (const m of all) m.clear();
}

/** Hits and misses over every memo since the last clear. */
export function memoStats(): { hits: number; misses: number; entries: number } {
  let hits = 0;
  let misses = 0;
  let entries = 0;
  for (const m of all) {
    hits += m.hits;
    misses += m.misses;
    entries += m.size;
  }
  return { hits, misses, entries };
}

/** [start, end) of each chunk: the text between blank lines (lines holding only spaces count as blank). */
export function chunksOf(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const next = chunkReader(text, 0);
  for (let c = next(); c; c = next()) out.push(c);
  return out;
}

/**
 * The chunks of `text` one at a time, read forward from `start` (0, or a position just after a
 * blank line, where the next chunk is known to start); null at the text's end.
 */
function chunkReader(text: string, start: number): () => [number, number] | null {
  const blank = /\n[ \t\r\f\v\u00a0]*\n/g;
  blank.lastIndex = Math.max(0, start - 1);
  let done = false;
  return () => {
    while (!done) {
      const m = blank.exec(text);
      if (!m) {
        done = true;
        return start < text.length ? [start, text.length] : null;
      }
      const chunk: [number, number] | null = m.index > start ? [start, m.index] : null;
      // The next chunk starts after the blank line; its last "\n" may begin the next blank line.
      start = m.index + m[0].length;
      blank.lastIndex = start - 1;
      if (chunk) return chunk;
    }
    return null;
  };
}

/**
 * What `chunksOf(text)` gives around an edit of [from, to] (from <= to), read only near it: `chunks`
 * runs from the chunk before `first` to the one after `last` (where there are such), `first` being
 * the first chunk that ends at or after `from` (the last chunk if none does) and `last` the last
 * from there on that starts at or before `to`. Null when the text has fewer than `least` chunks
 * (or none).
 * (So that a keystroke in a long document reads a few paragraphs, not the whole text.)
 */
export function chunksAround(text: string, from: number, to: number, least: number): { chunks: Array<[number, number]>; first: number; last: number } | null {
  // Backward, blank lines are found by their second "\n" (a "\n", a line of spaces only, a "\n": what
  // the blank-line regex matches); the text between two of them, if any, is a chunk. The walk starts
  // at the first "\n" at or after `from`: a blank line that ends there starts before `from`.
  let j = text.indexOf('\n', from);
  if (j < 0) j = text.lastIndexOf('\n');
  let right = -1; // the first "\n" of the blank line passed last: where the chunk before it ends
  /** The next chunk walking back (that ends before `from`), or null at the text's start. */
  const back = (): [number, number] | null => {
    while (j > 0) {
      const i = blankLineBefore(text, j);
      if (i < 0) {
        j = text.lastIndexOf('\n', j - 1);
        continue;
      }
      const chunk: [number, number] | null = right > j + 1 ? [j + 1, right] : null;
      right = i;
      j = i;
      if (chunk) return chunk;
    }
    const chunk: [number, number] | null = right > 0 ? [0, right] : null;
    right = 0;
    return chunk;
  };
  // Two chunks back (the window's first chunk may be the one before the one before the edit: when
  // no chunk ends at or after `from`, the last chunk is `first`), then forward as chunksOf reads: just
  // after a blank line its state is known (the next chunk starts after it), whatever came before.
  const before = back() && back();
  const next = chunkReader(text, before ? before[0] : 0);
  const run: Array<[number, number]> = [];
  let first = -1;
  for (let c = next(); c; c = next()) {
    run.push(c);
    if (first < 0 && c[1] >= from) first = run.length - 1;
    // The chunk after the last one that starts at or before `to`: nothing further is needed.
    else if (first >= 0 && c[0] > to) break;
  }
  if (run.length === 0) return null;
  if (first < 0) first = run.length - 1;
  let last = first;
  while (last + 1 < run.length && run[last + 1][0] <= to) last++;
  // Fewer than `least` chunks near the edit: count on, forward then backward (a short text, mostly).
  let count = run.length;
  while (count < least && next()) count++;
  while (count < least && before && back()) count++;
  if (count < least) return null;
  const lo = Math.max(0, first - 1);
  return { chunks: run.slice(lo, Math.min(run.length, last + 2)), first: first - lo, last: last - lo };
}

/** The first "\n" of the blank line whose second "\n" is at `j` (see `chunksOf`), or -1. */
function blankLineBefore(text: string, j: number): number {
  let k = j - 1;
  // The blank-line regex's spaces: \t \v \f \r, space, no-break space.
  for (let c = text.charCodeAt(k); c === 32 || (c >= 9 && c <= 13 && c !== 10) || c === 0xa0; c = text.charCodeAt(k)) k--;
  return k >= 0 && text.charCodeAt(k) === 10 ? k : -1;
}
