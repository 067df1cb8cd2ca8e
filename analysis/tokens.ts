// Word tokens with offsets, and sentence bounds that survive initials and abbreviations.
// All scanning is linear: one pass with a sticky regular expression that cannot backtrack
// catastrophically (no nested quantifiers over overlapping classes).
import { firstAtLeast, firstStartingAt } from './ranges.ts';
import { memo, chunksOf, detach, memosInUse } from './memo.ts';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
}

// A word: letters/digits, joined by inner hyphens, apostrophes or dots (С.В.Лавров, al-Rashidi,
// China’s, U.S.); a single capital followed by a dot is an initial and keeps its dot. This is the
// definition; `wordEnd` reads the same words faster from a table of character classes, and words
// with astral characters are left to this expression.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐'’.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*(?:(?<=(?:^|[^\p{L}])\p{Lu})\.|(?<=\.\p{Lu})\.)?/uy;

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  scan(text, start, end, (s, e) => {
    const w = words.word(text, s, e);
    out.push({ start: s, end: e, text: w.text, lower: w.lower });
    return true;
  });
  return out;
}

/** A distinct word: its text and its lower-case form. */
export interface Word {
  text: string;
  lower: string;
}

/**
 * The words met so far, each kept once: a token's `text` and `lower` are the vocabulary's strings,
 * looked up by the characters of the text without slicing them first. A document of a million
 * characters has some 100,000 tokens but a few thousand to a few tens of thousands of distinct
 * words, so most tokens allocate no string and no word is lower-cased twice. Open addressing on a
 * hash of the characters; the table starts afresh when it holds CAPACITY words (tokens made before
 * keep their strings), so what it keeps between analyses stays near 1 MB at most. Its strings are
 * copies, never views into a document's text (see memo.ts `detach`).
 */
class Vocabulary {
  static readonly CAPACITY = 1 << 13;
  private hashes = new Int32Array(1 << 12);
  private entries: Array<Word | undefined> = new Array<Word | undefined>(1 << 12).fill(undefined);
  private size = 0;

  word(text: string, s: number, e: number): Word {
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.hashes.length - 1;
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const w = this.entries[k];
      if (w === undefined) break;
      if (this.hashes[k] === h && same(w.text, text, s, e)) return w;
    }
    const t = text.slice(s, e);
    const w: Word = { text: detach(t), lower: '' };
    w.lower = lowerCase(w.text);
    if (this.size >= Vocabulary.CAPACITY) this.reset(this.hashes.length);
    else if (2 * (this.size + 1) > this.hashes.length) this.reset(this.hashes.length * 2, true);
    this.put(h, w);
    return w;
  }

  private put(h: number, w: Word): void {
    const mask = this.hashes.length - 1;
    let k = h & mask;
    while (this.entries[k] !== undefined) k = (k + 1) & mask;
    this.hashes[k] = h;
    this.entries[k] = w;
    this.size++;
  }

  /** A table of `slots`, with the current words (`keep`) or empty. */
  private reset(slots: number, keep = false): void {
    const { hashes, entries } = this;
    this.hashes = new Int32Array(slots);
    this.entries = new Array<Word | undefined>(slots).fill(undefined);
    this.size = 0;
    if (keep) for (let k = 0; k < entries.length; k++) if (entries[k] !== undefined) this.put(hashes[k], entries[k]!);
  }
}

/** Whether `w` is text[s, e). */
function same(w: string, text: string, s: number, e: number): boolean {
  if (w.length !== e - s) return false;
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) !== text.charCodeAt(s + i)) return false;
  return true;
}

const words = new Vocabulary();

/**
 * `w.toLowerCase()`, without making a new string for a word that is already lower case (most
 * are): one made only of characters that lower-casing leaves alone (ASCII other than A–Z,
 * Cyrillic а–я and ѐ–џ, the typographic apostrophe and hyphen) is returned as it is.
 */
export function lowerCase(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 128 ? c >= 65 && c <= 90 : !((c >= 0x430 && c <= 0x45f) || c === 0x2019 || c === 0x2010)) return w.toLowerCase();
  }
  return w;
}

/** How many tokens `tokenize` would find, counting no further than `limit` (nothing is allocated). */
export function countTokens(text: string, limit: number, start = 0, end = text.length): number {
  let n = 0;
  scan(text, start, end, () => ++n < limit);
  return n;
}

/** The tokenizer's one pass: calls `found(start, end)` per token while it returns true. */
function scan(text: string, start: number, end: number, found: (start: number, end: number) => boolean): void {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    // Fast skip of ASCII non-word characters.
    if (c < 128 && !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      i++;
      continue;
    }
    let e = isSurrogate(c) ? -1 : charClass(c) & (LETTER | NUMBER) ? wordEnd(text, i) : i;
    if (e < 0) {
      // Astral characters: the regular expression, which reads code points.
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      e = m && m.index === i ? i + m[0].length : i;
    }
    if (e === i) {
      i++;
      continue;
    }
    e = Math.min(e, end);
    if (!found(i, e)) return;
    i = e;
  }
}

// Character classes of BMP code units, filled in on first sight from the Unicode property escapes.
const LETTER = 1;
const NUMBER = 2;
const MARK = 4;
const UPPER = 8;
const KNOWN = 0x80;
const classes = new Uint8Array(0x10000);

function charClass(c: number): number {
  let v = classes[c];
  if (v === 0) {
    const ch = String.fromCharCode(c);
    v = KNOWN | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\p{M}/u.test(ch) ? MARK : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0);
    classes[c] = v;
  }
  return v;
}

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/**
 * Where the word starting at `i` (a letter or digit) ends, as WORD would match it; -1 if it meets a
 * surrogate (then WORD itself decides). Letters, marks and digits, joined by one inner hyphen,
 * apostrophe or dot before a letter or digit; a final dot after a capital that stands alone (an
 * initial: "С.", "U.S.").
 */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  for (;;) {
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isSurrogate(c)) return -1;
      if (!(charClass(c) & (LETTER | MARK | NUMBER))) break;
      j++;
    }
    if (j + 1 >= n) break;
    const c = text.charCodeAt(j);
    if (c !== 0x2d && c !== 0x2010 && c !== 0x27 && c !== 0x2019 && c !== 0x2e) break;
    const d = text.charCodeAt(j + 1);
    if (isSurrogate(d)) return -1;
    if (!(charClass(d) & (LETTER | NUMBER))) break;
    j += 2;
  }
  if (j < n && text.charCodeAt(j) === 0x2e && charClass(text.charCodeAt(j - 1)) & UPPER) {
    if (j - 1 === 0) return j + 1;
    const b = text.charCodeAt(j - 2);
    if (isSurrogate(b)) return -1;
    if (!(charClass(b) & LETTER)) return j + 1;
  }
  return j;
}

/**
 * A paragraph's tokens, compactly: offsets from the paragraph's start (so a paragraph that moved
 * reuses them as they are) and each token's word from the vocabulary: three array slots a token,
 * where a token object takes 56 bytes and a slot in each array that holds it. (Plain arrays of
 * small integers, not typed arrays: a memo keeps one per paragraph, and each typed array costs an
 * ArrayBuffer of its own that every full collection has to sweep.)
 */
interface ChunkTokens {
  starts: number[];
  ends: number[];
  words: Word[];
}

/** Each paragraph's tokens, kept by its text (see ChunkTokens). */
const chunkTokens = memo<ChunkTokens>();

/** Offsets in a typed array that grows by doubling, for a text's tokens while they are found. */
class Offsets {
  private a = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }

  /** The offsets, in an array of exactly their number. */
  done(): Int32Array {
    return this.a.slice(0, this.length);
  }
}

/** Appends the tokens of text[start, end) to the three columns, offsets relative to `base`. */
function scanInto(text: string, start: number, end: number, base: number, starts: { push(v: number): void }, ends: { push(v: number): void }, found: Word[]): void {
  scan(text, start, end, (s, e) => {
    starts.push(s - base);
    ends.push(e - base);
    found.push(words.word(text, s, e));
    return true;
  });
}

/**
 * The tokens of a whole text, as every stage after tokenising reads them: by index, in text order.
 * Stored as offsets and words, about a fifth of the memory of token objects (on a 1 MB text,
 * 97,000 tokens: 1.6 MB instead of 7.4). `get(i)` makes the token object on demand; the last
 * CACHE made are kept, so the stages' back-and-forth reads around one place make each once.
 * Tokens are never modified by the stages.
 */
export class TokenList {
  private static readonly CACHE = 1024;
  /** Slots of the cache: a power of two, no more than the tokens (a window's list is small). */
  private readonly mask: number;
  private readonly slots: Int32Array;
  private readonly made: Token[];

  /**
   * The columns, for a loop over every token that reads a field or two of each (a call and an
   * object per token would cost more there, in a server without the optimising compiler).
   */
  constructor(
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly words: readonly Word[],
  ) {
    let size = 16;
    while (size < TokenList.CACHE && size < starts.length) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.made = new Array<Token>(size);
  }

  get length(): number {
    return this.starts.length;
  }

  /** Token i, or undefined (typed as a token, as an array read is) when i is out of range. */
  get(i: number): Token {
    if (!(i >= 0 && i < this.starts.length)) return undefined as unknown as Token;
    const k = i & this.mask;
    if (this.slots[k] === i) return this.made[k];
    const w = this.words[i];
    const t: Token = { start: this.starts[i], end: this.ends[i], text: w.text, lower: w.lower };
    this.slots[k] = i;
    this.made[k] = t;
    return t;
  }

  /** Tokens [from, to) as an array of their own. */
  slice(from = 0, to = this.starts.length): Token[] {
    const out: Token[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.starts.length); i++) out.push(this.get(i));
    return out;
  }

  /** Index of the first token starting at or after `pos` (binary search). */
  indexAt(pos: number): number {
    return firstAtLeast(this.starts, pos);
  }
}

/** A paragraph (chunk between blank lines) of a text: where it is, its text, its tokens (text offsets). */
export class Paragraph {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    private readonly list: TokenList,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** The paragraph's tokens, made on each read (the text's TokenList holds them compactly). */
  get tokens(): Token[] {
    return this.list.slice(this.from, this.to);
  }
}

/**
 * A text's paragraphs with their tokens, and all tokens: the one tokenisation the stages share.
 * With memos in use, each paragraph's tokens are kept by its text (an edit re-tokenises one
 * paragraph), as offsets from its start so that a paragraph that moved reuses them too.
 */
export function tokenizeParagraphs(text: string): { paragraphs: Paragraph[]; tokens: TokenList } {
  const bounds = chunksOf(text);
  // (Each paragraph's text, sliced once: the memos' key and the paragraph's text.)
  const texts = bounds.map(([s, e]) => text.slice(s, e));
  const firsts: number[] = [];
  let tokens: TokenList;
  if (!memosInUse()) {
    const starts = new Offsets();
    const ends = new Offsets();
    const found: Word[] = [];
    for (const [s, e] of bounds) {
      firsts.push(found.length);
      scanInto(text, s, e, 0, starts, ends, found);
    }
    tokens = new TokenList(starts.done(), ends.done(), found.slice());
  } else {
    const kept = bounds.map(([s, e], p) =>
      chunkTokens.get(texts[p], () => {
        const cs: number[] = [];
        const ce: number[] = [];
        const cw: Word[] = [];
        scanInto(text, s, e, s, cs, ce, cw);
        return { starts: cs, ends: ce, words: cw };
      }),
    );
    let count = 0;
    for (const k of kept) count += k.starts.length;
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    const found = new Array<Word>(count);
    let n = 0;
    for (let p = 0; p < kept.length; p++) {
      const k = kept[p];
      const base = bounds[p][0];
      firsts.push(n);
      for (let i = 0; i < k.starts.length; i++, n++) {
        starts[n] = k.starts[i] + base;
        ends[n] = k.ends[i] + base;
        found[n] = k.words[i];
      }
    }
    tokens = new TokenList(starts, ends, found);
  }
  const paragraphs = bounds.map(([s, e], p) => new Paragraph(s, e, texts[p], tokens, firsts[p], p + 1 < firsts.length ? firsts[p + 1] : tokens.length));
  return { paragraphs, tokens };
}

export function isUpperStart(s: string): boolean {
  return isUpperCode(s.charCodeAt(0));
}

/** Whether the UTF-16 code unit is an upper-case letter (a surrogate is not); NaN is not. */
function isUpperCode(code: number): boolean {
  // Latin and Cyrillic letters by range; anything else by its case mappings.
  if (code < 128) return code >= 65 && code <= 90;
  if (code >= 0x400 && code <= 0x45f) return code < 0x430;
  if (code !== code) return false;
  const c = String.fromCharCode(code);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** A token that is an initial or a run of initials, possibly glued to a surname: С., С.В., С.В.Лавров, A. */
export function isInitials(t: string): boolean {
  return /^(?:\p{Lu}\.){1,3}(?:\p{Lu}[\p{L}-]+)?$/u.test(t);
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'г', 'гг', 'т', 'е', 'д', 'п', 'им', 'см', 'ул', 'пр', 'тыс', 'млн', 'млрд', 'руб', 'долл', 'стр', 'рис', 'ср', 'н', 'э',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'approx', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e',
]);

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

function isSentenceEndAt(text: string, i: number): boolean {
  // i is the index of a terminator . ! ? …
  const c = text.charCodeAt(i);
  if (c === 0x21 || c === 0x3f || c === 0x2026) return true;
  // ".": not after an initial, an abbreviation or a number followed by a lower-case word.
  let j = i - 1;
  while (j >= 0 && (text.charCodeAt(j) === 0x2e || charClass(text.charCodeAt(j)) & LETTER)) j--;
  // (Lower-casing never shortens a word: one longer than every abbreviation is none of them.)
  if (i - (j + 1) > LONGEST_ABBREVIATION) return true;
  const word = text.slice(j + 1, i).toLowerCase();
  if (word.length === 1 && isUpperStart(text[j + 1] ?? '')) return false; // initial: С. Лавров, A. Guterres
  if (ABBREVIATIONS.has(word)) return false;
  return true;
}

/**
 * Sentence start and end around [from, to) within [lo, hi): a sentence ends at . ! ? … followed by
 * whitespace and an upper-case letter, a digit, an opening quote or a dash, outside quote marks
 * that the caller treats as opaque (`skip` ranges).
 */
export function sentenceBounds(text: string, lo: number, hi: number, from: number, to: number, skip: ReadonlyArray<[number, number]> = NO_RANGES): [number, number] {
  let start = lo;
  for (let i = from - 1; i >= lo; i--) {
    if (!isTerminator(text.charCodeAt(i)) || inAnyRange(skip, i)) continue;
    if (isBoundaryAfter(text, i, hi) && isSentenceEndAt(text, i)) {
      start = i + 1;
      while (start < from && isClosing(text.charCodeAt(start))) start++;
      break;
    }
  }
  while (start < from && isWhiteSpace(text.charCodeAt(start))) start++;
  let end = hi;
  for (let i = to; i < hi; i++) {
    if (!isTerminator(text.charCodeAt(i)) || inAnyRange(skip, i)) continue;
    if (isBoundaryAfter(text, i, hi) && isSentenceEndAt(text, i)) {
      // Closing quote marks and brackets right after the full stop belong to the sentence.
      end = i + 1;
      while (end < hi && isClosing(text.charCodeAt(end))) end++;
      break;
    }
  }
  return [start, end];
}

/** The sentences of a block, in order from its first line, as [start, end); `skip` ranges (quotes) are opaque. */
export function blockSentences(text: string, block: { start: number; end: number; lines: Array<{ start: number }> }, skip: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let pos = block.lines[0]?.start ?? block.start;
  while (pos < block.end) {
    const [ss, se] = sentenceBounds(text, block.start, block.end, pos, pos, skip);
    if (se <= pos) break;
    out.push([ss, se]);
    pos = se;
    while (pos < block.end && isWhiteSpace(text.charCodeAt(pos))) pos++;
  }
  return out;
}

const NO_RANGES: ReadonlyArray<[number, number]> = [];

function inAnyRange(ranges: ReadonlyArray<[number, number]>, i: number): boolean {
  for (let k = 0; k < ranges.length; k++) if (i >= ranges[k][0] && i < ranges[k][1]) return true;
  return false;
}

/** JavaScript's \s (white space and line terminators) by character code. */
export function isWhiteSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** . ! ? … */
function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

function isBoundaryAfter(text: string, i: number, hi: number): boolean {
  let j = i + 1;
  // closing quotes/brackets directly after the terminator belong to the sentence
  while (j < hi && isClosing(text.charCodeAt(j))) j++;
  if (j >= hi) return true;
  if (!isWhiteSpace(text.charCodeAt(j))) return false;
  while (j < hi && isWhiteSpace(text.charCodeAt(j))) j++;
  if (j >= hi) return true;
  const c = text.charCodeAt(j);
  return isUpperCode(c) || (c >= 0x30 && c <= 0x39) || c === 0xab || c === 0x201e || c === 0x201c || c === 0x22 || c === 0x2018 || c === 0x2014 || c === 0x2013 || c === 0x2d;
}

/** A closing quote mark or bracket: » ” ’ " ' ) ] */
function isClosing(c: number): boolean {
  return c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d;
}

/** Index of the first token starting at or after `pos` (binary search). */
export function tokenIndexAt(tokens: readonly Token[] | TokenList, pos: number): number {
  return Array.isArray(tokens) ? firstStartingAt(tokens, pos) : (tokens as TokenList).indexAt(pos);
}
