// Character-code tests for the entity stage's hottest checks, each equal to the regular expression
// it stands for (test/unit/entity-chars.test.ts compares them on every BMP character and on
// generated strings). Where a character outside ASCII and basic Cyrillic decides, they defer to
// that very expression, so only the common case is decided by hand.

const LU = /^\p{Lu}/u;
const LL = /\p{Ll}/u;

/** ASCII a–z or Cyrillic а–я (lower-case letters, all \p{Ll}). */
export function isBasicLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0x430 && c <= 0x44f);
}

/** `/^\d/.test(w)`: an ASCII digit first. */
export function startsWithDigit(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** `/^(?:al|el)-\p{Lu}/u.test(w)`: al-Rashidi, el-Sisi. */
export function isAlElName(w: string): boolean {
  const c = w.charCodeAt(0);
  if ((c !== 97 && c !== 101) || w.charCodeAt(1) !== 108 || w.charCodeAt(2) !== 45) return false;
  return LU.test(w.slice(3));
}

/** `/[’']s$/.test(w)`: a possessive ending. */
export function endsWithPossessive(w: string): boolean {
  const n = w.length;
  if (n < 2 || w.charCodeAt(n - 1) !== 115) return false;
  const c = w.charCodeAt(n - 2);
  return c === 0x2019 || c === 39;
}

/** `/\p{Ll}/u.test(w)`: some lower-case letter; a–z and а–я decide at once, other letters by the expression. */
export function hasLowerLetter(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isBasicLower(c)) return true;
    if (c >= 128 && !(c >= 0x410 && c <= 0x42f)) return LL.test(w);
  }
  return false;
}

/** `/^[ \t\u00a0]*$/.test(text.slice(from, to))`: only spaces, tabs and no-break spaces between. */
export function onlySpacesBetween(text: string, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  for (let k = Math.max(0, from); k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * False where a word cannot be initials, `isInitials` (`/^(?:\p{Lu}\.){1,3}(?:\p{Lu}[\p{L}-]+)?$/u`):
 * those start with one capital and a dot, so a dot is the second code unit unless the capital is
 * outside the BMP.
 */
export function mayBeInitials(w: string): boolean {
  const c = w.charCodeAt(1);
  return c === 46 || (c >= 0xdc00 && c <= 0xdfff);
}

/**
 * False where `/^\p{Lu}[\p{Lu}\d&-]{1,7}$/u` cannot match: a word of one code unit, or one whose
 * second character is a lower-case a–z or а–я.
 */
export function mayBeAcronym(w: string): boolean {
  return w.length >= 2 && !isBasicLower(w.charCodeAt(1));
}

/**
 * False where `/^\s*\(/` cannot match a text starting with this character code (NaN: none): any
 * ASCII character other than a parenthesis or a space; every \s outside ASCII is left to the expression.
 */
export function mayOpenParenthesis(c: number): boolean {
  return c >= 128 || c === 40 || c === 32 || (c >= 9 && c <= 13);
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** `/[\p{L}\p{M}]/u.test(c)` for one UTF-16 unit (undefined and '' are not letters): Latin and Cyrillic by range. */
export function isLetterUnit(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0x400 && code <= 0x4ff) return code !== 0x482; // all Cyrillic letters and marks but ҂
  return LETTER_OR_MARK.test(c);
}
