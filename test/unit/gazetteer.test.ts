// The gazetteer: its hand-written sources, the generated data (Russian case forms made with `az` by
// scripts/gazetteer/generate.ts) and the runtime matcher in analysis/entities/gazetteer.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findGazetteerMentions, gazetteerStats, type GazMention } from '../../analysis/entities/gazetteer.ts';
import { sourceEntries, parseNames } from '../../scripts/gazetteer/entries.ts';
import ruData from '../../analysis/data/ru/gazetteer.json';
import enData from '../../analysis/data/en/gazetteer.json';

type Lang = 'ru' | 'en';
const spans = (text: string, lang: Lang) => findGazetteerMentions(text, lang).map((m) => `${text.slice(m.start, m.end)}|${m.type}`);
const find = (text: string, lang: Lang, surface: string): GazMention | undefined =>
  findGazetteerMentions(text, lang).find((m) => text.slice(m.start, m.end) === surface);

// ---------------------------------------------------------------------------------------------
// Data integrity

test('ids are unique and every entry has a Russian and an English canonical name', () => {
  const entries = sourceEntries();
  const ids = new Set<string>();
  for (const e of entries) {
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
    assert.ok(parseNames(e.ru)[0]?.text, `${e.id}: no Russian name`);
    assert.ok(parseNames(e.en)[0]?.text, `${e.id}: no English name`);
    if (e.of) assert.ok(entries.some((x) => x.id === e.of && x.type === 'country'), `${e.id}: unknown country ${e.of}`);
  }
  for (const data of [ruData, enData] as Array<{ entries: string[][] }>) {
    const gen = new Set<string>();
    for (const row of data.entries) {
      assert.ok(row[2], `${row[0]}: empty canonical name in the generated data`);
      assert.ok(!gen.has(row[0]), `duplicate id ${row[0]} in the generated data`);
      gen.add(row[0]);
    }
    assert.equal(gen.size, entries.length, 'the generated data is out of date: node --import tsx scripts/gazetteer/generate.ts');
  }
});

// The 193 UN member states by their usual English short names, written independently of the sources:
// each must be found as a country.
const UN_MEMBERS = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|
Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|
Republic of the Congo|Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czechia|North Korea|Democratic Republic of the Congo|Denmark|
Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|
India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Laos|Latvia|
Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|
Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|
Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|
Peru|Philippines|Poland|Portugal|Qatar|South Korea|Romania|Russia|Rwanda|Saint Kitts and Nevis|Saint Lucia|
Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|
Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|
Syria|Tajikistan|Tanzania|Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia|Türkiye|Turkmenistan|Tuvalu|Uganda|
Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe`
  .split('|')
  .map((s) => s.trim());

test('all 193 UN member states, the two observer states and the usual partially recognised ones are countries', () => {
  assert.equal(UN_MEMBERS.length, 193);
  const ids = new Set<string>();
  for (const name of UN_MEMBERS) {
    const m = findGazetteerMentions(`Talks with ${name} resumed.`, 'en');
    assert.equal(m.length, 1, `${name}: ${JSON.stringify(m)}`);
    assert.equal(m[0].type, 'country', name);
    ids.add(m[0].id);
  }
  assert.equal(ids.size, 193, 'two member names share one id');
  const countries = sourceEntries().filter((e) => e.type === 'country');
  assert.equal(countries.filter((e) => e.kind === 'un-member').length, 193);
  assert.ok(countries.length >= 193 + 2, `${countries.length} countries`);
  for (const name of ['the Holy See', 'Palestine', 'Kosovo', 'Taiwan', 'Abkhazia', 'South Ossetia', 'Northern Cyprus', 'Western Sahara', 'the Soviet Union']) {
    assert.equal(findGazetteerMentions(name, 'en')[0]?.type, 'country', name);
  }
  for (const name of ['Ватикан', 'Палестина', 'Косово', 'Тайвань', 'Абхазия', 'Южная Осетия', 'Северный Кипр', 'Западная Сахара', 'СССР', 'Советский Союз']) {
    assert.equal(findGazetteerMentions(name, 'ru')[0]?.type, 'country', name);
  }
  const stats = gazetteerStats('ru');
  assert.ok(stats.byType.country >= 195 && stats.byType.place >= 400 && stats.byType.organization >= 300 && stats.byType.demonym >= 195, JSON.stringify(stats));
});

// ---------------------------------------------------------------------------------------------
// Russian case forms (generated)

test('Russian names are found in every case, with adjectives agreeing and genitive complements frozen', () => {
  const cases: Array<[string, string, string]> = [
    ['Азербайджан', 'azerbaijan', 'country'],
    ['Азербайджана', 'azerbaijan', 'country'],
    ['Азербайджану', 'azerbaijan', 'country'],
    ['Азербайджаном', 'azerbaijan', 'country'],
    ['Азербайджане', 'azerbaijan', 'country'],
    ['Южного Кавказа', 'south-caucasus', 'place'],
    ['Южном Кавказе', 'south-caucasus', 'place'],
    ['Южным Кавказом', 'south-caucasus', 'place'],
    ['Соединенных Штатов', 'usa', 'country'],
    ['Соединённых Штатов Америки', 'usa', 'country'],
    ['Соединенным Штатам Америки', 'usa', 'country'],
    ['Штатах', 'usa', 'country'],
    ['Москве', 'moscow', 'place'],
    ['Москвой', 'moscow', 'place'],
    ['Москву', 'moscow', 'place'],
    ['Баку', 'baku', 'place'],
    ['Сочи', 'sochi', 'place'],
    ["Кот-д'Ивуаре", 'cote-divoire', 'country'],
    ['Азиатско-Тихоокеанском регионе', 'asia-pacific', 'place'],
    ['Совета Безопасности ООН', 'unsc', 'organization'],
    ['Советом Безопасности ООН', 'unsc', 'organization'],
    ['Боснии и Герцеговине', 'bosnia-and-herzegovina', 'country'],
    ['Объединенных Арабских Эмиратах', 'uae', 'country'],
    ['Республики Корея', 'south-korea', 'country'],
    ['Социалистической Республики Вьетнам', 'vietnam', 'country'],
    ['Нагорного Карабаха', 'nagorno-karabakh', 'place'],
    ['Крыму', 'crimea', 'place'],
    ['Ростове-на-Дону', 'rostov-on-don', 'place'],
    ['Большой семерки', 'g7', 'organization'],
    ['Лиги арабских государств', 'arab-league', 'organization'],
    ['Известиям', 'izvestia', 'organization'],
    ['Коммерсанту', 'kommersant', 'organization'],
  ];
  for (const [form, id, type] of cases) {
    const m = findGazetteerMentions(`Речь шла о ${form}.`, 'ru');
    assert.equal(m.length, 1, `${form}: ${JSON.stringify(m)}`);
    assert.equal(m[0].id, id, form);
    assert.equal(m[0].type, type, form);
    assert.equal(m[0].end - m[0].start, form.length, form);
  }
});

// ---------------------------------------------------------------------------------------------
// Matching

test('Russian sentences: longest span, МИД России is one organisation, datelines, quotes, demonyms', () => {
  const t = 'ПЕКИН, 14 ноября. /ТАСС/. Министр иностранных дел России и глава МИД КНР обсудили ситуацию на Корейском полуострове, в Азиатско-Тихоокеанском регионе и на Южном Кавказе.';
  assert.deepEqual(spans(t, 'ru'), [
    'ПЕКИН|place',
    'ТАСС|organization',
    'России|country',
    'МИД КНР|organization',
    'Корейском полуострове|place',
    'Азиатско-Тихоокеанском регионе|place',
    'Южном Кавказе|place',
  ]);
  const t2 = 'Как сообщили «Известия», в МИД России, Министерстве иностранных дел Российской Федерации и Минобороны Республики Корея заявили, что Соединенные Штаты Америки и РФ обсудят ситуацию в Газе.';
  assert.deepEqual(spans(t2, 'ru'), [
    'Известия|organization',
    'МИД России|organization',
    'Министерстве иностранных дел Российской Федерации|organization',
    'Минобороны Республики Корея|organization',
    'Соединенные Штаты Америки|country',
    'РФ|country',
    'Газе|place',
  ]);
  assert.equal(find(t2, 'ru', 'МИД России')?.id, 'mfa-russia');
  assert.equal(find(t2, 'ru', 'Министерстве иностранных дел Российской Федерации')?.id, 'mfa-russia');
  assert.equal(find(t2, 'ru', 'Минобороны Республики Корея')?.id, 'mod-south-korea');
  // The same body under several names shares an id; the guide's metonyms are places.
  const t3 = 'Госдепартамент США и Госдеп, Кремль и Белый дом, Совет ЕС и Совета ЕС, Брюссель.';
  assert.equal(find(t3, 'ru', 'Госдепартамент США')?.id, 'us-state-department');
  assert.equal(find(t3, 'ru', 'Госдеп')?.id, 'us-state-department');
  assert.equal(find(t3, 'ru', 'Кремль')?.type, 'place');
  assert.equal(find(t3, 'ru', 'Белый дом')?.type, 'place');
  assert.equal(find(t3, 'ru', 'Совета ЕС')?.id, 'council-of-the-eu');
  assert.equal(find(t3, 'ru', 'Брюссель')?.type, 'place');
});

test('Russian case rules: lower-case common words are not names, demonyms are not countries, abbreviations keep their case', () => {
  assert.deepEqual(spans('Мы за мир во всем мире, за мир и согласие; россия и сша написаны строчными.', 'ru'), []);
  const m = findGazetteerMentions('Китайский и российский министры встретились; китайская сторона согласилась.', 'ru');
  assert.deepEqual(
    m.map((x) => [x.type, x.of]),
    [
      ['demonym', 'china'],
      ['demonym', 'russia'],
      ['demonym', 'china'],
    ],
  );
  assert.deepEqual(spans('Сша и Рф — не аббревиатуры, а США и РФ — да.', 'ru'), ['США|country', 'РФ|country']);
  // «Того» at the start of a sentence is a pronoun, elsewhere the country.
  assert.deepEqual(spans('Того же мнения придерживаются в Того.', 'ru'), ['Того|country']);
  // A generic noun alone is not an organisation; lower-case «посольство» stays outside the span.
  assert.deepEqual(spans('Посольство сообщило, что посольство Азербайджана открыто.', 'ru'), ['Азербайджана|country']);
  assert.deepEqual(spans('Посольство России в Армении.', 'ru'), ['Посольство России|organization', 'Армении|country']);
});

test('English sentences: `the` for countries and places only, possessives, composed ministries', () => {
  const t = 'VILNIUS (Reuters) - The United States and the United Kingdom told the UN Security Council that China’s Foreign Ministry and the Russian Defence Ministry had briefed the Kremlin.';
  assert.deepEqual(spans(t, 'en'), [
    'VILNIUS|place',
    'Reuters|organization',
    'The United States|country',
    'the United Kingdom|country',
    'UN Security Council|organization',
    'China’s Foreign Ministry|organization',
    'Russian Defence Ministry|organization',
    'the Kremlin|place',
  ]);
  assert.equal(find(t, 'en', 'China’s Foreign Ministry')?.id, 'mfa-china');
  const t2 = "The State Department, the European Union and NATO met in the Middle East; the Philippines' coast guard and Armenia's Foreign Ministry replied. Russia's economy grew.";
  assert.deepEqual(spans(t2, 'en'), [
    'State Department|organization',
    'European Union|organization',
    'NATO|organization',
    'the Middle East|place',
    'the Philippines|country',
    "Armenia's Foreign Ministry|organization",
    'Russia|country',
  ]);
  const t3 = 'The Ministry of Foreign Affairs of Ukraine and the Embassy of the United States; Downing Street and Whitehall; the U.S. said; the U.S.-brokered deal; U.S. officials; the Gaza Strip.';
  assert.deepEqual(spans(t3, 'en'), [
    'Ministry of Foreign Affairs of Ukraine|organization',
    'Embassy of the United States|organization',
    'Downing Street|place',
    'Whitehall|place',
    'the U.S.|country',
    'U.S.|country',
    'U.S.|country',
    'the Gaza Strip|place',
  ]);
});

test('English case rules: abbreviations in their case only, lower-case words are not names', () => {
  assert.deepEqual(spans('Let us see: may china and turkey be served? US and us, UK and uk, EU and eu.', 'en'), ['US|country', 'UK|country', 'EU|organization']);
  assert.deepEqual(spans('Nato and NATO; Côte d’Ivoire and Cote d\'Ivoire; Chișinău and Chisinau.', 'en'), [
    'Nato|organization',
    'NATO|organization',
    'Côte d’Ivoire|country',
    "Cote d'Ivoire|country",
    'Chișinău|place',
    'Chisinau|place',
  ]);
  // A word-like abbreviation is not read on a line in capitals.
  assert.deepEqual(spans('THE WHO REPORT\n\nThe WHO said so.', 'en'), ['WHO|organization']);
});

test('text with CRLF, a BOM, Markdown, URLs and code: offsets are UTF-16 indices into the text as given', () => {
  const t = '\uFEFF# Заявление МИД России\r\n\r\n**Москва** и [Вашингтон](https://example.org/Россия) — `Россия` в коде.\r\n';
  const ms = findGazetteerMentions(t, 'ru');
  assert.deepEqual(
    ms.map((m) => t.slice(m.start, m.end)),
    ['МИД России', 'Москва', 'Вашингтон'],
  );
  // A name does not run across a blank line.
  assert.deepEqual(spans('Южный\n\nКавказ', 'ru'), ['Кавказ|place']);
  assert.deepEqual(spans('Южный\nКавказ', 'ru'), ['Южный\nКавказ|place']);
});

test('speed on a 1 MB text (printed, not asserted)', () => {
  for (const lang of ['ru', 'en'] as const) {
    const base =
      lang === 'ru'
        ? 'Министр иностранных дел России провел переговоры в Баку с коллегами из Азербайджана и Армении; стороны обсудили ситуацию на Южном Кавказе, а также в Центральной Азии. По словам представителя МИД, Москва готова к диалогу. '
        : 'The Secretary met the Foreign Minister of Armenia in Washington on Tuesday; they discussed the South Caucasus, Central Asia and the Middle East. A State Department spokesperson said the United States was ready to talk. ';
    let text = '';
    while (text.length < 1_000_000) text += base;
    let t0 = performance.now();
    let n = findGazetteerMentions(text, lang).length; // builds the trie on first use
    const cold = performance.now() - t0;
    let ms = Infinity;
    for (let r = 0; r < 4; r++) {
      t0 = performance.now();
      n = findGazetteerMentions(text, lang).length;
      ms = Math.min(ms, performance.now() - t0);
    }
    const rate = (x: number) => (text.length / 1e6 / (x / 1000)).toFixed(1);
    console.log(`gazetteer ${lang}: 1 MB, first call ${cold.toFixed(0)} ms (${rate(cold)} MB/s, with the build), warm ${ms.toFixed(0)} ms (${rate(ms)} MB/s); ${n} mentions`);
    assert.ok(n > 0);
  }
});
