// The person-name data in analysis/data/{en,ru}/people.json: given names that mark a person at the head of a run of
// capitalised words, East Asian family names that come first, and well-known people that news names by surname alone.
// Checked as data: it parses, it is big enough, it has no duplicates, it is spelt in the right script and capitalised,
// it keeps out everyday words that would turn "Strategic Dialogue" or "May Day" into a person, and the people list has
// the same ids in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

type Lang = 'en' | 'ru';
interface Person {
  id: string;
  canonical: string;
  names: string[];
  description?: string;
}
interface PeopleData {
  $comment: string;
  firstNames: string[];
  familyFirst: string[];
  people: Person[];
}

function raw(lang: Lang): string {
  return readFileSync(join(root, 'analysis', 'data', lang, 'people.json'), 'utf8');
}
const data: Record<Lang, PeopleData> = { en: JSON.parse(raw('en')), ru: JSON.parse(raw('ru')) };

const lower = (s: string) => s.normalize('NFC').toLocaleLowerCase();
const lowerSet = (xs: string[]) => new Set(xs.map(lower));

/** Entries that occur more than once, compared case-insensitively. */
function duplicates(xs: string[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const x of xs) {
    const k = lower(x);
    if (seen.has(k)) dup.push(x);
    seen.add(k);
  }
  return dup;
}

// A single given or family name: a capital letter, then letters (with combining marks), hyphens or apostrophes.
const LATIN_NAME = /^\p{Lu}[\p{Script=Latin}\p{M}'’-]*$/u;
const CYRILLIC_NAME = /^\p{Lu}[\p{Script=Cyrillic}-]*$/u;
const NAME_RE: Record<Lang, RegExp> = { en: LATIN_NAME, ru: CYRILLIC_NAME };

// ---------------------------------------------------------------------------------------------
// Shape and size

test('both files are valid JSON with the agreed top-level shape', () => {
  for (const lang of ['en', 'ru'] as const) {
    assert.doesNotThrow(() => JSON.parse(raw(lang)), `${lang}/people.json does not parse`);
    const d = data[lang];
    assert.deepEqual(Object.keys(d).sort(), ['$comment', 'familyFirst', 'firstNames', 'people'], lang);
    assert.equal(typeof d.$comment, 'string');
    assert.ok(d.$comment.length > 100, `${lang}: the $comment should explain the data`);
    assert.ok(Array.isArray(d.firstNames) && d.firstNames.every((s) => typeof s === 'string'), `${lang}: firstNames`);
    assert.ok(Array.isArray(d.familyFirst) && d.familyFirst.every((s) => typeof s === 'string'), `${lang}: familyFirst`);
    assert.ok(Array.isArray(d.people), `${lang}: people`);
    for (const p of d.people) {
      const keys = Object.keys(p).sort();
      assert.ok(
        JSON.stringify(keys) === JSON.stringify(['canonical', 'id', 'names']) ||
          JSON.stringify(keys) === JSON.stringify(['canonical', 'description', 'id', 'names']),
        `${lang}: ${p.id} has keys ${keys.join(', ')}`,
      );
    }
  }
});

test('the lists are as large as promised', () => {
  assert.ok(data.en.firstNames.length >= 2500, `en firstNames: ${data.en.firstNames.length}`);
  assert.ok(data.ru.firstNames.length >= 1500, `ru firstNames: ${data.ru.firstNames.length}`);
  assert.ok(data.en.familyFirst.length >= 150, `en familyFirst: ${data.en.familyFirst.length}`);
  assert.ok(data.ru.familyFirst.length >= 150, `ru familyFirst: ${data.ru.familyFirst.length}`);
  assert.ok(data.en.people.length >= 280, `en people: ${data.en.people.length}`);
  assert.equal(data.ru.people.length, data.en.people.length, 'the same people in both languages');
});

// ---------------------------------------------------------------------------------------------
// Given names and family names

test('given names and family names are single capitalised words in the right script, NFC-normalised', () => {
  for (const lang of ['en', 'ru'] as const) {
    for (const key of ['firstNames', 'familyFirst'] as const) {
      for (const n of data[lang][key]) {
        assert.ok(n.length > 0, `${lang} ${key}: empty entry`);
        assert.equal(n, n.normalize('NFC'), `${lang} ${key}: ${n} is not NFC`);
        assert.match(n, NAME_RE[lang], `${lang} ${key}: ${JSON.stringify(n)}`);
      }
    }
  }
});

test('no duplicates within a list, and no name is both a given name and a family-first name', () => {
  for (const lang of ['en', 'ru'] as const) {
    const { firstNames, familyFirst } = data[lang];
    assert.deepEqual(duplicates(firstNames), [], `${lang} firstNames duplicates`);
    assert.deepEqual(duplicates(familyFirst), [], `${lang} familyFirst duplicates`);
    const family = lowerSet(familyFirst);
    assert.deepEqual(firstNames.filter((n) => family.has(lower(n))), [], `${lang}: in both lists`);
  }
});

test('Russian given names use Russian spelling, not Ukrainian or Belarusian letters', () => {
  for (const n of [...data.ru.firstNames, ...data.ru.familyFirst]) {
    assert.doesNotMatch(n, /[іїєґўІЇЄҐЎ]/u, n);
  }
});

// Capitalised words common in diplomatic text that a recognizer must not take for a given name: the words of the
// headings and institutions, titles, months and weekdays, and given names that are also everyday words, places,
// peoples or religions (left out on purpose; see the $comment).
const EN_COMMON = `
Strategic Dialogue Press Digest Foreign Affairs Weekly Security Council Minister Ministry Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September October November December
Will Hope Grace Faith Joy Rose Dawn Eve Summer Autumn Winter Spring Justice Liberty Charity Mercy Patience Unity Peace
War State States United Nations National International Global Federal Republic Democratic People Party Union European
Eastern Western Northern Southern North South East West Central Middle Great New Old First Second Third General Special
Deputy Prime President Secretary Ambassador Envoy Chancellor King Queen Prince Princess Duke Earl Lord Lady Sir Dame
Major Marshal Colonel Captain Admiral Commander Chief Director Head Leader Chairman Speaker Senator Governor Mayor Bishop
Pope Saint Sheikh Emir Sultan Imam Said Says Told Added Noted Warned Asked Answer Question Statement Briefing Readout
Summit Talks Meeting Visit Conference Forum Agreement Treaty Accord Deal Declaration Memorandum Resolution Sanctions Trade
Energy Defence Defense Military Army Navy Air Force Forces Police Intelligence Service Agency Office Department House
White Kremlin Parliament Congress Senate Assembly Duma Government Cabinet Committee Commission Bank Fund Court Board Group
Alliance Coalition Partnership Cooperation Development Economic Financial Nuclear Climate Human Rights Freedom Democracy
Sovereignty Independence Victory Day Year Week Month Today Tomorrow Yesterday Morning Evening Times Post Journal News
Daily Review Report Bulletin Update Analysis Opinion Comment Editorial Breaking Exclusive Live Source Sources Official
Officials Spokesman Spokeswoman Spokesperson According However Meanwhile Although Because While When After Before During
Since Until Also Still Even Only Then Now Here There This That These Those They He She It We You Can Could Would Should
Must Shall Might Do Did Does Go Rich Rob Sue Drew Guy Art Don Gene Miles Chase Grant Sterling Penny Jade Amber Olive Tone
Santa Georgia Jordan Chad Israel India Kenya Paris Florence Sydney Austin Lincoln Jackson Washington Houston Madison
Virginia Carolina Santiago Salvador Domingo Mercedes Lourdes Rosario Medina Alexandria Riyadh Islam Abu Al Van La Le Jihad
Ramadan Milan Sofia Brittany Alberta Augusta Kerry Marshall Chelsea Ulan Sri Marine Wagner Alpha Ante Mate Edit Pal Lone
Nada Rok Harsh Lemma Fanta Shalom Oz Tea Jan Jun Per Odd Finn Line Urban Till Wolf Pier Alba Job Jet Ad
`.split(/\s+/).filter(Boolean);

const RU_COMMON = `
Стратегический Диалог Пресс Пресса Дайджест Обзор Внешний Иностранных Дел Безопасность Совет Министр Министерство
Понедельник Вторник Среда Четверг Пятница Суббота Воскресенье Январь Февраль Март Апрель Май Июнь Июль Август Сентябрь
Октябрь Ноябрь Декабрь Марта Мая Августа Вера Надежда Любовь Роза Мира Мир Рада Слава Победа Лада Венера Олимпиада
Грант Ислам Нур Эльбрус Талант Улан Дания Израиль Иордан Чад Индия Ливия Гана София Милан Рамадан Рамазан Дон Президент
Премьер Глава Посол Генсек Секретарь Канцлер Король Королева Принц Шейх Эмир Султан Аятолла Папа Патриарх Господин
Госпожа Генерал Маршал Адмирал Полковник Майор Капитан Россия Украина Москва Киев Вашингтон Пекин Запад Восток Север Юг
Европа Азия Африка Америка Союз Федерация Республика Государство Правительство Кремль Дума Сенат Парламент Конгресс
Комитет Комиссия Служба Агентство Банк Фонд Суд Армия Флот Силы Война Переговоры Встреча Визит Саммит Форум Конференция
Договор Соглашение Заявление Сообщение Брифинг Интервью Вопрос Ответ Комментарий Новости Известия Ведомости Коммерсант
Правда Неделя Сегодня Вчера Завтра Утро Вечер День Год Месяц Время Дело Однако Также Кроме Между После Перед Когда Если
Хотя Поскольку Это Этот Эта Эти Он Она Они Мы Вы Наш Их Его Все Там Здесь Где Кто Что Один Два Три Первый Второй Новый
Старый Большой Главный Национальный Международный Федеральный Российский Американский Китайский Европейский Западный
Восточный Северный Южный Центральный Генеральный Специальный Экономический Ядерный Военный Санкции Торговля Энергия
Оборона Разведка Полиция Гвардия Штаб Фронт Департамент Управление Ассамблея Организация Весна Дана Рим Нил Кит Пол Рис
Тур Оса Река Норма Мина Вина Сами Турки Сахар Рана Раса Лига Рейн Люк Франк Нора Муза Баран Вагнер Гор Мате Стен Уже Ещё
Пока Вот Раз Раза Лени Сити Пари Ума Мила Карп Лавр
`.split(/\s+/).filter(Boolean);

test('the common-word lists are substantial (about 200 words each)', () => {
  assert.ok(EN_COMMON.length >= 200, `EN_COMMON: ${EN_COMMON.length}`);
  assert.ok(RU_COMMON.length >= 200, `RU_COMMON: ${RU_COMMON.length}`);
});

test('no common capitalised word is listed as a given name', () => {
  for (const [lang, words] of [['en', EN_COMMON], ['ru', RU_COMMON]] as const) {
    const first = lowerSet(data[lang].firstNames);
    assert.deepEqual(words.filter((w) => first.has(lower(w))), [], `${lang}: common words among firstNames`);
  }
});

test('no pronoun, preposition or place-name half is listed as a family-first name', () => {
  const EN_SHORT = 'He Do To So No Go On In At An As By Of Or If It Is Us We Me My Be Oh Ah Hi Son Won Ban Pan Ran Van La Long Hong Kong Thai Lao You Tea Low Hung Ton';
  const RU_SHORT = 'У И О А В К С Е Я На По До За Из От Не Ни Но Да Же Ну Во Со То Та Те Ту Им Нам Кем Дам Чай Сон Май Вон Тон Юань Хан';
  for (const [lang, words] of [['en', EN_SHORT], ['ru', RU_SHORT]] as const) {
    const family = lowerSet(data[lang].familyFirst);
    assert.deepEqual(words.split(' ').filter((w) => family.has(lower(w))), [], `${lang}: function words among familyFirst`);
  }
});

test('the given names that tell "Margaret Whitfield" from "Strategic Dialogue" are there, across cultures', () => {
  const en = new Set(data.en.firstNames);
  for (const n of [
    'Margaret', 'Mark', 'Sergei', 'Sergey', 'Volodymyr', 'Maria', 'Gitanas', 'Ana', 'Kęstutis', 'Jean-Noël', 'Radosław',
    'Nikol', 'Ararat', 'Ilham', 'Irakli', 'Hakan', 'Recep', 'Mohammed', 'Muhammad', 'Abdullah', 'Ahmed', 'Khalid',
    'Abbas', 'Masoud', 'Narendra', 'Subrahmanyam', 'Shehbaz', 'Fumio', 'Shigeru', 'Prabowo', 'Kassym-Jomart', 'Shavkat',
    'Emomali', 'Cyril', 'Bola', 'Kwame', 'Luiz', 'Javier', 'Benjamin', 'Yitzhak', 'Ursula', 'Kaja',
  ]) {
    assert.ok(en.has(n), `en: ${n}`);
  }
  assert.ok(!en.has('Strategic') && !en.has('Dialogue'));
  const ru = new Set(data.ru.firstNames);
  for (const n of [
    'Сергей', 'Мария', 'Михаил', 'Владимир', 'Рахман', 'Хакан', 'Антони', 'Марко', 'Субраманьям', 'Ильхам', 'Никол',
    'Арарат', 'Касым-Жомарт', 'Мохаммед', 'Абдулла', 'Ираклий', 'Реджеп', 'Масуд', 'Нарендра', 'Фумио', 'Эмомали',
    'Шавкат', 'Гитанас', 'Эмманюэль', 'Урсула', 'Кая', 'Джорджа', 'Сирил', 'Луис', 'Биньямин',
  ]) {
    assert.ok(ru.has(n), `ru: ${n}`);
  }
});

test('Russian given names are nominative: oblique forms of common names are not listed', () => {
  const ru = new Set(data.ru.firstNames);
  for (const n of ['Сергея', 'Сергею', 'Владимира', 'Михаила', 'Дмитрия', 'Николая', 'Марии', 'Ольги', 'Анной', 'Еленой']) {
    assert.ok(!ru.has(n), n);
  }
});

test('the common East Asian family names are there in both scripts', () => {
  const en = new Set(data.en.familyFirst);
  for (const n of [
    'Xi', 'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Ma', 'Kim', 'Lee', 'Park', 'Choi',
    'Nguyen', 'Tran', 'Le', 'Pham', 'Bui', 'Nguyễn', 'Trần',
  ]) {
    assert.ok(en.has(n), `en: ${n}`);
  }
  const ru = new Set(data.ru.familyFirst);
  for (const n of ['Си', 'Ван', 'Ли', 'Чжан', 'Лю', 'Чэнь', 'Ма', 'Ким', 'Пак', 'Нгуен', 'Буй', 'Чан', 'Ле']) {
    assert.ok(ru.has(n), `ru: ${n}`);
  }
});

// ---------------------------------------------------------------------------------------------
// People

const PARTICLE = /^(?:von|van|der|den|de|du|da|di|dos|le|la|bin|bint|ibn|ben|al|el|фон|ван|дер|де|да|ди|ле|бен|бин|ибн|аль|аш|ас|ад|ар|ан|эль)(?:[\s-])/u;
const ROMAN = /^[IVXLC]+$/;

function scriptOk(lang: Lang, name: string): boolean {
  for (const word of name.split(/[\s-]+/)) {
    const letters = word.replace(/[.'’]/g, '');
    if (!letters) continue;
    if (lang === 'ru' && ROMAN.test(letters)) continue;
    const re = lang === 'en' ? /^[\p{Script=Latin}\p{M}]+$/u : /^\p{Script=Cyrillic}+$/u;
    if (!re.test(letters)) return false;
  }
  return true;
}

test('people have unique, stable ids, and every person appears in both languages', () => {
  for (const lang of ['en', 'ru'] as const) {
    const ids = data[lang].people.map((p) => p.id);
    assert.deepEqual(duplicates(ids), [], `${lang}: duplicate ids`);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${lang}: id ${id}`);
  }
  const en = new Set(data.en.people.map((p) => p.id));
  const ru = new Set(data.ru.people.map((p) => p.id));
  assert.deepEqual([...en].filter((id) => !ru.has(id)), [], 'in en only');
  assert.deepEqual([...ru].filter((id) => !en.has(id)), [], 'in ru only');
});

test('every person has a capitalised canonical name that heads its names, in the right script', () => {
  for (const lang of ['en', 'ru'] as const) {
    for (const p of data[lang].people) {
      assert.ok(p.canonical && p.canonical.trim() === p.canonical, `${lang} ${p.id}: canonical`);
      assert.match(p.canonical, /^\p{Lu}/u, `${lang} ${p.id}: canonical not capitalised`);
      assert.ok(p.names.length >= 1 && p.names[0] === p.canonical, `${lang} ${p.id}: names must start with the canonical name`);
      assert.deepEqual(p.names.filter((n, i) => p.names.indexOf(n) !== i), [], `${lang} ${p.id}: repeated names`);
      for (const n of p.names) {
        assert.ok(n.length > 0 && n.trim() === n && !/\s{2}/.test(n), `${lang} ${p.id}: badly spaced ${JSON.stringify(n)}`);
        assert.equal(n, n.normalize('NFC'), `${lang} ${p.id}: ${n} is not NFC`);
        assert.ok(/^\p{Lu}/u.test(n) || PARTICLE.test(n), `${lang} ${p.id}: ${JSON.stringify(n)} is not capitalised`);
        assert.match(n, /\p{Lu}/u, `${lang} ${p.id}: ${JSON.stringify(n)} has no capital`);
        assert.ok(scriptOk(lang, n), `${lang} ${p.id}: ${JSON.stringify(n)} is not in the ${lang} script`);
      }
      if (p.description !== undefined) {
        assert.ok(typeof p.description === 'string' && p.description.trim().length > 0, `${lang} ${p.id}: empty description`);
        if (lang === 'en') assert.doesNotMatch(p.description, /\p{Script=Cyrillic}/u, `${p.id}: Cyrillic in en description`);
        else assert.match(p.description, /\p{Script=Cyrillic}/u, `${p.id}: ru description is not Russian`);
      }
    }
  }
});

test('no name form belongs to two people (a bare surname must be unambiguous)', () => {
  for (const lang of ['en', 'ru'] as const) {
    const owner = new Map<string, string>();
    for (const p of data[lang].people) {
      for (const n of p.names) {
        const k = lower(n);
        const prev = owner.get(k);
        assert.ok(prev === undefined || prev === p.id, `${lang}: ${n} is given to both ${prev} and ${p.id}`);
        owner.set(k, p.id);
      }
    }
  }
});

test('the figures news names without introduction are there, with their usual spellings', () => {
  const byId = (lang: Lang) => new Map(data[lang].people.map((p) => [p.id, p]));
  const en = byId('en');
  const ru = byId('ru');
  const ids = [
    'putin', 'zelensky', 'biden', 'trump', 'xi', 'erdogan', 'macron', 'scholz', 'merz', 'starmer', 'modi', 'lula',
    'netanyahu', 'guterres', 'lavrov', 'peskov', 'zakharova', 'blinken', 'rubio', 'wang-yi', 'lukashenko', 'aliyev',
    'pashinyan', 'tokayev', 'orban', 'fico', 'von-der-leyen', 'kallas', 'stoltenberg', 'rutte', 'grossi', 'pezeshkian',
    'araghchi', 'khamenei', 'mbs', 'sisi', 'kim-jong-un',
  ];
  for (const id of ids) {
    assert.ok(en.has(id), `en: ${id}`);
    assert.ok(ru.has(id), `ru: ${id}`);
  }
  const has = (m: Map<string, Person>, id: string, ...names: string[]) => {
    for (const n of names) assert.ok(m.get(id)!.names.includes(n), `${id}: ${n}`);
  };
  has(en, 'putin', 'Vladimir Putin', 'Putin');
  has(ru, 'putin', 'Владимир Путин', 'Путин');
  has(en, 'zelensky', 'Zelensky', 'Zelenskyy');
  has(ru, 'zelensky', 'Зеленский');
  has(en, 'erdogan', 'Erdogan', 'Erdoğan');
  has(ru, 'erdogan', 'Эрдоган');
  has(en, 'xi', 'Xi Jinping', 'Xi');
  has(ru, 'xi', 'Си Цзиньпин', 'Си');
  has(en, 'von-der-leyen', 'von der Leyen');
  has(en, 'mbs', 'bin Salman');
  has(en, 'kim-jong-un', 'Kim Jong Un');
  has(ru, 'kim-jong-un', 'Ким Чен Ын');
  has(ru, 'zakharova', 'Мария Захарова', 'Захарова');
  has(ru, 'jaishankar', 'Субраманьям Джайшанкар');
  assert.equal(en.get('putin')!.description, 'President of Russia');
  assert.equal(ru.get('putin')!.description, 'президент России');
});
