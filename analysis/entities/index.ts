// Named entities: gazetteer mentions (countries, places, organisations, demonyms), dates, and
// people/organisations found by pattern, merged into one flat, longest-span list and linked:
// one id per referent across inflections, surname-only mentions, initials and abbreviations.
import type { Alias, Entity, EntityType, KnownSurname, Language } from '../types.ts';
import { tokenize, tokenizeParagraphs, isUpperStart, isWhiteSpace, type Paragraph, type Token, type TokenList } from '../tokens.ts';
import { firstStartingAt, type Range } from '../ranges.ts';
import { findGazetteerMentions, type GazMention } from './gazetteer.ts';
import { findDates } from './dates.ts';
import { findPatternMentions, type PatternMention } from './patterns.ts';
import { ruKey, enKey } from '../morphology.ts';
import { findAliases } from './aliases.ts';
import { memo } from '../memo.ts';
import { people, type KnownPerson, type PeopleData } from './people.ts';
import { isBasicLower, mayOpenParenthesis } from './chars.ts';

interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  id?: string;
  canonical?: string;
  official?: string;
  /** 0 gazetteer, 1 date, 2 pattern: breaks ties between spans of equal extent. */
  rank: number;
  pattern?: PatternMention;
}

/**
 * Every candidate has all fields (undefined where it has none): one object shape, so the sorts and
 * loops over thousands of them read fields at one place in the object.
 */
function candidate(start: number, end: number, type: EntityType, rank: number, id?: string, canonical?: string, official?: string, pattern?: PatternMention): Candidate {
  return { start, end, type, id, canonical, official, rank, pattern };
}

export interface EntityResult {
  entities: Entity[];
  /** Title phrases tied to a named person ("замглавы МИД" for Михаил Галузин). */
  aliases: Alias[];
  /** Title words each person was introduced with ("замглавы мид", "deputy secretary"), by entity id. */
  titles: Map<string, string[]>;
}

export function findEntities(
  text: string,
  language: Language,
  tokens?: TokenList,
  knownPersons: KnownSurname[] = [],
  paragraphs?: Paragraph[],
): EntityResult {
  if (!tokens || !paragraphs) ({ tokens, paragraphs } = tokenizeParagraphs(text));
  const key = language === 'ru' ? ruKey : enKey;
  const cands: Candidate[] = [];
  for (const p of paragraphs) {
    const found = gazetteerMemo[language].get(p.text, () => findGazetteerMentions(p.text, language));
    for (const g of found) cands.push(candidate(g.start + p.start, g.end + p.start, g.type, 0, g.id, g.canonical, g.official));
  }
  for (const d of findDates(text, language)) cands.push(candidate(d.start, d.end, 'date', 1, d.id, d.canonical));
  const taken: Range[] = mergeRanges(cands.map((c) => [c.start, c.end] as Range));
  for (const p of patternMentions(text, paragraphs, language, taken)) cands.push(candidate(p.start, p.end, p.type, 2, undefined, undefined, undefined, p));

  // Flat, longest span: longer wins; at equal extent the list beats the pattern.
  cands.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.rank - b.rank);
  const kept: Candidate[] = [];
  let lastEnd = -1;
  for (const c of cands) {
    if (c.start < lastEnd) {
      const prev = kept[kept.length - 1];
      // A longer later candidate that covers the previous one replaces it.
      if (prev && c.start === prev.start && c.end > prev.end) kept[kept.length - 1] = c;
      else if (prev && c.start < prev.end && c.end > prev.end && c.end - c.start > prev.end - prev.start && c.rank === 2 && c.type === 'organization') kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
    lastEnd = c.end;
  }

  // People: a surname seen in a full name links its later (and earlier) single mentions.
  const personId = new Map<string, string>();
  const canonicalOf = new Map<string, string>();
  for (const p of knownPersons) {
    personId.set(key(p.surname), p.id);
    canonicalOf.set(p.id, p.canonical);
  }
  const titles = new Map<string, string[]>();
  const pd = people(language);
  const knownById = new Map<string, KnownPerson>();
  const idForSurname = (k: string) => {
    const known = pd.bySurnameKey.get(k);
    if (!known) return `p-${k}`;
    knownById.set(`p-${known.id}`, known);
    return `p-${known.id}`;
  };
  // (One expression for the loop, not a new one per person.)
  const initials = /^(?:\p{Lu}\.\s?)+\p{Lu}/u;
  for (const c of kept) {
    if (c.type !== 'person' || !c.pattern?.surname) continue;
    const k = key(c.pattern.surname);
    const id = personId.get(k) ?? idForSurname(k);
    personId.set(k, id);
    c.id = id;
    const t = text.slice(c.start, c.end);
    const words = pieces(t);
    const best = canonicalOf.get(id);
    if (!best || (initials.test(best) && !initials.test(t)) || (words > pieces(best) && !initials.test(t))) canonicalOf.set(id, t);
    if (c.pattern.titles?.length) titles.set(id, [...new Set([...(titles.get(id) ?? []), ...c.pattern.titles])]);
  }
  // Single capitalised words that are a known surname (Галузин, Галузину, Kondratovič).
  const covered = mergeRanges(kept.map((c) => [c.start, c.end] as Range));
  const extra: Candidate[] = [];
  let ci = 0;
  // (An indexed loop: this runs once per analysis, often before it is optimised, and until then
  // for-of makes an iterator result per token.)
  // (The list's columns are read directly: most tokens are passed over here.)
  const { starts, words } = tokens;
  for (let ti = 0; ti < starts.length; ti++) {
    const start = starts[ti];
    while (ci < covered.length && covered[ci][1] <= start) ci++;
    if (ci < covered.length && covered[ci][0] <= start) continue;
    const w = words[ti].text;
    if (!isUpperStart(w) || w.length < 3 || (!isBasicLower(w.charCodeAt(1)) /* then not all capitals */ && /^\p{Lu}+$/u.test(w))) continue;
    const t = tokens.get(ti);
    // A known surname of this text, or of a well-known person news names by surname alone (Putin’s).
    const k = key(t.text);
    const id = personId.get(k) ?? (pd.bySurnameKey.has(k) && !sentenceInitialOnly(text, t) ? idForSurname(k) : undefined);
    if (id) extra.push(candidate(t.start, /[’']s$/.test(t.text) ? t.end - 2 : t.end, 'person', 2, id));
  }
  const all = [...kept, ...extra].sort((a, b) => a.start - b.start);

  // Organisations found by pattern: an acronym defined in parentheses shares its full name's id;
  // otherwise the id is the normalised words, so inflected repeats link (Совет ЕС / Совета ЕС).
  for (const c of all) {
    if (c.id || c.type === 'person') continue;
    const words = tokenize(text, c.start, c.end).map((w) => (/^\p{Lu}+$/u.test(w.text) ? w.text : key(w.text)));
    c.id = `${c.type === 'organization' ? 'o' : 'l'}-${words.join('-')}`;
  }
  // "International Atomic Energy Agency (IAEA)", "Альянса государств Сахеля (АГС)": the acronym
  // in parentheses, and every later use of it, is the body named just before.
  const idOfAcronym = new Map<string, string>();
  for (const c of all) {
    if (c.type !== 'organization' || !c.id) continue;
    if (!mayOpenParenthesis(text.charCodeAt(c.end))) continue;
    const m = /^\s*\(([\p{Lu}][\p{Lu}&-]{1,9})\)/u.exec(text.slice(c.end, c.end + 16));
    if (!m) continue;
    // The last candidate starting there (`all` is sorted by start).
    const at = c.end + m[0].indexOf(m[1]);
    const next = firstStartingAt(all, at + 1);
    const abbr = next > 0 && all[next - 1].start === at ? all[next - 1] : undefined;
    if (abbr && abbr.type === 'organization' && abbr.rank === 2) idOfAcronym.set(m[1], c.id);
  }
  // (An acronym is 2 to 10 code points, at most 20 code units, long: no other span can be one.)
  if (idOfAcronym.size > 0) {
    for (const c of all) {
      if (c.end - c.start < 2 || c.end - c.start > 20) continue;
      const viaAcronym = idOfAcronym.get(text.slice(c.start, c.end));
      if (viaAcronym) c.id = viaAcronym;
    }
  }
  linkBareMinistries(text, language, all);
  linkShortForms(text, language, all);

  const entities: Entity[] = all.map((c) => {
    const known = knownById.get(c.id!);
    const t = text.slice(c.start, c.end);
    const e: Entity = {
      start: c.start,
      end: c.end,
      text: t,
      type: c.type,
      id: c.id!,
      canonical: c.canonical ?? known?.canonical ?? nominativeName(canonicalOf.get(c.id!), pd, key) ?? t.replace(/[’']s$/, ''),
    };
    // (Added, not spread in: the same keys in the same order, without copying objects.)
    if (c.official) e.official = c.official;
    if (known?.description) e.description = known.description;
    return e;
  });
  return { entities, aliases: findAliases(text, language, tokens, entities), titles };
}

// Kept by the paragraph's text itself (per language), so every memo hashes the same string object:
// its hash is computed once.
const gazetteerMemo = { ru: memo<GazMention[]>(), en: memo<GazMention[]>() };
/** Pattern mentions depend on what the gazetteer and dates took too: kept with that, and recomputed when it differs. */
interface KeptPatterns {
  /** The paragraph's taken ranges (in text offsets when `found` was computed: relative to `base`). */
  taken: Range[];
  /** Where the paragraph started when `found` was computed (offsets in `found` are for that). */
  base: number;
  found: PatternMention[];
}
const patternMemo = { ru: memo<KeptPatterns>(), en: memo<KeptPatterns>() };

/**
 * Pattern mentions paragraph by paragraph: a paragraph's result depends on its text and on which
 * of its words the gazetteer and the dates took, so both make the memo key. (Each paragraph is read
 * in the whole text, with its own tokens and taken ranges: nothing in it looks past the paragraph.)
 */
export function patternMentions(text: string, paragraphs: Paragraph[], language: Language, taken: Range[]): PatternMention[] {
  const out: PatternMention[] = [];
  let ki = 0;
  for (const p of paragraphs) {
    const { start: s, end: e, text: chunk } = p;
    while (ki < taken.length && taken[ki][1] <= s) ki++;
    let kj = ki;
    while (kj < taken.length && taken[kj][0] < e) kj++;
    const localTaken = taken.slice(ki, kj);
    // (The paragraph's tokens are made only when its mentions are not kept.)
    const compute = () => ({ taken: localTaken, base: s, found: findPatternMentions(text, language, localTaken, p.tokens) });
    let kept = patternMemo[language].get(chunk, compute);
    if (!sameRelative(kept.taken, kept.base, localTaken, s)) patternMemo[language].set(chunk, (kept = compute()));
    const by = s - kept.base;
    for (const p of kept.found) out.push(shifted(p, by));
  }
  return out;
}

/** Whether two lists of ranges are the same relative to their bases. */
function sameRelative(a: Range[], baseA: number, b: Range[], baseB: number): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k][0] - baseA !== b[k][0] - baseB || a[k][1] - baseA !== b[k][1] - baseB) return false;
  return true;
}

/** A copy of a kept mention, moved by `by`: the same keys, its own titles array. */
function shifted(p: PatternMention, by: number): PatternMention {
  const q: PatternMention = { start: p.start + by, end: p.end + by, type: p.type };
  if ('surname' in p) q.surname = p.surname;
  if ('titles' in p) q.titles = p.titles ? [...p.titles] : p.titles;
  if ('expands' in p) q.expands = p.expands !== undefined ? p.expands + by : p.expands;
  return q;
}

/**
 * A person's usual name from the fullest form the text has: a given name in an oblique case
 * (Михаила Галузина) takes its nominative from the given-name list; the surname keeps the text's form.
 */
function nominativeName(name: string | undefined, pd: PeopleData, key: (w: string) => string): string | undefined {
  if (!name) return undefined;
  const words = name.split(/\s+/);
  if (words.length < 2) return name;
  const given = pd.firstNameByKey.get(key(words[0]));
  return given ? [given, ...words.slice(1)].join(' ') : name;
}

/** A capitalised word that only starts a sentence ("Said the minister…") is no evidence of a surname. */
function sentenceInitialOnly(text: string, t: Token): boolean {
  const before = text.slice(Math.max(0, t.start - 3), t.start);
  return t.start === 0 || /(?:[.!?]\s+|\n[^\S\n]*)$/.test(before);
}

/** "МИД" / "Foreign Ministry" alone: the ministry named most recently in full (МИД России). */
function linkBareMinistries(text: string, language: Language, all: Candidate[]): void {
  const bare = language === 'ru' ? /^(?:МИД|Минобороны|министерство|Министерство иностранных дел)$/u : /^(?:the )?(?:Foreign|Defen[cs]e) Ministry$/iu;
  let last: Record<string, Candidate> = {};
  for (const c of all) {
    if (c.type !== 'organization') continue;
    const t = text.slice(c.start, c.end);
    const head = /^(?:МИД|Минобороны)(?!\p{L})|Foreign Ministry|Defen[cs]e Ministry/u.exec(t)?.[0];
    if (!head) continue;
    if (bare.test(t)) {
      const named = last[head];
      if (named?.id) {
        c.id = named.id;
        c.canonical = named.canonical ?? text.slice(named.start, named.end);
        c.official = named.official;
      } else if (language === 'ru' && head === 'МИД') {
        c.id = 'mfa-russia';
        c.canonical = 'МИД России';
      }
    } else if (c.id) last = { ...last, [head]: c };
  }
}

/**
 * Short forms a text uses for a body it has named: "the Council" after "the UN Security Council",
 * "Commission" after "AU Commission", "Совет" after "Совет ЕС": the latest organisation whose
 * name ends with that head word.
 */
function linkShortForms(text: string, language: Language, all: Candidate[]): void {
  const key = language === 'ru' ? ruKey : enKey;
  const lastByHead = new Map<string, string>();
  for (const c of all) {
    if (c.type !== 'organization' || !c.id) continue;
    const words = tokenize(text, c.start, c.end);
    if (words.length === 0) continue;
    const head = key(words[language === 'ru' ? 0 : words.length - 1].text);
    if (words.length === 1 && c.rank === 2 && /^\p{Lu}\p{Ll}/u.test(words[0].text)) {
      const id = lastByHead.get(head);
      if (id) c.id = id;
    } else lastByHead.set(head, c.id);
  }
}

/** `s.split(/\s+/).length` without the array: runs of white space, plus one. */
function pieces(s: string): number {
  let n = 1;
  for (let i = 0; i < s.length; i++) {
    if (!isWhiteSpace(s.charCodeAt(i))) continue;
    n++;
    while (i + 1 < s.length && isWhiteSpace(s.charCodeAt(i + 1))) i++;
  }
  return n;
}

function mergeRanges(rs: Range[]): Range[] {
  // (Mostly given in order already: then the copy and the sort are skipped.)
  let inOrder = true;
  for (let k = 1; k < rs.length && inOrder; k++) inOrder = rs[k - 1][0] <= rs[k][0];
  const sorted = inOrder ? rs : [...rs].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
