// Linking keys for inflected mentions of one referent: Галузин, Галузина, Галузиным → one key;
// Ханоя, Ханоем → one key; комиссия, комиссией → one key; Лавров and Лаврентьев → two keys.
//
// Russian uses the Snowball Russian stemmer from @nlpjs/lang-ru (maintained, 34 KB minified, synchronous,
// no data files, runs in a browser). docs/morphology.md has the measurements against the OpenCorpora
// dictionary analyser `az` and the reasons for the choice; scripts/bench-morphology.ts reproduces them.
//
// Snowball is written for common words. Read alone, a name's nominative or genitive often looks to it
// like a verb or a genitive plural (Рахман, Рахмана → "рахма" as if -ан/-ана were verb endings; Лавров
// → "лавр" as if -ов were a genitive plural; Сергей → "серг" but Сергея → "серге"). Three small
// normalisations around the library make one paradigm one key; each is measured in the benchmark:
//   1. zero ending: a word that ends in a consonant other than м or х can only be a form with no case
//      ending (every Russian case ending that ends in a consonant ends in -м or -х: -ом, -ым, -ам, -ах…),
//      so it is stemmed as its -у form (Лавров → лаврову → "лавров", Рахман → рахману → "рахман").
//      Of the -м words, a consonant + -ам or -им (Вьетнам, Максим, Иерусалим) is taken as a zero ending
//      too: the plural -ам/-ям rarely ends a name, and adjectives take -им after к, г, х, ж, ш, ч, щ, н
//      or a soft sign (Слуцким, Стокгольмским, Верхним), which stay with Snowball, as do -ом, -ем, -ым;
//   2. -а, -ы or -е after a consonant is stemmed as -у, the one vowel ending Snowball reads only as a
//      noun's (Рахмана → рахману → "рахман", Михаила → "михаил", Елены → "елен", Никите → "никит");
//   3. a stem-final е or а is dropped: Snowball keeps it in some forms of -ей/-ея/-ай stems and not in
//      others (Сергея → "серге", Сергей → "серг"; Китай → "кита", Китая → "кит").
// Before all that: quote marks and edge punctuation off, initials glued to a surname off (Х.Фиданом),
// lower case, ё → е, a final pre-reform ъ off (Коммерсантъ). So capitalisation, a sentence start and
// «…» around an outlet's name never change the key.
//
// Known limits (docs/morphology.md lists them with the benchmark): Карабах, Рахим, Ибрагим in the
// nominative (-ах, -хим, -гим read as endings); fleeting vowels (Павел / Павла, рынок / рынка); Ханой's
// locative Ханое reads as an adjective, and Ханой, Ханою share "хан" with Хан; masculine and feminine
// forms of one surname share a key (Захаров, Захарова); a genitive plural keeps its -ов (министров).
//
// The core calls these for every capitalised token of a large document, so results are memoised.
// @ts-expect-error: @nlpjs/lang-ru ships no type declarations; the class is a plain Snowball stemmer.
import StemmerRu from '@nlpjs/lang-ru/src/stemmer-ru.js';
import type { Language } from './types.ts';
import { detach } from './memo.ts';

interface SnowballStemmer {
  setCurrent(word: string): void;
  innerStem(): void;
  getCurrent(): string;
}

let stemmer: SnowballStemmer | undefined;

/** The library's Snowball stem of a lower-case word (its own per-word cache is bypassed: ours is bounded). */
function snowball(word: string): string {
  stemmer ??= new (StemmerRu as new () => SnowballStemmer)();
  stemmer.setCurrent(word);
  stemmer.innerStem();
  return stemmer.getCurrent();
}

const MEMO_LIMIT = 100_000;
const ruMemo = new Map<string, string>();
const enMemo = new Map<string, string>();

/**
 * Keeps a word's key. These memos outlive analyses, and the words come from a document's text: a
 * slice of 13 characters or more is, in V8, a view that keeps the whole text alive (a 1 MB text,
 * version after version), and so may the key made from it. Both are kept detached (memo.ts).
 */
function remember(memo: Map<string, string>, word: string, key: string): string {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(detach(word), detach(key));
  return key;
}

/** Quote marks, brackets and punctuation at either edge of a token. */
const EDGES = /^[^\p{L}\p{N}]+|(?<![^\p{L}\p{N}])[^\p{L}\p{N}]+$/gu;
/** Initials glued to a surname: Х.Фидан, С.В.Лавров. */
const INITIALS = /^(?:\p{L}\.\s?)+(?=\p{L}{2})/u;
/** Rule 1: a form with no case ending. */
const ZERO_ENDING = /(?:[бвгджзклнпрстфцчшщ]|[бвгджзклмнпрстфхцчшщ]ам|[бвдзлмпрстфц]им)$/;
/** Rule 2: a hard-declension vowel ending after a consonant. */
const CONSONANT_THEN_VOWEL = /[бвгджзклмнпрстфхцчшщ][аые]$/;

/** The Russian key without the memo. Exported for the benchmark only. */
export function ruKeyUncached(word: string): string {
  let w = word.replace(EDGES, '').replace(INITIALS, '').toLowerCase().replace(/ё/g, 'е').replace(/[‐‑]/g, '-');
  if (w.endsWith('ъ')) w = w.slice(0, -1);
  if (w.length >= 4) {
    if (ZERO_ENDING.test(w)) w += 'у';
    else if (CONSONANT_THEN_VOWEL.test(w)) w = w.slice(0, -1) + 'у';
  }
  let k = snowball(w);
  while (k.length > 2 && (k.endsWith('е') || k.endsWith('а'))) k = k.slice(0, -1);
  return k;
}

/**
 * A linking key for an inflected Russian word: forms of one name, place or organisation word get one key
 * (Галузин, Галузина, Галузиным; Ханой, Ханоем; комиссия, комиссией), different words get different keys
 * (Лавров, Лаврентьев). Independent of capitalisation and of quote marks around the word. Not a lemma:
 * compare keys with keys only.
 */
export function ruKey(word: string): string {
  return ruMemo.get(word) ?? remember(ruMemo, word, ruKeyUncached(word));
}

/** An English linking key: quotes off, lower case, possessive 's / s' off (China's, Lavrov’s, allies'). */
export function enKey(word: string): string {
  const hit = enMemo.get(word);
  if (hit !== undefined) return hit;
  const w = word
    .replace(/[’ʼ]/g, "'")
    .replace(EDGES, '')
    .toLowerCase()
    .replace(/(?<=\p{L})'s$/u, ''); // a trailing s' lost its apostrophe with the edges
  return remember(enMemo, word, w);
}

/** The key for a word of either language. */
export function linkKey(word: string, language: Language): string {
  return language === 'ru' ? ruKey(word) : enKey(word);
}
