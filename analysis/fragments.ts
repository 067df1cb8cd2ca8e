// Many regular-expression fragments matched at word starts, each fragment's leftmost match, in one
// pass. Running hundreds of separate regexes over every sentence (one scan each) was the core's
// biggest cost; here each fragment is tried, sticky, only at the word starts whose first character
// it can begin with. The first-character sets come from a small conservative reading of the
// fragment's syntax: anything it does not understand makes the fragment a candidate everywhere, so
// the result is always the same as scanning with each fragment separately.
import { memo } from './memo.ts';

/** A fragment's leftmost match: its index in the list, where it starts and what it matched. */
export interface FragmentHit {
  index: number;
  at: number;
  text: string;
}

interface First {
  chars: Set<string>;
  any: boolean;
  nullable: boolean;
}

const DIGITS = '0123456789';

interface Entry {
  index: number;
  /** The literal text every match starts with (lower-cased), checked before the regex runs. */
  prefix: string;
  /** The whole fragment is that literal: no regex needed. */
  literal: boolean;
  re: RegExp;
}

/** A fragment that may begin with anything: found by one search of the whole input, not a try at every word. */
interface Searched {
  index: number;
  search: RegExp;
}

export class FragmentSet {
  private readonly size: number;
  /** Fragments by their first two characters (char codes), for those with a literal prefix of two or more. */
  private readonly byPair = new Map<number, Entry[]>();
  /** Fragments by their possible first characters. */
  private readonly byChar = new Map<number, Entry[]>();
  private readonly anywhere: Searched[] = [];
  /** Char codes some pair or char entry begins with: the only positions worth a look-up. */
  private readonly begins = new Uint8Array(0x10000);
  /** Results by sentence (of `all`, and of `first`): a sentence an edit did not touch is not scanned again. */
  private readonly memo = memo<FragmentHit[]>();
  private readonly firstMemo = memo<FragmentHit[]>();

  /**
   * `fragments` are regular-expression sources, matched case-insensitively (flags "iu") at word
   * starts: each is wrapped in `(?<![\p{L}\d])(?:…)`. Input to `all` and `first` must be lower-cased.
   */
  constructor(fragments: readonly string[]) {
    this.size = fragments.length;
    fragments.forEach((f, index) => {
      const re = new RegExp(`(?<![\\p{L}\\d])(?:${f})`, 'iuy');
      const prefix = literalPrefix(f).toLowerCase();
      const entry: Entry = { index, prefix, literal: prefix.length > 0 && prefix.length === f.length, re };
      if (prefix.length >= 2) {
        this.begins[prefix.charCodeAt(0)] = 1;
        return push(this.byPair, prefix.charCodeAt(0) * 65536 + prefix.charCodeAt(1), entry);
      }
      const first = firstChars(f);
      if (first.any || first.nullable) return void this.anywhere.push({ index, search: new RegExp(re.source, 'giu') });
      const keys = new Set<number>();
      for (const c of first.chars) for (const k of [c, c.toLowerCase(), c.toUpperCase()]) keys.add(k.charCodeAt(0));
      for (const k of keys) {
        this.begins[k] = 1;
        push(this.byChar, k, entry);
      }
    });
  }

  /** The leftmost match of every fragment that matches `s` (lower-cased), in fragment order. */
  all(s: string): FragmentHit[] {
    return this.memo.get(s, () => this.scan(s, false));
  }

  /**
   * Each fragment's leftmost match; with `leftmost`, the word starts are tried only up to the first
   * position where anything matches (later hits may remain: `first` picks the leftmost).
   * Fragments that may begin with anything are searched for (the wrapper's look-behind makes a
   * search find only word starts); the others are tried at the word starts whose first
   * characters they can begin with.
   */
  private scan(s: string, leftmost: boolean): FragmentHit[] {
    const found = new Map<number, FragmentHit>();
    // The leftmost of the searched ones bounds a leftmost scan.
    let limit = s.length + 1;
    const searched: FragmentHit[] = [];
    for (const e of this.anywhere) {
      e.search.lastIndex = 0;
      const m = e.search.exec(s);
      if (!m) continue;
      searched.push({ index: e.index, at: m.index, text: m[0] });
      if (m.index < limit) limit = m.index;
    }
    const wanted = this.size - this.anywhere.length;
    for (let p = 0; p < s.length && found.size < wanted && !(leftmost && (found.size > 0 || p > limit)); p++) {
      const code = s.charCodeAt(p);
      if (!this.begins[code]) continue;
      const prev = p > 0 ? s.charCodeAt(p - 1) : -1;
      if (prev >= 0 && isLetterOrDigit(s, p - 1, prev)) continue;
      // Never inside a surrogate pair: a scan advances by code points.
      if (prev >= 0xd800 && prev <= 0xdbff && isLowSurrogate(code)) continue;
      this.tryAt(s, p, this.byPair.get(code * 65536 + s.charCodeAt(p + 1)), found);
      this.tryAt(s, p, this.byChar.get(code), found);
    }
    for (const h of searched) found.set(h.index, h);
    return [...found.values()].sort((a, b) => a.index - b.index);
  }

  /** The leftmost match of any fragment (ties go to the earlier fragment), or null. */
  first(s: string): FragmentHit | null {
    // (The scan stops at the first position with a match: every fragment matching there is found.)
    const hits = this.firstMemo.get(s, () => this.scan(s, true));
    let best: FragmentHit | null = null;
    for (const h of hits) if (!best || h.at < best.at) best = h;
    return best;
  }

  private tryAt(s: string, p: number, list: Entry[] | undefined, found: Map<number, FragmentHit>): void {
    if (!list) return;
    for (const e of list) {
      if (found.has(e.index) || (e.prefix && !s.startsWith(e.prefix, p))) continue;
      if (e.literal) {
        found.set(e.index, { index: e.index, at: p, text: e.prefix });
        continue;
      }
      e.re.lastIndex = p;
      const m = e.re.exec(s);
      if (m) found.set(e.index, { index: e.index, at: p, text: m[0] });
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The literal text at the start of a fragment, up to its first special character ("" for an alternation). */
function literalPrefix(f: string): string {
  let depth = 0;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '\\') i++;
    else if (f[i] === '(') depth++;
    else if (f[i] === ')') depth--;
    else if (f[i] === '|' && depth === 0) return '';
  }
  const m = /^[^\\^$.|?*+()[\]{}]*/.exec(f)![0];
  // A quantifier after the prefix makes its last character optional ("officials?").
  return /^[?*{]/.test(f.slice(m.length)) ? m.slice(0, -1) : m;
}

const LETTER_OR_DIGIT = /^[\p{L}\d]$/u;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isLetterOrDigit(s: string, i: number, code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0x400 && code <= 0x45f) return true; // Cyrillic letters
  if (code === 0xa0 || code === 0xab || code === 0xbb || (code >= 0x2000 && code <= 0x206f)) return false; // no-break space, «», dashes, quotes, spaces
  // A low surrogate: look at the whole code point.
  if (isLowSurrogate(code) && i > 0) return LETTER_OR_DIGIT.test(s.slice(i - 1, i + 1));
  return LETTER_OR_DIGIT.test(s[i]);
}

/**
 * The characters a fragment can begin with. Understands literals, escapes, groups, alternation,
 * quantifiers and lookarounds; character classes, dots and property escapes count as "any".
 */
function firstChars(pattern: string): First {
  let i = 0;
  const alternation = (): First => {
    const out: First = { chars: new Set(), any: false, nullable: false };
    for (;;) {
      const f = sequence();
      for (const c of f.chars) out.chars.add(c);
      out.any ||= f.any;
      out.nullable ||= f.nullable;
      if (pattern[i] === '|') {
        i++;
        continue;
      }
      return out;
    }
  };
  const sequence = (): First => {
    const out: First = { chars: new Set(), any: false, nullable: true };
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      const a = atom();
      const q = quantifier();
      if (out.nullable) {
        for (const c of a.chars) out.chars.add(c);
        out.any ||= a.any;
        out.nullable = a.nullable || q;
      }
    }
    return out;
  };
  const quantifier = (): boolean => {
    const c = pattern[i];
    let optional = false;
    if (c === '*' || c === '?') {
      optional = true;
      i++;
    } else if (c === '+') i++;
    else if (c === '{') {
      const m = /^\{(\d*)(?:,\d*)?\}/.exec(pattern.slice(i));
      if (m) {
        optional = m[1] === '' || Number(m[1]) === 0;
        i += m[0].length;
      }
    }
    if (pattern[i] === '?' && (c === '*' || c === '+' || c === '?' || c === '{')) i++; // lazy
    return optional;
  };
  const atom = (): First => {
    const c = pattern[i];
    const lit = (chars: string): First => ({ chars: new Set(chars), any: false, nullable: false });
    const zero: First = { chars: new Set(), any: false, nullable: true };
    const any: First = { chars: new Set(), any: true, nullable: false };
    if (c === '(') {
      i++;
      let look = false;
      if (pattern.startsWith('?:', i)) i += 2;
      else if (/^\?<?[=!]/.test(pattern.slice(i))) {
        look = true;
        i += pattern[i + 1] === '<' ? 3 : 2;
      } else if (pattern.startsWith('?<', i)) i = pattern.indexOf('>', i) + 1; // named group
      const inner = alternation();
      i++; // ')'
      return look ? zero : inner;
    }
    if (c === '[') {
      // Skip the class (escapes inside included).
      i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i++;
      return any;
    }
    if (c === '\\') {
      const e = pattern[i + 1];
      i += 2;
      if (e === 'b' || e === 'B') return zero;
      if (e === 'd') return lit(DIGITS);
      if (e === 'p' || e === 'P') {
        if (pattern[i] === '{') i = pattern.indexOf('}', i) + 1;
        return any;
      }
      if (/[sSwWDnrtfv0-9kcxu]/.test(e)) {
        if (e === 'u' || e === 'x') i = skipHexEscape(pattern, i, e);
        return any;
      }
      return lit(e);
    }
    i++;
    if (c === '^' || c === '$') return zero;
    if (c === '.') return any;
    // A surrogate pair is one literal code point; its first unit is what the text shows at p.
    return lit(c);
  };
  const out = alternation();
  return i >= pattern.length ? out : { chars: new Set(), any: true, nullable: true };
}

function skipHexEscape(pattern: string, i: number, e: string): number {
  if (e === 'u' && pattern[i] === '{') return pattern.indexOf('}', i) + 1;
  return i + (e === 'u' ? 4 : 2);
}
