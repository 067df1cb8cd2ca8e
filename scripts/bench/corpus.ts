// The benchmark's text generator: realistic Russian and English statements of any size, built from
// the gold corpus (../shared/corpus/*.txt|*.md, or --corpus DIR). Every copy of a source text is
// varied so that no cache keyed on text (a whole document, a paragraph) can make a figure lie:
// numbers are shifted (days stay 1–28, years 1995–2025), surnames are swapped for others that
// decline the same way (Лавров → Сидоров, so Лаврова → Сидорова), the paragraphs after the title
// are shuffled in units that keep a quote, its attribution line, a heading and its section, or a
// question and its answer together, sentences of quote-free paragraphs are shuffled, some words are
// swapped for synonyms of the same form, months and weekdays move, and spaces become non-breaking
// ones here and there (invisible; as in typeset and web-pasted text). `uniqueShare` says how much
// of a generated text still repeats.
// Everything is deterministic: the same (size, seed) always gives the same text.
//
// Sizes are UTF-8 bytes of the text as a file (1 kB = 1000 bytes, 1 MB = 1,000,000 bytes) unless
// `unit: 'chars'` asks for UTF-16 code units (what the analysis and LSP offsets count). Russian
// takes about 1.8 bytes a character, so a 1 MB mixed text holds about 0.6 M characters.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.join(import.meta.dirname, '..', '..');
export const DEFAULT_CORPUS = path.join(REPO, '..', 'shared', 'corpus');

export type Lang = 'ru' | 'en';

export interface Source {
  name: string;
  lang: Lang;
  markdown: boolean;
  text: string;
}

export interface GenerateOptions {
  /** What `size` counts: UTF-8 bytes (default) or characters (UTF-16 code units). */
  unit?: 'bytes' | 'chars';
  /** Only Russian or only English sources; default both, interleaved. */
  lang?: Lang | 'mixed';
  /** The directory of source texts; default ../shared/corpus. */
  corpus?: string;
}

export interface GeneratedFile {
  name: string;
  text: string;
}

/** UTF-8 size of a string, in bytes. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const sourceCache = new Map<string, Source[]>();

/** The source texts of a corpus directory (*.txt, *.md), sorted by name; language by Cyrillic share. */
export function loadSources(dir: string = DEFAULT_CORPUS): Source[] {
  const key = path.resolve(dir);
  const hit = sourceCache.get(key);
  if (hit) return hit;
  if (!existsSync(key)) throw new Error(`corpus directory not found: ${key} (pass --corpus DIR)`);
  const sources = readdirSync(key)
    .filter((f) => /\.(txt|md)$/i.test(f))
    .sort()
    .map((name): Source => {
      const text = readFileSync(path.join(key, name), 'utf8').replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
      const letters = text.match(/\p{L}/gu)?.length ?? 1;
      const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
      return { name, lang: cyrillic / letters > 0.3 ? 'ru' : 'en', markdown: /\.md$/i.test(name), text };
    })
    .filter((s) => s.text.trim() !== '');
  if (sources.length === 0) throw new Error(`no *.txt or *.md texts in ${key}`);
  sourceCache.set(key, sources);
  return sources;
}

// ---------------------------------------------------------------------------------------------
// Variation of one copy.

/**
 * Numbers move: 2–31 stay within 2–28 (days, small counts; 0 and 1 stay), years stay 1995–2025,
 * others grow by a multiple of the shift. Numbers inside names (G7, F-16, 3+3 stays a pair) and with
 * a leading zero (08:30) are left as written.
 */
function shiftNumbers(text: string, shift: number): string {
  return text.replace(/(?<![\p{L}\d]|\p{L}-)\d+(?![\p{L}\d])/gu, (d) => {
    const n = Number(d);
    if (d.length > 1 && d.startsWith('0')) return d;
    if (n <= 1) return d;
    if (n <= 31) return String(((n - 2 + shift) % 27) + 2);
    if (n >= 1900 && n <= 2099) return String(1995 + (((n - 1995 + shift) % 31) + 31) % 31);
    return String(n + shift * 3);
  });
}

// Surnames of the gold corpus and replacements that decline the same way: the nominative form is
// swapped and whatever case ending follows it stays (Захаровой → Смирновой, Галузину → Бородину).
// Texts of another corpus (--corpus) get their numbers and order varied but no name swaps.
const RU_SURNAMES: Record<string, { names: string[]; pool: string[] }> = {
  ov: { names: ['Лавров', 'Захаров', 'Рябков'], pool: ['Сидоров', 'Смирнов', 'Кузнецов', 'Морозов', 'Волков', 'Орлов', 'Крылов', 'Громов', 'Жуков', 'Беликов'] },
  ev: { names: ['Мустафаев', 'Алиев'], pool: ['Медведев', 'Лебедев', 'Григорьев', 'Зайцев', 'Королев', 'Беляев', 'Яковлев', 'Киселев', 'Гусейнов', 'Мамедов'] },
  in: { names: ['Галузин', 'Путин'], pool: ['Бородин', 'Фомин', 'Никитин', 'Рудин', 'Сорокин', 'Зимин', 'Кудрин', 'Карпин', 'Лапин', 'Ильин'] },
  yan: { names: ['Пашинян', 'Мирзоян'], pool: ['Арутюнян', 'Саркисян', 'Оганесян', 'Галстян', 'Авакян', 'Манукян'] },
  cons: { names: ['Фидан'], pool: ['Озтюрк', 'Демир', 'Челик', 'Айдын', 'Йылмаз'] },
  indecl: { names: ['Руденко', 'Фицо'], pool: ['Кравченко', 'Шевченко', 'Бондаренко', 'Коваленко', 'Марек', 'Дуда'] },
};
const EN_SURNAMES = {
  names: ['Whitfield', 'Okafor', 'Țurcanu', 'Cooper', 'Zelensky', 'Grossi', 'Lowell', 'Baghaei', 'Rutte', 'Lukashenko', 'Nausėda', 'Kondratovič', 'Kowalczyk', 'Hrytsenko', 'Yusof', 'Dizon', 'Babiker', 'Nour', 'Haddad', 'Rashidi'],
  pool: ['Harlow', 'Brennan', 'Osei', 'Lindqvist', 'Moreau', 'Castell', 'Pereira', 'Novak', 'Achebe', 'Sandoval', 'Kimura', 'Varga', 'Petrescu', 'Okonkwo', 'Halvorsen', 'Duarte', 'Mensah', 'Ferreira', 'Kowalski', 'Abernathy', 'Lindgren', 'Tanaka', 'Mwangi', 'Fontaine'],
};

function nameMap(names: string[], pool: string[], rnd: () => number): Map<string, string> {
  const picks = shuffle([...pool], rnd);
  return new Map(names.map((n, i) => [n, picks[i % picks.length]]));
}

function swapNames(text: string, lang: Lang, rnd: () => number): string {
  const map = new Map<string, string>();
  if (lang === 'ru') for (const { names, pool } of Object.values(RU_SURNAMES)) for (const [k, v] of nameMap(names, pool, rnd)) map.set(k, v);
  else for (const [k, v] of nameMap(EN_SURNAMES.names, EN_SURNAMES.pool, rnd)) map.set(k, v);
  const alternatives = [...map.keys()].sort((a, b) => b.length - a.length).join('|');
  // A surname starts a word (after a space, an initial's dot, the hyphen of al-Rashidi); a Russian
  // one may go on with a case ending, an English one ends there (Cooper, not Cooperation).
  const re = new RegExp(`(?<!\\p{L})(${alternatives})${lang === 'en' ? '(?!\\p{L})' : ''}`, 'gu');
  return text.replace(re, (m) => map.get(m) ?? m);
}

// Words swapped per occurrence for another of the same form and sense (a copy says «отметил», the
// next «подчеркнул»), and dates moved by whole months and weekdays; so a paragraph with no number
// and no name still differs between copies.
const SYNONYMS: Record<Lang, string[][]> = {
  ru: [
    ['заявил', 'сообщил', 'отметил', 'подчеркнул'],
    ['заявила', 'сообщила', 'отметила', 'подчеркнула'],
    ['сотрудничества', 'взаимодействия'],
    ['сотрудничество', 'взаимодействие'],
    ['переговоров', 'консультаций'],
    ['переговоры', 'консультации'],
    ['вопросам', 'темам'],
    ['ситуацию', 'обстановку'],
    ['ситуация', 'обстановка'],
    ['текущий', 'нынешний'],
    ['текущей', 'нынешней'],
    ['очередной', 'новый'],
    ['очередного', 'нового'],
    ['ключевых', 'важнейших'],
    ['встречи', 'беседы'],
    ['в частности', 'в том числе'],
    ['однако', 'тем не менее'],
    ['журналистам', 'представителям СМИ'],
  ],
  en: [
    ['said', 'stated'],
    ['talks', 'negotiations'],
    ['meeting', 'session'],
    ['officials', 'representatives'],
    ['discussed', 'reviewed'],
    ['welcomed', 'praised'],
    ['also', 'further'],
    ['region', 'area'],
    ['new', 'fresh'],
    ['strong', 'robust'],
    ['countries', 'nations'],
    ['country', 'nation'],
    ['people', 'civilians'],
    ['reporters', 'journalists'],
    ['pressed', 'urged'],
  ],
};
const RU_MONTHS_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_MONTHS_PREP = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];
const RU_WEEKDAYS_ACC = ['понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function rotate(list: string[], word: string, by: number): string {
  const i = list.indexOf(word);
  return i < 0 ? word : list[(i + by) % list.length];
}

function swapWords(text: string, lang: Lang, rnd: () => number, shift: number): string {
  const sets = SYNONYMS[lang];
  const lookup = new Map<string, string[]>();
  for (const set of sets) for (const w of set) lookup.set(w, set);
  const alternatives = [...lookup.keys()].sort((a, b) => b.length - a.length).join('|');
  // English: lower-case words only, so no proper noun changes (New York, Strong Cities Network).
  const re = new RegExp(`(?<!\\p{L})(${alternatives})(?!\\p{L})`, lang === 'ru' ? 'giu' : 'gu');
  let out = text.replace(re, (m) => {
    const lower = m.toLowerCase();
    const set = lookup.get(lower);
    if (!set || rnd() < 0.4) return m;
    const pick = set[Math.floor(rnd() * set.length)];
    return m[0] !== lower[0] ? pick[0].toUpperCase() + pick.slice(1) : pick;
  });
  const month = shift % 12;
  const day = shift % 7;
  if (lang === 'ru') {
    out = out.replace(new RegExp(`(?<!\\p{L})(${RU_MONTHS_GEN.join('|')})(?!\\p{L})`, 'gu'), (m) => rotate(RU_MONTHS_GEN, m, month));
    out = out.replace(new RegExp(`(?<!\\p{L})(${RU_MONTHS_PREP.join('|')})(?!\\p{L})`, 'gu'), (m) => rotate(RU_MONTHS_PREP, m, month));
    out = out.replace(new RegExp(`(?<!\\p{L})(в|во) (${RU_WEEKDAYS_ACC.join('|')})(?!\\p{L})`, 'gu'), (_m, _p: string, d: string) => {
      const to = rotate(RU_WEEKDAYS_ACC, d, day);
      return `${to === 'вторник' ? 'во' : 'в'} ${to}`;
    });
  } else {
    // Month names next to a number only ("May" is also a verb).
    out = out.replace(new RegExp(`(?<=\\d[ ,]*)(${EN_MONTHS.join('|')})\\b|\\b(${EN_MONTHS.join('|')})(?=[ ,]*\\d)`, 'g'), (m) => rotate(EN_MONTHS, m, month));
    out = out.replace(new RegExp(`\\b(${EN_WEEKDAYS.join('|')})\\b`, 'g'), (m) => rotate(EN_WEEKDAYS, m, day));
  }
  return out;
}

// Typography as real files vary it, visible to no reader: a non-breaking space after short words
// (Russian typesetting binds prepositions and initials to the next word, numbers to their unit), and
// now and then in place of any space (text pasted from web pages); spaced dashes as — or –;
// apostrophes as ’ or '. Besides realism this keeps sentences apart: a sentence with no number,
// name or swappable word still differs between copies, so a cache keyed on sentences cannot serve
// one copy from another.
function typography(text: string, lang: Lang, rnd: () => number): string {
  let out = text.replace(/(?<=(?<!\p{L})\p{L}{1,3}\.?|\d) (?=[\p{L}\d—–-])| (?=[—–])/gu, (m) => (rnd() < 0.5 ? '\u00A0' : m));
  // Stray ones only between words (never after Markdown's #, >, - or * at a line start).
  out = out.replace(/(?<=[\p{L}\d,.;:!?»”")]) (?=[\p{L}\d«“„"(])/gu, (m) => (rnd() < 0.15 ? '\u00A0' : m));
  if (rnd() < 0.5) out = out.replace(/([ \u00A0])— /g, '$1– ');
  else out = out.replace(/([ \u00A0])– /g, '$1— ');
  if (lang === 'en' && rnd() < 0.5) out = out.replace(/(?<=\p{L})’(?=\p{L})/gu, "'");
  return out;
}

/** Quote marks balanced within the text (so it can move without splitting a quotation); “…”, „…“ and "…" pair up by parity. */
function balanced(p: string): boolean {
  const count = (re: RegExp) => p.match(re)?.length ?? 0;
  return count(/«/g) === count(/»/g) && count(/"/g) % 2 === 0 && count(/[„“”]/g) % 2 === 0;
}

/**
 * Paragraphs grouped into units that can be reordered: a quote running over several paragraphs,
 * a block quote and its dash attribution line, a heading or a line ending in ':' with what
 * follows, a question with its answer stay together.
 */
function units(paragraphs: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    cur.push(p);
    const next = paragraphs[i + 1];
    const joinNext =
      next !== undefined &&
      (/^\s*[-–—>«“„"]/.test(next) ||
        /^\s*#/.test(p) ||
        /:\s*$/.test(p) ||
        /^\s*(Вопрос|Question|Q)\s*[:.]/i.test(p) ||
        /^\s*[-*\d]/.test(next) && /^\s*[-*\d]/.test(p) ||
        !balanced(cur.join('\n\n')));
    if (!joinNext) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Sentence order of a paragraph without quotes, dashes or Markdown shuffled (the first stays first). */
function shuffleSentences(p: string, rnd: () => number): string {
  if (/[«»"“”„>#|*_\[\]—–]/.test(p) || /^\s*[-\d]/.test(p)) return p;
  const sentences = p.split(/(?<=[.!?])\s+(?=[A-ZА-ЯЁ])/u);
  if (sentences.length < 3) return p;
  const [first, ...rest] = sentences;
  return [first, ...shuffle(rest, rnd)].join(' ');
}

/** One varied copy of a source text. `copy` numbers the copies so that numbers differ between them. */
export function vary(src: Source, rnd: () => number, copy: number): string {
  const shift = 1 + ((copy * 7 + Math.floor(rnd() * 1000)) % 997);
  const text = typography(swapWords(swapNames(shiftNumbers(src.text.trim(), shift), src.lang, rnd), src.lang, rnd, shift), src.lang, rnd);
  const paragraphs = text.split(/\n[ \t]*\n+/);
  const groups = units(paragraphs);
  // The opening stays in place: the short paragraphs (title, byline, dateline) up to and including
  // the first long one (the lead); the rest is shuffled.
  let lead = groups.findIndex((g) => g.some((p) => p.length >= 160));
  if (lead < 0) lead = 0;
  const ordered = [...groups.slice(0, lead + 1), ...shuffle(groups.slice(lead + 1), rnd)];
  return ordered
    .flat()
    .map((p) => shuffleSentences(p, rnd))
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Whole texts and sets of files.

function pickSources(all: Source[], lang: GenerateOptions['lang']): Source[] {
  const picked = !lang || lang === 'mixed' ? all : all.filter((s) => s.lang === lang);
  if (picked.length === 0) throw new Error(`no ${lang} texts in the corpus`);
  return picked;
}

/** A deck of sources: every source once in a shuffled order (Russian and English alternating when mixed), then again. */
function deck(sources: Source[], rnd: () => number): () => Source {
  let queue: Source[] = [];
  return () => {
    if (queue.length === 0) {
      const ru = shuffle(sources.filter((s) => s.lang === 'ru'), rnd);
      const en = shuffle(sources.filter((s) => s.lang === 'en'), rnd);
      for (let i = 0; i < Math.max(ru.length, en.length); i++) {
        if (i < ru.length) queue.push(ru[i]);
        if (i < en.length) queue.push(en[i]);
      }
    }
    return queue.shift()!;
  };
}

/**
 * The longest prefix of `text` within `max` (bytes or chars) that ends a paragraph, or a sentence
 * (not the dot of an initial), or at worst a word.
 */
function cut(text: string, max: number, unit: 'bytes' | 'chars'): string {
  const size = unit === 'bytes' ? utf8Bytes : (s: string) => s.length;
  if (size(text) <= max) return text;
  let lo = 0;
  let hi = Math.min(text.length, max);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(text.slice(0, mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  const prefix = text.slice(0, lo);
  const paragraph = prefix.lastIndexOf('\n\n');
  if (paragraph > 0 && lo - paragraph < 400) return prefix.slice(0, paragraph);
  let sentence = -1;
  for (const m of prefix.matchAll(/(?<!(?:^|[\s.])\p{Lu})[.!?…]["»”]?(?=\s)/gu)) sentence = m.index + m[0].length;
  if (sentence > 0 && lo - sentence < 600) return prefix.slice(0, sentence);
  const space = prefix.search(/\s\S*$/u);
  return space > 0 ? prefix.slice(0, space) : prefix;
}

/**
 * A text of `size` UTF-8 bytes (or characters) made of varied copies of the corpus texts, one
 * after another with a blank line between; the last copy is cut after a paragraph or a sentence, so
 * the result is short of `size` by less than a paragraph (at most a few hundred characters).
 */
export function generate(size: number, seed: number, options: GenerateOptions = {}): string {
  const unit = options.unit ?? 'bytes';
  const sizeOf = unit === 'bytes' ? utf8Bytes : (s: string) => s.length;
  const rnd = prng(seed);
  const next = deck(pickSources(loadSources(options.corpus), options.lang), rnd);
  const parts: string[] = [];
  let total = 0;
  for (let copy = 0; total < size; copy++) {
    const sep = parts.length ? 2 : 0; // '\n\n' is 2 bytes and 2 chars
    const room = size - total - sep;
    if (room < 40) break;
    const whole = vary(next(), rnd, copy + seed * 31);
    const piece = cut(whole, room, unit);
    if (piece !== '') parts.push(piece);
    total += sep + sizeOf(piece);
    if (piece !== whole) break; // only the last copy is cut
  }
  return parts.join('\n\n');
}

/**
 * Many small documents, like a folder of statements: each one or two varied copies of a source
 * text of one language (2–5 kB), `totalBytes` of UTF-8 in all. Markdown sources give `.md` files.
 */
export function generateFiles(totalBytes: number, seed: number, options: Omit<GenerateOptions, 'unit'> = {}): GeneratedFile[] {
  const rnd = prng(seed);
  const sources = pickSources(loadSources(options.corpus), options.lang);
  const next = deck(sources, rnd);
  const files: GeneratedFile[] = [];
  let total = 0;
  for (let copy = 0; total < totalBytes; copy++) {
    const src = next();
    let text = vary(src, rnd, copy + seed * 31);
    // A short statement gets a second one of the same language and kind after it (a digest).
    const same = sources.filter((s) => s.lang === src.lang && s.markdown === src.markdown);
    if (utf8Bytes(text) < 2000 && same.length) text += '\n\n' + vary(same[Math.floor(rnd() * same.length)], rnd, copy + 1 + seed * 31);
    const name = `doc-${String(files.length + 1).padStart(4, '0')}-${src.lang}.${src.markdown ? 'md' : 'txt'}`;
    files.push({ name, text: text + '\n' });
    total += utf8Bytes(text) + 1;
  }
  return files;
}

/**
 * How much of the text (by UTF-16 length) is in paragraphs, or sentences, that occur in it once:
 * 1 means nothing repeats. Short headings and sentences with nothing to vary repeat between copies.
 */
export function uniqueShare(text: string, unit: 'paragraph' | 'sentence' = 'paragraph'): number {
  const pieces = text.split(unit === 'paragraph' ? /\n[ \t]*\n+/ : /(?<=[.!?…])\s+|\n+/u);
  const counts = new Map<string, number>();
  for (const p of pieces) counts.set(p, (counts.get(p) ?? 0) + 1);
  let once = 0;
  let all = 0;
  for (const [p, n] of counts) {
    all += p.length * n;
    if (n === 1) once += p.length;
  }
  return all ? once / all : 1;
}
