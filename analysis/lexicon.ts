// Language data, loaded from the JSON files in data/<language>/ (bundled by esbuild, so the core
// needs no file system and runs in a browser too). Built once per language on first use.
import type { Language } from './types.ts';
import ruSpeech from './data/ru/speech.json';
import enSpeech from './data/en/speech.json';
import { dataOf } from './datafile.ts';

interface SpeechData {
  cues: string[];
  accordingTo: string[];
  pronouns: Record<string, string>;
  speakerTitles: string[];
  skipBeforeCue: string[];
  nameContext: string[];
  scareMarkers: string[];
  clauseStarts: string[];
}

export interface Lexicon {
  language: Language;
  /** Every form of every reporting verb, lower-cased. */
  cues: Set<string>;
  /** Multi-word attributing openers ("по словам", "according to"), lower-cased, longest first. */
  accordingTo: string[];
  /** Matches where any `accordingTo` phrase occurs (lower-cased input): one test before looking for each. */
  anyAccordingTo: RegExp;
  /**
   * The same, case-insensitive, for text not yet lower-cased: it matches wherever `anyAccordingTo`
   * matches the lower-cased text (case folding agrees with lower-casing character by character;
   * U+0130 İ, which lower-cases to two characters, is the exception callers must check).
   */
  anyAccordingToFolded: RegExp;
  /** Personal pronoun → gender/number (m, f, p). */
  pronouns: Map<string, string>;
  speakerTitles: Set<string>;
  skipBeforeCue: Set<string>;
  nameContext: Set<string>;
  /** Matches text ending with a scare marker ("так называемый", "so-called"), or with one and a space. */
  scareMarkerEnd: RegExp;
  clauseStarts: Set<string>;
}

/** Expands "заяв{ил,ила}" into ["заявил", "заявила"]; one brace group per entry at most. */
export function expandForms(pattern: string): string[] {
  const m = /^([^{]*)\{([^}]*)\}(.*)$/.exec(pattern);
  if (!m) return [pattern];
  return m[2].split(',').map((ending) => m[1] + ending + m[3]);
}

const cache = new Map<Language, Lexicon>();

export function lexicon(language: Language): Lexicon {
  let lex = cache.get(language);
  if (!lex) {
    const d = dataOf(language === 'ru' ? ruSpeech : enSpeech) as SpeechData;
    const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
    const accordingTo = lower(d.accordingTo).sort((a, b) => b.length - a.length);
    const scareMarkers = lower(d.scareMarkers).sort((a, b) => b.length - a.length);
    const anyOf = (xs: string[]) => xs.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    lex = {
      language,
      cues: new Set(lower(d.cues.flatMap(expandForms))),
      accordingTo,
      anyAccordingTo: new RegExp(anyOf(accordingTo), 'u'),
      anyAccordingToFolded: new RegExp(anyOf(accordingTo), 'iu'),
      pronouns: new Map(Object.entries(d.pronouns)),
      speakerTitles: new Set(lower(d.speakerTitles)),
      skipBeforeCue: new Set(lower(d.skipBeforeCue)),
      nameContext: new Set(lower(d.nameContext)),
      scareMarkerEnd: new RegExp(`(?:${anyOf(scareMarkers)}) ?$`, 'u'),
      clauseStarts: new Set(lower(d.clauseStarts)),
    };
    cache.set(language, lex);
  }
  return lex;
}

/**
 * Whether an according-to phrase occurs in `text` once lower-cased (`anyAccordingTo`), asked first
 * case-insensitively of the text as written, so most texts are never lower-cased.
 */
export function mentionsAccordingTo(lex: Lexicon, text: string): boolean {
  return (text.includes('\u0130') || lex.anyAccordingToFolded.test(text)) && lex.anyAccordingTo.test(text.toLowerCase());
}

/** A reporting cue: a known verb form written in lower case (a capitalised "States" is a name, not a verb). */
export function isCue(lex: Lexicon, word: { text: string; lower: string }): boolean {
  if (!lex.cues.has(word.lower)) return false;
  const c = word.text.charAt(0);
  return c === c.toLowerCase();
}
