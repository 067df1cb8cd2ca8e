// People and organisations found by pattern, not by a closed list: runs of capitalised words with
// initials, titles in front, organisation and place head words; Russian organisations by their
// head noun and genitive chain (Постоянного совета ОБСЕ); acronyms defined in parentheses.
// Gazetteer and date mentions are found first and passed in as `taken`: a pattern never claims
// a word a list already named, but may grow around it (Belarusian Foreign Ministry).
import type { Language } from '../types.ts';
import { tokenize, tokenIndexAt, isUpperStart, isInitials, type Token } from '../tokens.ts';
import { inSortedRanges, rangeAt, type Range } from '../ranges.ts';
import { ruKey, linkKey } from '../morphology.ts';
import { people } from './people.ts';
import ruNames from '../data/ru/names.json';
import enNames from '../data/en/names.json';
import { dataOf } from '../datafile.ts';
import { endsWithPossessive, hasLowerLetter, isAlElName, mayBeAcronym, mayBeInitials, onlySpacesBetween, startsWithDigit } from './chars.ts';

export interface PatternMention {
  start: number;
  end: number;
  type: 'person' | 'organization' | 'place';
  /** For a person: the surname token's text (the linking key is made from it). */
  surname?: string;
  /** Title words written right before the name (lower-case), to tie later title phrases to it. */
  titles?: string[];
  /** For an acronym defined as "Full Name (ABBR)": the full name's span start, to share its id. */
  expands?: number;
}

interface NameData {
  titles: Set<string>;
  orgHeads: Set<string>;
  placeHeads: Set<string>;
  glue: Set<string>;
  particles: Set<string>;
  nonNames: Set<string>;
  acronymStop: Set<string>;
  stopInName: Set<string>;
  /** Linking keys of the Russian head nouns, so any case form matches (совета, комиссией). */
  orgHeadKeys: Set<string>;
}

const cache = new Map<Language, NameData>();
function names(language: Language): NameData {
  let d = cache.get(language);
  if (!d) {
    const raw = dataOf(language === 'ru' ? ruNames : enNames) as unknown as Record<string, string[] | string>;
    const set = (k: string, lower = true) => new Set(((raw[k] as string[] | undefined) ?? []).map((x) => (lower ? x.toLowerCase() : x)));
    d = {
      titles: set('titles'),
      orgHeads: set('orgHeads'),
      placeHeads: set('placeHeads'),
      glue: set('glue'),
      particles: set('particles'),
      nonNames: set('nonNames'),
      acronymStop: set('acronymStop', false),
      stopInName: set('stopInName'),
      orgHeadKeys: new Set(),
    };
    if (language === 'ru') d.orgHeadKeys = new Set([...d.orgHeads].map((w) => ruKey(w)));
    cache.set(language, d);
  }
  return d;
}

const ACRONYM = /^\p{Lu}[\p{Lu}\d&-]{1,7}$/u;
const ALL_CAPS_WORD = /^\p{Lu}[\p{Lu}-]{2,}$/u;
// The hot tests run a cheap character check first (./chars.ts), the expression only where it may match.
const isAcronym = (w: string) => mayBeAcronym(w) && ACRONYM.test(w);
const initials = (w: string) => mayBeInitials(w) && isInitials(w);

/** Whether token i starts a sentence (or a line/heading), where any word is capitalised. */
function sentenceStart(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const gap = text.slice(tokens[i - 1].end, tokens[i].start);
  return /[.!?:…]["»”’)]*\s*$|^\s*[«"“„(—–-]\s*$/.test(gap) || /[\n\r]/.test(gap);
}

/** A capitalised word that can be part of a name. */
function nameWord(t: Token, d: NameData): boolean {
  if (initials(t.text)) return true;
  if (isAlElName(t.text)) return true;
  if (!isUpperStart(t.text) || startsWithDigit(t.text)) return false;
  return !d.nonNames.has(t.lower);
}

function spaceGap(text: string, a: Token, b: Token): boolean {
  return onlySpacesBetween(text, a.end, b.start);
}

// Russian adjective and genitive-chain endings, used to decide where an organisation's name ends.
const RU_ADJ = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ыми|ими)$/;
const RU_VERBISH = /(?:ла|ли|ло|ет|ют|ит|ят|ать|ять|ить|ал|ял|ил|ся|сь|ешь|ишь|ем|им)$/;

export function findPatternMentions(text: string, language: Language, taken: Range[], tokens: Token[] = tokenize(text)): PatternMention[] {
  const d = names(language);
  const out: PatternMention[] = [];
  const isTaken = (t: Token) => inSortedRanges(taken, t.start);
  const push = (m: PatternMention) => out.push(m);
  // Inside a run any capitalised word or acronym continues it ("State Security Department").
  const inner = (n: Token) => initials(n.text) || isAlElName(n.text) || (isUpperStart(n.text) && !startsWithDigit(n.text) && n.text !== 'I');

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (cannotStartName(t.text) || isTaken(t)) continue;
    // --- Russian organisations: [Adj…] Head [genitive chain] — Постоянного совета ОБСЕ.
    if (language === 'ru' && isUpperStart(t.text) && !isAcronym(t.text)) {
      const org = ruOrganization(text, tokens, i, d, taken);
      if (org) {
        push(org);
        i = tokenIndexAt(tokens, org.end) - 1;
        continue;
      }
    }
    // A run starts at a capitalised word that can begin a name (not "The", "However", a month…).
    if (!nameWord(t, d) && !(isAcronym(t.text) && !d.acronymStop.has(t.text))) continue;
    // A run of capitalised words (and glue between them), stopped by a gazetteer/date mention.
    let j = i;
    while (j + 1 < tokens.length && spaceOrGlue(text, tokens[j], tokens[j + 1]) && !isTaken(tokens[j + 1])) {
      const n = tokens[j + 1];
      if (inner(n)) j++;
      else if ((d.glue.has(n.lower) || d.particles.has(n.lower)) && /^\p{Ll}|^&$/u.test(n.text) && tokens[j + 2] && spaceGap(text, n, tokens[j + 2]) && inner(tokens[j + 2]) && !isTaken(tokens[j + 2])) j += 2;
      else if (d.particles.has(n.lower) && /^\p{Ll}/u.test(n.text) && tokens[j + 2] && d.particles.has(tokens[j + 2].lower) && tokens[j + 3] && spaceGap(text, n, tokens[j + 2]) && spaceGap(text, tokens[j + 2], tokens[j + 3]) && inner(tokens[j + 3]) && !isTaken(tokens[j + 3])) j += 3; // von der Leyen
      else break;
    }
    let run = tokens.slice(i, j + 1);
    // A possessive ends a name (Whitfield’s Meeting → Whitfield), unless an organisation head
    // follows it (China’s Foreign Ministry is one body).
    const poss = run.findIndex((r) => endsWithPossessive(r.text));
    let orgAt = lastIndexIn(run, d.orgHeads);
    if (poss >= 0 && orgAt <= poss) {
      run = run.slice(0, poss + 1);
      j = i + poss;
      orgAt = lastIndexIn(run, d.orgHeads);
    }
    const placeAt = lastIndexIn(run, d.placeHeads);
    const prev = tokens[i - 1];
    if (language === 'en' && orgAt >= 0 && orgAt >= placeAt && !titleCaseHeading(text, tokens, i, j)) {
      // Include a country/demonym from the gazetteer right before: "Belarusian Foreign Ministry",
      // "China Coast Guard"; and a gazetteer name right after "of"/"to": "OSCE Mission to Moldova".
      let s = run[0].start;
      if (prev && isTaken(prev) && spaceGap(text, prev, run[0]) && isUpperStart(prev.text)) s = rangeAt(taken, prev.start)?.[0] ?? prev.start;
      let e = run[run.length - 1].end;
      const g = tokens[j + 1];
      const n = tokens[j + 2];
      if (g && n && /^(?:of|to|for)$/.test(g.text) && isTaken(n) && isUpperStart(n.text) && spaceGap(text, run[run.length - 1], g) && spaceGap(text, g, n)) {
        e = rangeAt(taken, n.start)?.[1] ?? n.end;
        j = tokenIndexAt(tokens, e) - 1;
      }
      push({ start: s, end: e, type: 'organization' });
      i = j;
      continue;
    }
    if (language === 'en' && placeAt >= 0 && placeAt === run.length - 1 && run.length >= 2) {
      push({ start: run[0].start, end: run[run.length - 1].end, type: 'place' });
      i = j;
      continue;
    }
    // Acronyms: "Sudanese Armed Forces (SAF)" defines SAF; unknown acronyms are bodies.
    if (run.length === 1 && isAcronym(t.text) && t.text.length <= 6 && !initials(t.text) && !d.acronymStop.has(t.text)) {
      // Codes with digits (COP30, A350) are events and models, not bodies (G7 and G20 are in the lists).
      if (!/\d/.test(t.text)) push({ start: t.start, end: t.end, type: 'organization' });
      continue;
    }
    // People: the run splits at glue words ("Whitfield and Foreign Minister Țurcanu" is two),
    // titles come off the front of each part ("Secretary of State Margaret Whitfield").
    const titles: string[] = [];
    // (A title word counts only on the same line: "too high.”\n\nPresident X" has none before X.)
    if (prev && d.titles.has(prev.lower) && spaceGap(text, prev, t)) titles.push(prev.lower);
    let part: Token[] = [];
    const flush = () => {
      const person = personOf(text, tokens, part, titles, d, language);
      if (person) push(person);
      part = [];
    };
    for (const r of run) {
      if (d.glue.has(r.lower) && !d.particles.has(r.lower)) {
        flush();
        if (!/^(?:of)$/.test(r.lower)) titles.length = 0;
        continue;
      }
      part.push(r);
    }
    flush();
    i = j;
  }
  return out;
}

const POSSESSIVE = /[’']s$/;

/**
 * Most words: lower-case Latin or Cyrillic, or a digit first. Nothing below starts at one (names,
 * acronyms and organisations start with a capital), except al-/el- before a capital (al-Rashidi).
 */
function cannotStartName(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return !((c === 0x61 || c === 0x65) && w.charCodeAt(1) === 0x6c && w.charCodeAt(2) === 0x2d);
  return (c >= 0x430 && c <= 0x45f) || (c >= 0x30 && c <= 0x39);
}

/**
 * A person from one part of a capitalised run: titles and acronyms off the front; then initials +
 * surname, two or more name words, or one name word after a title. `titles` collects the title
 * words (they carry over an "of": Secretary of State).
 */
function personOf(text: string, tokens: Token[], part: Token[], titles: string[], d: NameData, language: Language): PatternMention | null {
  let k = 0;
  while (k < part.length && (d.titles.has(part[k].lower) || (isAcronym(part[k].text) && !initials(part[k].text)))) {
    if (d.titles.has(part[k].lower)) titles.push(part[k].lower);
    k++;
  }
  const name = part.slice(k);
  if (name.length === 0) return null;
  const first = name[0];
  const last = name[name.length - 1];
  const possessive = endsWithPossessive(last.text);
  const lastText = possessive ? last.text.replace(POSSESSIVE, '') : last.text;
  // (The token's own lower case where nothing was cut off: the same string, not a new one.)
  if (name.length === 1 && d.titles.has(possessive ? lastText.toLowerCase() : last.lower)) return null;
  const glued = name.length === 1 && mayBeInitials(first.text) && /^(?:\p{Lu}\.){1,3}\p{Lu}[\p{Ll}-]+$/u.test(first.text); // С.В.Лавров
  const lastHasLower = hasLowerLetter(lastText);
  const initialsThenSurname = name.length >= 2 && name.slice(0, -1).every((x) => isInitials(x.text)) && lastHasLower;
  // Two or more name words: in Russian capitals are evidence enough; English capitalises titles
  // and headings, so it needs a given name first (Margaret Whitfield), a family name that comes
  // first (Xi Jinping), or a name particle (Khalid al-Rashidi).
  const pd = people(language);
  const evidence = language === 'ru' || pd.firstNames.has(first.lower) || pd.familyFirst.has(first.lower) || name.some((x) => /^(?:al|el)-/i.test(x.text) || d.particles.has(x.lower)) || pd.bySurnameKey.has(linkKey(lastText, language));
  const multi = name.length >= 2 && evidence && !name.every((x) => ALL_CAPS_WORD.test(x.text)) && lastHasLower && !isInitials(lastText);
  const titled = titles.length > 0 && name.length <= 3 && lastHasLower;
  if (!(glued || initialsThenSurname || multi || titled)) return null;
  // A lone capitalised word at a sentence start is no evidence.
  if (name.length === 1 && !glued && !titled && sentenceStart(text, tokens, tokenIndexAt(tokens, first.start))) return null;
  return { start: first.start, end: possessive ? last.end - 2 : last.end, type: 'person', surname: surnameOf(lastText), titles: [...titles] };
}

/** A heading written in Title Case (most words capitalised): capitalisation is no evidence there. */
function titleCaseHeading(text: string, tokens: Token[], i: number, j: number): boolean {
  let ls = text.lastIndexOf('\n', tokens[i].start) + 1;
  let le = text.indexOf('\n', tokens[j].end);
  if (le < 0) le = text.length;
  const line = text.slice(ls, le);
  if (/[.!?]\s*$/.test(line.trim()) || line.length > 160) return false;
  const words = line.match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
  const caps = words.filter((w) => isUpperStart(w) && w.length > 3).length;
  const long = words.filter((w) => w.length > 3).length;
  void ls;
  return long >= 3 && caps / long > 0.7;
}


function surnameOf(t: string): string {
  // С.В.Лавров → Лавров; al-Rashidi stays whole. (Only initials start with a capital and a dot.)
  return mayBeInitials(t) ? t.replace(/^(?:\p{Lu}\.)+/u, '') : t;
}

/** The index of the last token whose lower case is in `words`, or -1. */
function lastIndexIn(run: Token[], words: Set<string>): number {
  for (let k = run.length - 1; k >= 0; k--) if (words.has(run[k].lower)) return k;
  return -1;
}

function spaceOrGlue(text: string, a: Token, b: Token): boolean {
  return onlySpacesBetween(text, a.end, b.start);
}

/**
 * Russian organisation: a capitalised adjective or head noun, more adjectives, a head noun
 * (совет, комиссия, институт…) within three words, then a genitive chain of lower-case words and
 * capitalised names or acronyms, ending before a preposition, a verb or punctuation.
 */
function ruOrganization(text: string, tokens: Token[], i: number, d: NameData, taken: Range[]): PatternMention | null {
  const t = tokens[i];
  const stemHead = (w: string) => headOf(w, d);
  let k = i;
  // Capitalised adjectives (Стокгольмского, Межправительственной) before the head.
  // (verbal nouns in -ние/-тие — Заседание, Решение — look like plural adjectives and are not)
  while (k < tokens.length && k - i < 3 && RU_ADJ.test(tokens[k].lower) && !/(?:ни|ти)е$/.test(tokens[k].lower) && !stemHead(tokens[k].lower) && !d.nonNames.has(tokens[k].lower)) {
    if (k > i && !spaceGap(text, tokens[k - 1], tokens[k])) return null;
    k++;
  }
  const head = tokens[k];
  if (!head || !stemHead(head.lower) || (k > i && !spaceGap(text, tokens[k - 1], head))) return null;
  if (k === i && !isUpperStart(t.text)) return null;
  // A sentence-initial generic noun alone ("Совет принял…") is not a name unless a chain follows.
  let e = k;
  let n = k + 1;
  let sawName = false;
  while (n < tokens.length && n - k <= 7) {
    const w = tokens[n];
    const gap = text.slice(tokens[n - 1].end, w.start);
    if (!/^[ \t\u00a0]+$/.test(gap)) break;
    if (d.stopInName.has(w.lower)) break;
    if (w.lower === 'и') {
      // "Департамента информации и печати": a conjunction between two lower-case genitives.
      const after = tokens[n + 1];
      if (after && /^\p{Ll}/u.test(after.text) && !RU_VERBISH.test(after.lower) && /^\p{Ll}/u.test(tokens[n - 1].text)) {
        n++;
        continue;
      }
      break;
    }
    if (/^\p{Ll}/u.test(w.text)) {
      if (RU_VERBISH.test(w.lower) && !RU_ADJ.test(w.lower)) break;
      if (/^\d/.test(w.text)) break;
      e = n;
      n++;
      continue;
    }
    // Names in the chain (ОБСЕ, МИД России, Республики Корея): a listed name or an acronym is
    // the chain's last part ("Комиссии ЭКОВАС Омаром Алиу Туре" ends at ЭКОВАС).
    const listed = rangeAt(taken, w.start);
    if (listed) {
      e = tokenIndexAt(tokens, listed[1]) - 1;
      sawName = true;
      break;
    }
    if (ACRONYM.test(w.text)) {
      e = n;
      sawName = true;
      break;
    }
    if (isUpperStart(w.text)) {
      e = n;
      sawName = true;
      n++;
      continue;
    }
    break;
  }
  // Trim lower-case words that are not genitive-chain material from the end (adjectives alone).
  while (e > k && /^\p{Ll}/u.test(tokens[e].text) && RU_ADJ.test(tokens[e].lower) && !tokens[e + 1]) e--;
  const start = t.start;
  const end = tokens[e].end;
  // A bare generic head in lower case is no name; a capitalised head with nothing after needs an adjective before it.
  if (e === k && k === i && !sawName) return null;
  // "Американское командование заявило": capitalised only because it starts the sentence.
  if (sentenceStart(text, tokens, i) && !sawName && k > i) return null;
  void taken;
  return { start, end, type: 'organization' };
}

/** Whether a Russian word is a form of an organisation head noun (совета, комиссии, институтом…). */
function headOf(w: string, d: NameData): boolean {
  return d.orgHeads.has(w) || d.orgHeadKeys.has(ruKey(w));
}
