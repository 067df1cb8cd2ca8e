// How the candidate morphology libraries inflect place and body names: genitive and prepositional
// case of a hand-checked set (single words, adjective + noun, plural, hyphenated, indeclinable,
// genitive complements). Measures what chose `az` for scripts/gazetteer/generate.ts.
//
//   npm install --no-save az@0.2.3 lvovich@2.1.0 russian-nouns-js@2.3.0
//   node --import tsx scripts/gazetteer/compare-libraries.ts [--errors]
//
// lvovich has only city cases (cityFrom = genitive, cityIn = prepositional); russian-nouns-js declines
// one noun of a given gender and knows no adjectives, so a multi-word name is given to it whole.
import { createRequire } from 'node:module';
import { initMorphology, inflectName } from './inflect.ts';

/** name → [genitive, prepositional] (ё written as е). */
const SET: Array<[string, string, string]> = [
  ['Азербайджан', 'Азербайджана', 'Азербайджане'],
  ['Москва', 'Москвы', 'Москве'],
  ['Киев', 'Киева', 'Киеве'],
  ['Пекин', 'Пекина', 'Пекине'],
  ['Ханой', 'Ханоя', 'Ханое'],
  ['Вашингтон', 'Вашингтона', 'Вашингтоне'],
  ['Женева', 'Женевы', 'Женеве'],
  ['Брюссель', 'Брюсселя', 'Брюсселе'],
  ['Тегеран', 'Тегерана', 'Тегеране'],
  ['Анкара', 'Анкары', 'Анкаре'],
  ['Джидда', 'Джидды', 'Джидде'],
  ['Одесса', 'Одессы', 'Одессе'],
  ['Мариуполь', 'Мариуполя', 'Мариуполе'],
  ['Идлиб', 'Идлиба', 'Идлибе'],
  ['Рафах', 'Рафаха', 'Рафахе'],
  ['Великобритания', 'Великобритании', 'Великобритании'],
  ['Крым', 'Крыма', 'Крыму'],
  ['Баку', 'Баку', 'Баку'],
  ['Сочи', 'Сочи', 'Сочи'],
  ['Токио', 'Токио', 'Токио'],
  ['Тбилиси', 'Тбилиси', 'Тбилиси'],
  ['Санкт-Петербург', 'Санкт-Петербурга', 'Санкт-Петербурге'],
  ['Ростов-на-Дону', 'Ростова-на-Дону', 'Ростове-на-Дону'],
  ['Нью-Йорк', 'Нью-Йорка', 'Нью-Йорке'],
  ['Тель-Авив', 'Тель-Авива', 'Тель-Авиве'],
  ['Алма-Ата', 'Алма-Аты', 'Алма-Ате'],
  ['Хан-Юнис', 'Хан-Юниса', 'Хан-Юнисе'],
  ['Филиппины', 'Филиппин', 'Филиппинах'],
  ['Нидерланды', 'Нидерландов', 'Нидерландах'],
  ['Штаты', 'Штатов', 'Штатах'],
  ['Нижний Новгород', 'Нижнего Новгорода', 'Нижнем Новгороде'],
  ['Южный Кавказ', 'Южного Кавказа', 'Южном Кавказе'],
  ['Нагорный Карабах', 'Нагорного Карабаха', 'Нагорном Карабахе'],
  ['Центральная Азия', 'Центральной Азии', 'Центральной Азии'],
  ['Юго-Восточная Азия', 'Юго-Восточной Азии', 'Юго-Восточной Азии'],
  ['Саудовская Аравия', 'Саудовской Аравии', 'Саудовской Аравии'],
  ['Новая Зеландия', 'Новой Зеландии', 'Новой Зеландии'],
  ['Черное море', 'Черного моря', 'Черном море'],
  ['Персидский залив', 'Персидского залива', 'Персидском заливе'],
  ['Корейский полуостров', 'Корейского полуострова', 'Корейском полуострове'],
  ['Азиатско-Тихоокеанский регион', 'Азиатско-Тихоокеанского региона', 'Азиатско-Тихоокеанском регионе'],
  ['Соединенные Штаты Америки', 'Соединенных Штатов Америки', 'Соединенных Штатах Америки'],
  ['Объединенные Арабские Эмираты', 'Объединенных Арабских Эмиратов', 'Объединенных Арабских Эмиратах'],
  ['Республика Корея', 'Республики Корея', 'Республике Корея'],
  ['Босния и Герцеговина', 'Боснии и Герцеговины', 'Боснии и Герцеговине'],
  ['Совет Безопасности ООН', 'Совета Безопасности ООН', 'Совете Безопасности ООН'],
  ['Лига арабских государств', 'Лиги арабских государств', 'Лиге арабских государств'],
  ['Европейский союз', 'Европейского союза', 'Европейском союзе'],
  ['Большая семерка', 'Большой семерки', 'Большой семерке'],
  ['Министерство иностранных дел', 'Министерства иностранных дел', 'Министерстве иностранных дел'],
];

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const results: Array<[string, (name: string) => [string[], string[]]]> = [];
  await initMorphology();
  results.push(['az (scripts/gazetteer/inflect.ts)', (n) => { const f = inflectName(n); return [f.gent, f.loct]; }]);
  try {
    const lv = require('lvovich') as { cityFrom(s: string): string; cityIn(s: string): string };
    results.push(['lvovich 2.1.0 (cityFrom/cityIn)', (n) => [[lv.cityFrom(n)], [lv.cityIn(n)]]]);
  } catch {
    console.log('lvovich: not installed (npm install --no-save lvovich@2.1.0)');
  }
  try {
    const RN = require('russian-nouns-js') as {
      Engine: new () => { decline(lemma: unknown, c: string, pluralForm?: unknown): string[] };
      createLemma(o: object): unknown;
      Gender: Record<string, string>;
      Case: Record<string, string>;
    };
    const rne = new RN.Engine();
    results.push([
      'russian-nouns-js 2.3.0 (whole name as one noun)',
      (n) => {
        const gender = /[ая]$/.test(n) ? RN.Gender.FEMININE : /[ое]$/.test(n) ? RN.Gender.NEUTER : RN.Gender.MASCULINE;
        const lemma = RN.createLemma({ text: n, gender });
        try {
          return [rne.decline(lemma, RN.Case.GENITIVE), rne.decline(lemma, RN.Case.PREPOSITIONAL)];
        } catch {
          return [[], []];
        }
      },
    ]);
  } catch {
    console.log('russian-nouns-js: not installed (npm install --no-save russian-nouns-js@2.3.0)');
  }
  for (const [label, fn] of results) {
    let ok = 0;
    const errors: string[] = [];
    for (const [name, gen, loc] of SET) {
      const [g, l] = fn(name);
      const gOk = g.map(norm).includes(norm(gen));
      const lOk = l.map(norm).includes(norm(loc));
      ok += Number(gOk) + Number(lOk);
      if (!gOk || !lOk) errors.push(`${name}: ${g.join('/')} ; ${l.join('/')}`);
    }
    console.log(`${label}: ${ok}/${SET.length * 2} forms right (${((ok / SET.length / 2) * 100).toFixed(0)}%)`);
    if (process.argv.includes('--errors')) for (const e of errors) console.log('   ' + e);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
