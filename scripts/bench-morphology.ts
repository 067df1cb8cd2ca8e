// Measures Russian morphology libraries for linking inflected mentions of one referent
// (Галузин / Галузина / Галузиным, Ханой / Ханоем, комиссия / комиссией):
//   install size, bundled size, load time, speed (words/s) and accuracy on LINK_SET below.
//
//   npm install --no-save az@0.2.3 @nlpjs/lang-ru@4.26.1 snowball-stemmers@0.6.0
//   node --import tsx scripts/bench-morphology.ts [--quick] [--errors NAME] [--json]
//
// A candidate whose package is not installed is listed as MISSING with the command that installs it;
// the others are still measured. --quick skips the child-process load timing and uses 50k tokens.
// --errors NAME prints the split and merged pairs of one candidate (e.g. --errors ruKey).
// LINK_SET is exported and also used by test/unit/morphology.test.ts.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// The linking test set: each group is one referent (one lemma) and the forms a text may use.
// Groups that share a `family` (a masculine surname and its feminine form) may share a key or not:
// their cross pairs count neither as a split nor as a false merge. Every other cross pair must differ;
// the groups were picked so that many of them look alike (Лавров / Лаврентьев, Иван / Иванов,
// Хан / Ханой, Совет / Советский, Вена / Венгрия, Мария / Марина, министр / министерство).
export interface LinkGroup {
  lemma: string;
  kind: 'surname' | 'first name' | 'place' | 'org word' | 'adjective';
  forms: string[];
  family?: string;
}

const g = (kind: LinkGroup['kind'], forms: string, family?: string): LinkGroup => {
  const f = forms.split(/\s+/);
  return { lemma: f[0], kind, forms: f, ...(family ? { family } : {}) };
};

export const LINK_SET: LinkGroup[] = [
  // Russian-type surnames (-ин, -ов, -ев), with look-alikes that must stay apart.
  g('surname', 'Галузин Галузина Галузину Галузиным Галузине'),
  g('surname', 'Лавров Лаврова Лаврову Лавровым Лаврове'),
  g('surname', 'Лаврентьев Лаврентьева Лаврентьеву Лаврентьевым'),
  g('surname', 'Рябков Рябкова Рябкову Рябковым Рябкове'),
  g('surname', 'Захаров Захарову Захаровым', 'zakharov'),
  g('surname', 'Захарова Захаровой', 'zakharov'),
  g('surname', 'Мустафаев Мустафаева Мустафаеву Мустафаевым Мустафаеве'),
  g('surname', 'Алиев Алиева Алиеву Алиевым Алиеве'),
  g('surname', 'Иванов Иванову Ивановым Иванове', 'ivanov'),
  g('surname', 'Иванова Ивановой', 'ivanov'),
  g('surname', 'Петров Петрову Петровым Петрове'),
  g('surname', 'Сергеев Сергеева Сергееву Сергеевым'),
  g('surname', 'Путин Путина Путину Путиным Путине'),
  // Foreign surnames the dictionary does not know.
  g('surname', 'Пашинян Пашиняна Пашиняну Пашиняном Пашиняне'),
  g('surname', 'Мирзоян Мирзояна Мирзояну Мирзояном'),
  g('surname', 'Фидан Фидана Фидану Фиданом Фидане Х.Фидан Х.Фиданом'),
  g('surname', 'Рахман Рахмана Рахману Рахманом Рахмане'),
  g('surname', 'Кваль Кваля Квалю Квалем Квале'),
  g('surname', 'Браже'),
  g('surname', 'Шон Шона Шону Шоном Шоне'),
  g('surname', 'Блинкен Блинкена Блинкену Блинкеном Блинкене'),
  g('surname', 'Гутерриш Гутерриша Гутерришу Гутерришем'),
  g('surname', 'Эрдоган Эрдогана Эрдогану Эрдоганом Эрдогане'),
  g('surname', 'Небензя Небензи Небензе Небензю Небензей'),
  g('surname', 'Кулеба Кулебы Кулебе Кулебу Кулебой'),
  g('surname', 'Хан Хана Хану Ханом Хане'),
  g('surname', 'Руденко'),
  g('surname', 'Фицо'),
  g('surname', 'Тхань'),
  // First names.
  g('first name', 'Сергей Сергея Сергею Сергеем Сергее'),
  g('first name', 'Михаил Михаила Михаилу Михаилом Михаиле'),
  g('first name', 'Андрей Андрея Андрею Андреем Андрее'),
  g('first name', 'Иван Ивана Ивану Иваном Иване'),
  g('first name', 'Пётр Петра Петру Петром Петре'),
  g('first name', 'Захар Захара Захару Захаром'),
  g('first name', 'Мария Марии Марию Марией'),
  g('first name', 'Марина Марины Марине Марину Мариной'),
  g('first name', 'Хакан Хакана Хакану Хаканом'),
  g('first name', 'Ильхам Ильхама Ильхаму Ильхамом'),
  g('first name', 'Никол Никола Николу Николом'),
  g('first name', 'Джейхун Джейхуна Джейхуну Джейхуном'),
  g('first name', 'Рахим Рахима Рахиму Рахимом'),
  // Places.
  g('place', 'Ханой Ханоя Ханою Ханоем Ханое'),
  g('place', 'Братислава Братиславы Братиславе Братиславу Братиславой'),
  g('place', 'Стокгольм Стокгольма Стокгольму Стокгольмом Стокгольме'),
  g('place', 'Ереван Еревана Еревану Ереваном Ереване'),
  g('place', 'Тегеран Тегерана Тегерану Тегераном Тегеране'),
  g('place', 'Пхеньян Пхеньяна Пхеньяну Пхеньяном Пхеньяне'),
  g('place', 'Казахстан Казахстана Казахстану Казахстаном Казахстане'),
  g('place', 'Афганистан Афганистана Афганистану Афганистаном Афганистане'),
  g('place', 'Китай Китая Китаю Китаем Китае'),
  g('place', 'Киев Киева Киеву Киевом Киеве'),
  g('place', 'Анкара Анкары Анкаре Анкару Анкарой'),
  g('place', 'Вена Вены Вене Вену Веной'),
  g('place', 'Венгрия Венгрии Венгрию Венгрией'),
  g('place', 'Армения Армении Армению Арменией'),
  g('place', 'Азербайджан Азербайджана Азербайджану Азербайджаном Азербайджане'),
  g('place', 'Карабах Карабаха Карабаху Карабахом Карабахе'),
  g('place', 'Нью-Йорк Нью-Йорка Нью-Йорку Нью-Йорком Нью-Йорке'),
  g('place', 'Стамбул Стамбула Стамбулу Стамбулом Стамбуле'),
  g('place', 'Баку'),
  // Organisation and domain words (lower case as in running text; the variants add capitals).
  g('org word', 'комиссия комиссии комиссию комиссией комиссиях'),
  g('org word', 'совет совета совету советом совете'),
  g('adjective', 'советский советского советскому советским советском'),
  g('adjective', 'Стокгольмский Стокгольмского Стокгольмскому Стокгольмским Стокгольмском'),
  g('org word', 'министерство министерства министерству министерством министерстве'),
  g('org word', 'министр министра министру министром министре'),
  g('org word', 'ассамблея ассамблеи ассамблею ассамблеей'),
  g('org word', 'организация организации организацию организацией'),
  g('org word', 'Известия Известий Известиям Известиях'),
  g('org word', 'Коммерсант Коммерсанта Коммерсанту Коммерсантом Коммерсанте Коммерсантъ'),
  g('org word', 'посольство посольства посольству посольством посольстве'),
  g('org word', 'союз союза союзу союзом союзе'),
  g('org word', 'договор договора договору договором договоре'),
  g('org word', 'федерация федерации федерацию федерацией'),
  g('org word', 'республика республики республике республику республикой'),
  g('org word', 'департамент департамента департаменту департаментом департаменте'),
  g('org word', 'Госдепартамент Госдепартамента Госдепартаменту Госдепартаменте'),
];

/** The ways a form reaches the key function: as written, sentence-initial, ALL CAPS, lower case, in quotes. */
export const VARIANTS: Array<[string, (w: string) => string]> = [
  ['as written', (w) => w],
  ['Capitalised', (w) => w.charAt(0).toUpperCase() + w.slice(1)],
  ['lower', (w) => w.toLowerCase()],
  ['UPPER', (w) => w.toUpperCase()],
  ['«»', (w) => `«${w}»`],
  ['“”', (w) => `“${w}”`],
  ['""', (w) => `"${w}"`],
  ['„“', (w) => `„${w}“`],
];

// ---------------------------------------------------------------------------------------------
// Candidates.
interface Candidate {
  name: string;
  library: string;
  /** npm packages it needs (the first is measured for install size). */
  packages: string[];
  install: string;
  /** Source of a tiny entry that imports just the Russian stemmer/analyser, for the bundle size. */
  entry: string;
  /** CommonJS source run in a fresh process for the load time; it must call done(). */
  loadProbe: string;
  /** Data files loaded at run time (not in the bundle), relative to node_modules. */
  dataDir?: string;
  /** Builds the key function; `raw` gets the input exactly as given (no wrapper). */
  make(): Promise<{ key: (w: string) => string; raw: (w: string) => string }>;
}

const require = createRequire(join(root, 'package.json'));
const installed = (pkg: string) => {
  try {
    require.resolve(`${pkg}/package.json`);
    return true;
  } catch {
    return false;
  }
};

/** The wrapper every library candidate gets: quotes and edge punctuation off, lower case, ё → е. */
export function plain(w: string): string {
  return w
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .toLowerCase()
    .replace(/ё/g, 'е');
}

type AzParse = { normalize(): { word: string }; tag: Record<string, unknown> & { toString(): string }; score: number; parser: string };
type AzMorph = ((w: string) => AzParse[]) & { init(cb: (err?: unknown) => void): void };

let azMorph: AzMorph | undefined;
async function loadAz(): Promise<AzMorph> {
  if (azMorph) return azMorph;
  const Az = require('az') as { Morph: AzMorph };
  await new Promise<void>((res, rej) => Az.Morph.init((err?: unknown) => (err ? rej(err) : res())));
  return (azMorph = Az.Morph);
}
const titleCase = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const PROPER = ['Surn', 'Name', 'Patr', 'Geox', 'Orgn', 'Trad'];

const CANDIDATES: Candidate[] = [
  {
    name: 'lower-case',
    library: '(none: baseline)',
    packages: [],
    install: '',
    entry: `export const k = (w) => w.toLowerCase(); console.log(k('Слово'));`,
    loadProbe: `done();`,
    async make() {
      return { key: plain, raw: (w) => w };
    },
  },
  {
    name: 'nlpjs',
    library: '@nlpjs/lang-ru StemmerRu (Snowball)',
    packages: ['@nlpjs/lang-ru', '@nlpjs/core'],
    install: 'npm install --no-save @nlpjs/lang-ru@4.26.1',
    entry: `import S from '@nlpjs/lang-ru/src/stemmer-ru.js'; const s = new S(); console.log(s.stemWord('комиссией'));`,
    loadProbe: `const S = require('@nlpjs/lang-ru/src/stemmer-ru.js'); const s = new S(); s.stemWord('комиссией'); done();`,
    async make() {
      const S = require('@nlpjs/lang-ru/src/stemmer-ru.js') as new () => { setCurrent(w: string): void; innerStem(): void; getCurrent(): string };
      const s = new S();
      // setCurrent/innerStem/getCurrent is stemWord without its unbounded per-word cache.
      const stem = (w: string) => {
        s.setCurrent(w);
        s.innerStem();
        return s.getCurrent();
      };
      return { key: (w) => stem(plain(w)), raw: stem };
    },
  },
  {
    name: 'snowball-stemmers',
    library: 'snowball-stemmers russian (Snowball)',
    packages: ['snowball-stemmers'],
    install: 'npm install --no-save snowball-stemmers@0.6.0',
    entry: `import { newStemmer } from 'snowball-stemmers'; const s = newStemmer('russian'); console.log(s.stem('комиссией'));`,
    loadProbe: `const f = require('snowball-stemmers'); const s = f.newStemmer('russian'); s.stem('комиссией'); done();`,
    async make() {
      const s = (require('snowball-stemmers') as { newStemmer(l: string): { stem(w: string): string } }).newStemmer('russian');
      return { key: (w) => s.stem(plain(w)), raw: (w) => s.stem(w) };
    },
  },
  {
    name: 'az',
    library: 'az (OpenCorpora dictionary): lemma of the best parse',
    packages: ['az'],
    install: 'npm install --no-save az@0.2.3',
    entry: `import Az from 'az'; Az.Morph.init(() => console.log(Az.Morph('комиссией')[0].normalize().word));`,
    loadProbe: `const Az = require('az'); Az.Morph.init(() => { Az.Morph('комиссией'); done(); });`,
    dataDir: 'az/dicts',
    async make() {
      const M = await loadAz();
      const lemma = (w: string) => {
        const p = M(w);
        return p.length ? p[0].normalize().word.replace(/ё/g, 'е') : w.toLowerCase();
      };
      // az finds names and surnames only with an initial capital, so the wrapper title-cases.
      return { key: (w) => lemma(titleCase(plain(w))), raw: lemma };
    },
  },
  {
    name: 'az-proper',
    library: 'az: lemma of the best name/place parse, else the best parse',
    packages: ['az'],
    install: 'npm install --no-save az@0.2.3',
    entry: '',
    loadProbe: '',
    async make() {
      const M = await loadAz();
      const lemma = (w: string) => {
        const ps = M(w);
        if (!ps.length) return w.toLowerCase();
        const p = ps.find((x) => PROPER.some((t) => x.tag[t])) ?? ps.find((x) => x.tag.NOUN) ?? ps[0];
        return p.normalize().word.replace(/ё/g, 'е');
      };
      return { key: (w) => lemma(titleCase(plain(w))), raw: lemma };
    },
  },
  {
    name: 'ruKey',
    library: 'analysis/morphology.ts ruKey (the choice)',
    packages: ['@nlpjs/lang-ru', '@nlpjs/core'],
    install: 'npm install --no-save @nlpjs/lang-ru@4.26.1',
    entry: `import { ruKey } from './analysis/morphology.ts'; console.log(ruKey('комиссией'));`,
    loadProbe: '',
    async make() {
      const m = await import('../analysis/morphology.ts');
      // Speed is measured without the memo (ruKeyUncached); the memoised figure is printed below the table.
      return { key: m.ruKeyUncached, raw: m.ruKeyUncached };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Measurements.

/** Bytes and files under a folder (following nothing: node_modules is flat here). */
function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      const s = folderSize(p);
      bytes += s.bytes;
      files += s.files;
    } else {
      bytes += st.size;
      files++;
    }
  }
  return { bytes, files };
}

function installSize(c: Candidate): number {
  return c.packages.reduce((n, p) => n + folderSize(join(root, 'node_modules', p)).bytes, 0);
}

/** Minified esbuild bundle of the candidate's entry, for a browser first, else for Node. */
async function bundleSize(c: Candidate): Promise<{ kb: number; browser: string }> {
  const { build } = await import('esbuild');
  const once = async (platform: 'browser' | 'node') => {
    const r = await build({
      stdin: { contents: c.entry, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      platform,
      logLevel: 'silent',
      legalComments: 'none',
    });
    return r.outputFiles[0].contents.length / 1024;
  };
  try {
    return { kb: await once('browser'), browser: 'yes' };
  } catch (e) {
    const why = String((e as Error).message).match(/Could not resolve "([^"]+)"/)?.[1];
    return { kb: await once('node'), browser: why ? `no (needs ${why})` : 'no' };
  }
}

/** Load time in a fresh Node process: require + construct (+ az's dictionaries) + one word; median of 3. */
function loadTime(c: Candidate): { ms: number; heapMB: number } {
  const script = `const t0 = performance.now(); const h0 = process.memoryUsage().rss;
    function done() { const ms = performance.now() - t0; global.gc && global.gc();
      console.log(JSON.stringify({ ms, heapMB: (process.memoryUsage().rss - h0) / 1048576 })); }
    ${c.loadProbe}`;
  const runs: Array<{ ms: number; heapMB: number }> = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, ['--expose-gc', '-e', script], { cwd: root, encoding: 'utf8' });
    runs.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[1];
}

// A Russian text of our own sentences, repeated with the names in rotating forms, for the speed test.
const SENTENCES = [
  'Министр иностранных дел {0} провёл переговоры с {1} в {2}.',
  'Как заявил заместитель министра {0}, комиссия рассмотрит предложения {1} до конца месяца.',
  'По словам {0}, делегации обсудили ситуацию в {2} и подготовку договора о сотрудничестве.',
  '«Мы не намерены отступать от своих обязательств», — подчеркнул {0} на встрече с {1}.',
  'Газета «Известия» со ссылкой на источники в министерстве сообщила, что {0} посетит {2}.',
  'Стороны условились продолжить консультации на уровне экспертов, отметил {0} после беседы с {1}.',
  'Посольство выразило протест в связи с заявлениями {0}, которые прозвучали накануне в {2}.',
  'Официальный представитель МИД {0} прокомментировала решение Совета Безопасности ООН.',
];

export function makeCorpus(tokens: number): string[] {
  const names = LINK_SET.flatMap((x) => x.forms).filter((f) => /^\p{Lu}/u.test(f));
  const out: string[] = [];
  for (let i = 0; out.length < tokens; i++) {
    const s = SENTENCES[i % SENTENCES.length].replace(/\{(\d)\}/g, (_, d) => names[(i * 7 + Number(d) * 13) % names.length]);
    for (const m of s.matchAll(/[\p{L}.-]+/gu)) out.push(m[0]);
  }
  return out.slice(0, tokens);
}

/** Words per second over the whole list, best of three passes after a warm-up. */
function speed(key: (w: string) => string, words: string[]): number {
  for (let i = 0; i < Math.min(5000, words.length); i++) key(words[i]);
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    for (const w of words) key(w);
    best = Math.min(best, performance.now() - t0);
  }
  return words.length / (best / 1000);
}

export interface Accuracy {
  forms: number;
  groups: number;
  samePairs: number;
  sameHit: number;
  diffPairs: number;
  diffMerged: number;
  invariant: number;
  invariantRaw: number;
  variantsTried: number;
  splits: string[];
  merges: string[];
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Recall over pairs of forms of one lemma, false merges over pairs of forms of different lemmas (pairs
 * inside one family not counted), and how often a spelling variant keeps the key of the form as written.
 */
export function accuracy(key: (w: string) => string, raw: (w: string) => string = key, set: LinkGroup[] = LINK_SET, variants = true): Accuracy {
  const items = set.flatMap((grp, gi) => grp.forms.map((form) => ({ gi, form, k: key(form) })));
  const famOf = (gi: number) => set[gi].family ?? `#${gi}`;
  let samePairs = 0, sameHit = 0;
  const splits: string[] = [];
  for (let gi = 0; gi < set.length; gi++) {
    const mine = items.filter((x) => x.gi === gi);
    samePairs += pairs(mine.length);
    const byKey = new Map<string, string[]>();
    for (const x of mine) byKey.set(x.k, [...(byKey.get(x.k) ?? []), x.form]);
    for (const v of byKey.values()) sameHit += pairs(v.length);
    if (byKey.size > 1) splits.push(`${set[gi].lemma}: ${[...byKey].map(([k, v]) => `${v.join(' ')} → ${k}`).join(' | ')}`);
  }
  // Pairs of different lemmas: all pairs minus pairs inside one family.
  const famSizes = new Map<string, number>();
  for (const x of items) famSizes.set(famOf(x.gi), (famSizes.get(famOf(x.gi)) ?? 0) + 1);
  let diffPairs = pairs(items.length);
  for (const n of famSizes.values()) diffPairs -= pairs(n);
  let diffMerged = 0;
  const merges: string[] = [];
  const byKey = new Map<string, typeof items>();
  for (const x of items) byKey.set(x.k, [...(byKey.get(x.k) ?? []), x]);
  for (const [k, xs] of byKey) {
    const fams = new Map<string, string[]>();
    for (const x of xs) fams.set(famOf(x.gi), [...(fams.get(famOf(x.gi)) ?? []), x.form]);
    if (fams.size < 2) continue;
    let n = pairs(xs.length);
    for (const v of fams.values()) n -= pairs(v.length);
    diffMerged += n;
    merges.push(`${k}: ${[...fams.values()].map((v) => v.join(' ')).join(' | ')}`);
  }
  let invariant = 0, invariantRaw = 0, variantsTried = 0;
  if (variants) {
    for (const it of items) {
      const base = key(it.form);
      const baseRaw = raw(it.form);
      for (const [, v] of VARIANTS) {
        variantsTried++;
        if (key(v(it.form)) === base) invariant++;
        if (raw(v(it.form)) === baseRaw) invariantRaw++;
      }
    }
  }
  return { forms: items.length, groups: set.length, samePairs, sameHit, diffPairs, diffMerged, invariant, invariantRaw, variantsTried, splits, merges };
}

// A second, held-out set that no normalisation was tuned on: names, places and office words of
// diplomatic news that LINK_SET does not have, declined in the six singular cases by az from the
// OpenCorpora dictionary (only lemmas the dictionary knows, so it favours az by construction).
export const HELD_OUT_LEMMAS = `Медведев Песков Ушаков Нарышкин Володин Антонов Костюков Мишустин Собянин Силуанов Новак Орешкин Козак
  Патрушев Бортников Сечин Миллер Кудрин Слуцкий Пушкин Горбачёв Ельцин Хрущёв Брежнев Андропов Громыко Примаков
  Макрон Трамп Лукашенко Владимир Дмитрий Николай Алексей Евгений Юрий Василий Анатолий Виктор Дональд Ангела
  Урсула Реджеп Александр Кирилл Константин Игорь Олег Павел Фёдор Григорий Максим Роман Денис Вадим Борис Глеб
  Ярослав Станислав Владислав Вячеслав Святослав Лев Илья Никита Иосиф Исмаил Ибрагим Рашид Ахмед Абдулла Хасан
  Юсуф Анна Елена Ольга Валентина Татьяна Наталья Ирина Светлана Людмила Дарья Юлия Екатерина Вероника
  Москва Минск Ташкент Бишкек Брюссель Париж Берлин Лондон Пекин Токио Сеул Кабул Дамаск Бейрут Каир Иерусалим
  Сирия Ливан Израиль Иран Ирак Турция Египет Катар Украина Грузия Польша Литва Франция Германия Британия Канада
  Индия Пакистан Вьетнам Япония Корея Монголия Судан Астана Душанбе Тбилиси Женева Рим Мадрид Варшава Прага
  Будапешт Белград София Бухарест Афины Багдад Доха Алжир Тунис Рабат Найроби Претория Шанхай Гонконг Тайвань
  Манила Джакарта Сингапур Бангкок Владивосток Хабаровск Новосибирск Екатеринбург Петербург Калининград Севастополь
  Крым Донбасс Донецк Луганск Херсон Запорожье Харьков Одесса Львов Кишинёв Рига Таллин Вильнюс Хельсинки Осло
  Копенгаген Амстердам Гаага Люксембург Вашингтон Оттава Мехико Гавана Каракас Бразилиа Сантьяго Лима Европа
  Азия Африка Америка Арктика Антарктида Кавказ Закавказье Сибирь Урал Балтика Прибалтика Скандинавия
  правительство администрация делегация миссия консульство генсек председатель президент премьер канцлер посол
  дипломат агентство служба комитет форум саммит соглашение меморандум резолюция заявление встреча визит беседа
  договорённость сотрудничество безопасность конфликт кризис урегулирование армия граница территория регион
  страна государство народ союзник партнёр противник режим оппозиция санкция эмбарго нефть экспорт торговля
  экономика бюджет банк рынок компания корпорация концерн фонд институт университет академия центр газета журнал
  телеканал журналист корреспондент редакция источник эксперт аналитик аппарат секретариат управление отдел штаб
  командование генерал адмирал офицер`.split(/\s+/);

// Set B was written after ruKey's rules were fixed and has not been used to change them (a blind check);
// set A was looked at once, after which rule 2 was widened to -ы/-е and rule 1 to consonant + -ам/-им.
export const HELD_OUT_B = `Шойгу Грызлов Зюганов Жириновский Кириенко Белоусов Герасимов Мединский Решетников Мантуров Голикова
  Кадыров Шаймиев Пригожин Уткин Шмидт Кох Вагнер Меркель Шрёдер Блэр Джонсон Кэмерон Черчилль Рузвельт Кеннеди
  Линкольн Обама Клинтон Буш Рейган Никсон Киссинджер Эйзенхауэр Тимур Руслан Рустам Эльдар Артур Марат Ринат
  Айдар Азамат Касым Шавкат Зураб Ираклий Георгий Давид Арам Тигран Ашот Левон Карен Саломе Ростов Воронеж Курск
  Белгород Брянск Смоленск Псков Новгород Тверь Казань Уфа Самара Саратов Волгоград Астрахань Махачкала Нальчик
  Владикавказ Сочи Краснодар Омск Томск Иркутск Якутск Магадан Сахалин Камчатка Чукотка Мурманск Архангельск
  Норильск Сургут Тюмень Пермь Челябинск Оренбург Гданьск Краков Дрезден Мюнхен Гамбург Кёльн Франкфурт Цюрих
  Милан Неаполь Лиссабон Барселона Марсель Лион Ницца Дублин Эдинбург Манчестер Бостон Чикаго Техас Калифорния
  Флорида Аляска Куба Чили Перу Колумбия Венесуэла Никарагуа Эквадор Боливия Уругвай Парагвай Марокко Ливия
  Сомали Кения Ангола Мозамбик Нигерия Гана Сенегал Камерун Конго Танзания Уганда Руанда посредник спикер депутат
  сенатор губернатор мэр парламентарий лидер глава нота протест демарш ультиматум перемирие эскалация блокада
  оккупация аннексия референдум мандат вето квота пошлина тариф контракт поставка кредит долг инвестиция проект
  программа стратегия доктрина концепция инициатива платформа площадка механизм формат процесс диалог контакт
  канал связь`.split(/\s+/);

type AzInflectable = AzParse & { inflect(g: string[]): { word: string } | false };
export async function heldOutSet(lemmas: string[] = HELD_OUT_LEMMAS): Promise<LinkGroup[]> {
  const M = await loadAz();
  const known = new Set(LINK_SET.map((x) => plain(x.lemma)));
  const out: LinkGroup[] = [];
  for (const lemma of lemmas) {
    if (known.has(plain(lemma))) continue;
    const ps = (M(lemma) as AzInflectable[]).filter((p) => p.parser === 'Dictionary' && p.tag.NOUN && p.tag.nomn && p.tag.sing);
    const p = ps.find((x) => PROPER.some((t) => x.tag[t])) ?? ps[0];
    if (!p) continue;
    const proper = PROPER.some((t) => p.tag[t]);
    const forms = new Set<string>();
    for (const c of ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct']) {
      const f = p.inflect([c]);
      if (f) forms.add(proper ? titleCase(f.word) : f.word);
    }
    const list = [...forms];
    out.push({ lemma: list[0], kind: proper ? (p.tag.Geox ? 'place' : 'surname') : 'org word', forms: list });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const errorsFor = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : undefined;
  const corpus = makeCorpus(quick ? 50_000 : 200_000);
  const forms = LINK_SET.reduce((n, x) => n + x.forms.length, 0);
  console.log(`linking set: ${forms} forms of ${LINK_SET.length} lemmas, ${VARIANTS.length} spellings each; speed text: ${corpus.length} tokens\n`);

  const missing: string[] = [];
  const rows: Array<Record<string, string>> = [];
  const held = installed('az') ? await heldOutSet() : undefined;
  const blind = installed('az') ? await heldOutSet(HELD_OUT_B) : undefined;
  const size = (set: LinkGroup[]) => `${set.reduce((n, x) => n + x.forms.length, 0)} forms of ${set.length} lemmas`;
  if (held && blind) console.log(`paradigm sets (declined by az from OpenCorpora): A ${size(held)}, B (blind) ${size(blind)}\n`);
  else console.log('paradigm sets A and B: not built (they need az: npm install --no-save az@0.2.3)\n');
  for (const c of CANDIDATES) {
    const absent = c.packages.filter((p) => !installed(p));
    if (absent.length) {
      missing.push(`${c.name}: MISSING ${absent.join(', ')} — ${c.install}`);
      continue;
    }
    let made: Awaited<ReturnType<Candidate['make']>>;
    try {
      made = await c.make();
    } catch (e) {
      missing.push(`${c.name}: could not load (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    const acc = accuracy(made.key, made.raw);
    const inst = c.packages.length ? `${(installSize(c) / 1024).toFixed(0)}` : '0';
    const data = c.dataDir ? folderSize(join(root, 'node_modules', c.dataDir)).bytes / 1024 : 0;
    const b = c.entry ? await bundleSize(c) : undefined;
    const lt = c.loadProbe && !quick ? loadTime(c) : undefined;
    const wps = speed(made.key, corpus);
    const ho = held ? accuracy(made.key, made.key, held, false) : undefined;
    const hb = blind ? accuracy(made.key, made.key, blind, false) : undefined;
    const rm = (a?: Accuracy) => (a ? `${((100 * a.sameHit) / a.samePairs).toFixed(1)}% / ${a.diffMerged}` : '—');
    rows.push({
      candidate: c.name,
      'install KB': inst,
      'bundle KB (min)': b ? b.kb.toFixed(1) + (data ? ` + ${(data / 1024).toFixed(1)} MB data` : '') : '—',
      browser: b ? (data ? `${b.browser}; data by XHR` : b.browser) : '—',
      'load ms': lt ? lt.ms.toFixed(0) : '—',
      'RSS +MB': lt ? lt.heapMB.toFixed(1) : '—',
      'words/s': wps >= 1e6 ? `${(wps / 1e6).toFixed(2)}M` : `${(wps / 1e3).toFixed(0)}k`,
      recall: `${((100 * acc.sameHit) / acc.samePairs).toFixed(1)}%`,
      'false merges': `${((100 * acc.diffMerged) / acc.diffPairs).toFixed(3)}% (${acc.diffMerged})`,
      'case/quote same': `${((100 * acc.invariant) / acc.variantsTried).toFixed(1)}%`,
      'A recall / merges': rm(ho),
      'B recall / merges': rm(hb),
      'raw lib same': `${((100 * acc.invariantRaw) / acc.variantsTried).toFixed(1)}%`,
    });
    if (errorsFor === c.name) {
      console.log(`${c.name}: ${acc.splits.length} lemmas split, ${acc.merges.length} keys shared by different lemmas`);
      for (const s of acc.splits) console.log('  split  ' + s);
      for (const s of acc.merges) console.log('  merged ' + s);
      for (const [name, a] of [['set A', ho], ['set B', hb]] as const) {
        if (!a) continue;
        console.log(`${name}: ${a.splits.length} lemmas split, ${a.merges.length} keys shared`);
        for (const s of a.splits) console.log('  split  ' + s);
        for (const s of a.merges) console.log('  merged ' + s);
      }
      console.log();
    }
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify({ rows, missing }, null, 1));
    return;
  }
  const cols = Object.keys(rows[0] ?? {});
  const width = cols.map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
  console.log('| ' + cols.map((k, i) => k.padEnd(width[i])).join(' | ') + ' |');
  console.log('|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log('| ' + cols.map((k, i) => r[k].padEnd(width[i])).join(' | ') + ' |');
  if (installed('@nlpjs/lang-ru')) {
    const m = await import('../analysis/morphology.ts');
    // A 1 MB document: its capitalised tokens, keyed once each as the analyzer would (uncached, then memoised).
    const doc: string[] = [];
    for (let chars = 0, i = 0; chars < 1_000_000; i++) {
      const w = corpus[i % corpus.length];
      doc.push(w);
      chars += w.length + 1;
    }
    const caps = doc.filter((w) => /^\p{Lu}/u.test(w));
    let t0 = performance.now();
    for (const w of caps) m.ruKeyUncached(w);
    const cold = performance.now() - t0;
    t0 = performance.now();
    for (const w of caps) m.ruKey(w);
    const warm = performance.now() - t0;
    console.log(`\n1 MB document (${doc.length} tokens, ${caps.length} capitalised, ${new Set(caps).size} distinct): ruKey on every capitalised token ${cold.toFixed(0)} ms without the memo, ${warm.toFixed(0)} ms with it`);
  }
  const acc0 = accuracy(plain);
  console.log(`\nrecall: share of the ${acc0.samePairs} pairs of forms of one lemma that get one key;`);
  console.log(`false merges: share of the ${acc0.diffPairs} pairs of forms of different lemmas that get one key;`);
  console.log(`case/quote same: share of ${acc0.variantsTried} spellings (${VARIANTS.map((v) => v[0]).join(' ')}) keyed as the form as written, with the candidate's wrapper;`);
  console.log(`raw lib same: the same, the library given the spelling as is. install: the packages' folders; bundle: esbuild --minify of an entry that imports just the Russian stemmer/analyser.`);
  if (missing.length) console.log(`\nnot measured:\n  ${missing.join('\n  ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
