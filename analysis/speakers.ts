// Who said a quote: the speaker named next to it (after it: «…», — сказал Рябков / "…," Babiker said;
// before it: X said the closure would last "…"; По словам X / According to X; a dash line under a
// block quote; "X said:" before a quote paragraph), through a pronoun to the nearest earlier named
// person, or the speaker of the previous piece of the same quotation. Else none.
import type { Block, DocumentModel } from './document.ts';
import { type Lexicon, isCue } from './lexicon.ts';
import type { QuoteCandidate } from './quotes.ts';
import { inSortedRanges, firstStartingAt, overlapping, endsSorted } from './ranges.ts';
import { linkKey } from './morphology.ts';
import { people } from './entities/people.ts';
import { getFirstnameGender } from 'lvovich';
import { span, withProps, type Entity, type Speaker, type Span } from './types.ts';
import { tokenize, countTokens, tokenIndexAt, sentenceBounds, blockSentences, isUpperStart, isInitials, type Token, type TokenList } from './tokens.ts';

const ARTICLES = new Set(['the', 'a', 'an']);
const CONJUNCTIONS = new Set(['and', 'и', 'а', 'but', 'но', 'then', 'затем']);
const GLUE = new Set(['of', 'for', 'to', 'and', 'иностранных', 'дел', 'по', 'de', 'al', 'bin', 'ibn', 'van', 'von', 'der', 'da', 'la', 'le', 'du']);
const NAME_PARTICLE = /^(?:al|el|bin|ibn|ben|abu|de|da|van|von|der|du|dos|las?|le)$/;
// Capitalised words that make a capitalised run a body or a place, not a person.
// Words that make a capitalised run a body or a place, not a person. Countries, cities and named
// bodies come from the entity recogniser (ctx.bodies); these are the head words it may not cover.
const BODY_WORD = /^(?:ministry|department|council|service|agency|commission|office|forces?|union|organi[sz]ation|bank|fund|party|army|guard|institute|committee|court|parliament|assembly|government|nations|states|kingdom|republic|federation|news|times|post|press|coast|house|street|sea|island|shoal|strait|gulf|ocean|university|center|centre|school|group|company|corporation|embassy|mission|united|european|national|international|affairs|foreign|studies|мид|министерство|министерства|ведомство|служба|службы|совет|совета|комитет|комитета|агентство|республика|республики|федерация|федерации|the|a|an)$/;

/** A token that belongs to a body or a place: a head word, or inside an organisation/country/place entity. */
function nonPerson(ctx: SpeakerContext, t: Token): boolean {
  return BODY_WORD.test(t.lower) || inRanges(ctx.bodies, t.start);
}
const STOP_CAPS = /^(?:the|a|an|in|on|at|but|and|however|meanwhile|when|after|before|while|if|as|this|that|these|those|it|we|our|по|в|на|с|и|а|но|однако|при|это|как|мы|наш|наша|также|кроме|между|для|после|до|к|от|о|об|из|за|при|так|то|тем|все|всё)$/;

export interface SpeakerContext {
  doc: DocumentModel;
  lex: Lexicon;
  tokens: TokenList;
  /** Quote spans (to skip their words when looking for names and cues). */
  quoteRanges: Array<[number, number]>;
  /** Person-like mentions found so far in document order, for pronouns. */
  persons: PersonMention[];
  /** Subjects of reporting cues ("Finland's foreign minister said"), which a pronoun may also point at. */
  subjects: SubjectMention[];
  /** Spans of organisations, countries and places: never what he/she points at. */
  bodies: Array<[number, number]>;
  /** The quotes' speakers once resolved, for the claims stage. */
  quoteSpeakers: Speaker[];
  /** Whether the quote ranges' ends are sorted too (no nesting): overlap look-ups binary-search them. Built on first need. */
  quotesFlat?: boolean;
  /** Each block's sentences, split on first need (see `sentencesIn`). */
  sentences?: Map<Block, Array<[number, number]>>;
  /** Linking keys of the last word of every person mention, built on first need. */
  surnameKeys?: Set<string>;
}

export function buildSpeakerContext(doc: DocumentModel, lex: Lexicon, quotes: QuoteCandidate[], tokens: TokenList, entities: Entity[], titles: Map<string, string[]>): SpeakerContext {
  const quoteRanges: Array<[number, number]> = quotes.map((q): [number, number] => [q.start, q.end]).sort((a, b) => a[0] - b[0]);
  const ctx: SpeakerContext = { doc, lex, tokens, quoteRanges, persons: [], subjects: [], bodies: [], quoteSpeakers: [] };
  ctx.persons = personMentions(ctx, entities, titles);
  ctx.bodies = entities.filter((e) => e.type !== 'person' && e.type !== 'date' && e.type !== 'demonym').map((e): [number, number] => [e.start, e.end]);
  ctx.subjects = findCueSubjects(ctx);
  // Both sorted by start (look-ups binary-search them); the sort is stable and they come in text order.
  ctx.persons.sort((a, b) => a.start - b.start);
  ctx.subjects.sort((a, b) => a.start - b.start);
  return ctx;
}

const inRanges = inSortedRanges;

/** The sentences of a block (quotes opaque), split once per analysis for the claims and assertions stages. */
export function sentencesIn(ctx: SpeakerContext, b: Block): Array<[number, number]> {
  ctx.sentences ??= new Map();
  let found = ctx.sentences.get(b);
  if (!found) ctx.sentences.set(b, (found = blockSentences(ctx.doc.text, b, quotesWithin(ctx, b.start, b.end))));
  return found;
}

/** The quotes that intersect [a, b), for scans bounded to one block. */
function quotesWithin(ctx: SpeakerContext, a: number, b: number): Array<[number, number]> {
  ctx.quotesFlat ??= endsSorted(ctx.quoteRanges);
  return overlapping(ctx.quoteRanges, a, b, ctx.quotesFlat);
}

/** Whether a person mention lies within [s, e). */
export function personWithin(ctx: SpeakerContext, s: number, e: number): boolean {
  for (let k = firstStartingAt(ctx.persons, s); k < ctx.persons.length && ctx.persons[k].start < e; k++) if (ctx.persons[k].end <= e) return true;
  return false;
}

/** Whether a person mention starts at `s`. */
export function personAt(ctx: SpeakerContext, s: number): boolean {
  const k = firstStartingAt(ctx.persons, s);
  return k < ctx.persons.length && ctx.persons[k].start === s;
}

function isNameToken(t: Token, lex: Lexicon): boolean {
  if (isInitials(t.text)) return true;
  if (/^(?:al|el)-\p{Lu}/u.test(t.text)) return true;
  if (!isUpperStart(t.text)) return false;
  if (STOP_CAPS.test(t.lower) || lex.pronouns.has(t.lower)) return false;
  return true;
}

type Gender = 'f' | 'm' | '?';

export interface PersonMention extends Span {
  gender: Gender;
  /** Lower-cased title words written right before the name ("deputy secretary"), to tie later title phrases to it. */
  titles: string[];
}

export interface SubjectMention extends Span {
  gender: Gender;
}

/** People from the entity recogniser, with the gender Russian pronouns need and their titles. */
function personMentions(ctx: SpeakerContext, entities: Entity[], titles: Map<string, string[]>): PersonMention[] {
  const out: PersonMention[] = [];
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const first = tokenIndexAt(ctx.tokens, e.start);
    const next = tokenIndexAt(ctx.tokens, e.end);
    const run = ctx.tokens.slice(first, next);
    if (run.length === 0) continue;
    // (Written out, not spread from span(): see withProps in types.ts.)
    out.push({ start: e.start, end: e.end, text: ctx.doc.text.slice(e.start, e.end), gender: genderOf(ctx, run, next), titles: titles.get(e.id) ?? [] });
  }
  return out;
}




/** Russian gender from the name's endings or from the past-tense verb right after it (сказала, заявил). */
function genderOf(ctx: SpeakerContext, run: Token[], next: number): Gender {
  if (ctx.lex.language !== 'ru') return '?';
  // (Светлова may be Светлов in the genitive: a surname's ending is evidence only in the nominative,
  // which the verb after it shows; a female given name is evidence in any case.)
  // A given name, in any case (Марии → Мария), tells the gender through lvovich.
  const given = run.length >= 2 ? people('ru').firstNameByKey.get(linkKey(run[0].text, 'ru')) : undefined;
  const g = given ? givenNameGender(given) : null;
  if (g === 'female' || /(?:ская|цкая)$/.test(run[run.length - 1].lower)) return 'f';
  if (g === 'male') return 'm';
  const v = verbGender(ctx, next);
  if (v !== '?') return v;
  if (/(?:ова|ева|ёва|ина|ына)$/.test(run[run.length - 1].lower) && run.length === 1) return 'f';
  if (/(?:ов|ев|ёв|ин|ын|ский|цкий)$/.test(run[run.length - 1].lower)) return 'm';
  return '?';
}

// lvovich's answer per given name: it runs rule sets on every call, and a text names the same people again and again.
const genderByGivenName = new Map<string, ReturnType<typeof getFirstnameGender>>();

function givenNameGender(name: string): ReturnType<typeof getFirstnameGender> {
  let g = genderByGivenName.get(name);
  if (g === undefined) genderByGivenName.set(name, (g = getFirstnameGender(name)));
  return g;
}

/** The gender a Russian past-tense verb at token `k` (after an optional adverb or two) agrees with. */
function verbGender(ctx: SpeakerContext, k: number): Gender {
  const { tokens, lex } = ctx;
  for (let n = 0; n < 3 && k < tokens.length; n++, k++) {
    const w = tokens.get(k).lower;
    if (/^\p{Ll}{3,}(?:ла|лась)$/u.test(w)) return 'f';
    if (/^\p{Ll}{3,}(?:[аеиоуыя]л|лся)$/u.test(w) && !lex.speakerTitles.has(w)) return 'm';
    if (!lex.skipBeforeCue.has(w) && !/^(?:в|ответ|свою|очередь)$/.test(w)) return '?';
  }
  return '?';
}

function gapIsSpace(text: string, a: number, b: number): boolean {
  return /^[ \t\u00a0]*$/.test(text.slice(a, b));
}


interface Found {
  np: Span;
  pronoun?: Span;
}

/** The noun phrase right after a cue: "сказал Рябков", "said the ambassador", "добавила она". */
function npAfter(ctx: SpeakerContext, from: number, limit: number): Found | null {
  const { tokens, lex, doc } = ctx;
  let i = tokenIndexAt(tokens, from);
  let skipped = 0;
  while (i < tokens.length && tokens.get(i).start < limit && skipped < 4) {
    const t = tokens.get(i);
    if (inRanges(ctx.quoteRanges, t.start)) return null;
    if (/[.;!?]/.test(doc.text.slice(from, t.start)) && skipped > 0) return null;
    if (lex.pronouns.has(t.lower)) return { np: span(doc.text, t.start, t.end), pronoun: span(doc.text, t.start, t.end) };
    if (lex.clauseStarts.has(t.lower) && !ARTICLES.has(t.lower)) return null;
    if (isNameToken(t, lex) || lex.speakerTitles.has(t.lower) || ARTICLES.has(t.lower)) {
      let j = i;
      const place = (k: number) => /^(?:в|во|in|at|to)$/.test(tokens.get(k)?.lower ?? '') && !!tokens.get(k + 1) && isNameToken(tokens.get(k + 1), lex) && !!tokens.get(k + 2) && isNameToken(tokens.get(k + 2), lex);
      while (j + 1 < tokens.length && tokens.get(j + 1).start < limit && gapIsSpace(doc.text, tokens.get(j).end, tokens.get(j + 1).start) && (isNameToken(tokens.get(j + 1), lex) || lex.speakerTitles.has(tokens.get(j + 1).lower) || GLUE.has(tokens.get(j + 1).lower) || /^\p{Lu}/u.test(tokens.get(j + 1).text) || (ARTICLES.has(tokens.get(j).lower) && /^\p{Ll}/u.test(tokens.get(j + 1).text)) || place(j + 1))) j++;
      while (j > i && (GLUE.has(tokens.get(j).lower) || ARTICLES.has(tokens.get(j).lower))) j--;
      if (j === i && ARTICLES.has(t.lower)) return null;
      // "генеральный директор одного из пострадавших изданий Олег Рудаков": a title whose
      // complement runs on to the name; the name a few words later is the speaker.
      if (lex.speakerTitles.has(tokens.get(j).lower) || lex.speakerTitles.has(tokens.get(i).lower)) {
        const after = tokens.get(j).end;
        let p: PersonMention | undefined;
        for (let k = firstStartingAt(ctx.persons, after); k < ctx.persons.length && ctx.persons[k].start - after < 60; k++) {
          const x = ctx.persons[k];
          if (x.start < limit && !/[,.;:!?«»“”"—–]/.test(doc.text.slice(after, x.start))) {
            p = x;
            break;
          }
        }
        if (p) return { np: span(doc.text, p.start, p.end) };
      }
      const run = tokens.slice(i, j + 1);
      if (!run.some((x) => isNameToken(x, lex) || lex.speakerTitles.has(x.lower))) return null;
      return { np: narrowToName(ctx, i, j) };
    }
    skipped++;
    i++;
  }
  return null;
}

/** The noun phrase right before a cue: "Kondratovič said", "the ambassador said", "Khalid al-Rashidi, Saudi Arabia’s deputy foreign minister, told". */
function npBefore(ctx: SpeakerContext, cueIdx: number, floor: number): Found | null {
  const { tokens, lex, doc } = ctx;
  let j = cueIdx - 1;
  const text = doc.text;
  // Skip adverbials between subject and cue: "also", "в свою очередь", "on Tuesday".
  while (j >= 0 && tokens.get(j).start >= floor && lex.skipBeforeCue.has(tokens.get(j).lower) && !/[,;]/.test(text.slice(tokens.get(j).end, tokens.get(j + 1).start))) j--;
  if (j < 0 || tokens.get(j).start < floor) return null;
  let gap = text.slice(tokens.get(j).end, tokens.get(j + 1 <= cueIdx ? j + 1 : cueIdx).start);
  // An appositive or parenthetical in commas: skip it and take the phrase before it.
  if (/,\s*$/.test(gap)) {
    let k = j - 1;
    while (k >= 0 && tokens.get(k).start >= floor && !/[,.;:!?«»“”"]/.test(text.slice(tokens.get(k).end, tokens.get(k + 1).start))) k--;
    // tokens.get(k) is the last token before the opening comma of the parenthetical.
    const seg = npBeforeFrom(ctx, j, floor);
    // "Britain’s ambassador, Sarah Coles, said": the name in commas is the nearest mention.
    if (seg && tokens.get(k + 1) && seg.np.start === tokens.get(k + 1).start && isBareName(ctx, seg.np)) return seg;
    if (k >= 0 && tokens.get(k).start >= floor && /^\s*,\s*$/.test(text.slice(tokens.get(k).end, tokens.get(k + 1).start))) {
      const inner = npBeforeFrom(ctx, k, floor);
      if (inner) return inner;
    }
    return seg;
  }
  if (/[^\s]/.test(gap.replace(/[’']s?/g, ''))) return null;
  return npBeforeFrom(ctx, j, floor);
}

/** Two or more name words with no title or body word: a person's name. */
function isBareName(ctx: SpeakerContext, np: Span): boolean {
  const ws = tokenize(ctx.doc.text, np.start, np.end);
  return ws.length >= 2 && ws.every((w) => isNameToken(w, ctx.lex) && !nonPerson(ctx, w) && !ctx.lex.speakerTitles.has(w.lower) && !/^\p{Lu}{2,}$/u.test(w.text));
}

function npBeforeFrom(ctx: SpeakerContext, j: number, floor: number): Found | null {
  const { tokens, lex, doc } = ctx;
  const t = tokens.get(j);
  if (!t || t.start < floor || inRanges(ctx.quoteRanges, t.start)) return null;
  if (lex.pronouns.has(t.lower)) return { np: span(doc.text, t.start, t.end), pronoun: span(doc.text, t.start, t.end) };
  const ok = (x: Token) => isNameToken(x, lex) || lex.speakerTitles.has(x.lower) || (/^\p{Lu}/u.test(x.text) && !STOP_CAPS.test(x.lower));
  if (!ok(t)) return null;
  let i = j;
  while (i - 1 >= 0 && tokens.get(i - 1).start >= floor && gapIsSpace(doc.text, tokens.get(i - 1).end, tokens.get(i).start)) {
    const p = tokens.get(i - 1);
    if (lex.clauseStarts.has(p.lower) && !ARTICLES.has(p.lower)) break;
    if (ok(p) || GLUE.has(p.lower) || ARTICLES.has(p.lower) || (/^\p{Ll}/u.test(p.text) && i - 1 > 0 && lex.speakerTitles.has(tokens.get(i).lower) && !lex.cues.has(p.lower) && p.lower.length > 2 && !STOP_CAPS.test(p.lower) && adjectiveLike(p.lower))) i--;
    else break;
    if (STOP_CAPS.test(tokens.get(i).lower) && !ARTICLES.has(tokens.get(i).lower)) {
      i++;
      break;
    }
  }
  while (i < j && GLUE.has(tokens.get(i).lower)) i++;
  return { np: narrowToName(ctx, i, j) };
}

/** The first name or title phrase of a clause, up to its cue (no other cue in between). */
function clauseSubject(ctx: SpeakerContext, first: number, cueIdx: number, acrossCues = false): Found | null {
  const { tokens, lex, doc } = ctx;
  // "Asked whether …, Hartwell declined …": a leading participial phrase is not the subject.
  if (tokens.get(first) && /^\p{Lu}\p{Ll}+(?:ed|ing)$/u.test(tokens.get(first).text)) {
    const comma = doc.text.indexOf(',', tokens.get(first).end);
    if (comma > 0 && comma < tokens.get(cueIdx).start) first = tokenIndexAt(tokens, comma);
  }
  for (let k = first; k < cueIdx; k++) {
    const t = tokens.get(k);
    if (inRanges(ctx.quoteRanges, t.start) || (isCue(lex, t) && !acrossCues)) return null;
    if (lex.clauseStarts.has(t.lower) && k > first) return null;
    if (lex.pronouns.has(t.lower)) return { np: span(doc.text, t.start, t.end), pronoun: span(doc.text, t.start, t.end) };
    if (isNameToken(t, lex) || lex.speakerTitles.has(t.lower)) {
      let j = k;
      const joins = (x: Token, next: Token | undefined) => isNameToken(x, lex) || lex.speakerTitles.has(x.lower) || GLUE.has(x.lower) || /^\p{Lu}/u.test(x.text) || (/^(?:в|во|при|in|at|to)$/.test(x.lower) && !!next && isNameToken(next, lex));
      while (j + 1 < cueIdx && gapIsSpace(doc.text, tokens.get(j).end, tokens.get(j + 1).start) && joins(tokens.get(j + 1), tokens.get(j + 2))) j++;
      while (j > k && /^(?:в|во|при|in|at|to)$/.test(tokens.get(j).lower)) j--;
      while (j > k && GLUE.has(tokens.get(j).lower)) j--;
      let i0 = k;
      if (k > first && ARTICLES.has(tokens.get(k - 1).lower)) i0 = k - 1;
      return { np: narrowToName(ctx, i0, j) };
    }
  }
  return null;
}

function adjectiveLike(w: string): boolean {
  return /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|al|ian|ish|ese|ary|ic|ign|ior|ty|uty|eign)$/.test(w) || /^(?:deputy|senior|foreign|chief|former|top|vice|acting|interior|defence|defense|foreign|ministry|non-proliferation|news|state|press|wire)$/.test(w);
}

/** Prefer the person's name inside a long title phrase ("Foreign Ministry spokesman Esmaeil Baghaei" → the name). */
function narrowToName(ctx: SpeakerContext, i: number, j: number): Span {
  const { tokens, lex, doc } = ctx;
  let k = j;
  while (k >= i && isNameToken(tokens.get(k), lex) && !nonPerson(ctx, tokens.get(k)) && !(lex.language === 'ru' && /ии$/.test(tokens.get(k).lower)) && !/^\p{Lu}{2,}$/u.test(tokens.get(k).text) && !lex.speakerTitles.has(tokens.get(k).lower)) k--;
  const nameStart = k + 1;
  if (nameStart <= j && nameStart > i) {
    const run = tokens.slice(nameStart, j + 1);
    const lastKey = linkKey(run[run.length - 1].text, lex.language);
    ctx.surnameKeys ??= new Set(ctx.persons.map((p) => linkKey(p.text.split(/\s+/).pop()!, lex.language)));
    const isPerson = run.length >= 2 || isInitials(run[0].text) || ctx.surnameKeys.has(lastKey);
    if (isPerson || lex.speakerTitles.has(tokens.get(k).lower)) return span(doc.text, tokens.get(nameStart).start, tokens.get(j).end);
  }
  return span(doc.text, tokens.get(i).start, tokens.get(j).end);
}

function findCueSubjects(ctx: SpeakerContext): SubjectMention[] {
  const out: SubjectMention[] = [];
  // (The list's columns are read directly: most tokens are passed over here.)
  const { starts, words } = ctx.tokens;
  for (let i = 0; i < starts.length; i++) {
    if (!isCue(ctx.lex, words[i]) || inRanges(ctx.quoteRanges, starts[i])) continue;
    const b = npBefore(ctx, i, 0);
    if (b && !b.pronoun) out.push(withProps(b.np, { gender: ctx.lex.language === 'ru' ? verbGender(ctx, i) : ('?' as const) }));
  }
  return out;
}

/** The nearest person-like mention before `pos`, outside quotes, agreeing in gender where the language marks it. */
export function resolvePronoun(ctx: SpeakerContext, pronoun: Span, before: number): Span | null {
  const g = ctx.lex.pronouns.get(pronoun.text.toLowerCase());
  const personal = g === 'm' || g === 'f';
  const fits = (x: Gender) => !personal || x === '?' || x === g;
  let person: PersonMention | null = null;
  let unknown: PersonMention | null = null;
  // (Mentions are sorted by start: the ones before `pos` end at a binary-searched index.)
  for (let k = firstStartingAt(ctx.persons, before) - 1; k >= 0; k--) {
    const p = ctx.persons[k];
    if (p.start >= before || inRanges(ctx.quoteRanges, p.start) || !fits(p.gender)) continue;
    // Prefer a name whose gender is known to agree (Мария Захарова for «она») over a nearer unknown one.
    if (personal && p.gender === '?' && ctx.lex.language === 'ru') {
      unknown = unknown ?? p;
      if (before - p.start < 1500) continue;
    }
    person = p;
    break;
  }
  if (!person || (unknown && before - person.start >= 1500)) person = unknown ?? person;
  // A title phrase that was the subject of a cue ("the ambassador said", "Российский министр
  // заявил") is an antecedent too, where it is nearer than any named person.
  for (let k = firstStartingAt(ctx.subjects, before) - 1; k >= 0; k--) {
    const sj = ctx.subjects[k];
    if (sj.start >= before || inRanges(ctx.quoteRanges, sj.start) || !fits(sj.gender)) continue;
    // he/she never point at a body ("The New York Times reported …")
    const words = tokenize(ctx.doc.text, sj.start, sj.end).filter((x) => !ARTICLES.has(x.lower));
    if (personal && (words.some((x) => nonPerson(ctx, x) || /^\p{Lu}{2,}$/u.test(x.text)) || (inRanges(ctx.bodies, sj.start) && !personWithin(ctx, sj.start, sj.end)))) continue;
    if (person && sj.start <= person.end) break;
    // "the Deputy Secretary" after "Deputy Secretary Mark Hartwell": the name it stands for.
    const named = titledPerson(ctx, words.map((x) => x.lower), before);
    return named ?? sj;
  }
  return person ? span(ctx.doc.text, person.start, person.end) : null;
}

/** The latest person introduced with all of these title words ("deputy secretary" → Mark Hartwell). */
function titledPerson(ctx: SpeakerContext, words: string[], before: number): Span | null {
  if (words.length === 0 || !words.some((w) => ctx.lex.speakerTitles.has(w))) return null;
  for (let k = ctx.persons.length - 1; k >= 0; k--) {
    const p = ctx.persons[k];
    if (p.start >= before) continue;
    if (words.every((w) => p.titles.includes(w))) return span(ctx.doc.text, p.start, p.end);
  }
  return null;
}

function asSpeaker(ctx: SpeakerContext, found: Found, via: Speaker['via'], cue: Span | undefined, before: number): Speaker | null {
  if (found.pronoun) {
    const r = resolvePronoun(ctx, found.pronoun, before);
    if (!r) return withProps(found.pronoun, { via: 'pronoun' as const, cue, pronoun: found.pronoun });
    return withProps(r, { via: 'pronoun' as const, cue, pronoun: found.pronoun });
  }
  return withProps(found.np, { via, cue });
}

/** Speaker from the author's words after a quote (or between two pieces): a cue with its subject. */
function fromTail(ctx: SpeakerContext, from: number, to: number, before: number): Speaker | null {
  const { tokens, lex, doc } = ctx;
  const first = tokenIndexAt(tokens, from);
  for (let i = first, n = 0; i < tokens.length && tokens.get(i).start < to && n < 16; i++, n++) {
    const t = tokens.get(i);
    if (inRanges(ctx.quoteRanges, t.start)) break;
    if (!isCue(lex, t)) {
      if (lex.clauseStarts.has(t.lower) && !ARTICLES.has(t.lower)) return null;
      continue;
    }
    const cue = span(doc.text, t.start, t.end);
    const b = npBefore(ctx, i, from);
    if (b) return asSpeaker(ctx, b, 'cue-after', cue, before);
    // Only filler may stand between the quote and a cue that precedes its subject ("— об этом сообщил X").
    const lead = tokens.slice(first, i).map((x) => x.lower).join(' ');
    if (lead && !TAIL_FILLER.has(lead)) return null;
    const a = npAfter(ctx, t.end, to);
    if (a) return asSpeaker(ctx, a, 'cue-after', cue, before);
    return null;
  }
  return null;
}

const TAIL_FILLER = new Set(['об этом', 'так', 'как', 'это', 'этом', 'как об этом', 'then', 'so']);

/** Speaker from the sentence before a quote: the nearest cue before it and that cue's subject. */
/** An inverted subject right after the cue at token `i` ("— заявил Рябков", "об этом сообщил X"). */
export function subjectAfterCue(ctx: SpeakerContext, i: number, limit: number): Speaker | null {
  const t = ctx.tokens.get(i);
  const a = npAfter(ctx, t.end, limit);
  return a ? asSpeaker(ctx, a, 'cue-after', span(ctx.doc.text, t.start, t.end), t.start) : null;
}

/**
 * The subject of the cue at token `i` within [from, to): the phrase before it (Рябков заявил; the
 * ambassador said; "quoted X as saying"), an inverted subject after it (Об этом заявил Лавров:), or
 * the clause's first name or title phrase. 'conjunction' where the cue shares an earlier cue's
 * subject ("said … and warned"); null where the text names nobody.
 */
export function subjectOfCue(ctx: SpeakerContext, i: number, from: number, to: number, before: number): Speaker | 'conjunction' | null {
  const { tokens, doc } = ctx;
  const t = tokens.get(i);
  const start = tokenIndexAt(tokens, from);
  const cue = span(doc.text, t.start, t.end);
  // "quoted X as saying", "X was quoted as saying"
  if (tokens.get(i - 1)?.lower === 'as') {
    const b = npBeforeFrom(ctx, i - 2, from);
    if (b) return asSpeaker(ctx, b, 'cue-before', cue, before);
  }
  const b = npBefore(ctx, i, from);
  if (b) return asSpeaker(ctx, b, 'cue-before', cue, before);
  // "said … and called it …" / "заявил … и призвал …": the earlier cue's subject.
  if (i > start && CONJUNCTIONS.has(tokens.get(i - 1).lower)) return 'conjunction';
  // "Об этом заявил Лавров: «…»": the subject after the cue.
  const a = npAfter(ctx, t.end, Math.min(to, t.end + 60));
  if (a && !/^(?:that|что|как)$/i.test(a.np.text)) {
    const gap = doc.text.slice(t.end, a.np.start);
    // Only a subject, not an object ("обвинила Москву в …"): the phrase ends at a colon, a comma or "что".
    const after = doc.text.slice(a.np.end, a.np.end + 12);
    if (!/[,.;:!?«»“”"]/.test(gap) && countTokens(gap, 7) <= 6 && /^\s*(?:[:,]|что(?!\p{L})|that(?!\p{L}))/u.test(after)) return asSpeaker(ctx, a, 'cue-before', cue, before);
  }
  // "Посол США Линн Трейси в интервью телеканалу … сказала, что …": the clause's first noun phrase,
  // the clause starting after the last что/that or earlier cue ("Напомню, что заместитель министра
  // Кирилл Панов … предупредил"; "said an investigation … had shown").
  let clauseStart = start;
  for (let m = i - 1; m > start; m--) {
    const w = tokens.get(m);
    if (inRanges(ctx.quoteRanges, w.start)) continue;
    if (/^(?:что|that)$/.test(w.lower)) {
      clauseStart = m + 1;
      break;
    }
    if (isCue(ctx.lex, w)) {
      // A participle after a comma ("denied …, calling the accusations 'baseless'") shares the
      // subject of the verb before it; an object clause without a comma ("said an investigation
      // … had shown") has its own subject after that verb.
      if (/,\s*$/.test(doc.text.slice(w.end, t.start)) || /,/.test(doc.text.slice(w.end, t.start))) {
        if (/(?:ing|ив|ав|ув|ев)$/.test(t.lower)) return subjectOfCue(ctx, m, from, to, before);
        break;
      }
      clauseStart = m + 1;
      break;
    }
  }
  const subj = clauseSubject(ctx, clauseStart, i);
  return subj ? asSpeaker(ctx, subj, 'cue-before', cue, before) : null;
}

function fromHead(ctx: SpeakerContext, from: number, to: number, before: number): Speaker | null {
  const { tokens, lex, doc } = ctx;
  const lower = doc.text.slice(from, to).toLowerCase();
  const start = tokenIndexAt(tokens, from);
  // A headline or a transcript label: "Лавров: «…»", "Spokesperson Price: “…”".
  const label = /^\s*[^\s:][^:\n]{0,79}?\s*:\s*$/.exec(doc.text.slice(from, to));
  if (label) {
    const end = tokenIndexAt(tokens, to);
    const run = tokens.slice(start, end);
    if (run.length > 0 && run.length <= 6 && run.some((x) => isNameToken(x, lex)) && run.every((x) => isNameToken(x, lex) || lex.speakerTitles.has(x.lower) || GLUE.has(x.lower) || ARTICLES.has(x.lower))) {
      const colon = doc.text.lastIndexOf(':', to);
      return withProps(narrowToName(ctx, start, end - 1), { via: 'cue-before' as const, cue: span(doc.text, colon, colon + 1) });
    }
  }
  let conjCue: number | undefined;
  for (let i = tokenIndexAt(tokens, to) - 1; i >= start; i--) {
    const t = tokens.get(i);
    if (inRanges(ctx.quoteRanges, t.start) || !isCue(lex, t)) continue;
    const sp = subjectOfCue(ctx, i, from, to, before);
    if (sp === 'conjunction') {
      conjCue = conjCue ?? i;
      continue;
    }
    if (sp) return sp;
  }
  if (conjCue !== undefined) {
    // "Hartwell declined to comment but said that …": the clause's subject.
    const subj = clauseSubject(ctx, start, conjCue, true);
    if (subj) return asSpeaker(ctx, subj, 'cue-before', span(doc.text, tokens.get(conjCue).start, tokens.get(conjCue).end), before);
  }
  for (const phrase of lex.anyAccordingTo.test(lower) ? lex.accordingTo : []) {
    const k = lower.lastIndexOf(phrase);
    if (k < 0) continue;
    const at = from + k + phrase.length;
    const a = npAfter(ctx, at, to);
    if (a) return asSpeaker(ctx, a, 'according-to', span(doc.text, from + k, at), before);
  }
  return null;
}

export function resolveSpeakers(ctx: SpeakerContext, quotes: QuoteCandidate[]): Array<Speaker | null> {
  const { doc } = ctx;
  const { text, blocks } = doc;
  const result: Array<Speaker | null> = [];
  const byGroup = new Map<number, Speaker>();
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi];
    const b = blocks[q.block];
    const eb = blocks[q.endBlock];
    let sp: Speaker | null = null;
    if (q.dashLine) {
      sp = dashSpeaker(ctx, q.dashLine);
    }
    if (!sp && q.interruption) sp = fromTail(ctx, q.interruption[0], q.interruption[1], q.start);
    if (!sp) {
      const [, se] = sentenceBounds(text, eb.start, eb.end, q.end, q.end, quotesWithin(ctx, eb.start, eb.end));
      const tailEnd = nextQuoteStart(quotes, qi, se);
      const closesSentence = /[.!?…]\s*$/.test(text.slice(q.start, q.end).replace(/(?<![»”’"'\s])[»”’"'\s]+$/, '').slice(-2)) && !/^\s*[,—–-]/.test(text.slice(q.end, q.end + 3));
      if (!closesSentence) sp = fromTail(ctx, q.end, tailEnd, q.start);
    }
    if (!sp) {
      const [ss] = sentenceBounds(text, b.start, b.end, q.start, q.start, quotesWithin(ctx, b.start, b.end));
      sp = fromHead(ctx, ss, q.start, q.start);
    }
    if (!sp && q.start === b.lines[0]?.start) {
      // "Foreign Secretary Yvette Cooper said:" ending the paragraph before.
      const prev = blocks[q.block - 1];
      if (prev && prev.kind !== 'heading' && /:\s*$/.test(text.slice(prev.start, prev.end))) {
        const [ss] = sentenceBounds(text, prev.start, prev.end, prev.end, prev.end, quotesWithin(ctx, prev.start, prev.end));
        const h = fromHead(ctx, ss, prev.end, q.start);
        if (h) sp = { ...h, via: h.via === 'pronoun' ? 'pronoun' : 'preceding-colon' };
      }
    }
    if (!sp && byGroup.has(q.group)) sp = { ...byGroup.get(q.group)!, via: 'continuation' };
    if (!sp && qi > 0) {
      // The next quote right after an attributed one, with no new speaker in between.
      const p = quotes[qi - 1];
      const ps = result[qi - 1];
      const sameBlock = p.endBlock === q.block || (p.endBlock === q.block - 1 && q.start === b.lines[0]?.start && !q.dashLine);
      if (ps && sameBlock && !hasCue(ctx, p.end, q.start, ps.cue)) sp = { ...ps, via: 'continuation' };
    }
    if (sp) byGroup.set(q.group, sp);
    result.push(sp);
  }
  return result;
}

function nextQuoteStart(quotes: QuoteCandidate[], qi: number, limit: number): number {
  const n = quotes[qi + 1];
  return n && n.start < limit ? n.start : limit;
}

function hasCue(ctx: SpeakerContext, from: number, to: number, own?: Span): boolean {
  const toks = tokenize(ctx.doc.text, from, to);
  return toks.some((t) => isCue(ctx.lex, t) && t.start !== own?.start) || /[.!?]\s+\p{Lu}[^.!?]*[.!?]/u.test(ctx.doc.text.slice(from, to));
}

function dashSpeaker(ctx: SpeakerContext, dl: NonNullable<QuoteCandidate['dashLine']>): Speaker {
  const { text } = ctx.doc;
  let [s, e] = dl.text;
  // "— Amran Yusof, Minister of Foreign Affairs of Malaysia": the name before the comma.
  const comma = text.indexOf(',', s);
  if (comma > s && comma < e) {
    const head = tokenize(text, s, comma);
    if (head.length >= 1 && head.length <= 4 && head.every((t) => isNameToken(t, ctx.lex) || NAME_PARTICLE.test(t.lower))) e = comma;
  }
  return withProps(span(text, s, e), { via: 'dash-line' as const, cue: span(text, dl.dash[0], dl.dash[1]) });
}
