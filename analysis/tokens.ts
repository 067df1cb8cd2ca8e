// Word tokens with offsets, and sentence bounds that survive initials and abbreviations.
// All scanning is linear: one pass with a sticky regular expression that cannot backtrack
// catastrophically (no nested quantifiers over overlapping classes).
import { firstStartingAt } from './ranges.ts';
import { memo } from './memo.ts';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
}

// A word: letters/digits, joined by inner hyphens, apostrophes or dots (С.В.Лавров, al-Rashidi,
// China’s, U.S.); a single capital followed by a dot is an initial and keeps its dot.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐'’.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*(?:(?<=(?:^|[^\p{L}])\p{Lu})\.|(?<=\.\p{Lu})\.)?/uy;

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  scan(text, start, end, (s, e) => {
    const t = text.slice(s, e);
    out.push({ start: s, end: e, text: t, lower: t.toLowerCase() });
    return true;
  });
  return out;
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
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (!m || m.index !== i) {
      i++;
      continue;
    }
    const e = Math.min(i + m[0].length, end);
    if (!found(i, e)) return;
    i = e;
  }
}

const chunkTokens = memo<Token[]>();

/** The tokens of a paragraph (a chunk between blank lines), offsets relative to it, kept by its text. */
export function tokenizeChunk(chunk: string): Token[] {
  return chunkTokens.get(chunk, () => tokenize(chunk));
}

export function isUpperStart(s: string): boolean {
  const c = s.charAt(0);
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

function isSentenceEndAt(text: string, i: number): boolean {
  // i is the index of a terminator . ! ? …
  const c = text[i];
  if (c === '!' || c === '?' || c === '…') return true;
  // ".": not after an initial, an abbreviation or a number followed by a lower-case word.
  let j = i - 1;
  while (j >= 0 && /[\p{L}.]/u.test(text[j])) j--;
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
export function sentenceBounds(text: string, lo: number, hi: number, from: number, to: number, skip: Array<[number, number]> = []): [number, number] {
  const inSkip = (i: number) => skip.some(([s, e]) => i >= s && i < e);
  let start = lo;
  for (let i = from - 1; i >= lo; i--) {
    if (inSkip(i)) continue;
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?' || c === '…') && isBoundaryAfter(text, i, hi) && isSentenceEndAt(text, i)) {
      start = i + 1;
      while (start < from && /[»”’"')\]]/.test(text[start])) start++;
      break;
    }
  }
  while (start < from && /\s/.test(text[start])) start++;
  let end = hi;
  for (let i = to; i < hi; i++) {
    if (inSkip(i)) continue;
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?' || c === '…') && isBoundaryAfter(text, i, hi) && isSentenceEndAt(text, i)) {
      // Closing quote marks and brackets right after the full stop belong to the sentence.
      end = i + 1;
      while (end < hi && /[»”’"')\]]/.test(text[end])) end++;
      break;
    }
  }
  return [start, end];
}

function isBoundaryAfter(text: string, i: number, hi: number): boolean {
  let j = i + 1;
  // closing quotes/brackets directly after the terminator belong to the sentence
  while (j < hi && /[»”’"')\]]/.test(text[j])) j++;
  if (j >= hi) return true;
  if (!/\s/.test(text[j])) return false;
  while (j < hi && /\s/.test(text[j])) j++;
  if (j >= hi) return true;
  const c = text[j];
  return isUpperStart(c) || /[\d«„“"‘—–-]/.test(c);
}

/** Index of the first token starting at or after `pos` (binary search). */
export function tokenIndexAt(tokens: readonly Token[], pos: number): number {
  return firstStartingAt(tokens, pos);
}
