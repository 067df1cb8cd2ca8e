// Title phrases tied to a named person: after "замглавы МИД России Михаил Галузин" the text may say
// "Замглавы МИД РФ подчеркнул" or "the Deputy Secretary said" and mean the same person. A phrase
// made only of title words (and an organisation or country mention) that a person was introduced
// with, and not itself followed by a name, is an alias of the latest such person before it.
import type { Alias, Entity, Language } from '../types.ts';
import { tokenIndexAt, type TokenList } from '../tokens.ts';
import { firstStartingAt } from '../ranges.ts';
import { linkKey } from '../morphology.ts';
import ruNames from '../data/ru/names.json';
import enNames from '../data/en/names.json';
import { dataOf } from '../datafile.ts';

const ARTICLES = new Set(['the', 'a', 'an']);

interface TitleData {
  titles: Set<string>;
  /** Compound titles that stand for several words (замглавы → заместитель + министр). */
  synonyms: Map<string, string[]>;
  /** Keys of the head words of titles (министр, посол, secretary): a phrase needs one to name a person. */
  heads: Set<string>;
}

const cache = new Map<Language, TitleData>();
function titleData(language: Language): TitleData {
  let d = cache.get(language);
  if (!d) {
    const raw = dataOf(language === 'ru' ? ruNames : enNames) as unknown as { titles: string[]; titleHeads: string[]; titleSynonyms?: Record<string, string[]> };
    d = {
      heads: new Set(raw.titleHeads.map((w) => linkKey(w, language))),
      titles: new Set(raw.titles.map((t) => t.toLowerCase())),
      synonyms: new Map(Object.entries(raw.titleSynonyms ?? {}).map(([k, v]) => [linkKey(k, language), v.map((x) => linkKey(x, language))])),
    };
    cache.set(language, d);
  }
  return d;
}

interface Intro {
  id: string;
  /** Linking keys of the title words (synonyms expanded). */
  words: Set<string>;
  /** The organisations/countries in the title, as compared ("МИД России" → mfa-russia → russia). */
  bodyKeys: string[];
  start: number;
}

export function findAliases(text: string, language: Language, tokens: TokenList, entities: Entity[]): Alias[] {
  const d = titleData(language);
  const keysOf = (w: string) => {
    const k = linkKey(w, language);
    return d.synonyms.get(k) ?? [k];
  };
  // Entities are sorted and flat: the one covering a position by binary search.
  const entityCovering = (pos: number): Entity | undefined => {
    let lo = 0;
    let hi = entities.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (entities[mid].end <= pos) lo = mid + 1;
      else if (entities[mid].start > pos) hi = mid - 1;
      else return entities[mid];
    }
    return undefined;
  };

  // 1. How each person was introduced: title words and bodies right before the name.
  const intros: Intro[] = [];
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const words = new Set<string>();
    const bodies = new Set<string>();
    let k = tokenIndexAt(tokens, e.start) - 1;
    let guard = 0;
    while (k >= 0 && guard++ < 8) {
      const t = tokens.get(k);
      const covering = entityCovering(t.start);
      const body = covering && covering.type !== 'person' && covering.type !== 'date' ? covering : undefined;
      if (body) {
        bodies.add(body.id);
        k = tokenIndexAt(tokens, body.start) - 1;
        continue;
      }
      if (!d.titles.has(t.lower)) break;
      for (const key of keysOf(t.text)) words.add(key);
      k--;
    }
    if (words.size > 0) intros.push({ id: e.id, words, bodyKeys: [...bodies].map(bodyKey), start: e.start });
  }
  if (intros.length === 0) return [];
  // By head word, each list in text order.
  const introsByHead = new Map<string, Intro[]>();
  for (const p of intros) {
    for (const w of p.words) {
      if (!d.heads.has(w)) continue;
      const list = introsByHead.get(w);
      if (list) list.push(p);
      else introsByHead.set(w, [p]);
    }
  }

  // 2. Later title phrases that are not followed by a name.
  const out: Alias[] = [];
  // (The list's columns are read directly: most tokens are passed over here.)
  const { starts, words: lowers } = tokens;
  for (let i = 0; i < starts.length; i++) {
    if (!d.titles.has(lowers[i].lower) || entityCovering(starts[i])) continue;
    const t = tokens.get(i);
    let j = i;
    const words = new Set<string>(keysOf(t.text));
    const bodies = new Set<string>();
    let end = t.end;
    while (j + 1 < tokens.length && /^[ \t\u00a0]+$/.test(text.slice(tokens.get(j).end, tokens.get(j + 1).start))) {
      const n = tokens.get(j + 1);
      const body = entityCovering(n.start);
      if (body && body.type !== 'person' && body.type !== 'date') {
        bodies.add(body.id);
        end = body.end;
        j = tokenIndexAt(tokens, body.end) - 1;
        continue;
      }
      if (body?.type === 'person') {
        words.clear(); // an introduction, not an alias
        break;
      }
      if (!d.titles.has(n.lower)) break;
      for (const key of keysOf(n.text)) words.add(key);
      end = n.end;
      j++;
    }
    if (words.size === 0) {
      i = j;
      continue;
    }
    let start = t.start;
    const prev = tokens.get(i - 1);
    if (prev && ARTICLES.has(prev.lower) && /^[ \t]+$/.test(text.slice(prev.end, t.start))) start = prev.start;
    // The latest person before the phrase whose introduction holds all its title words and bodies
    // (a phrase needs a head word: министр, secretary). Only introductions holding that head word
    // can match: they are listed by it.
    const head = [...words].find((w) => d.heads.has(w));
    const candidates = head === undefined ? undefined : introsByHead.get(head);
    if (candidates) {
      const phraseWords = [...words];
      const phraseBodies = [...bodies].map(bodyKey);
      for (let k = firstStartingAt(candidates, start) - 1; k >= 0; k--) {
        const p = candidates[k];
        if (phraseWords.every((w) => p.words.has(w)) && phraseBodies.every((b) => p.bodyKeys.includes(b))) {
          out.push({ start, end, text: text.slice(start, end), id: p.id });
          break;
        }
      }
    }
    i = j;
  }
  return out;
}

/** A ministry, embassy or government stands for its country when titles are compared (МИД России ~ РФ). */
function bodyKey(id: string): string {
  return id.replace(/^(?:mfa|mod|gov|emb|embassy|ministry)-/, '');
}
