// Named entities through analyze(): the annotation guide's §1 and its entity Decisions, on sentences
// written for these tests, in Russian and English. Spans are found with indexOf in the test text and
// compared exactly (start, end, type); linking is checked as id equality or inequality between
// mentions. The gazetteer matcher and the date scanner have their own tests (gazetteer.test.ts,
// dates.test.ts); here they are seen only as far as analyze() merges and links their mentions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Entity, type EntityType } from '../../analysis/index.ts';

type Lang = 'ru' | 'en';

// ---------------------------------------------------------------------------------------------
// Helpers

const show = (es: Entity[]) => (es.length ? es.map((e) => `${JSON.stringify(e.text)}@${e.start}-${e.end} ${e.type} ${e.id}`).join('; ') : '(no entities)');

/** The n-th (1-based) occurrence of `needle` in `text`; a missing needle is a bug in the test. */
function spanOf(text: string, needle: string, n = 1): { start: number; end: number } {
  let pos = -1;
  for (let k = 0; k < n; k++) {
    pos = text.indexOf(needle, pos + 1);
    if (pos < 0) throw new Error(`test bug: ${JSON.stringify(needle)} (occurrence ${n}) is not in the text`);
  }
  return { start: pos, end: pos + needle.length };
}

/** The entities of `text`, after checking the list is flat, ordered and anchored to the text. */
function entitiesOf(text: string, language: Lang): Entity[] {
  const es = analyze(text, { language }).entities;
  let last = 0;
  for (const e of es) {
    assert.ok(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start < e.end, `bad offsets: ${show([e])}`);
    assert.ok(e.start >= last, `entities overlap or are out of order at ${show([e])}; all: ${show(es)}`);
    last = e.end;
    assert.equal(e.text, text.slice(e.start, e.end), 'an entity text is its source slice');
    assert.ok(typeof e.id === 'string' && e.id.length > 0, `empty id: ${show([e])}`);
  }
  return es;
}

interface Look {
  es: Entity[];
  /** The entity with exactly the span of `needle` (n-th occurrence), asserted to be of `type`. */
  m(needle: string, type: EntityType, n?: number): Entity;
  /** `needle` is exactly one entity of `type`: nothing else overlaps it (no nesting, no split). */
  only(needle: string, type: EntityType, n?: number): Entity;
  /** No entity (of any type, or of the given types) overlaps `needle`. */
  none(needle: string, n?: number, types?: EntityType[]): void;
}

function look(text: string, language: Lang): Look {
  const es = entitiesOf(text, language);
  const m = (needle: string, type: EntityType, n = 1): Entity => {
    const s = spanOf(text, needle, n);
    const e = es.find((x) => x.start === s.start && x.end === s.end);
    const near = es.filter((x) => x.start < s.end && s.start < x.end);
    assert.ok(e, `expected ${type} ${JSON.stringify(needle)}@${s.start}-${s.end} in ${JSON.stringify(text)}\n  overlapping: ${show(near)}\n  all: ${show(es)}`);
    assert.equal(e.type, type, `type of ${JSON.stringify(needle)} in ${JSON.stringify(text)}`);
    return e;
  };
  const only = (needle: string, type: EntityType, n = 1): Entity => {
    const e = m(needle, type, n);
    const s = spanOf(text, needle, n);
    const near = es.filter((x) => x.start < s.end && s.start < x.end);
    assert.equal(near.length, 1, `${JSON.stringify(needle)} should be one ${type}, found: ${show(near)}`);
    return e;
  };
  const none = (needle: string, n = 1, types?: EntityType[]): void => {
    const s = spanOf(text, needle, n);
    const near = es.filter((x) => x.start < s.end && s.start < x.end && (!types || types.includes(x.type)));
    assert.deepEqual(near.map((x) => `${x.text}|${x.type}`), [], `${JSON.stringify(needle)} in ${JSON.stringify(text)} should not be ${types ? types.join('/') : 'an entity'}`);
  };
  return { es, m, only, none };
}

// ---------------------------------------------------------------------------------------------
// Russian

describe('ru person', () => {
  test('initials written together with the surname: С.В.Лавров, С.Лавров', () => {
    const text = 'Глава МИД России С.В.Лавров провел переговоры с турецким коллегой. Накануне С.Лавров обсудил повестку с послами.';
    const x = look(text, 'ru');
    const a = x.only('С.В.Лавров', 'person');
    const b = x.only('С.Лавров', 'person');
    assert.equal(a.id, b.id);
    x.only('МИД России', 'organization');
  });

  test('initials with spaces stay in the span: С. В. Лавров', () => {
    const text = 'Как сообщили в посольстве, С. В. Лавров прибудет в Анкару в понедельник.';
    const x = look(text, 'ru');
    x.only('С. В. Лавров', 'person');
    x.m('Анкару', 'place');
  });

  test('first name and surname, at a sentence start and inside a sentence', () => {
    const text = 'Михаил Галузин провел консультации в Ереване. В переговорах также участвовал Алексей Оверчук.';
    const x = look(text, 'ru');
    x.only('Михаил Галузин', 'person');
    x.only('Алексей Оверчук', 'person');
  });

  test('a title in front is not part of the name', () => {
    const text = 'Министр иностранных дел Сергей Лавров и заместитель министра иностранных дел Михаил Галузин приняли посла.';
    const x = look(text, 'ru');
    x.only('Сергей Лавров', 'person');
    x.only('Михаил Галузин', 'person');
    x.none('Министр иностранных дел');
    x.none('заместитель министра иностранных дел');
  });

  test('a surname alone after the full name was introduced', () => {
    const text = 'Посол Азербайджана Рахман Мустафаев был приглашен на Смоленскую площадь. Мустафаев заверил, что Баку заинтересован в диалоге.';
    const x = look(text, 'ru');
    const full = x.only('Рахман Мустафаев', 'person');
    const bare = x.only('Мустафаев', 'person', 2);
    assert.equal(bare.id, full.id);
  });

  test('inflected surnames: Галузину, Галузиным, Мустафаевым', () => {
    const text = 'Михаил Галузин принял посла Рахмана Мустафаева. Галузину передали письмо, а с Галузиным и Мустафаевым обсудили график консультаций.';
    const x = look(text, 'ru');
    const g = x.m('Михаил Галузин', 'person');
    const mu = x.m('Рахмана Мустафаева', 'person');
    assert.equal(x.m('Галузину', 'person').id, g.id);
    assert.equal(x.m('Галузиным', 'person').id, g.id);
    assert.equal(x.m('Мустафаевым', 'person').id, mu.id);
    assert.notEqual(g.id, mu.id);
    x.none('посла');
  });

  test('a full name in an oblique case is one person', () => {
    const text = 'Вчера глава делегации встретился с Рахманом Мустафаевым в Москве.';
    const x = look(text, 'ru');
    x.only('Рахманом Мустафаевым', 'person');
    x.m('Москве', 'place');
  });
});

describe('ru organization', () => {
  test('МИД России is one organisation, not an organisation and a country', () => {
    const text = 'Официальный представитель МИД России прокомментировала итоги встречи.';
    look(text, 'ru').only('МИД России', 'organization');
  });

  test('the ministry by its full official name', () => {
    const text = 'Министерство иностранных дел Российской Федерации распространило заявление для прессы.';
    look(text, 'ru').only('Министерство иностранных дел Российской Федерации', 'organization');
  });

  test('МИД with a country in the genitive: one organisation per ministry', () => {
    const text = 'МИД Армении и МИД Азербайджана обменялись нотами, а МИД Франции призвал к сдержанности.';
    const x = look(text, 'ru');
    const am = x.only('МИД Армении', 'organization');
    const az = x.only('МИД Азербайджана', 'organization');
    const fr = x.only('МИД Франции', 'organization');
    assert.equal(new Set([am.id, az.id, fr.id]).size, 3, 'three ministries, three ids');
  });

  test('media outlets: quote marks are not part of the span', () => {
    const text = 'Об этом сообщила газета «Коммерсантъ» со ссылкой на РИА Новости и агентство Reuters.';
    const x = look(text, 'ru');
    x.only('Коммерсантъ', 'organization');
    x.only('РИА Новости', 'organization');
    x.only('Reuters', 'organization');
  });

  test('international bodies and their abbreviations', () => {
    const text = 'Вопрос обсудят в ООН и в СБ ООН; свои позиции уже изложили ЕС, НАТО, ОБСЕ и ШОС.';
    const x = look(text, 'ru');
    const un = x.only('ООН', 'organization');
    const unsc = x.only('СБ ООН', 'organization');
    assert.notEqual(un.id, unsc.id, 'the Security Council is a body of its own');
    for (const abbr of ['ЕС', 'НАТО', 'ОБСЕ', 'ШОС']) x.only(abbr, 'organization');
    assert.equal(new Set(x.es.map((e) => e.id)).size, 6);
  });

  test('Евросоюз is the EU', () => {
    const text = 'Евросоюз продлил санкции; в ЕС это решение назвали вынужденным.';
    const x = look(text, 'ru');
    assert.equal(x.only('Евросоюз', 'organization').id, x.only('ЕС', 'organization').id);
  });

  test('a body found by its head noun and genitive chain: Постоянного совета ОБСЕ', () => {
    const text = 'Вопрос обсуждался на заседании Постоянного совета ОБСЕ в Вене.';
    const x = look(text, 'ru');
    x.only('Постоянного совета ОБСЕ', 'organization');
    x.none('заседании');
    x.m('Вене', 'place');
  });

  test('a meeting of a body is not part of the body, even at a sentence start', () => {
    const text = 'Заседание Постоянного совета ОБСЕ прошло в Вене.';
    const x = look(text, 'ru');
    x.only('Постоянного совета ОБСЕ', 'organization');
    x.none('Заседание');
  });

  test('an intergovernmental commission is an organisation', () => {
    // Whether "по торгово-экономическому сотрудничеству" belongs to the span, the guide does not
    // say; only that the commission is named as an organisation from its first word.
    const text = 'Стороны договорились провести заседание Межправительственной комиссии по торгово-экономическому сотрудничеству осенью.';
    const x = look(text, 'ru');
    const start = text.indexOf('Межправительственной');
    const org = x.es.find((e) => e.start === start);
    assert.ok(org, `no entity starts at Межправительственной: ${show(x.es)}`);
    assert.equal(org.type, 'organization');
    x.none('заседание');
  });
});

describe('ru country', () => {
  test('case forms of one country share its id', () => {
    const text = 'Делегация Азербайджана передала предложения; Азербайджану предложили новый график, а с Азербайджаном согласовали повестку.';
    const x = look(text, 'ru');
    const ids = ['Азербайджана', 'Азербайджану', 'Азербайджаном'].map((w) => x.only(w, 'country').id);
    assert.equal(new Set(ids).size, 1, ids.join(', '));
  });

  test('the official name in an oblique case', () => {
    const text = 'Президент Российской Федерации подписал указ о ратификации.';
    const x = look(text, 'ru');
    const e = x.only('Российской Федерации', 'country');
    assert.equal(e.canonical, 'Россия');
    x.none('Президент');
  });

  test('abbreviations: РФ, США, КНР', () => {
    const text = 'Представители РФ, США и КНР провели консультации.';
    const x = look(text, 'ru');
    const ids = ['РФ', 'США', 'КНР'].map((w) => x.only(w, 'country').id);
    assert.equal(new Set(ids).size, 3);
  });
});

describe('ru place', () => {
  test('a capital standing for a government is a place with its own id', () => {
    const text = 'Москва считает, что Россия должна участвовать в переговорах, а Баку настаивает на своих условиях.';
    const x = look(text, 'ru');
    const msk = x.only('Москва', 'place');
    const ru = x.only('Россия', 'country');
    x.only('Баку', 'place');
    assert.notEqual(msk.id, ru.id, 'Москва is not linked to Россия');
  });

  test('a region in the prepositional case', () => {
    const text = 'Ситуация на Южном Кавказе остается напряженной.';
    look(text, 'ru').only('Южном Кавказе', 'place');
  });

  test('an all-caps dateline is a place, its date a date', () => {
    const text = 'ПЕКИН, 12 марта. Стороны подписали совместное коммюнике.';
    const x = look(text, 'ru');
    x.only('ПЕКИН', 'place');
    x.only('12 марта', 'date');
  });

  test('a city in a case form', () => {
    const text = 'Переговоры продолжатся в Брюсселе, а затем делегации отправятся в Ереван.';
    const x = look(text, 'ru');
    x.only('Брюсселе', 'place');
    x.only('Ереван', 'place');
  });
});

describe('ru date', () => {
  test('a full date keeps its year word and drops the preposition', () => {
    const text = 'Соглашение должно быть подписано до 14 ноября 2024 года.';
    const x = look(text, 'ru');
    x.only('14 ноября 2024 года', 'date');
    x.none('до ');
  });

  test('a weekday is a date', () => {
    const text = 'Министры встретятся в среду в Анкаре.';
    const x = look(text, 'ru');
    x.only('среду', 'date');
    x.m('Анкаре', 'place');
  });
});

describe('ru not entities', () => {
  test('сегодня is not a date', () => {
    const text = 'Сегодня в Москве начались консультации.';
    const x = look(text, 'ru');
    x.none('Сегодня');
    x.m('Москве', 'place');
  });

  test('a title alone is not a person', () => {
    const text = 'Замминистра провел встречу с послом, после чего посол передал ноту.';
    assert.deepEqual(look(text, 'ru').es.map((e) => e.text), []);
  });

  test('capitalised common words at a sentence start are not persons', () => {
    const text = 'Переговоры прошли в конструктивном ключе. Стороны обсудили повестку. Новые санкции вступят в силу немедленно.';
    assert.deepEqual(look(text, 'ru').es.map((e) => e.text), []);
  });

  test('format names in quotes are not entities', () => {
    const text = 'Стороны обсудили развитие формата «3+3» и перспективы формата "3+3" в регионе.';
    const x = look(text, 'ru');
    x.none('«3+3»');
    x.none('"3+3"');
  });

  test('российская and азербайджанские are demonyms, not countries', () => {
    const text = 'Российская сторона и азербайджанские партнеры обсудили ситуацию.';
    const x = look(text, 'ru');
    x.only('Российская', 'demonym');
    x.only('азербайджанские', 'demonym');
    x.none('Российская', 1, ['country']);
  });
});

// ---------------------------------------------------------------------------------------------
// English

describe('en person', () => {
  test('an initial and a surname: A. Guterres', () => {
    const text = 'The letter was signed by A. Guterres and sent to all member states.';
    look(text, 'en').only('A. Guterres', 'person');
  });

  test('a title in front is not part of the name', () => {
    const text = 'Foreign Minister Hakan Fidan met Secretary of State Marco Rubio in Ankara.';
    const x = look(text, 'en');
    const f = x.only('Hakan Fidan', 'person');
    const r = x.only('Marco Rubio', 'person');
    assert.notEqual(f.id, r.id);
    x.none('Foreign Minister');
    x.none('Secretary of State');
    x.only('Ankara', 'place');
  });

  test('a surname alone after the full name, and a possessive left out of the span', () => {
    const text = 'Secretary of State Marco Rubio arrived on Sunday. Rubio’s aides said the talks would focus on trade, and Rubio later met reporters.';
    const x = look(text, 'en');
    const full = x.only('Marco Rubio', 'person');
    const poss = x.only('Rubio', 'person', 2);
    assert.equal(text.slice(poss.end, poss.end + 2), '’s');
    assert.equal(poss.id, full.id);
    assert.equal(x.only('Rubio', 'person', 3).id, full.id);
  });

  test('first name and surname inside a sentence', () => {
    const text = 'Speaking in Brussels, Kaja Kallas said the bloc would respond.';
    const x = look(text, 'en');
    x.only('Kaja Kallas', 'person');
    x.only('Brussels', 'place');
  });

  test('a name with the particle al-', () => {
    const text = 'The mediator, Khalid al-Rashidi, said both delegations had accepted the agenda.';
    look(text, 'en').only('Khalid al-Rashidi', 'person');
  });

  test('a name with the particles von der', () => {
    const text = 'The summit was chaired by Ursula von der Leyen, who thanked the hosts.';
    look(text, 'en').only('Ursula von der Leyen', 'person');
  });
});

describe('en organization', () => {
  test('the State Department, without "the"', () => {
    const text = 'A spokesperson for the State Department said the review was complete.';
    const x = look(text, 'en');
    const e = x.only('State Department', 'organization');
    assert.equal(text.slice(e.start - 4, e.start), 'the ', '"the" stays outside the span');
  });

  test('a ministry named with a possessive country, and with a demonym', () => {
    const text = 'Armenia’s Foreign Ministry and the Russian Defense Ministry issued separate statements.';
    const x = look(text, 'en');
    const am = x.only('Armenia’s Foreign Ministry', 'organization');
    const ru = x.only('Russian Defense Ministry', 'organization');
    assert.notEqual(am.id, ru.id);
  });

  test('a news agency', () => {
    const text = 'The ceasefire was holding, Reuters reported, citing two officials.';
    look(text, 'en').only('Reuters', 'organization');
  });

  test('international bodies by abbreviation and full name', () => {
    const text = 'The UN, NATO, the OSCE and the SCO were invited, as was the European Union.';
    const x = look(text, 'en');
    for (const name of ['UN', 'NATO', 'OSCE', 'SCO', 'European Union']) x.only(name, 'organization');
    assert.equal(new Set(x.es.map((e) => e.id)).size, 5);
  });

  test('an acronym defined in parentheses is the body named before it', () => {
    const text = 'The Rapid Support Forces (RSF) denied the report. RSF commanders said they had withdrawn.';
    const x = look(text, 'en');
    const full = x.only('Rapid Support Forces', 'organization');
    assert.equal(x.only('RSF', 'organization', 1).id, full.id);
    assert.equal(x.only('RSF', 'organization', 2).id, full.id);
  });

  test('an acronym defined in parentheses for a body no list knows', () => {
    const text = 'The Northern Corridor Transit Authority (NCTA) published new tariffs. NCTA officials said the changes were final.';
    const x = look(text, 'en');
    const full = x.only('Northern Corridor Transit Authority', 'organization');
    assert.equal(x.only('NCTA', 'organization', 1).id, full.id);
    assert.equal(x.only('NCTA', 'organization', 2).id, full.id);
  });
});

describe('en country', () => {
  test('"the" belongs to the country name', () => {
    const text = 'Talks between the United States and the UK resumed after a pause.';
    const x = look(text, 'en');
    const us = x.only('the United States', 'country');
    const uk = x.only('the UK', 'country');
    assert.notEqual(us.id, uk.id);
  });

  test('U.S. inside a hyphenated compound is the country alone', () => {
    const text = 'Both sides signed the U.S.-brokered deal in Washington.';
    const x = look(text, 'en');
    x.only('U.S.', 'country');
    x.none('brokered');
  });

  test('a country name without an article', () => {
    const text = 'Officials from Azerbaijan and Armenia met in Abu Dhabi.';
    const x = look(text, 'en');
    x.only('Azerbaijan', 'country');
    x.only('Armenia', 'country');
  });
});

describe('en place', () => {
  test('capitals and buildings standing for governments', () => {
    const text = 'Brussels and the Kremlin traded accusations while Downing Street stayed silent.';
    const x = look(text, 'en');
    x.only('Brussels', 'place');
    x.only('the Kremlin', 'place');
    x.only('Downing Street', 'place');
  });

  test('regions take their "the"', () => {
    const text = 'Aid deliveries to the Middle East, the Gaza Strip and the Sahel were discussed.';
    const x = look(text, 'en');
    x.only('the Middle East', 'place');
    x.only('the Gaza Strip', 'place');
    x.only('the Sahel', 'place');
  });

  test('an all-caps dateline', () => {
    const text = 'VILNIUS, March 3 - Baltic foreign ministers met to coordinate their positions.';
    const x = look(text, 'en');
    x.only('VILNIUS', 'place');
    x.only('March 3', 'date');
  });
});

describe('en date', () => {
  test('a full date without its preposition', () => {
    const text = 'The agreement was signed on 3 March 2024 in Geneva.';
    const x = look(text, 'en');
    x.only('3 March 2024', 'date');
    x.only('Geneva', 'place');
  });

  test('a weekday is a date', () => {
    const text = 'The envoys will meet again on Tuesday.';
    look(text, 'en').only('Tuesday', 'date');
  });
});

describe('en not entities', () => {
  test('today is not a date', () => {
    const text = 'The minister said the talks would resume today.';
    assert.deepEqual(look(text, 'en').es.map((e) => e.text), []);
  });

  test('titles and generic nouns alone are not entities', () => {
    const text = 'The ambassador met the deputy foreign minister, and the ministry declined to comment.';
    assert.deepEqual(look(text, 'en').es.map((e) => e.text), []);
  });

  test('capitalised words at a sentence start are not persons', () => {
    const text = 'Negotiators met behind closed doors. Officials said progress was made. Diplomats expect more talks.';
    assert.deepEqual(look(text, 'en').es.map((e) => e.text), []);
  });

  test('format names and coined terms in quotes are not entities', () => {
    const text = 'Delegates discussed the "3+3" format and the so-called "peace plan".';
    const x = look(text, 'en');
    x.none('"3+3"');
    x.none('"peace plan"');
  });

  test('Azerbaijani is a demonym, not a country', () => {
    const text = 'Azerbaijani and Armenian negotiators will meet next month.';
    const x = look(text, 'en');
    x.only('Azerbaijani', 'demonym');
    x.only('Armenian', 'demonym');
  });
});

// ---------------------------------------------------------------------------------------------
// Linking

describe('linking', () => {
  test('Галузин, Михаил Галузин, М.Ю.Галузин, Галузину: one id, canonical Михаил Галузин', () => {
    const text = 'Галузин прибыл в Баку утром. Михаил Галузин провел переговоры с коллегой, а М.Ю.Галузин подписал протокол. Галузину вручили приглашение.';
    const x = look(text, 'ru');
    const ms = [x.m('Галузин', 'person', 1), x.m('Михаил Галузин', 'person'), x.m('М.Ю.Галузин', 'person'), x.m('Галузину', 'person')];
    assert.equal(new Set(ms.map((e) => e.id)).size, 1, show(ms));
    for (const e of ms) assert.equal(e.canonical, 'Михаил Галузин', `canonical of ${e.text}`);
  });

  test('the full name stays canonical when initials with spaces follow it', () => {
    const text = 'Михаил Галузин провел встречу в Ереване. Затем М. Ю. Галузин выступил с заявлением.';
    const x = look(text, 'ru');
    const a = x.m('Михаил Галузин', 'person');
    const b = x.m('М. Ю. Галузин', 'person');
    assert.equal(a.id, b.id);
    assert.equal(b.canonical, 'Михаил Галузин');
    assert.equal(a.canonical, 'Михаил Галузин');
  });

  test('Россия, РФ, Российская Федерация, России: one id, canonical Россия', () => {
    const text = 'Россия готова к диалогу. Российская Федерация настаивает, чтобы РФ участвовала в работе группы, и делегация России уже прибыла.';
    const x = look(text, 'ru');
    const ms = ['Россия', 'Российская Федерация', 'РФ', 'России'].map((w) => x.m(w, 'country'));
    assert.equal(new Set(ms.map((e) => e.id)).size, 1, show(ms));
    for (const e of ms) assert.equal(e.canonical, 'Россия', `canonical of ${e.text}`);
  });

  test('ЕС, Евросоюз, Европейский союз: one id', () => {
    const text = 'Евросоюз продлил санкции. В ЕС решение назвали вынужденным, и Европейский союз не намерен его пересматривать.';
    const x = look(text, 'ru');
    const ms = ['Евросоюз', 'ЕС', 'Европейский союз'].map((w) => x.m(w, 'organization'));
    assert.equal(new Set(ms.map((e) => e.id)).size, 1, show(ms));
  });

  test('UN and United Nations: one id', () => {
    const text = 'The United Nations said the UN would send monitors.';
    const x = look(text, 'en');
    assert.equal(x.m('United Nations', 'organization').id, x.m('UN', 'organization').id);
  });

  test('US, the United States and U.S.: one id', () => {
    const text = 'US officials said the United States would not sign, and a U.S. envoy left the talks.';
    const x = look(text, 'en');
    const ms = [x.m('US', 'country'), x.m('the United States', 'country'), x.m('U.S.', 'country')];
    assert.equal(new Set(ms.map((e) => e.id)).size, 1, show(ms));
  });

  test('МИД alone after МИД России is the same ministry', () => {
    const text = 'Заявление МИД России было опубликовано в четверг. В МИД подчеркнули, что позиция Москвы не изменилась.';
    const x = look(text, 'ru');
    const full = x.only('МИД России', 'organization');
    const bare = x.only('МИД', 'organization', 2);
    assert.equal(bare.id, full.id);
  });

  test('different people with different surnames have different ids', () => {
    const ru = 'Сергей Лавров и Сергей Шойгу обсудили ситуацию. Шойгу отметил, что Лавров прав.';
    const r = look(ru, 'ru');
    const lav = r.m('Сергей Лавров', 'person');
    const sho = r.m('Сергей Шойгу', 'person');
    assert.notEqual(lav.id, sho.id, 'same first name, different surnames');
    assert.equal(r.m('Шойгу', 'person', 2).id, sho.id);
    assert.equal(r.m('Лавров', 'person', 2).id, lav.id);

    const en = 'Antony Blinken called Sergei Lavrov. Later Blinken said Lavrov had listened.';
    const e = look(en, 'en');
    const bl = e.m('Antony Blinken', 'person');
    const la = e.m('Sergei Lavrov', 'person');
    assert.notEqual(bl.id, la.id);
    assert.equal(e.m('Blinken', 'person', 2).id, bl.id);
    assert.equal(e.m('Lavrov', 'person', 2).id, la.id);
  });

  test('a weekday never shares an id with a calendar date; the same date written again does', () => {
    const ru = 'Встреча состоится в четверг, 14 ноября. К 14 ноября стороны подготовят проект.';
    const r = look(ru, 'ru');
    const wd = r.only('четверг', 'date');
    const d1 = r.only('14 ноября', 'date', 1);
    const d2 = r.only('14 ноября', 'date', 2);
    assert.notEqual(wd.id, d1.id);
    assert.equal(d1.id, d2.id);

    const en = 'The envoys meet on Thursday, 14 November, and the text is due by 14 November.';
    const e = look(en, 'en');
    const ewd = e.only('Thursday', 'date');
    const ed1 = e.only('14 November', 'date', 1);
    assert.notEqual(ewd.id, ed1.id);
    assert.equal(e.only('14 November', 'date', 2).id, ed1.id);
  });

  test('every entity has a canonical name; a person and a country keep one per id', () => {
    const texts: Array<[string, Lang]> = [
      ['Глава МИД РФ Сергей Лавров провел в Москве переговоры с послом Азербайджана Рахманом Мустафаевым. Лавров отметил, что Россия и Азербайджан 14 ноября подпишут протокол, а ЕС и ООН поддержали процесс.', 'ru'],
      ['Secretary of State Marco Rubio met Foreign Minister Hakan Fidan in Ankara on Tuesday. Rubio said the United States and the EU backed the UN plan, and Fidan thanked the U.S. delegation.', 'en'],
    ];
    for (const [text, lang] of texts) {
      const es = look(text, lang).es;
      assert.ok(es.length >= 8, `${lang}: too few entities to check: ${show(es)}`);
      for (const e of es) assert.ok(typeof e.canonical === 'string' && e.canonical.trim().length > 0, `${lang}: no canonical for ${show([e])}`);
      const byId = new Map<string, Set<string>>();
      for (const e of es.filter((x) => x.type === 'person' || x.type === 'country')) byId.set(e.id, (byId.get(e.id) ?? new Set()).add(e.canonical!));
      for (const [id, names] of byId) assert.equal(names.size, 1, `${lang}: ${id} has several canonicals: ${[...names].join(' | ')}`);
    }
    const x = look(texts[0][0], 'ru');
    x.only('МИД РФ', 'organization');
    assert.equal(x.m('Лавров', 'person', 2).canonical, 'Сергей Лавров');
    assert.equal(x.m('Россия', 'country').canonical, 'Россия');
    const y = look(texts[1][0], 'en');
    assert.equal(y.m('Rubio', 'person', 2).canonical, 'Marco Rubio');
  });

  test('РФ alone has canonical Россия', () => {
    const text = 'Делегация РФ покинула зал.';
    assert.equal(look(text, 'ru').only('РФ', 'country').canonical, 'Россия');
  });
});
