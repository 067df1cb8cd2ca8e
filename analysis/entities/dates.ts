// Dates: explicit calendar expressions, as the annotation guide marks them (`14 ноября`,
// `2020-2022 годов`, `3 March 2024`, `Tuesday`, `январе`), without the preposition in front and
// with the Russian year word after (`2024 года`); never `сегодня`, `today`, relative phrases or
// clock times.
//
// Two layers:
//  1. chrono-node parses day-month-year grammar (`April 8, 2025`, `17–21 March 2025`,
//     `3rd of March`, `31.12.2024`) — but only inside short windows around a month name with a
//     day number next to it, or a numeric date, so that its many regular expressions never see
//     the whole text; and only with its strict parsers minus the clock-time, relative and weekday
//     ones (see chronoFor), so today/завтра/next week/через неделю/at 5 pm are never produced.
//     Its spans are then cut to the calendar part: chrono includes prepositions (`on 14 October`,
//     `с 1 по 3 марта`), leading weekdays (`Monday, 24 March` is two dates here), times
//     (`14 ноября в 15:00`, `2 April 2025 at 15:00 GMT`) and trailing spaces (`Oct. 28 `); it
//     takes `In March, 12 people` for March 12, `Theresa May 2019` for a month, misses
//     `18-го октября` and drops the dot of `г.`.
//  2. A single-pass scanner for what chrono does not do or does differently: years with and without
//     year words and ranges (`2024 год`, `в 2027 году`, `2016–2017 годах`, `In 2021`), month +
//     year (`июне 2024 года`, `October 2024`), month ranges (`январь–март 2025 года`), bare
//     months in every case (`январе`, `сентябрю`), weekdays in every case (`среду`,
//     `Wednesday's`), with the checks that keep quantities (`2000 человек`, `2000 troops`),
//     document numbers (`резолюция 2043`), decades (`1990-х`, `1990s`), names (`Марта Иванова`,
//     `Security Belt 2025`), the modal `may` and `среда` (environment) out.
//
// Ids are normalised values: d-2025-03-13, d-03-13 (no year), d-2025-03, d-2024, d-2020/2022,
// d-2025-03-17/2025-03-21, d-monday, d-june. A date written again gets the same id; a date
// without a year takes the year of the same day written with one elsewhere in the text, when
// there is exactly one such year. A weekday is never linked to a calendar date.
//
// Everything here is linear in the text: one sticky scan for candidates, constant-size look-around
// per candidate, and chrono only on windows of bounded length.
import * as chronoRu from 'chrono-node/ru';
import * as chronoEn from 'chrono-node/en';
import { firstStartingAt } from '../ranges.ts';
import { memo, forKeeping } from '../memo.ts';
import ruData from '../data/ru/dates.json';
import enData from '../data/en/dates.json';
import { dataOf } from '../datafile.ts';
import { isLetterUnit } from './chars.ts';

export interface DateMention {
  start: number;
  end: number;
  /** Normalised value: the same date written twice shares it (d-2025-03-13, d-monday). */
  id: string;
  /** A readable normal form: "13 March 2025", "7–8 April", "2020–2022", "Monday". */
  canonical: string;
}

type Lang = 'ru' | 'en';

// ---------------------------------------------------------------------------------------------
// Language data

interface RawData {
  months: string[][];
  monthAbbreviations: string[][];
  weekdays: string[][];
  weekdayNeedsBefore?: Record<string, string[]>;
  weekdayNotBefore?: string[];
  mayBefore?: string[];
  yearWords?: string[];
  yearWordsWithDot?: string[];
  yearSuffixes?: string[];
  decadeSuffixes?: string[];
  quantityBefore?: string[];
  yearContextBefore?: string[];
  quantityAfter?: string[];
  alwaysQuantityAfter?: string[];
  afterBareYear?: string[] | null;
  noYearAfter?: string[];
  rangeWords?: string[];
  ofWords?: string[];
}

interface DateData {
  language: Lang;
  /** Lower-case word → month 1..12 (full forms). */
  months: Map<string, number>;
  /** Lower-case abbreviation → month 1..12 (only with a number: `Oct. 28`). */
  abbreviations: Map<string, number>;
  /** Lower-case word → weekday 0 (Monday) .. 6. */
  weekdays: Map<string, number>;
  weekdayNeedsBefore: Map<string, Set<string>>;
  weekdayNotBefore: Set<string>;
  mayBefore: Set<string>;
  yearWords: Set<string>;
  yearWordsWithDot: Set<string>;
  yearSuffixes: Set<string>;
  decadeSuffixes: Set<string>;
  quantityBefore: Set<string>;
  yearContextBefore: Set<string>;
  quantityAfter: Set<string>;
  alwaysQuantityAfter: Set<string>;
  /** Russian: the only lower-case words that may follow a year written without a year word. */
  afterBareYear: Set<string> | null;
  noYearAfter: Set<string>;
  rangeWords: Set<string>;
  ofWords: Set<string>;
  /** Sticky scanner: digit runs, and words starting like a month or weekday form. */
  scanner: RegExp;
}

const dataCache = new Map<Lang, DateData>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function loadData(language: Lang): DateData {
  const cached = dataCache.get(language);
  if (cached) return cached;
  const raw = dataOf(language === 'ru' ? ruData : enData) as RawData;
  const set = (xs: string[] | null | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase()));
  const months = new Map<string, number>();
  raw.months.forEach((forms, i) => forms.forEach((f) => months.set(f.toLowerCase(), i + 1)));
  const abbreviations = new Map<string, number>();
  raw.monthAbbreviations.forEach((forms, i) => forms.forEach((f) => abbreviations.set(f.toLowerCase(), i + 1)));
  const weekdays = new Map<string, number>();
  raw.weekdays.forEach((forms, i) => forms.forEach((f) => weekdays.set(f.toLowerCase(), i)));
  const needs = new Map<string, Set<string>>();
  for (const [form, before] of Object.entries(raw.weekdayNeedsBefore ?? {})) needs.set(form.toLowerCase(), set(before));
  // Candidate words: the distinct three-letter beginnings of every form (a fixed alternation,
  // then a run of letters: no nested quantifiers, no backtracking to speak of).
  const prefixes = new Set<string>();
  for (const w of [...months.keys(), ...abbreviations.keys(), ...weekdays.keys()]) prefixes.add(w.slice(0, 3));
  const alternation = [...prefixes].sort().map(escapeRe).join('|');
  // (The word-start check is done in code: a look-behind here costs five times the whole scan.)
  const scanner = new RegExp(`\\d+|(?:${alternation})[\\p{L}\\p{M}]*`, 'giu');
  const d: DateData = {
    language,
    months,
    abbreviations,
    weekdays,
    weekdayNeedsBefore: needs,
    weekdayNotBefore: set(raw.weekdayNotBefore),
    mayBefore: set(raw.mayBefore),
    yearWords: set(raw.yearWords),
    yearWordsWithDot: set(raw.yearWordsWithDot),
    yearSuffixes: set(raw.yearSuffixes),
    decadeSuffixes: set(raw.decadeSuffixes),
    quantityBefore: set(raw.quantityBefore),
    yearContextBefore: set(raw.yearContextBefore),
    quantityAfter: set(raw.quantityAfter),
    alwaysQuantityAfter: set(raw.alwaysQuantityAfter),
    afterBareYear: raw.afterBareYear ? set(raw.afterBareYear) : null,
    noYearAfter: set(raw.noYearAfter),
    rangeWords: set(raw.rangeWords),
    ofWords: set(raw.ofWords),
    scanner,
  };
  dataCache.set(language, d);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Characters

const UPPER = /\p{Lu}/u;
// (Called on most characters near a candidate: Latin and Cyrillic by range, see ./chars.ts.)
const isLetter = (c: string | undefined): boolean => isLetterUnit(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isUpper = (c: string | undefined): boolean => c !== undefined && c !== '' && UPPER.test(c);
/** Spaces inside a line (no line breaks): ordinary, no-break, thin, narrow no-break. */
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\u00a0' || c === '\u2009' || c === '\u202f' || c === '\u2007';
const isDash = (c: string | undefined): boolean => c === '-' || c === '–' || c === '—' || c === '‐' || c === '‑' || c === '−';

/** The word ending right before `i` (skipping up to a few spaces; `allowHyphen` also crosses "mid-"), lower-cased, or ''. */
function wordBefore(text: string, i: number, allowHyphen = false): string {
  return wordBeforeAt(text, i, allowHyphen).word;
}

/** True when the word right before `i` is written with a capital letter. */
function capitalisedBefore(text: string, i: number): boolean {
  const w = wordBeforeAt(text, i);
  return w.word !== '' && w.word !== '№' && isUpper(text[w.start]);
}

function wordBeforeAt(text: string, i: number, allowHyphen = false): { word: string; start: number } {
  let j = i;
  let n = 0;
  while (j > 0 && isSpace(text[j - 1]) && n < 4) {
    j--;
    n++;
  }
  if (allowHyphen && n === 0 && j > 0 && isDash(text[j - 1])) j--;
  const end = j;
  // Possessive or abbreviation dot right before: "No. 2043", "Russia's 2024".
  if (j > 0 && text[j - 1] === '.') j--;
  let k = j;
  let len = 0;
  while (k > 0 && isLetter(text[k - 1]) && len < 30) {
    k--;
    len++;
  }
  if (k === j) {
    // A sign such as № or # counts as a word of its own.
    return { word: end > 0 && (text[end - 1] === '№' || text[end - 1] === '#') ? '№' : '', start: end - 1 };
  }
  return { word: text.slice(k, j).toLowerCase(), start: k };
}

/** The word starting at or after `i` (skipping up to a few spaces), lower-cased, and where it ends. */
function wordAfter(text: string, i: number, maxSpaces = 4): { word: string; start: number; end: number } | null {
  let j = i;
  let n = 0;
  while (j < text.length && isSpace(text[j]) && n < maxSpaces) {
    j++;
    n++;
  }
  let k = j;
  while (k < text.length && isLetter(text[k]) && k - j < 30) k++;
  if (k === j) return null;
  return { word: text.slice(j, k).toLowerCase(), start: j, end: k };
}

/** True when the text before `i` on its line (ignoring spaces and Markdown/quote marks) ends a sentence or is empty. */
function atSentenceStart(text: string, i: number): boolean {
  let j = i - 1;
  let n = 0;
  while (j >= 0 && n < 12 && (isSpace(text[j]) || '*_#>«"„“”\'‘([-–—•'.includes(text[j]))) {
    j--;
    n++;
  }
  if (j < 0) return true;
  const c = text[j];
  return c === '\n' || c === '\r' || c === '.' || c === '!' || c === '?' || c === '…' || c === ':' || c === '\uFEFF';
}

/** True when nothing but spaces and Markdown marks stands between the line start and `i`. */
function atLineStart(text: string, i: number): boolean {
  let j = i - 1;
  let n = 0;
  while (j >= 0 && n < 12 && (isSpace(text[j]) || '*_#>•-'.includes(text[j]))) {
    j--;
    n++;
  }
  return j < 0 || text[j] === '\n' || text[j] === '\r' || text[j] === '\uFEFF';
}

// ---------------------------------------------------------------------------------------------
// Candidates: digit runs and month/weekday words, in text order

type CandKind = 'num' | 'month' | 'abbr' | 'weekday';

interface Cand {
  start: number;
  end: number;
  kind: CandKind;
  /** Number value, month 1..12, or weekday 0..6. */
  value: number;
}

function scanCandidates(text: string, data: DateData): Cand[] {
  const out: Cand[] = [];
  const re = data.scanner;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = m.index;
    const w = m[0];
    const e = s + w.length;
    const c0 = w.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) {
      // Digit runs longer than a year are never dates; keep their value bounded.
      out.push({ start: s, end: e, kind: 'num', value: w.length <= 4 ? Number(w) : -1 });
      continue;
    }
    if (s > 0 && isLetter(text[s - 1])) continue; // inside a word (посреди, Amonday)
    const lower = w.toLowerCase();
    const month = data.months.get(lower);
    if (month !== undefined) out.push({ start: s, end: e, kind: 'month', value: month });
    else {
      const ab = data.abbreviations.get(lower);
      if (ab !== undefined) out.push({ start: s, end: e, kind: 'abbr', value: ab });
      else {
        const wd = data.weekdays.get(lower);
        if (wd !== undefined) out.push({ start: s, end: e, kind: 'weekday', value: wd });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Internal mentions

interface Ymd {
  y?: number;
  m?: number;
  d?: number;
}

interface Found {
  start: number;
  end: number;
  kind: 'cal' | 'year' | 'weekday';
  /** cal: the date (or the range's first date); year: y (and y2 for a range); weekday: unused. */
  from: Ymd;
  to?: Ymd;
  weekday?: number;
}

// ---------------------------------------------------------------------------------------------
// Years

interface YearHit {
  start: number;
  end: number;
  y: number;
  y2?: number;
}

/**
 * A year (or year range) starting at candidate `k`, with its suffix (2024-м), year word
 * (2024 года, 2020–2022 гг.) and the checks that keep quantities and numbers out; or null.
 */
function yearAt(text: string, cands: Cand[], k: number, data: DateData): YearHit | null {
  const c = cands[k];
  if (c.kind !== 'num') return null;
  const len = c.end - c.start;
  if (len < 3 || len > 4 || text[c.start] === '0') return null;
  const p = text[c.start - 1];
  const pp = text[c.start - 2];
  // Left edge: not glued to letters, codes, currency, decimals, other number groups.
  if (isLetter(p)) return null;
  if (p !== undefined && '/\\_#@$€£₽¥%+=&№^~'.includes(p)) return null;
  if ((p === '.' || p === ',' || p === ':') && isDigit(pp)) return null;
  if (isDash(p)) {
    if (isDigit(pp)) return null; // 2020-2021-2022 chains, phone numbers: the first one decides
    if (isLetter(pp) && wordBefore(text, c.start, true) !== 'mid') return null; // Су-2025, COVID-2020
  }
  if (isSpace(p) && isDigit(pp)) return null; // 12 2024: a number group, not a year
  if (isSpace(p) && (pp === '№' || pp === '#')) return null;
  const before = wordBefore(text, c.start);
  if (data.noYearAfter.has(before) || before === '№') return null;

  // Right edge: suffix, range, year word.
  let end = c.end;
  let y2: number | undefined;
  const afterEdge = (e: number): 'ok' | 'bad' => {
    const n = text[e];
    if (isLetter(n)) return 'bad'; // 2024s, 2024th, FY2024x (a possessive is let through below)
    if (n !== undefined && '/\\_@%+=&‰'.includes(n)) return 'bad';
    if ((n === '.' || n === ',' || n === ':') && isDigit(text[e + 1])) return 'bad';
    if (isSpace(n) && isDigit(text[e + 1])) return 'bad'; // 2024 123: a number group or a phone
    return 'ok';
  };
  /** A Russian case suffix after a hyphen: 2024-м (year) or 1990-х (decade). */
  const suffixAt = (e: number): { kind: 'year' | 'decade' | 'none'; end: number } => {
    if (!isDash(text[e]) || !isLetter(text[e + 1])) return { kind: 'none', end: e };
    let k2 = e + 1;
    while (k2 < text.length && isLetter(text[k2]) && k2 - e < 5) k2++;
    if (isLetter(text[k2])) return { kind: 'none', end: e };
    const suf = text.slice(e + 1, k2).toLowerCase();
    if (data.yearSuffixes.has(suf)) return { kind: 'year', end: k2 };
    if (data.decadeSuffixes.has(suf)) return { kind: 'decade', end: k2 };
    return { kind: 'none', end: e };
  };
  let suf = suffixAt(end);
  if (suf.kind === 'decade') return null;
  if (suf.kind === 'year') end = suf.end;
  else {
    // Range: 2020-2022, 2016 – 2017, 2014-15.
    let j = end;
    if (isSpace(text[j])) j++;
    if (isDash(text[j]) && (j === end || isSpace(text[j + 1]) || isDigit(text[j + 1]))) {
      let q = j + 1;
      if (isSpace(text[q])) q++;
      const next = cands[k + 1];
      if (next && next.kind === 'num' && next.start === q) {
        const l2 = next.end - next.start;
        let v2 = -1;
        if (l2 === 4) v2 = next.value;
        else if (l2 === 2 && j === end && q === j + 1) v2 = Math.floor(c.value / 100) * 100 + next.value;
        if (v2 > c.value && v2 - c.value <= 200) {
          // The range's far end must itself end cleanly (no 2020-2021-2022, no 2024-2025/26).
          if (isDash(text[next.end]) && isDigit(text[next.end + 1])) return null;
          const s2 = suffixAt(next.end);
          if (s2.kind === 'decade') return null;
          y2 = v2;
          end = s2.kind === 'year' ? s2.end : next.end;
        } else if (j === end && q === j + 1) return null; // 2024-03-13 (ISO date, chrono's), 2024-123
        // A spaced dash before another number is punctuation: "на 2026 — 3,4 трлн".
      } else if (j === end && isDigit(text[j + 1])) return null;
    }
  }
  if (afterEdge(end) === 'bad') {
    // Allow an apostrophe-s possessive: 2024's budget.
    if (!((text[end] === '\'' || text[end] === '’') && (text[end + 1] === 's' || text[end + 1] === 'S') && !isLetter(text[end + 2]))) {
      if (!(isLetter(text[end]) && yearWordAt(text, end, data, 0))) return null;
    }
  }
  // Year word: 2024 года, 2020–2022 гг., 2020-2022гг.
  const yw = yearWordAt(text, end, data, 3);
  const value = c.value;
  if (yw) {
    if (value < 100 || value > 2199 || (y2 !== undefined && y2 > 2199)) return null;
    return { start: c.start, end: yw, y: value, y2 };
  }
  if (len !== 4) return null;
  const ctx = data.yearContextBefore.has(before);
  const inParens = p === '(' && text[end] === ')';
  const lo = ctx || inParens ? 1000 : 1900;
  if (value < lo || value > 2100) return null;
  if (y2 === undefined && suf.kind !== 'year') {
    // Quantities: "около 2000 человек", "some 2000 troops", "2000 km".
    if (data.quantityBefore.has(before)) return null;
    // Part of a name: "Security Belt 2025", "Agenda 2030" (a capitalised word mid-sentence before it).
    if (before && !ctx && capitalisedBefore(text, c.start) && !atSentenceStart(text, wordBeforeAt(text, c.start).start) && !data.mayBefore.has(before) && !data.months.has(before) && !data.abbreviations.has(before)) return null;
    const after = wordAfter(text, end);
    if (after && after.start > end) {
      if (data.alwaysQuantityAfter.has(after.word)) return null;
      if (data.quantityAfter.has(after.word) && !ctx) return null;
      if (data.afterBareYear && !isUpper(text[after.start]) && !data.afterBareYear.has(after.word)) return null;
    }
  }
  return { start: c.start, end, y: value, y2 };
}

/** End of a year word starting after at most `maxSpaces` spaces from `i` (with its dot for г./гг.), or 0. */
function yearWordAt(text: string, i: number, data: DateData, maxSpaces: number): number {
  if (data.yearWords.size === 0) return 0;
  const w = wordAfter(text, i, maxSpaces);
  if (!w || !data.yearWords.has(w.word)) return 0;
  if (data.yearWordsWithDot.has(w.word) && text[w.end] === '.') return w.end + 1;
  if (data.yearWordsWithDot.has(w.word) && w.end - w.start <= 2 && isLetter(text[w.end])) return 0;
  return w.end;
}

// ---------------------------------------------------------------------------------------------
// chrono windows

const REFERENCE = new Date(2000, 0, 1, 12, 0, 0);
const WINDOW_BEFORE = 20;
const WINDOW_AFTER = 24;
const WINDOW_MAX = 480;

/** Indexes of the candidates that open a chrono window: a month next to a number, or a numeric date. */
function chronoTriggers(text: string, cands: Cand[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.kind === 'month' || c.kind === 'abbr') {
      const prev = cands[k - 1];
      const next = cands[k + 1];
      // A day number next to it (month + year alone is the scanner's: `June 2024`, `июне 2024 года`).
      const isDay = (n: Cand | undefined) => !!n && n.kind === 'num' && n.end - n.start <= 2 && n.value >= 1 && n.value <= 31;
      const near = (isDay(prev) && c.start - prev.end <= 12) || (isDay(next) && next.start - c.end <= 5);
      if (near) out.push(k);
    } else if (c.kind === 'num' && isNumericDate(text, cands, k)) out.push(k);
  }
  return out;
}

/** d.m.yyyy, d/m/yyyy or yyyy-mm-dd starting at candidate k. */
function isNumericDate(text: string, cands: Cand[], k: number): boolean {
  const a = cands[k];
  const b = cands[k + 1];
  const c = cands[k + 2];
  if (!b || !c || b.kind !== 'num' || c.kind !== 'num') return false;
  if (b.start !== a.end + 1 || c.start !== b.end + 1) return false;
  const s1 = text[a.end];
  const s2 = text[b.end];
  if (s1 !== s2 || !(s1 === '.' || s1 === '/' || s1 === '-')) return false;
  if (isDigit(text[a.start - 1]) || (text[a.start - 1] === '.' && isDigit(text[a.start - 2]))) return false;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  const lc = c.end - c.start;
  if (la === 4) return s1 === '-' && lb <= 2 && lc <= 2;
  return la <= 2 && lb <= 2 && (lc === 4 || lc === 2) && s1 !== '-';
}

interface Window {
  start: number;
  end: number;
}

function windowsFor(text: string, cands: Cand[], triggers: number[]): Window[] {
  const out: Window[] = [];
  for (const k of triggers) {
    const c = cands[k];
    // Bounded by the line, snapped outwards to whitespace so that no word or number is cut.
    let s = Math.max(0, c.start - WINDOW_BEFORE);
    for (let i = c.start - 1; i >= s; i--) {
      if (text[i] === '\n' || text[i] === '\r') {
        s = i + 1;
        break;
      }
    }
    while (s > 0 && s > c.start - WINDOW_BEFORE - 16 && !/\s/.test(text[s - 1])) s--;
    let e = Math.min(text.length, c.end + WINDOW_AFTER);
    for (let i = c.end; i < e; i++) {
      if (text[i] === '\n' || text[i] === '\r') {
        e = i;
        break;
      }
    }
    while (e < text.length && e < c.end + WINDOW_AFTER + 16 && !/\s/.test(text[e])) e++;
    const last = out[out.length - 1];
    if (last && s <= last.end && e - last.start <= WINDOW_MAX) last.end = Math.max(last.end, e);
    else out.push({ start: s, end: e });
  }
  return out;
}

type ChronoResult = chronoEn.ParsedResult;
type ChronoComponents = ChronoResult['start'];

/** A component chrono read from the text (not one it implied from the reference date). */
function certain(c: ChronoComponents | undefined, component: 'year' | 'month' | 'day'): number | undefined {
  if (!c || !c.isCertain(component)) return undefined;
  return c.get(component) ?? undefined;
}

// chrono's strict parsers without the ones for clock times, relative spans ("через 5 минут",
// "5 days ago", "within a week") and weekdays: those only produce results this module drops, and
// they cost most of chrono's time (one of them builds a large regular expression on every call).
// They are told apart by what they do, through chrono's public API only: a parser that finds
// anything in one of these probes is left out.
const DROP_PROBES: Record<Lang, string[]> = {
  ru: ['в 15:00', 'в 9 утра', 'через 5 минут', '5 дней назад', 'в течение недели', 'в среду', 'сегодня', 'на следующей неделе'],
  en: ['at 5 pm', 'at 15:00', 'in 5 minutes', '5 days ago', 'within a week', 'on Monday', 'today', 'next week'],
};
const parsers = new Map<Lang, chronoEn.Chrono>();

/**
 * The positions of the strict parsers the probes keep, for the chrono-node of package-lock.json
 * (2.10.3), out of how many there are. Probing costs about 75 ms per process, most of it the
 * dropped parsers building their large expressions only to be dropped; with this table they are
 * never run. A parser list of another length (another chrono) is probed instead, and
 * test/unit/dates.test.ts checks that probing keeps exactly these.
 */
export const KEPT_PARSERS: Record<Lang, { of: number; keep: readonly number[] }> = {
  ru: { of: 7, keep: [0, 1, 3] },
  en: { of: 12, keep: [0, 1, 2, 4, 5, 7, 10, 11] },
};

/** The positions of chrono's strict parsers that find nothing in any probe (see DROP_PROBES). */
export function probeParsers(language: Lang): number[] {
  const mod = language === 'ru' ? chronoRu : chronoEn;
  const keep: number[] = [];
  mod.strict.parsers.forEach((parser, i) => {
    const alone = new mod.Chrono({ parsers: [parser], refiners: [] });
    if (!DROP_PROBES[language].some((probe) => alone.parse(probe, REFERENCE).length > 0)) keep.push(i);
  });
  return keep;
}

function chronoFor(language: Lang): chronoEn.Chrono {
  let p = parsers.get(language);
  if (!p) {
    const c = (language === 'ru' ? chronoRu : chronoEn).strict.clone();
    const known = KEPT_PARSERS[language];
    const keep = c.parsers.length === known.of ? known.keep : probeParsers(language);
    c.parsers = c.parsers.filter((_, i) => keep.includes(i));
    p = c;
    parsers.set(language, p);
  }
  return p;
}

// chrono is the costliest step per window; a window's parse is kept by its exact text.
const chronoMemo = { ru: memo<ChronoResult[]>(), en: memo<ChronoResult[]>() };

function runChrono(language: Lang, input: string): ChronoResult[] {
  return chronoMemo[language].get(input, () => {
    try {
      // (Parsed from a copy: chrono's results keep slices of their input, see memo.ts `detach`.)
      return chronoFor(language).parse(forKeeping(input), REFERENCE, { forwardDate: false });
    } catch {
      return []; // the core never throws on any string
    }
  });
}

/** Units of a chrono span: the candidates inside it. */
function candsIn(cands: Cand[], s: number, e: number): number[] {
  const out: number[] = [];
  for (let k = firstStartingAt(cands, s); k < cands.length && cands[k].start < e; k++) if (cands[k].end <= e) out.push(k);
  return out;
}

type UnitKind = 'day' | 'year' | 'month' | 'numdate';

interface Unit {
  start: number;
  end: number;
  kind: UnitKind;
  value: number;
}

/** The part of a gap between two date units that may stand inside one expression: spaces, one comma, dash, slash, or a range/of word. */
function gapKind(text: string, s: number, e: number, data: DateData): 'space' | 'comma' | 'dash' | 'of' | 'range' | 'bad' {
  if (e - s > 16) return 'bad';
  const g = text.slice(s, e);
  const t = g.replace(/[\s\u00a0\u2009\u202f]+/g, ' ').trim();
  if (/[\n\r]/.test(g)) return 'bad';
  if (t === '') return g.length > 0 ? 'space' : 'bad';
  if (t === ',') return 'comma';
  if (t.length === 1 && isDash(t)) return 'dash';
  const lower = t.toLowerCase();
  if (data.ofWords.has(lower) || (lower.startsWith('the ') && data.ofWords.has(lower.slice(4)))) return 'of';
  if (data.rangeWords.has(lower)) return 'range';
  return 'bad';
}

/** Units from candidates inside a chrono span, joining numeric dates and ordinal suffixes. */
function unitsOf(text: string, cands: Cand[], ks: number[], data: DateData): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < ks.length; i++) {
    const k = ks[i];
    const c = cands[k];
    if (c.kind === 'num') {
      if (isNumericDate(text, cands, k) && ks[i + 2] === k + 2) {
        units.push({ start: c.start, end: cands[k + 2].end, kind: 'numdate', value: 0 });
        i += 2;
        continue;
      }
      const len = c.end - c.start;
      // Clock times are never part of the date: 15:00, 10.30 a.m.
      if (text[c.end] === ':' || (text[c.start - 1] === ':' && isDigit(text[c.start - 2]))) {
        units.push({ start: c.start, end: c.end, kind: 'day', value: -1 });
        continue;
      }
      let end = c.end;
      // Ordinal suffix: 3rd, 18-го, 1st.
      const ord = /^(?:st|nd|rd|th|-?го|-?е|-?ое|-?ого)(?![\p{L}\p{M}])/iu.exec(text.slice(c.end, c.end + 4));
      if (ord) end += ord[0].length;
      if (len <= 2 && c.value >= 1 && c.value <= 31) units.push({ start: c.start, end, kind: 'day', value: c.value });
      else if (len === 4 && c.value >= 1000 && c.value <= 2199 && !ord) units.push({ start: c.start, end, kind: 'year', value: c.value });
      else units.push({ start: c.start, end: c.end, kind: 'day', value: -1 });
    } else if (c.kind === 'month' || c.kind === 'abbr') {
      if (data.language === 'en' && !isUpper(text[c.start])) {
        units.push({ start: c.start, end: c.end, kind: 'day', value: -1 }); // "may 5": the modal, not the month
        continue;
      }
      let end = c.end;
      if (c.kind === 'abbr' && text[end] === '.') end++;
      units.push({ start: c.start, end, kind: 'month', value: c.value });
    }
    // weekday units are left out: a weekday is its own date.
  }
  return units;
}

/** Normalise one chrono result to zero, one or two calendar mentions. */
function fromChrono(text: string, r: ChronoResult, offset: number, cands: Cand[], data: DateData): Found[] {
  const rs = offset + r.index;
  const re = rs + r.text.length;
  const ks = candsIn(cands, rs, re);
  const units = unitsOf(text, cands, ks, data);
  // The anchor: the first month name or numeric date.
  const a = units.findIndex((u) => u.kind === 'month' || u.kind === 'numdate');
  if (a < 0) return [];
  const isRange = !!r.end;
  const ok = (u: Unit) => u.value >= 0;
  // Walk left over days and months (17–21 March, 28 February – 3 March, 3rd of March).
  let lo = a;
  while (lo > 0) {
    const u = units[lo - 1];
    const v = units[lo];
    if (!ok(u) || (u.kind !== 'day' && u.kind !== 'month')) break;
    const g = gapKind(text, u.end, v.start, data);
    if (g === 'bad' || g === 'comma' || (g === 'range' && !isRange) || (g === 'dash' && !isRange)) break;
    if (g === 'of' && !(u.kind === 'day' && v.kind === 'month')) break;
    lo--;
  }
  // Walk right over days, months and years.
  let hi = a;
  while (hi + 1 < units.length) {
    const u = units[hi];
    const v = units[hi + 1];
    if (!ok(v) || v.kind === 'numdate') break;
    const g = gapKind(text, u.end, v.start, data);
    if (g === 'bad' || g === 'of') break;
    if ((g === 'dash' || g === 'range') && !isRange) break;
    // "In March, 12 people": a comma never joins a month to a following day.
    if (g === 'comma' && u.kind === 'month' && v.kind === 'day') break;
    if (g === 'comma' && u.kind === 'year') break;
    if (u.kind === 'year' && g !== 'dash' && g !== 'range') break;
    if (u.kind === 'numdate' && g !== 'dash' && g !== 'range') break;
    hi++;
  }
  const core = units.slice(lo, hi + 1);
  let start = core[0].start;
  let end = core[core.length - 1].end;

  const sv: Ymd = {};
  const ev: Ymd = {};
  const hasNumdate = core.some((u) => u.kind === 'numdate');
  // Split the core at a range separator.
  let sep = -1;
  for (let i = 1; i < core.length; i++) {
    const g = gapKind(text, core[i - 1].end, core[i].start, data);
    if (g === 'dash' || g === 'range') {
      sep = i;
      break;
    }
  }
  const left = sep < 0 ? core : core.slice(0, sep);
  const right = sep < 0 ? [] : core.slice(sep);
  const has = (us: Unit[], kind: UnitKind) => us.some((u) => u.kind === kind);
  // Only what the kept units show: a day that was cut off ("In March, 12 people") is not kept.
  const pick = (target: Ymd, kv: ChronoComponents | undefined, us: Unit[]) => {
    const all = has(us, 'numdate');
    if (all || has(us, 'month')) target.m = certain(kv, 'month');
    if (all || has(us, 'day')) target.d = certain(kv, 'day');
    if (all || has(us, 'year')) target.y = certain(kv, 'year');
  };
  if (sep < 0) {
    pick(sv, r.start, core);
  } else {
    pick(sv, r.start, left);
    pick(ev, r.end, right);
    // The first half borrows what it leaves to the second: 17–21 March 2025, 7–8 апреля.
    if (sv.m === undefined) sv.m = ev.m ?? certain(r.start, 'month');
    if (sv.y === undefined && ev.y !== undefined) sv.y = sv.m !== undefined && ev.m !== undefined && sv.m > ev.m ? ev.y - 1 : ev.y;
    if (ev.m === undefined) ev.m = sv.m;
  }
  // Russian ordinal day in front of a month chrono did not take: 18-го октября.
  if (core[0].kind === 'month' && sv.d === undefined && !hasNumdate) {
    const m = DAY_BEFORE.exec(text.slice(Math.max(0, start - 10), start));
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 31) {
      start -= m[0].length;
      sv.d = Number(m[1]);
    }
  }
  // English "Theresa May 2019": a capitalised word right before May makes it a surname.
  if (data.language === 'en' && core[0].kind === 'month' && core[0].value === 5 && sv.d === undefined) {
    const w = wordBefore(text, start);
    if (w && !data.mayBefore.has(w) && capitalisedBefore(text, start)) return [];
  }
  // The year word after the year (chrono leaves out г.'s dot, sometimes the word itself).
  if (core[core.length - 1].kind === 'year' || core[core.length - 1].kind === 'numdate') {
    const yw = yearWordAt(text, end, data, 3);
    if (yw) end = yw;
  }
  if (sv.m === undefined && !hasNumdate) return [];
  if (sv.m === undefined || sv.m < 1 || sv.m > 12) return [];
  if (sep >= 0) {
    const g = gapKind(text, core[sep - 1].end, core[sep].start, data);
    // Word ranges with a month on both sides are two dates: "с 28 февраля по 3 марта".
    if (g === 'range' && has(left, 'month') && has(right, 'month')) {
      return [
        { start, end: left[left.length - 1].end, kind: 'cal', from: sv },
        { start: right[0].start, end, kind: 'cal', from: ev },
      ];
    }
    return [{ start, end, kind: 'cal', from: sv, to: ev }];
  }
  return [{ start, end, kind: 'cal', from: sv }];
}

// ---------------------------------------------------------------------------------------------
// Ids and canonical forms

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function valueKey(v: Ymd): string {
  if (v.m === undefined) return v.y !== undefined ? String(v.y) : '';
  if (v.d === undefined) return v.y !== undefined ? `${v.y}-${pad(v.m)}` : MONTH_NAMES[v.m - 1].toLowerCase();
  return v.y !== undefined ? `${v.y}-${pad(v.m)}-${pad(v.d)}` : `${pad(v.m)}-${pad(v.d)}`;
}

function readable(v: Ymd, withYear = true): string {
  const parts: string[] = [];
  if (v.d !== undefined) parts.push(String(v.d));
  if (v.m !== undefined) parts.push(MONTH_NAMES[v.m - 1]);
  if (withYear && v.y !== undefined) parts.push(String(v.y));
  return parts.join(' ');
}

function idAndCanonical(f: Found): { id: string; canonical: string } {
  if (f.kind === 'weekday') {
    const name = WEEKDAY_NAMES[f.weekday ?? 0];
    return { id: `d-${name.toLowerCase()}`, canonical: name };
  }
  if (f.kind === 'year') {
    if (f.to?.y !== undefined) return { id: `d-${f.from.y}/${f.to.y}`, canonical: `${f.from.y}–${f.to.y}` };
    return { id: `d-${f.from.y}`, canonical: String(f.from.y) };
  }
  if (!f.to) return { id: `d-${valueKey(f.from)}`, canonical: readable(f.from) };
  const a = f.from;
  const b = f.to;
  const id = `d-${valueKey(a)}/${valueKey(b)}`;
  let canonical: string;
  if (a.m === b.m && a.y === b.y && a.d !== undefined && b.d !== undefined) canonical = `${a.d}–${b.d} ${MONTH_NAMES[(b.m ?? 1) - 1]}${b.y !== undefined ? ` ${b.y}` : ''}`;
  else if (a.d === undefined && b.d === undefined && a.y === b.y) canonical = `${readable(a, false)}–${readable(b)}`;
  else if (a.y === b.y) canonical = `${readable(a, false)} – ${readable(b)}`;
  else canonical = `${readable(a)} – ${readable(b)}`;
  return { id, canonical };
}

// ---------------------------------------------------------------------------------------------
// The scanner's own rules: years, bare months, weekdays

/** A day number (with a Russian or English ordinal ending) right before a month name. */
const DAY_BEFORE = /(?<![\d\p{L}.,:\/-])(\d{1,2})(?:-?(?:го|е|ое|ого)|st|nd|rd|th)?[ \u00a0]+$/u;

function bareMonth(text: string, cands: Cand[], k: number, data: DateData): Found | null {
  const c = cands[k];
  if (c.kind !== 'month') return null;
  // A month range: январь–март 2025 года, January–March 2025, в мае–июне.
  let last = c;
  let lastK = k;
  const n1 = cands[k + 1];
  if (n1 && n1.kind === 'month' && n1.value !== c.value && /^[ \u00a0]?[-–—‐‑][ \u00a0]?$/.test(text.slice(c.end, n1.start))) {
    if (data.language === 'ru' || (isUpper(text[c.start]) && isUpper(text[n1.start]))) {
      last = n1;
      lastK = k + 1;
    }
  }
  const first = text[c.start];
  // A month name glued to a hyphenated word: "пост-май", "Май-Июнь" as a name; "mid-May" is fine.
  if (isDash(text[c.start - 1]) && isLetter(text[c.start - 2]) && wordBefore(text, c.start, true) !== 'mid') return null;
  if (isDash(text[last.end]) && isLetter(text[last.end + 1])) return null;
  // Month + year that chrono did not take (сентябрю 2025 года, October 2024).
  const next = cands[lastK + 1];
  let year: YearHit | null = null;
  if (next && next.kind === 'num' && next.start - last.end <= 2 && /^[ \u00a0]+$/.test(text.slice(last.end, next.start))) {
    year = yearAt(text, cands, lastK + 1, data);
    if (year && year.y2 !== undefined) year = null;
  }
  if (data.language === 'en') {
    if (!isUpper(first)) return null;
    if (c.value === 5 && last === c) {
      const before = wordBefore(text, c.start, true);
      // Modal "may" (lower-case anyway) and "May" at a sentence start need a preposition; a
      // capitalised word right before makes it a surname (Theresa May), even with a year after.
      if (!year && !data.mayBefore.has(before)) return null;
      if (year && before && !data.mayBefore.has(before) && capitalisedBefore(text, c.start)) return null;
    }
  } else if (isUpper(first) && !year && last === c) {
    // Марта, Августа mid-sentence, or before another capitalised word (Марта Иванова): a name.
    if (!atSentenceStart(text, c.start)) return null;
    const after = wordAfter(text, c.end, 1);
    if (after && after.start === c.end + 1 && isUpper(text[after.start])) return null;
  }
  const end = year ? year.end : last.end;
  if (last === c) {
    // A day in front that chrono left out: 18-го октября.
    const m = DAY_BEFORE.exec(text.slice(Math.max(0, c.start - 10), c.start));
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 31) {
      return { start: c.start - m[0].length, end, kind: 'cal', from: { y: year?.y, m: c.value, d: Number(m[1]) } };
    }
    return { start: c.start, end, kind: 'cal', from: { y: year?.y, m: c.value } };
  }
  // The first month takes the year of the second (a year earlier when the range crosses January).
  const y1 = year ? (c.value > last.value ? year.y - 1 : year.y) : undefined;
  return { start: c.start, end, kind: 'cal', from: { y: y1, m: c.value }, to: { y: year?.y, m: last.value } };
}

function weekday(text: string, cands: Cand[], k: number, data: DateData): Found | null {
  const c = cands[k];
  if (c.kind !== 'weekday') return null;
  if (data.language === 'en' && !isUpper(text[c.start])) return null;
  if (isDash(text[c.end]) && isLetter(text[c.end + 1])) return null;
  if (isDash(text[c.start - 1]) && isLetter(text[c.start - 2])) return null;
  const lower = text.slice(c.start, c.end).toLowerCase();
  const need = data.weekdayNeedsBefore.get(lower);
  if (need) {
    const before = wordBefore(text, c.start);
    const dateAfter = /^,[ \u00a0]*\d/.test(text.slice(c.end, c.end + 4));
    const lineStart = isUpper(text[c.start]) && atLineStart(text, c.start);
    if (!need.has(before) && !dateAfter && !lineStart) return null;
  }
  const after = wordAfter(text, c.end, 1);
  if (after && after.start === c.end + 1 && data.weekdayNotBefore.has(after.word) && isUpper(text[after.start])) return null;
  return { start: c.start, end: c.end, kind: 'weekday', from: {}, weekday: c.value };
}

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * Every date expression in `text`, in text order, without overlaps. Offsets are UTF-16 indices
 * into `text` as given (BOM and CRLF untouched). Never throws.
 */
export function findDates(text: string, language: 'ru' | 'en'): DateMention[] {
  if (!text) return [];
  const data = loadData(language === 'ru' ? 'ru' : 'en');
  const cands = scanCandidates(text, data);
  if (cands.length === 0) return [];

  // 1. chrono on windows around month names next to numbers and numeric dates.
  const found: Found[] = [];
  for (const w of windowsFor(text, cands, chronoTriggers(text, cands))) {
    const input = text.slice(w.start, w.end);
    for (const r of runChrono(data.language, input)) {
      for (const f of fromChrono(text, r, w.start, cands, data)) found.push(f);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const chronoSpans: Found[] = [];
  for (const f of found) {
    const last = chronoSpans[chronoSpans.length - 1];
    if (last && f.start < last.end) continue; // overlapping windows give the same result twice
    chronoSpans.push(f);
  }

  // 2. The scanner, over candidates that no chrono span covers.
  const all: Found[] = [...chronoSpans];
  let ci = 0;
  let skipUntil = -1;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.start < skipUntil) continue;
    while (ci < chronoSpans.length && chronoSpans[ci].end <= c.start) ci++;
    const covering = chronoSpans[ci];
    if (covering && covering.start < c.end) continue;
    let f: Found | null = null;
    if (c.kind === 'num') {
      const y = yearAt(text, cands, k, data);
      if (y) f = { start: y.start, end: y.end, kind: 'year', from: { y: y.y }, to: y.y2 !== undefined ? { y: y.y2 } : undefined };
    } else if (c.kind === 'month') f = bareMonth(text, cands, k, data);
    else if (c.kind === 'weekday') f = weekday(text, cands, k, data);
    if (!f) continue;
    // Never run into a chrono span (a year word or range reaching into the next date).
    const nextChrono = chronoSpans[ci];
    if (nextChrono && f.end > nextChrono.start) continue;
    all.push(f);
    skipUntil = f.end;
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  // Flat: a mention that starts inside the previous one (a day taken in front of a month) goes.
  let prevEnd = -1;
  const flat = all.filter((f) => {
    if (f.start < prevEnd) return false;
    prevEnd = f.end;
    return true;
  });

  // 3. Ids: a date without a year takes the one year the same day has elsewhere in the text.
  const yearsOf = new Map<string, Set<number>>();
  for (const f of flat) {
    if (f.kind !== 'cal' || f.from.y === undefined || f.from.m === undefined || f.from.d === undefined) continue;
    const key = `${f.from.m}-${f.from.d}${f.to ? `/${f.to.m}-${f.to.d}` : ''}`;
    const s = yearsOf.get(key) ?? new Set<number>();
    s.add(f.from.y);
    yearsOf.set(key, s);
  }
  const out: DateMention[] = [];
  for (const f of flat) {
    let g = f;
    if (f.kind === 'cal' && f.from.y === undefined && f.from.d !== undefined && (!f.to || f.to.y === undefined)) {
      const ys = yearsOf.get(`${f.from.m}-${f.from.d}${f.to ? `/${f.to.m}-${f.to.d}` : ''}`);
      if (ys && ys.size === 1) {
        const y = [...ys][0];
        g = { ...f, from: { ...f.from, y }, to: f.to ? { ...f.to, y } : undefined };
      }
    }
    const { id, canonical } = idAndCanonical(g);
    out.push({ start: f.start, end: f.end, id, canonical });
  }
  return out;
}
