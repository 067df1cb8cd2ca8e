// Attributed claims: reported speech and thought as {source, cue, content}. Direct quotes with a
// speaker are claims (the quote is the content); a reporting verb governs a clause (X заявил, что …;
// X said the UK would …), an object (rejected the accusations), or, after a dash, the sentence
// before it (… – об этом сообщил X); По словам X / According to X governs the rest of the sentence.
// Sources come from the same machinery as quote speakers (speakers.ts), so a quote and its claim
// always agree. Vague sources (sources say, эксперты полагают) make no claim.
import { isCue, mentionsAccordingTo } from './lexicon.ts';
import { inSortedRanges, rangeAt, firstStartingAt, endsSorted, overlapping, SpanIndex, type Range } from './ranges.ts';
import { subjectOfCue, subjectAfterCue, resolvePronoun, personAt, sentencesIn, type SpeakerContext } from './speakers.ts';
import { countTokens, isWhiteSpace, tokenIndexAt, tokenize, type Token, type TokenList } from './tokens.ts';
import { span, type Alias, type Claim, type Entity, type Quote, type Span } from './types.ts';
import type { Block } from './document.ts';

const CLAUSE = /^(?:что|чтобы|that|как)$/;
const TOPIC = /^(?:о|об|обо|about)$/;
// Heads of sources that identify nobody.
const VAGUE = /^(?:sources?|officials?|diplomats?|experts?|analysts?|observers?|insiders?|people|some|many|others|источник(?:и|ов|ам)?|эксперт(?:ы|ов)?|аналитик(?:и|ов)?|наблюдател(?:и|ей)|дипломат(?:ы|ов)|собеседник(?:и|ов)?|некоторые|многие|одни|другие)$/i;
// What trimEnd takes off the end of a span (the definition; trimEnd reads it by character code).
export const TRAILING = /(?<![\s.;:!?…,—–-])[\s.;:!?…,—–-]+$/;
// Cue forms that are also nouns ("the IAEA report", "a call", "their claims").
const NOUNISH = /^(?:report|reports|comment|comments|claim|claims|call|calls|demand|demands|promise|promises|warning|note|notes|estimate|estimates|quote|quotes|reply|answer|response|hope|hopes|fear|fears|remark|remarks|statement|record|tweet|tweets|post|posts|press|find|finding|review|study|show|shows)$/;

export function findClaims(ctx: SpeakerContext, quotes: Quote[], entities: Entity[], aliases: Alias[] = []): Claim[] {
  const { doc } = ctx;
  const text = doc.text;
  const claims: Claim[] = [];
  const usedCues = new Set<number>();
  const flat = endsSorted(ctx.quoteRanges);
  const speakersByCue = ctx.quoteSpeakers.filter((x) => x.cue).sort((x, y) => x.cue!.start - y.cue!.start);
  const index: SentenceIndex = { flat, speakersByCue, cues: speakersByCue.map((x) => x.cue!) };
  for (const b of doc.blocks) {
    if (b.kind === 'code' || b.kind === 'rule' || b.kind === 'heading') continue;
    for (const [ss, se] of sentencesIn(ctx, b)) sentenceClaims(ctx, ss, se, claims, usedCues, index);
  }
  preambleClaims(ctx, entities, claims);
  turnClaims(ctx, entities, claims);
  // Direct quotes with a speaker, unless a reported clause already holds the quote with the same cue.
  // (The claims so far, by content, are looked up by overlap: only those can hold a quote.)
  const byContent = new SpanIndex(claims.map((c, k): [number, number, number] => [c.content.start, c.content.end, k]));
  for (const q of quotes) {
    const sp = q.speaker;
    if (!sp?.cue || (sp.pronoun && sp.start === sp.pronoun.start)) continue;
    const held = byContent.overlapping(q.start, q.end).some(([, , k]) => {
      const c = claims[k];
      return c.content.start <= q.start && q.end <= c.content.end && (c.cue.start === sp.cue!.start || c.kind === 'according-to' || c.source?.text === sp.text);
    });
    if (held) continue;
    claims.push({ cue: sp.cue, source: span(text, sp.start, sp.end), content: span(text, q.start, q.end), kind: 'quote' });
  }
  claims.sort((a, b) => a.content.start - b.content.start || b.content.end - a.content.end);
  // The source's referent: a person or body named in it, or the person a title phrase stands for.
  // (Entities are flat and sorted: the ones a source overlaps are found by binary search.)
  const entityRanges = entities.map((e): Range => [e.start, e.end]);
  const entitiesFlat = endsSorted(entityRanges);
  const sortedAliases = [...aliases].sort((x, y) => x.start - y.start);
  const aliasRanges = sortedAliases.map((x): Range => [x.start, x.end]);
  const aliasesFlat = endsSorted(aliasRanges);
  const within = <T extends { start: number; end: number }>(xs: T[], ranges: Range[], isFlat: boolean, s: number, e: number): T[] => {
    if (!isFlat) return xs.filter((x) => x.start < e && s < x.end);
    const found = overlapping(ranges, s, e, true);
    if (found.length === 0) return [];
    const from = firstStartingAt(xs, found[0][0]);
    return xs.slice(from, from + found.length);
  };
  for (const c of claims) {
    if (!c.source) continue;
    const src = c.source;
    const named = within(entities, entityRanges, entitiesFlat, src.start, src.end).filter((e) => e.type === 'person' || e.type === 'organization' || e.type === 'country' || e.type === 'place');
    const alias = within(sortedAliases, aliasRanges, aliasesFlat, src.start, src.end)[0];
    const pick = named.find((e) => e.type === 'person') ?? alias ?? named[0];
    if (pick) c.sourceId = pick.id;
  }
  // Nesting: the innermost claim whose content holds this claim's cue (claims are sorted by the
  // start of their content, so only those starting before the cue, nearest first, can hold it).
  const contents = claims.map((x) => x.content);
  claims.forEach((c, i) => {
    let best = -1;
    const upto = firstStartingAt(contents, c.cue.start + 1);
    for (let j = upto - 1, seen = 0; j >= 0 && seen < 40; j--, seen++) {
      const o = claims[j];
      if (j === i || c.cue.end > o.content.end || o.content.start > c.cue.start) continue;
      if (best < 0 || o.content.end - o.content.start < claims[best].content.end - claims[best].content.start) best = j;
    }
    if (best >= 0) c.parent = best;
  });
  return claims;
}

/** What every sentence looks up, prepared once: whether quotes are flat, quote speakers by cue. */
interface SentenceIndex {
  flat: boolean;
  speakersByCue: SpeakerContext['quoteSpeakers'];
  /** Their cues, in the same order. */
  cues: Span[];
}

function sentenceClaims(ctx: SpeakerContext, ss: number, se: number, out: Claim[], usedCues: Set<number>, index: SentenceIndex): void {
  const { doc, lex, tokens } = ctx;
  const text = doc.text;
  const first = tokenIndexAt(tokens, ss);
  const last = tokenIndexAt(tokens, se);
  const inQuote = (t: Token) => inSortedRanges(ctx.quoteRanges, t.start);
  // The quotes and quote speakers of this sentence only: everything below stays local.
  const localQuotes = overlapping(ctx.quoteRanges, ss, se, index.flat);
  const localSpeakers: SentenceIndex['speakersByCue'] = [];
  for (let k = firstStartingAt(index.cues, ss); k < index.speakersByCue.length && index.speakersByCue[k].cue!.start < se; k++) {
    if (index.speakersByCue[k].cue!.end <= se) localSpeakers.push(index.speakersByCue[k]);
  }
  // Claims of this sentence are the ones added from here on (a cue belongs to its own sentence).
  const outFrom = out.length;
  const sentenceClaims = () => out.slice(outFrom).filter((c) => c.cue.start >= ss && c.cue.end <= se);
  const sentenceEnd = trimEnd(text, ss, se);

  // По словам X, … / According to X, … (at the start, or after the content: "…, according to X.")
  const sentence = text.slice(ss, se);
  const has = mentionsAccordingTo(lex, sentence);
  const lower = has ? sentence.toLowerCase() : '';
  for (const phrase of has ? lex.accordingTo : []) {
    const k = lower.indexOf(phrase);
    if (k < 0 || (k > 0 && /[\p{L}]/u.test(lower[k - 1])) || /[\p{L}]/u.test(lower[k + phrase.length] ?? '')) continue;
    const cueStart = ss + k;
    const cueEnd = cueStart + phrase.length;
    const comma = text.indexOf(',', cueEnd);
    // At the start of the sentence (or of a clause: "X, по его словам, …"), the content follows the comma.
    const lead = text.slice(ss, cueStart);
    if (k === 0 || /^[\s*_#>-]*$|[.!?:][*_»”"]*\s*$/.test(lead) || (/,\s*$/.test(lead) && /^\s*,/.test(text.slice(cueEnd, cueEnd + 3)))) {
      if (comma < 0 || comma >= se) continue;
      // "По его словам, …": the pronoun inside the phrase is the source.
      const pron = /(?:^|\s)(его|ее|её|их|his|her|their)(?:\s|$)/u.exec(phrase);
      let source: Span | null = null;
      if (pron) {
        const ps = cueStart + phrase.indexOf(pron[1], pron.index);
        source = resolvePronoun(ctx, span(text, ps, ps + pron[1].length), cueStart);
      } else {
        const raw = text.slice(cueEnd, comma).trim();
        if (!raw || raw.split(/\s+/).some((w) => VAGUE.test(w))) continue;
        const srcStart = cueEnd + text.slice(cueEnd, comma).indexOf(raw);
        source = span(text, srcStart, srcStart + raw.length);
      }
      if (!source) continue;
      markCues(tokens, cueStart, cueEnd, usedCues);
      out.push({ cue: span(text, cueStart, cueEnd), source, content: span(text, skipSpace(text, comma + 1), sentenceEnd), kind: 'according-to' });
    } else if (/,\s*$/.test(text.slice(ss, cueStart))) {
      const src = text.slice(cueEnd, sentenceEnd).trim();
      if (!src || src.split(/\s+/).some((w) => VAGUE.test(w))) continue;
      markCues(tokens, cueStart, cueEnd, usedCues);
      const srcStart = cueEnd + text.slice(cueEnd, sentenceEnd).indexOf(src);
      out.push({ cue: span(text, cueStart, cueEnd), source: span(text, srcStart, srcStart + src.length), content: span(text, ss, trimEnd(text, ss, cueStart)), kind: 'according-to' });
    }
    break;
  }

  // (Most words are no cue: they are passed over on the list's columns, without a token object.)
  const { starts, words } = tokens;
  for (let i = first; i < last; i++) {
    if (!isCue(lex, words[i]) || inSortedRanges(ctx.quoteRanges, starts[i]) || usedCues.has(starts[i])) continue;
    const t = tokens.get(i);
    const prev = tokens.get(i - 1);
    const next = tokens.get(i + 1);
    // Not reported speech: "declined to say", "agreed to …", a topic alone ("рассказал о ситуации"),
    // the passive ("Belarus was accused of", "famine has been confirmed"), a noun ("the IAEA report").
    if (prev && /^(?:to|refused|declined|was|were|been|being|is|are|be|был|была|было|были)$/.test(prev.lower)) continue;
    if (NOUNISH.test(t.lower) && prev && (/^(?:the|a|an|its|their|his|her|this|our)$/.test(prev.lower) || (/^\p{Lu}/u.test(prev.text) && /^(?:the|a|an|its|their)$/i.test(tokens.get(i - 2)?.lower ?? '')))) continue;
    // A participle after a comma (", adding that", "…, добавив, что") shares the sentence's subject.
    if (prev && /,\s*$/.test(text.slice(prev.end, t.start)) && /(?:ing|ив|ав|ув|ев)$/.test(t.lower)) {
      const earlier = sentenceClaims().filter((c) => c.cue.end <= t.start && c.source).pop();
      const q = localSpeakers.find((x) => x.cue!.end <= t.start);
      const src = earlier?.source ?? (q ? span(text, q.start, q.end) : null);
      if (src) {
        addClaim(ctx, i, src, ss, se, out, usedCues);
        continue;
      }
    }
    if (next && next.lower === 'to' && /^agree/.test(t.lower)) continue;
    if (next && TOPIC.test(next.lower) && !/(?:that|что)/.test(text.slice(next.end, Math.min(se, next.end + 40)))) continue;
    // A question asserts nothing ("What did the Secretary tell him?").
    if (/\?[\s»”"’)]*$/.test(text.slice(ss, se))) continue;
    // "… – об этом сообщил X", "…, — заявил X", "…, добавил российский министр.": the subject
    // follows, the content precedes the dash or comma.
    const beforeCue = text.slice(ss, t.start);
    if (/[—–-]\s*(?:(?:об этом|так|как)\s+)?(?:(?:сегодня|вчера|также)\s+)?$/u.test(beforeCue)) {
      if (tailClaim(ctx, i, ss, se, out, usedCues)) continue;
    } else if (/,\s*$/.test(beforeCue)) {
      const inv = subjectAfterCue(ctx, i, se);
      if (inv && /^[\s.!?…]*$/.test(text.slice(inv.end, se)) && tailClaim(ctx, i, ss, se, out, usedCues, inv)) continue;
    }
    // The subject is looked for in the cue's own clause: after the last что/that before it
    // ("Белов отметил, что проверка показала, что …": проверка, not Белов).
    let clauseFrom = ss;
    for (let m = i - 1; m >= first; m--) {
      if (CLAUSE.test(tokens.get(m).lower) && !inQuote(tokens.get(m))) {
        clauseFrom = tokens.get(m).end;
        break;
      }
    }
    const sp = subjectOfCue(ctx, i, clauseFrom, se, t.start);
    if (!sp || sp === 'conjunction') {
      // "said … and warned that …": the same subject as the cue before it in this sentence.
      const earlier = sentenceClaims().filter((c) => c.cue.end <= t.start && c.source).pop();
      if (sp === 'conjunction' && earlier) addClaim(ctx, i, earlier.source!, ss, se, out, usedCues);
      else tailClaim(ctx, i, ss, se, out, usedCues);
      continue;
    }
    // A lone capitalised word at the sentence start that names nothing ("Nothing quoted here") is no source.
    if (sp.start === skipSpace(text, ss) && !/\s/.test(sp.text) && !sp.pronoun && !personAt(ctx, sp.start) && !inSortedRanges(ctx.bodies, sp.start) && !lex.speakerTitles.has(sp.text.toLowerCase())) continue;
    // Vague: "Officials speaking on condition of anonymity said", "Some Western analysts believe",
    // "Some officials in Vilnius believe", "в Брюсселе полагают", "сообщили источники": a vague word
    // in the subject, between it and the cue, or right after the cue; or a place after "in"/"в".
    const around = [...tokenize(text, sp.start, sp.end), ...tokens.slice(tokenIndexAt(tokens, sp.end), i).slice(-2), ...tokens.slice(i + 1, i + 3)].filter((x) => !inQuote(x));
    // ("The two officials agreed" names known people: a definite subject is not vague.)
    const definite = /^(?:the|both)\s/i.test(sp.text) || /(?:^|\s)(?:the|both)\s+(?:\S+\s+)?$/i.test(text.slice(Math.max(ss, sp.start - 16), sp.start));
    if ((!definite && around.some((x) => VAGUE.test(x.text))) || (sp.start < t.start && /(?:^|\s)(?:в|во|in|at)\s+$/iu.test(text.slice(Math.max(ss, sp.start - 4), sp.start)))) continue;
    // A relative clause ("which Russia agreed in 2014") reports nothing.
    if (sp.start < t.start && /(?:^|\s)(?:which|который|которую|которые|которое|которым)\s+$/iu.test(text.slice(Math.max(ss, sp.start - 12), sp.start))) continue;
    if (/(?:ют|ят)$/.test(t.lower) && sp.end < t.start && tokenIndexAt(tokens, sp.end) < i - 1 && !/[,]/.test(text.slice(sp.end, t.start))) continue;
    // A quote's own cue, right after the quote ("…,” he said) or right before it ("said: “…”"): the
    // quote is the claim (findClaims adds it). A cue that governs a clause holding a partial quote
    // ("said the closure would last “as long as necessary”") makes the clause the claim.
    const quoted = localSpeakers.find((x) => x.cue!.start === t.start);
    if (quoted) {
      const near = (a: number, b: number, n: number) => b - a < 120 && countTokens(text, n + 1, a, b) <= n;
      const q = localQuotes.find(([qs, qe]) => (qe <= t.start && near(qe, t.start, 6)) || (qs >= t.end && near(t.end, qs, 2) && !tokenize(text, t.end, qs).some((w) => CLAUSE.test(w.lower))));
      if (q) continue;
    }
    // "The talks would resume in Vienna, Iranian Deputy Foreign Minister Reza Karimi said.": the
    // cue ends the sentence and the subject follows a comma; the content is what precedes it.
    if (sp.start < t.start && /^[\s.!?…]*$/.test(text.slice(t.end, se))) {
      const comma = text.lastIndexOf(',', sp.start);
      if (comma > ss && countTokens(text, 7, comma, sp.start) <= 6 && !/[.;:!?]/.test(text.slice(comma + 1, sp.start))) {
        const contentEnd = trimEnd(text, ss, comma);
        if (contentEnd > ss && !localQuotes.some(([qs, qe]) => qs <= ss + 1 && qe >= contentEnd - 1)) {
          out.push({ cue: span(text, t.start, t.end), source: span(text, sp.start, sp.end), content: span(text, skipSpace(text, ss), contentEnd), kind: 'reported' });
          usedCues.add(t.start);
          continue;
        }
      }
    }
    // A subject after the cue (inverted: "— заявил Рябков", "об этом сообщил X") with the content
    // before the dash.
    if (sp.start > t.start) {
      if (tailClaim(ctx, i, ss, se, out, usedCues, sp)) continue;
    }
    addClaim(ctx, i, span(text, sp.start, sp.end), ss, se, out, usedCues);
  }
}

/** Content governed by the cue at token i: the clause after что/that, a colon, or the rest of the clause. */
function addClaim(ctx: SpeakerContext, i: number, source: Span, ss: number, se: number, out: Claim[], usedCues: Set<number>): boolean {
  const { doc, tokens } = ctx;
  const text = doc.text;
  const t = tokens.get(i);
  const end = trimEnd(text, ss, se);
  // Skip the inverted subject, an indirect object or an adverbial right after the cue (told
  // reporters, said on Tuesday, заявил журналистам), up to что/that or a colon.
  let k = i + 1;
  let start = -1;
  for (let n = 0; k < tokens.length && tokens.get(k).start < end && n < 12; k++, n++) {
    const gap = text.slice(tokens.get(k - 1).end, tokens.get(k).start);
    if (isCue(ctx.lex, tokens.get(k))) break; // "quoted X as saying that …": that belongs to "saying
    if (gap.includes(':')) {
      start = tokens.get(k).start - (/[«“"„‘]\s*$/.test(gap) ? 1 : 0);
      break;
    }
    if (CLAUSE.test(tokens.get(k).lower)) {
      start = tokens.get(k + 1)?.start ?? -1;
      break;
    }
  }
  if (start < 0) {
    // No clause marker: the object or the clause right after the cue (rejected the accusations;
    // said the closure would last …), unless the cue ends the sentence. "Agreed" reports speech
    // only with a clause ("agreed that …"), not as an action ("the ceasefires agreed in Minsk").
    if (source.start > t.start || /^agree/.test(t.lower)) return false;
    let s = t.end;
    const gap = text.slice(t.end, end);
    const lead = /^\s*(?:(?:on|in|at|late on|earlier on|later on)\s+(?:\p{Lu}\p{Ll}+|\d[\d\s]*\p{L}*)\s*|(?:reporters|journalists|журналистам|репортерам)\s*|(?:in a statement|в заявлении)\s*,?\s*)*/u.exec(gap);
    if (lead) s += lead[0].length;
    s = skipSpace(text, s);
    if (s >= end || /^[,.;:]/.test(text.slice(s, s + 1))) return false;
    start = s;
  }
  if (start < 0 || start >= end) return false;
  // The content ends before a coordinated cue: "…, adding that …", "… and urged …", "…, добавив, что …".
  let contentEnd = end;
  for (let m = tokenIndexAt(tokens, start); m < tokens.length && tokens.get(m).start < end; m++) {
    const w = tokens.get(m);
    if (!isCue(ctx.lex, w) || inSortedRanges(ctx.quoteRanges, w.start)) continue;
    const before = text.slice(tokens.get(m - 1).end, w.start);
    const conj = /^(?:and|и|а|but|но)$/.test(tokens.get(m - 1).lower) ? tokens.get(m - 1) : null;
    if (/,\s*$/.test(before) || conj) {
      contentEnd = trimEnd(text, start, conj ? conj.start : tokens.get(m - 1).end + before.indexOf(','));
      break;
    }
  }
  if (contentEnd <= start) return false;
  // "told reporters", "told a news conference": the guide's cue includes who was told.
  let cueEnd = t.end;
  if (/^told$/i.test(t.text)) {
    const told = /^\s+(?:reporters|journalists|the press|a news conference|a press conference|a briefing|parliament|lawmakers)(?!\p{L})/iu.exec(text.slice(t.end, t.end + 40));
    if (told) cueEnd = t.end + told[0].length;
  }
  out.push({ cue: span(text, t.start, cueEnd), source, content: span(text, start, contentEnd), kind: 'reported' });
  usedCues.add(t.start);
  return true;
}

/** "… – об этом сообщил X", "…, — заявил X.", "…, X said.": the content is the sentence before the cue. */
function tailClaim(ctx: SpeakerContext, i: number, ss: number, _se: number, out: Claim[], usedCues: Set<number>, known?: { start: number; end: number; text: string }): boolean {
  const { doc, tokens } = ctx;
  const text = doc.text;
  const t = tokens.get(i);
  const before = text.slice(ss, t.start);
  const m = /(?:,|(?<!\s))\s*[—–-]\s*(?:(?:об этом|как|так)\s+)?(?:(?:сегодня|вчера|также)\s+)?$|,\s*$/u.exec(before);
  if (!m || m.index === 0) return false;
  const source = known ?? subjectAfterCue(ctx, i, Math.min(text.length, t.end + 80));
  if (!source) return false;
  const contentEnd = trimEnd(text, ss, ss + m.index);
  if (contentEnd <= ss) return false;
  // A quote is its own claim (speakers.ts); only non-quoted content makes a reported claim here.
  const q = rangeAt(ctx.quoteRanges, ss + 1) ?? rangeAt(ctx.quoteRanges, skipSpace(text, ss));
  if (q && q[1] >= contentEnd - 1) return true;
  out.push({ cue: span(text, t.start, t.end), source: span(text, source.start, source.end), content: span(text, skipSpace(text, ss), contentEnd), kind: 'reported' });
  usedCues.add(t.start);
  return true;
}

function markCues(tokens: TokenList, from: number, to: number, used: Set<number>): void {
  for (let k = tokenIndexAt(tokens, from); k < tokens.length && tokens.get(k).start < to; k++) used.add(tokens.get(k).start);
}

/**
 * Where [from, to) ends without its trailing spaces and punctuation (TRAILING's match taken off),
 * read backwards from the end instead of matching over the whole span. A closing quote mark that
 * ends the content stays: "… “as long as necessary”."
 */
export function trimEnd(text: string, from: number, to: number): number {
  const end = Math.min(to, text.length);
  let i = end;
  while (i > from && isTrailing(text.charCodeAt(i - 1))) i--;
  return to - (end - i);
}

/** A character of TRAILING's class: \s (JavaScript's white space and line terminators) or . ; : ! ? … , — – - */
function isTrailing(c: number): boolean {
  return c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 44 || c === 45 || c === 0x2026 || c === 0x2014 || c === 0x2013 || isWhiteSpace(c);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

// Headings that name the author of what follows (the guide's preambles), and "attributable to" lines.
const PREAMBLE_HEAD = /^(?:(?:совместное\s+)?заявлени[ея]|комментари[йя]|ответ|обращени[ея]|послание|выступление|statement|joint statement|declaration|remarks|communiqu[eé]|readout|press statement)(?!\p{L})/iu;
const ATTRIBUTABLE = /^(?:the following is|следующее)\s+(attributable to)\s+(\S.*?):\s*$/iu;

/**
 * A preamble is one claim whose content is everything it covers: "The following is attributable
 * to Spokesperson X:" up to the next heading; a heading that names its author (Заявление МИД
 * России, Комментарий официального представителя…, Ответ М.В.Захаровой на вопрос…, Joint
 * Statement of the G7 Foreign Ministers) up to the next heading of the same or a higher level.
 */
function preambleClaims(ctx: SpeakerContext, entities: Entity[], out: Claim[]): void {
  const { text, blocks } = ctx.doc;
  const level = (b: Block) => (b.kind === 'heading' ? (b.level === 0 ? 1 : (b.level ?? 1)) : 99);
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.lines.length === 0) continue;
    const line = b.lines[0];
    const lineText = text.slice(line.start, line.end);
    const att = ATTRIBUTABLE.exec(lineText);
    let cue: Span | null = null;
    let source: Span | null = null;
    let until = text.length;
    if (att && b.lines.length === 1) {
      const cs = line.start + lineText.indexOf(att[1]);
      cue = span(text, cs, cs + att[1].length);
      const ss = line.start + lineText.lastIndexOf(att[2]);
      source = span(text, ss, ss + att[2].length);
      until = nextBlockStart(blocks, bi, text.length, (x) => x.kind === 'heading');
    } else if (b.kind === 'heading' && PREAMBLE_HEAD.test(lineText.trim())) {
      // The author: the first organisation or person the heading names (not a country or date).
      const inHeading: Entity[] = [];
      for (let k = firstStartingAt(entities, line.start); k < entities.length && entities[k].start < line.end; k++) if (entities[k].end <= line.end) inHeading.push(entities[k]);
      const author = inHeading.find((e) => e.type === 'person') ?? inHeading.find((e) => e.type === 'organization');
      if (!author) continue;
      const head = PREAMBLE_HEAD.exec(lineText.trim())!;
      const cs = line.start + lineText.indexOf(head[0]);
      cue = span(text, cs, cs + head[0].length);
      // From the author to the end of the heading's name phrase ("Департамента информации и печати МИД России").
      source = span(text, author.start, author.end);
      until = nextBlockStart(blocks, bi, text.length, (x) => x.kind === 'heading' && level(x) <= level(b));
    }
    if (!cue || !source) continue;
    const body: Block[] = [];
    for (let k = bi + 1; k < blocks.length && blocks[k].start < until; k++) {
      const x = blocks[k];
      if (x.kind !== 'code' && x.kind !== 'rule' && x.lines.length > 0) body.push(x);
    }
    if (body.length === 0) continue;
    const cStart = body[0].lines[0].start;
    const lastLines = body[body.length - 1].lines;
    out.push({ cue, source, content: span(text, cStart, lastLines[lastLines.length - 1].end), kind: 'preamble' });
  }
}

/** Where the first block after `bi` that `is` starts, or `end`. */
function nextBlockStart(blocks: Block[], bi: number, end: number, is: (b: Block) => boolean): number {
  for (let k = bi + 1; k < blocks.length; k++) if (is(blocks[k])) return blocks[k].start;
  return end;
}

const QUESTION_LABEL = /^(?:вопрос|question|q|корреспондент|журналист|reporter)$/i;

/** Transcript turns: "М.В.Захарова: …", "MR. PRICE: …" — the label is the source, the colon the cue. */
function turnClaims(ctx: SpeakerContext, entities: Entity[], out: Claim[]): void {
  const { text, blocks } = ctx.doc;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.kind !== 'paragraph' || b.lines.length === 0) continue;
    const line = b.lines[0];
    const m = /^([^:\n]{2,60}?):\s+\S/u.exec(text.slice(line.start, line.end));
    if (!m) continue;
    const label = m[1].replace(/[*_]/g, '').trim();
    if (QUESTION_LABEL.test(label)) continue;
    let isPerson = false;
    for (let k = firstStartingAt(entities, line.start); k < entities.length && entities[k].start < line.start + m[1].length && !isPerson; k++) {
      isPerson = entities[k].type === 'person' && entities[k].end <= line.start + m[1].length;
    }
    const allCaps = /^(?:MR|MS|MRS|DR)\.?\s+\p{Lu}[\p{Lu}-]+$/u.test(label) || /^\p{Lu}[\p{Lu}\s.-]{2,}$/u.test(label);
    if (!isPerson && !allCaps) continue;
    const colon = line.start + m[1].length;
    const ls = line.start + m[1].indexOf(label);
    // The answer goes on over the following paragraphs up to the next turn or heading.
    let lastBlock = b;
    for (let k = bi + 1; k < blocks.length; k++) {
      const nb = blocks[k];
      if (nb.kind !== 'paragraph' && nb.kind !== 'list-item' && nb.kind !== 'blockquote') break;
      if (/^[^:\n]{2,60}?:\s/u.test(text.slice(nb.lines[0].start, nb.lines[0].end))) break;
      lastBlock = nb;
    }
    const last = lastBlock.lines[lastBlock.lines.length - 1];
    out.push({ cue: span(text, colon, colon + 1), source: span(text, ls, ls + label.length), content: span(text, skipSpace(text, colon + 1), last.end), kind: 'turn' });
  }
}
