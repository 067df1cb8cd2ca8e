// Linking keys (analysis/morphology.ts): forms of one referent get one key, different referents get
// different keys, and capitalisation, a sentence start or quote marks never change a key.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ruKey, enKey, linkKey } from '../../analysis/morphology.ts';
import { LINK_SET, VARIANTS, accuracy } from '../../scripts/bench-morphology.ts';

function sameKey(forms: string) {
  const list = forms.split(/\s+/);
  const keys = list.map(ruKey);
  assert.equal(new Set(keys).size, 1, list.map((f, i) => `${f} → ${keys[i]}`).join(', '));
}

function differentKeys(...words: string[]) {
  const keys = words.map(ruKey);
  assert.equal(new Set(keys).size, words.length, words.map((f, i) => `${f} → ${keys[i]}`).join(', '));
}

describe('Russian: forms of one name share a key', () => {
  test('surnames, Russian and foreign', () => {
    sameKey('Галузин Галузина Галузину Галузиным Галузине');
    sameKey('Захарова Захаровой');
    sameKey('Мустафаев Мустафаева Мустафаеву Мустафаевым');
    sameKey('Рахман Рахмана Рахману Рахманом');
    sameKey('Пашинян Пашиняна Пашиняну Пашиняном');
    sameKey('Алиев Алиева Алиеву Алиевым');
    sameKey('Лавров Лаврова Лаврову Лавровым');
    sameKey('Кваль Кваля Квалю Квалем Квале');
    sameKey('Блинкен Блинкена Блинкену Блинкеном');
    sameKey('Небензя Небензи Небензе Небензю Небензей');
  });

  test('a name in several words: each word links (Буй Тхань Шон, Буй Тхань Шоном)', () => {
    sameKey('Шон Шоном Шона Шону');
    sameKey('Буй Буй');
    sameKey('Тхань Тхань');
  });

  test('initials glued to a surname do not count (Х.Фидан, Х.Фиданом)', () => {
    sameKey('Х.Фидан Х.Фиданом Фидан Фидана Фидану Фиданом Фидане');
    sameKey('С.В.Лавров Лавров С.Лаврова');
  });

  test('first names', () => {
    sameKey('Сергей Сергея Сергею Сергеем');
    sameKey('Михаил Михаила Михаилу Михаилом');
    sameKey('Мария Марии Марию Марией');
    sameKey('Никол Никола Николу');
  });

  test('places and organisation words outside a gazetteer', () => {
    sameKey('Ханоя Ханоем');
    sameKey('Братислава Братиславы Братиславе Братиславу');
    sameKey('Вьетнам Вьетнама Вьетнаму Вьетнамом');
    sameKey('комиссия комиссии комиссию комиссией');
    sameKey('Стокгольмский Стокгольмского Стокгольмскому Стокгольмским');
    sameKey('Известия Известий');
    sameKey('Коммерсант Коммерсанта Коммерсантъ');
  });
});

describe('Russian: different names get different keys', () => {
  test('look-alikes stay apart', () => {
    differentKeys('Лавров', 'Лаврентьев');
    differentKeys('Лаврова', 'Лаврентьева');
    differentKeys('Иван', 'Иванов');
    differentKeys('Ивана', 'Иванова');
    differentKeys('Пётр', 'Петров');
    differentKeys('Захар', 'Захаров');
    differentKeys('Сергей', 'Сергеев');
    differentKeys('Мария', 'Марина');
    differentKeys('Вена', 'Венгрия');
    differentKeys('Стокгольм', 'Стокгольмский');
    differentKeys('совет', 'советский');
    differentKeys('министр', 'министерство');
    differentKeys('Галузин', 'Мустафаев', 'Пашинян', 'Алиев', 'Фидан', 'Рахман', 'Кваль', 'Браже');
  });

  test('a masculine surname and its feminine form share a key (one family name)', () => {
    assert.equal(ruKey('Захаров'), ruKey('Захарова'));
    assert.equal(ruKey('Иванов'), ruKey('Ивановой'));
  });
});

describe('Russian: spelling does not change the key', () => {
  test('capitals, all caps and lower case', () => {
    for (const w of ['Галузиным', 'Захаровой', 'Ханоем', 'комиссией', 'Стокгольмского']) {
      assert.equal(ruKey(w.toUpperCase()), ruKey(w), w);
      assert.equal(ruKey(w.toLowerCase()), ruKey(w), w);
    }
  });

  test('a sentence-initial capital does not matter', () => {
    assert.equal(ruKey('Комиссия'), ruKey('комиссия'));
    assert.equal(ruKey('Министерство'), ruKey('министерства'));
  });

  test('quote marks around an outlet do not matter («Известия» is an outlet)', () => {
    for (const q of ['«Известия»', '“Известия”', '"Известия"', '„Известия“', "'Известия'", '«Известий»', '(Известия),']) {
      assert.equal(ruKey(q), ruKey('Известия'), q);
    }
    assert.equal(ruKey('«Коммерсантъ»'), ruKey('Коммерсанта'));
  });

  test('ё and е are one letter for the key', () => {
    assert.equal(ruKey('Пётр'), ruKey('Петр'));
    assert.equal(ruKey('Хрущёв'), ruKey('Хрущева'));
  });

  test('every spelling variant of every form in the benchmark set keeps its key', () => {
    for (const grp of LINK_SET) {
      for (const form of grp.forms) {
        for (const [name, v] of VARIANTS) assert.equal(ruKey(v(form)), ruKey(form), `${name}: ${v(form)}`);
      }
    }
  });

  test('a key is stable when asked again (memo)', () => {
    const first = ruKey('Мустафаевым');
    for (let i = 0; i < 3; i++) assert.equal(ruKey('Мустафаевым'), first);
  });
});

test('the benchmark set: recall at least 95 %, false merges at most 0.05 %', () => {
  const a = accuracy(ruKey);
  const recall = a.sameHit / a.samePairs;
  const merges = a.diffMerged / a.diffPairs;
  assert.ok(a.forms >= 150 && a.groups >= 40, `${a.forms} forms of ${a.groups} lemmas`);
  assert.ok(recall >= 0.95, `recall ${recall}\n${a.splits.join('\n')}`);
  assert.ok(merges <= 0.0005, `false merges ${merges}\n${a.merges.join('\n')}`);
});

describe('English', () => {
  test('possessive and case', () => {
    assert.equal(enKey("China's"), 'china');
    assert.equal(enKey('Lavrov’s'), 'lavrov');
    assert.equal(enKey("allies'"), 'allies');
    assert.equal(enKey('“Izvestia”'), 'izvestia');
    assert.equal(enKey('GUTERRES'), enKey('Guterres'));
    assert.notEqual(enKey('Ivan'), enKey('Ivanov'));
  });

  test('linkKey picks the language', () => {
    assert.equal(linkKey('Галузиным', 'ru'), ruKey('Галузин'));
    assert.equal(linkKey("Fidan's", 'en'), 'fidan');
  });
});
