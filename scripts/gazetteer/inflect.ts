// Russian case forms of multi-word names, generated with the `az` morphology library (OpenCorpora
// dictionaries, a port of pymorphy2). Generation time only: the analysis core never imports this.
//
// A name is read as [agreeing words] HEAD [frozen complement], with coordination by «и»:
//   Южный Кавказ             → Южного Кавказа, Южном Кавказе      (adjective agrees with the head)
//   Соединенные Штаты Америки → Соединенных Штатов Америки         (plural head, genitive complement frozen)
//   Совет Безопасности ООН    → Совета Безопасности ООН
//   Босния и Герцеговина      → Боснии и Герцеговине               (both conjuncts inflect)
//   Баку, Сочи, ООН           → unchanged                           (indeclinable: Fixd, or all capitals)
// What the library gets wrong is fixed in sources/overrides.ts (explicit forms, or "inflect like").
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'] as const;
export type Case = (typeof CASES)[number];
export type CaseForms = Record<Case, string[]>;

interface AzTag {
  [grammeme: string]: unknown;
  POST: string;
  toString(): string;
}
interface AzParse {
  word: string;
  tag: AzTag;
  parser: string;
  formCnt?: number;
  inflect(i: number): AzParse | false;
  normalize(): AzParse;
}
interface AzApi {
  Morph: ((word: string, config?: object) => AzParse[]) & { init(path: string, cb: (err?: unknown) => void): void };
}

let az: AzApi | null = null;

export async function initMorphology(): Promise<void> {
  if (az) return;
  const require = createRequire(import.meta.url);
  const lib = require('az') as AzApi;
  const dicts = join(dirname(require.resolve('az/package.json')), 'dicts');
  await new Promise<void>((res, rej) => lib.Morph.init(dicts, (err?: unknown) => (err ? rej(err) : res())));
  az = lib;
}

function morph(word: string): AzParse[] {
  if (!az) throw new Error('initMorphology() first');
  return az.Morph(word);
}

const ARCHAIC = ['V-oy', 'V-ey', 'Infr', 'Arch', 'Erro', 'Dist', 'Abbr', 'Supr', 'Cmp2', 'COMP'];
const has = (t: AzTag, g: string) => Boolean(t[g]);
/** A parse's word (a hyphenated compound's parse has none of its own: its parts joined). */
const wordOf = (p: AzParse) => String(p.word ?? p.toString());

/** Every form of a dictionary paradigm (az exposes them by index). */
function paradigm(p: AzParse): AzParse[] {
  const out: AzParse[] = [];
  const n = p.formCnt ?? 0;
  for (let i = 0; i < n; i++) {
    const f = p.inflect(i);
    if (f) out.push(f);
  }
  return out.length ? out : [p];
}

function isFixed(p: AzParse): boolean {
  return has(p.tag, 'Fixd');
}

/** The parse of a capitalised proper-name word read as a nominative noun (geography first). */
function nounParse(word: string, plural: boolean): AzParse | null {
  let best: AzParse | null = null;
  let bestScore = -Infinity;
  for (const p of morph(word)) {
    const t = p.tag;
    if (t.POST !== 'NOUN' || !has(t, 'nomn')) continue;
    if (ARCHAIC.some((g) => has(t, g))) continue;
    let s = 0;
    if (has(t, 'Geox')) s += 8;
    if (has(t, 'Orgn')) s += 4;
    if (p.parser === 'Dictionary') s += 6;
    if (has(t, 'inan')) s += 2;
    if (has(t, 'Name') || has(t, 'Surn') || has(t, 'Patr')) s -= 6;
    if (plural ? has(t, 'plur') : has(t, 'sing')) s += 5;
    // The word must be its own nominative, not a homonym's other form.
    const pw = String(p.word ?? p).toLowerCase();
    if (pw !== word.toLowerCase().replace(/ё/g, 'е') && pw !== word.toLowerCase()) s -= 20;
    if (s > bestScore) {
      bestScore = s;
      best = p;
    }
  }
  return best;
}

function adjParse(word: string): AzParse | null {
  for (const p of morph(word)) {
    const t = p.tag;
    if ((t.POST === 'ADJF' || t.POST === 'PRTF') && has(t, 'nomn')) return p;
  }
  return null;
}

interface Agreement {
  plural: boolean;
  gender: 'masc' | 'femn' | 'neut';
}

function nounForms(p: AzParse, plural: boolean): CaseForms {
  const out = emptyForms();
  const forms = paradigm(p);
  const masc = has(p.tag, 'masc');
  for (const c of CASES) {
    for (const f of forms) {
      const t = f.tag;
      if (t.POST !== 'NOUN' || ARCHAIC.some((g) => has(t, g))) continue;
      if (['Patr', 'Surn', 'Name'].some((g) => has(t, g) !== has(p.tag, g))) continue;
      if (plural ? !has(t, 'plur') : !has(t, 'sing')) continue;
      if (has(t, c) || (c === 'loct' && has(t, 'loc2'))) push(out[c], wordOf(f));
    }
  }
  // Names of places and bodies are inanimate: a masculine or plural accusative equals the nominative
  // (the predictor sometimes reads an unknown word as a person's name).
  if ((masc || plural) && has(p.tag, 'anim')) out.accs = [...out.nomn];
  return out;
}

function adjForms(p: AzParse, agr: Agreement): CaseForms {
  const out = emptyForms();
  const forms = paradigm(p);
  const pos = p.tag.POST;
  for (const c of CASES) {
    for (const f of forms) {
      const t = f.tag;
      if (t.POST !== pos || ARCHAIC.some((g) => has(t, g))) continue;
      if (pos === 'PRTF') {
        // keep voice and tense: Соединенные → Соединенных, never the active participle
        if (['pssv', 'actv', 'past', 'pres'].some((g) => has(p.tag, g) !== has(t, g))) continue;
      }
      if (agr.plural ? !has(t, 'plur') : !has(t, 'sing') || !has(t, agr.gender)) continue;
      if (!has(t, c)) continue;
      if (c === 'accs' && has(t, 'anim')) continue;
      push(out[c], wordOf(f));
    }
    if (c === 'accs' && out.accs.length === 0) out.accs = agr.plural || agr.gender === 'masc' ? [...out.nomn] : out.accs;
  }
  return out;
}

function adjFormsOf(word: string, agr: Agreement): CaseForms {
  const a = adjParse(word);
  return a ? withPrefix(word, a, adjForms(a, agr)) : fixed(word.toLowerCase());
}

/**
 * A compound the dictionary reads by its known tail (Европарламент → парламент, Индо-Тихоокеанский →
 * тихоокеанский) gets its head back on every form.
 */
function withPrefix(word: string, p: AzParse, forms: CaseForms): CaseForms {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  const own = wordOf(p).toLowerCase().replace(/ё/g, 'е');
  if (own.length >= w.length || !w.endsWith(own)) return forms;
  const prefix = w.slice(0, w.length - own.length);
  const out = emptyForms();
  for (const c of CASES) out[c] = forms[c].map((f) => prefix + f);
  return out;
}

function emptyForms(): CaseForms {
  return { nomn: [], gent: [], datv: [], accs: [], ablt: [], loct: [] };
}
function push(a: string[], w: string): void {
  if (!a.includes(w)) a.push(w);
}
function fixed(word: string): CaseForms {
  return { nomn: [word], gent: [word], datv: [word], accs: [word], ablt: [word], loct: [word] };
}

/**
 * Copies the capitalisation of `model` onto the lower-case inflected `word`, letter by letter over
 * their common stem (inflection only changes endings): Кот-д'Ивуар → Кот-д'Ивуаре, Ростов-на-Дону.
 */
export function recase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && /\p{Lu}/u.test(model)) return word.toUpperCase();
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const m = model[i];
    const w = word[i];
    out += m !== undefined && m !== m.toLowerCase() && m.toLowerCase().replace('ё', 'е') === w.replace('ё', 'е') ? w.toUpperCase() : w;
  }
  return out;
}

const isAllCaps = (w: string) => !/\p{Ll}/u.test(w) && /\p{Lu}/u.test(w);
/** An abbreviation word: in capitals (ООН), or with two capitals in one part (БелТА, АфБР, ЕврАзЭС). */
const isAbbreviation = (w: string) => isAllCaps(w) || w.split(/[-']/).some((seg) => (seg.match(/\p{Lu}/gu) ?? []).length >= 2);

export interface PhraseOptions {
  /** Explicit forms (overrides): case → forms. */
  forms?: Partial<Record<Case, string[]>>;
  /** Inflect a word the dictionary does not know like this known word (same ending). */
  like?: Record<string, string>;
  indeclinable?: boolean;
}

/** A known name whose paradigm an unknown name with the same ending follows. */
function modelFor(word: string): string | null {
  const w = word.toLowerCase();
  if (/ия$/.test(w)) return 'Россия';
  if (/[гкхжшчщ]а$/.test(w)) return 'Аляска';
  if (/ца$/.test(w)) return 'Ницца';
  if (/[^аеёиоуыэюя]а$/.test(w)) return 'Москва';
  if (/ея$/.test(w)) return 'Корея';
  if (/[аеоуэ]й$/.test(w)) return 'Китай';
  if (/[бвгдзклмнпрстфхжшчщц]$/.test(w)) return 'Кабул';
  return null;
}

/** Inflect one word as a head noun, honouring `like` models. */
function headWord(word: string, plural: boolean, like: Record<string, string> | undefined): { forms: CaseForms; agr: Agreement; fixed: boolean } | null {
  const model = like?.[word];
  if (model) {
    const r = headWord(model, plural, undefined);
    if (!r) return null;
    const lm = model.toLowerCase();
    const lw = word.toLowerCase();
    // common prefix of model's forms is the model stem: swap it for the word's stem
    let k = 0;
    const nom = r.forms.nomn[0] ?? lm;
    while (k < lm.length && k < nom.length && lm[k] === nom[k]) k++;
    const stemLen = Math.min(k, ...CASES.flatMap((c) => r.forms[c]).map((f) => commonPrefix(f, lm)));
    const wStem = lw.slice(0, lw.length - (lm.length - stemLen));
    const out = emptyForms();
    for (const c of CASES) out[c] = r.forms[c].map((f) => wStem + f.slice(stemLen));
    return { forms: out, agr: r.agr, fixed: r.fixed };
  }
  const p = nounParse(word, plural);
  if (!p || p.parser !== 'Dictionary') {
    // A name the dictionary does not know: a foreign one ending in a vowel Russian nouns do not decline
    // is indeclinable (Абу-Даби, Ханкенди); otherwise it declines like a known name with its ending.
    if (/[иуюеоэ]$/i.test(word)) return { forms: fixed(word.toLowerCase()), agr: { plural, gender: 'masc' }, fixed: true };
    const model = modelFor(word);
    if (model) return headWord(word, plural, { [word]: model });
    if (!p) return null;
  }
  const pl = plural || has(p.tag, 'plur');
  const gender = has(p.tag, 'femn') ? 'femn' : has(p.tag, 'neut') ? 'neut' : 'masc';
  if (isFixed(p)) return { forms: fixed(word.toLowerCase()), agr: { plural: pl, gender }, fixed: true };
  return { forms: withPrefix(word, p, nounForms(p, pl)), agr: { plural: pl, gender }, fixed: false };
}
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * All six case forms of a Russian name (several where the language has variants).
 * Forms keep the name's capitalisation; ё is kept as the library writes it (the matcher folds ё → е).
 */
export function inflectName(name: string, opts: PhraseOptions = {}): CaseForms {
  if (opts.forms) {
    const out = fixed(name);
    for (const c of CASES) if (opts.forms[c]) out[c] = [...opts.forms[c]!];
    return out;
  }
  name = name.replace(/[«»"“”„]/g, '');
  if (opts.indeclinable || isAllCaps(name) || !/\p{L}/u.test(name)) return fixed(name);
  const words = name.split(' ');
  // Guillemets around a name inside a longer name stay as they are (клуб «Валдай»).
  const parts: Array<{ word: string; forms: CaseForms | null }> = words.map((w) => ({ word: w, forms: null }));

  // 1. Find the head: the first word with a nominative noun reading that is not an agreeing adjective
  //    in front of another word.
  let head = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (isAbbreviation(w) || /^[^\p{L}]/u.test(w)) break; // РИА Новости, «Валдай»: frozen from here
    if (w === 'и' && i > 0 && i < words.length - 2 && adjParse(words[i - 1]) && adjParse(words[i + 1])) continue;
    const adj = i < words.length - 1 ? adjParse(w) : null;
    if (adj && !opts.like?.[w]) continue;
    head = i;
    break;
  }
  if (head < 0) {
    // An adjective-only name (Маршалловы …) falls through to inflecting what agrees; a frozen first
    // word means the whole name is fixed (РИА Новости).
    if (isAbbreviation(words[0]) || /^[^\p{L}]/u.test(words[0])) return fixed(name);
  }
  const hw = head >= 0 ? headWord(words[head], false, opts.like) : null;
  if (!hw) {
    // A one-word name that is an adjective used as a noun (Поднебесная, Банковая) agrees with itself.
    const a = words.length === 1 ? adjParse(words[0]) : null;
    if (a) {
      const gender = has(a.tag, 'femn') ? 'femn' : has(a.tag, 'neut') ? 'neut' : 'masc';
      const f = adjForms(a, { plural: has(a.tag, 'plur'), gender });
      const out = emptyForms();
      for (const c of CASES) out[c] = f[c].map((x) => recase(words[0], x));
      return out;
    }
    return fixed(name);
  }
  parts[head].forms = hw.forms;
  for (let i = 0; i < head; i++) {
    if (words[i] === 'и') continue; // Центральная и Восточная Европа
    parts[i].forms = adjFormsOf(words[i], hw.agr);
  }
  // 2. Coordination: X и Y — the second conjunct (its own adjectives and head) inflects too.
  if (head + 2 < words.length && words[head + 1] === 'и') {
    let j = head + 2;
    const startJ = j;
    while (j < words.length - 1 && adjParse(words[j]) && !nounParse(words[j], false)) j++;
    const h2 = headWord(words[j], false, opts.like);
    if (h2) {
      parts[j].forms = h2.forms;
      for (let k = startJ; k < j; k++) parts[k].forms = adjFormsOf(words[k], h2.agr);
    }
  }
  // 3. Combine: the frozen words keep their text.
  const out = emptyForms();
  for (const c of CASES) {
    let acc: string[] = [''];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      const variants = p.forms ? (p.forms[c].length ? p.forms[c] : p.forms.nomn) : [p.word];
      const next: string[] = [];
      for (const a of acc) for (const v of variants) next.push((i ? a + ' ' : '') + (p.forms ? recase(p.word, v) : v));
      acc = next;
    }
    out[c] = [...new Set(acc)];
  }
  return out;
}

/** All forms of an adjective (demonym): every gender, number and case, lower-case. */
export function adjectiveForms(lemma: string): string[] {
  const p = morph(lemma).find((x) => x.tag.POST === 'ADJF' && has(x.tag, 'nomn') && has(x.tag, 'masc'));
  if (!p) return [lemma];
  const out: string[] = [];
  for (const f of paradigm(p)) {
    if (f.tag.POST !== 'ADJF' || ARCHAIC.some((g) => has(f.tag, g))) continue;
    push(out, wordOf(f));
  }
  return out;
}

/** A word's dictionary status, for the review listing: Dictionary, a predictor's name, or unknown. */
export function wordSource(word: string): string {
  const ps = morph(word);
  return ps.length ? ps[0].parser : 'unknown';
}
