// Dates (analysis/entities/dates.ts): the annotation guide's `date` on sentences written for these
// tests, in both languages — exact spans (text.slice) and ids, the negatives (casual words,
// relative phrases, clock times, quantities, the modal "may", среда = environment), offsets that
// survive CRLF, a BOM, surrogate pairs and Markdown, and linear-time behaviour on adversarial input.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { findDates, KEPT_PARSERS, probeParsers, type DateMention } from '../../analysis/entities/dates.ts';

type Lang = 'ru' | 'en';

/** The dates as [surface, id] pairs, in text order, after checking the spans are well-formed. */
function dates(text: string, language: Lang): Array<[string, string]> {
  const found = findDates(text, language);
  wellFormed(text, found);
  return found.map((d) => [text.slice(d.start, d.end), d.id]);
}

function wellFormed(text: string, found: DateMention[]): void {
  let last = -1;
  for (const d of found) {
    assert.ok(Number.isInteger(d.start) && Number.isInteger(d.end), 'integer offsets');
    assert.ok(d.start >= 0 && d.end <= text.length && d.start < d.end, `bad span ${d.start}-${d.end}`);
    assert.ok(d.start >= last, `overlap or disorder at ${d.start}`);
    last = d.end;
    assert.match(d.id, /^d-/);
    assert.ok(d.canonical.length > 0);
    const s = text.slice(d.start, d.end);
    assert.equal(s, s.trim(), `span ${JSON.stringify(s)} has outer whitespace`);
    assert.doesNotMatch(s, /[\r\n]/, 'a date never crosses a line');
  }
}

function expectDates(text: string, language: Lang, expected: Array<[string, string]>): void {
  assert.deepEqual(dates(text, language), expected, text);
}

describe('Russian dates', () => {
  test('a dateline and a weekday: two dates, the preposition left out', () => {
    expectDates('БАКУ, 18 октября. Министры иностранных дел встретились в пятницу в Москве.', 'ru', [
      ['18 октября', 'd-10-18'],
      ['пятницу', 'd-friday'],
    ]);
  });

  test('a clock time after a date is not part of it', () => {
    expectDates('Переговоры пройдут 14 ноября в 15:00 по московскому времени.', 'ru', [['14 ноября', 'd-11-14']]);
    expectDates('Встреча назначена на 3 марта 2025 года в 10 утра.', 'ru', [['3 марта 2025 года', 'd-2025-03-03']]);
  });

  test('years keep their year word; ranges are one date', () => {
    expectDates('В 2020-2022 годов объём торговли вырос, а в 2016–2017 годах снижался.', 'ru', [
      ['2020-2022 годов', 'd-2020/2022'],
      ['2016–2017 годах', 'd-2016/2017'],
    ]);
    expectDates('Соглашение вступит в силу в 2027 году, а программа рассчитана на 2025-2027 гг.', 'ru', [
      ['2027 году', 'd-2027'],
      ['2025-2027 гг.', 'd-2025/2027'],
    ]);
    expectDates('2024 год стал рекордным. Итоги 2024 года подведут к 2030 году.', 'ru', [
      ['2024 год', 'd-2024'],
      ['2024 года', 'd-2024'],
      ['2030 году', 'd-2030'],
    ]);
    expectDates('Договор 1972 года утратил силу в 2024-м году.', 'ru', [
      ['1972 года', 'd-1972'],
      ['2024-м году', 'd-2024'],
    ]);
  });

  test('a bare year followed by a conjunction or by год', () => {
    expectDates('Санкции вводились в 2014 и 2022 годах, с 2014 по 2022 год.', 'ru', [
      ['2014', 'd-2014'],
      ['2022 годах', 'd-2022'],
      ['2014', 'd-2014'],
      ['2022 год', 'd-2022'],
    ]);
  });

  test('full dates, with г. and its dot', () => {
    expectDates('Документ подписан 5 февраля 2026 года, а предыдущий — 5 марта 2024 г. в Минске.', 'ru', [
      ['5 февраля 2026 года', 'd-2026-02-05'],
      ['5 марта 2024 г.', 'd-2024-03-05'],
    ]);
  });

  test('the same day written with and without its year shares one id', () => {
    expectDates('Заявление опубликовано 13 марта 2025 года. Как отмечалось 13 марта, стороны согласны. 20 марта — следующий раунд.', 'ru', [
      ['13 марта 2025 года', 'd-2025-03-13'],
      ['13 марта', 'd-2025-03-13'],
      ['20 марта', 'd-03-20'],
    ]);
  });

  test('day ranges', () => {
    expectDates('Консультации прошли 7–8 апреля в Женеве, сессия — с 1 по 3 марта.', 'ru', [
      ['7–8 апреля', 'd-04-07/04-08'],
      ['1 по 3 марта', 'd-03-01/03-03'],
    ]);
    // A range with a month on both sides is two dates (the first takes the year of the second).
    expectDates('Учения пройдут с 28 февраля по 3 марта 2025 года.', 'ru', [
      ['28 февраля', 'd-2025-02-28'],
      ['3 марта 2025 года', 'd-2025-03-03'],
    ]);
  });

  test('month and year, bare months in any case, month ranges', () => {
    expectDates('В июне 2024 года и в сентябре 2025 года делегации обменялись визитами, в мае 2023 г. — тоже.', 'ru', [
      ['июне 2024 года', 'd-2024-06'],
      ['сентябре 2025 года', 'd-2025-09'],
      ['мае 2023 г.', 'd-2023-05'],
    ]);
    expectDates('В апреле переговоры возобновятся; к сентябрю их планируют завершить, а в декабре подписать. Январь выдался напряжённым.', 'ru', [
      ['апреле', 'd-april'],
      ['сентябрю', 'd-september'],
      ['декабре', 'd-december'],
      ['Январь', 'd-january'],
    ]);
    expectDates('Отчёт за январь–март 2025 года и за сентябрю 2025 года.', 'ru', [
      ['январь–март 2025 года', 'd-2025-01/2025-03'],
      ['сентябрю 2025 года', 'd-2025-09'],
    ]);
  });

  test('weekdays in any case, without the time of day', () => {
    expectDates('В среду вечером посла вызвали в МИД, а в понедельник и в четверг прошли консультации. До среды ответа не будет.', 'ru', [
      ['среду', 'd-wednesday'],
      ['понедельник', 'd-monday'],
      ['четверг', 'd-thursday'],
      ['среды', 'd-wednesday'],
    ]);
    expectDates('Среда, 5 марта 2025 г.', 'ru', [
      ['Среда', 'd-wednesday'],
      ['5 марта 2025 г.', 'd-2025-03-05'],
    ]);
  });

  test('an ordinal day and a numeric date', () => {
    expectDates('Совещание перенесли на 18-го октября.', 'ru', [['18-го октября', 'd-10-18']]);
    expectDates('Указ от 05.03.2025 № 123 и распоряжение от 31.12.2024 г.', 'ru', [
      ['05.03.2025', 'd-2025-03-05'],
      ['31.12.2024 г.', 'd-2024-12-31'],
    ]);
  });

  test('not dates: casual words, relative phrases, clock times', () => {
    expectDates('Сегодня, завтра и вчера; через неделю; на прошлой неделе; в 15:00; в 9 утра; сейчас; недавно.', 'ru', []);
  });

  test('not dates: quantities, formats, numbers of documents, decades', () => {
    expectDates('Поставлено 600 единиц техники и 100 боезарядов, в формате 2+2, около 2000 человек, 1500 военнослужащих, 2000 человек.', 'ru', []);
    expectDates('Резолюция № 2024 и резолюции 2043, тел. +7 495 2024 10 10, в 1990-х годах и в 2020-е годы, в 2024/25 году.', 'ru', []);
  });

  test('not dates: среда as environment, names, plural weekdays', () => {
    expectDates('Охрана окружающей среды, информационная среда, выброс в окружающую среду, в среде экспертов, по средам.', 'ru', []);
    expectDates('Марта Иванова прилетела в Москву. С Августой Петровой говорили по пятницам.', 'ru', []);
  });
});

describe('English dates', () => {
  test('a dateline and a weekday', () => {
    expectDates('VILNIUS, Oct. 28 — Lithuania said on Wednesday it would close the border.', 'en', [
      ['Oct. 28', 'd-10-28'],
      ['Wednesday', 'd-wednesday'],
    ]);
    expectDates('KHARTOUM, Feb 17 (Reuters) - The army said on Monday it had retaken the bridge.', 'en', [
      ['Feb 17', 'd-02-17'],
      ['Monday', 'd-monday'],
    ]);
  });

  test('a weekday and a date after a comma are two dates', () => {
    expectDates('The talks on Monday, October 20, and on October 26 were postponed.', 'en', [
      ['Monday', 'd-monday'],
      ['October 20', 'd-10-20'],
      ['October 26', 'd-10-26'],
    ]);
  });

  test('bare years, and years as modifiers', () => {
    expectDates('In 2021 the envoy resigned; since 2018 no talks have been held, and the 2024 elections changed little.', 'en', [
      ['2021', 'd-2021'],
      ['2018', 'd-2018'],
      ['2024', 'd-2024'],
    ]);
    expectDates('Resolution 2231 (2015) was endorsed; Russia’s 2024 budget and the 2020–2022 period followed.', 'en', [
      ['2015', 'd-2015'],
      ['2024', 'd-2024'],
      ['2020–2022', 'd-2020/2022'],
    ]);
  });

  test('full dates, ranges, month and year', () => {
    expectDates('WASHINGTON, April 8, 2025. The session ran 17–21 March 2025 and resumes on 14 October 2025.', 'en', [
      ['April 8, 2025', 'd-2025-04-08'],
      ['17–21 March 2025', 'd-2025-03-17/2025-03-21'],
      ['14 October 2025', 'd-2025-10-14'],
    ]);
    expectDates('The agreements of September 2014 and February 2015 were ignored before the October 2024 elections.', 'en', [
      ['September 2014', 'd-2014-09'],
      ['February 2015', 'd-2015-02'],
      ['October 2024', 'd-2024-10'],
    ]);
    expectDates('Fighting broke out in April 2023 and again in May 2023.', 'en', [
      ['April 2023', 'd-2023-04'],
      ['May 2023', 'd-2023-05'],
    ]);
  });

  test('bare months and days without a year', () => {
    expectDates('The ban took effect in January; the report is due on July 4 and the vote in June.', 'en', [
      ['January', 'd-january'],
      ['July 4', 'd-07-04'],
      ['June', 'd-june'],
    ]);
    expectDates('The summit opens 24 March; ministers meet on April 2.', 'en', [
      ['24 March', 'd-03-24'],
      ['April 2', 'd-04-02'],
    ]);
  });

  test('ordinals: March 3rd and the 3rd of March are the same date', () => {
    expectDates('The deadline moved from March 3rd to the 3rd of March next year.', 'en', [
      ['March 3rd', 'd-03-03'],
      ['3rd of March', 'd-03-03'],
    ]);
  });

  test('a possessive is not part of the span', () => {
    expectDates("Wednesday's meeting and Thursday’s talks were cancelled.", 'en', [
      ['Wednesday', 'd-wednesday'],
      ['Thursday', 'd-thursday'],
    ]);
  });

  test('a time after a date is cut; a comma never joins a month to a count', () => {
    expectDates('The ceasefire starts on 2 April 2025 at 15:00 GMT.', 'en', [['2 April 2025', 'd-2025-04-02']]);
    expectDates('In March, 12 people were detained.', 'en', [['March', 'd-march']]);
  });

  test('May the month and may the verb', () => {
    expectDates('You may go. May God bless them. Theresa May said the vote may come in May, or by mid-May.', 'en', [
      ['May', 'd-may'],
      ['May', 'd-may'],
    ]);
  });

  test('not dates: casual words, relative phrases, clock times', () => {
    expectDates('Today, tomorrow and recently; at 5 pm; at 15:00; next week; last year; now; 5 days ago; within a week.', 'en', []);
  });

  test('not dates: quantities, decades, names and lower-case words', () => {
    expectDates('The fund holds 12 million dollars; 2+2 talks; some 2000 troops; 2000 km; 2000 soldiers; the 1990s; No. 2024.', 'en', []);
    expectDates('The Sunday Times reported that every monday the march began; the "Security Belt 2025" drill.', 'en', []);
  });

  test('numeric ISO dates', () => {
    expectDates('Filed 2024-03-13 and amended 2024-03-20T10:00.', 'en', [
      ['2024-03-13', 'd-2024-03-13'],
      ['2024-03-20', 'd-2024-03-20'],
    ]);
  });
});

describe('offsets survive CRLF, BOM, surrogate pairs and Markdown', () => {
  test('CRLF line endings', () => {
    const t = 'Заявление МИД\r\n\r\nМосква, 13 марта 2025 года\r\nВ среду посол был вызван.\r\n';
    expectDates(t, 'ru', [
      ['13 марта 2025 года', 'd-2025-03-13'],
      ['среду', 'd-wednesday'],
    ]);
    assert.equal(findDates(t, 'ru')[0].start, t.indexOf('13 марта'));
  });

  test('a BOM before the first date', () => {
    const t = '\uFEFF14 ноября 2024 года стороны подписали меморандум.';
    const found = findDates(t, 'ru');
    assert.equal(found[0].start, 1);
    expectDates(t, 'ru', [['14 ноября 2024 года', 'd-2024-11-14']]);
  });

  test('surrogate pairs before a date', () => {
    const t = '🇷🇺🇦🇿 𝐁𝐚𝐤𝐮: встреча 5 февраля 2026 года 🙂 в пятницу';
    const found = findDates(t, 'ru');
    assert.equal(found[0].start, t.indexOf('5 февраля'));
    expectDates(t, 'ru', [
      ['5 февраля 2026 года', 'd-2026-02-05'],
      ['пятницу', 'd-friday'],
    ]);
    expectDates('😀 June 2, 2025 🚀 Monday', 'en', [
      ['June 2, 2025', 'd-2025-06-02'],
      ['Monday', 'd-monday'],
    ]);
  });

  test('Markdown bold and emphasis around dates', () => {
    expectDates('## Diary\n\n**Monday, 24 March**\n\n*Week 12 · 17–21 March 2025*\n', 'en', [
      ['Monday', 'd-monday'],
      ['24 March', 'd-03-24'],
      ['17–21 March 2025', 'd-2025-03-17/2025-03-21'],
    ]);
    expectDates('## 5 марта 2025 г.\n\n**Четверг, 6 марта** — _в апреле_', 'ru', [
      ['5 марта 2025 г.', 'd-2025-03-05'],
      ['Четверг', 'd-thursday'],
      ['6 марта', 'd-03-06'],
      ['апреле', 'd-april'],
    ]);
  });

  test('canonical forms are readable', () => {
    const t = '13 марта 2025 года, 7–8 апреля, июне 2024 года, 2020-2022 годов, в среду';
    assert.deepEqual(findDates(t, 'ru').map((d) => d.canonical), ['13 March 2025', '7–8 April', 'June 2024', '2020–2022', 'Wednesday']);
  });
});

describe('robustness', () => {
  test('degenerate input never throws', () => {
    for (const t of ['', '\uFEFF', '\uD83D', '\r\n', '2024', 'мая', 'May', '-', '31.02.2024', '99.99.9999', '0000 года', '1 2 3']) {
      for (const lang of ['ru', 'en'] as const) wellFormed(t, findDates(t, lang));
    }
    expectDates('2024', 'en', [['2024', 'd-2024']]);
  });

  test('100 KB adversarial strings of digits, dashes and month words run through (linear time)', () => {
    const patterns = [
      '2020-',
      '1'.repeat(50) + '-',
      'марта 12 марта 2024 года-',
      'March 3, 2024–May 2024 ',
      '12.03.2024-2024-03-13/',
      '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 марта ',
      '1-2-3-4-5 октября ',
      '17–21–25–29 March ',
      'среду среда среды в среду ',
      ',,,,,2024,,,,,',
      'May may May 2024 ',
    ];
    for (const p of patterns) {
      const s = p.repeat(Math.ceil(100_000 / p.length)).slice(0, 100_000);
      for (const lang of ['ru', 'en'] as const) wellFormed(s, findDates(s, lang));
    }
  });

  test('every date found in the shipped sample and fixture texts is a well-formed slice', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    for (const dir of ['samples', 'test/fixtures']) {
      const full = path.join(root, dir);
      if (!existsSync(full)) continue;
      for (const f of readdirSync(full).filter((x) => /\.(txt|md)$/.test(x))) {
        const text = readFileSync(path.join(full, f), 'utf8');
        const lang: Lang = /[а-яё]/i.test(text.slice(0, 2000)) ? 'ru' : 'en';
        wellFormed(text, findDates(text, lang));
      }
    }
  });
});

test("the table of chrono's parsers to keep is what probing them keeps (update it with chrono-node)", async () => {
  const chrono = { ru: await import('chrono-node/ru'), en: await import('chrono-node/en') };
  for (const language of ['ru', 'en'] as const) {
    assert.equal(chrono[language].strict.parsers.length, KEPT_PARSERS[language].of, `${language}: chrono has another parser list`);
    assert.deepEqual(probeParsers(language), [...KEPT_PARSERS[language].keep], language);
  }
});
