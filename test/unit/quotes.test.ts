// Quotations and their speakers on hand-written edge cases, by the annotation guide (§2 and the
// Decisions for quotes). Each case asserts exact spans (marks included) and who the speaker is.
import { test, describe } from 'node:test';
import { expectQuotes, expectNoQuotes } from './quote-helpers.ts';

describe('quote-mark styles', () => {
  test('«…» after a colon, Russian', () => {
    const t = 'Постпред России при ОБСЕ Сергей Карпов подчеркнул: «Мы не намерены отступать от своих обязательств по Венскому документу».';
    expectQuotes(t, [{ quote: '«Мы не намерены отступать от своих обязательств по Венскому документу»', speaker: 'Сергей Карпов' }]);
  });

  test('„…“ used as outer marks', () => {
    const t = 'Посол Германии Анна Рихтер заявила: „Берлин по-прежнему считает диалог с Москвой по гуманитарным вопросам необходимым“. Других заявлений не последовало.';
    expectQuotes(t, [{ quote: '„Берлин по-прежнему считает диалог с Москвой по гуманитарным вопросам необходимым“', speaker: 'Анна Рихтер' }]);
  });

  test('“…” followed by "said X"', () => {
    const t = '“We will keep the channel open as long as there is someone on the other end,” said Ambassador Laura Benn after the meeting.';
    expectQuotes(t, [{ quote: '“We will keep the channel open as long as there is someone on the other end,”', speaker: 'Laura Benn' }]);
  });

  test('‘…’ single curly quotes governed by a cue', () => {
    const t = 'Defence Secretary Tom Hale said Britain would ‘stand with its allies for as long as it takes’ and announced a new training mission.';
    expectQuotes(t, [{ quote: '‘stand with its allies for as long as it takes’', speaker: 'Tom Hale' }]);
  });

  test('straight "…" quotes with the speaker after', () => {
    const t = '"The talks were constructive and we agreed to meet again in March," Deputy Foreign Minister Olga Petrenko said.';
    expectQuotes(t, [{ quote: '"The talks were constructive and we agreed to meet again in March,"', speaker: 'Olga Petrenko' }]);
  });

  test('nested «…„…“…» is one quotation (the outer span), not two', () => {
    const t = '«Мы хорошо помним слова генсека ООН: „Дипломатия не знает выходных“. Их стоит повторить и сегодня», — сказал Дмитрий Волков.';
    expectQuotes(t, [{ quote: '«Мы хорошо помним слова генсека ООН: „Дипломатия не знает выходных“. Их стоит повторить и сегодня»', speaker: 'Дмитрий Волков' }]);
  });

  test('nested “…‘…’…” is one quotation, English', () => {
    const t = 'Envoy Marcus Hale arrived in Geneva on Sunday. “When they tell us there are ‘no red lines’, we listen carefully,” the envoy said.';
    expectQuotes(t, [{ quote: '“When they tell us there are ‘no red lines’, we listen carefully,”', speaker: 'the envoy' }]);
  });
});

describe('interrupted quotes', () => {
  test('Russian «A, — сказал X. — B» gives two pieces with one speaker', () => {
    const t = '«Мы готовы к переговорам в любое время, — сказал Карпов журналистам. — Но не на условиях ультиматума».';
    expectQuotes(t, [
      { quote: '«Мы готовы к переговорам в любое время,', speaker: 'Карпов' },
      { quote: 'Но не на условиях ультиматума»', speaker: 'Карпов' },
    ]);
  });

  test('Russian interruption with a pronoun resolves to the named person', () => {
    const t = 'Министр иностранных дел Армении Ануш Саргсян провела переговоры в Тбилиси. «Граница должна стать линией сотрудничества, — отметила она. — Мы к этому готовы».';
    expectQuotes(t, [
      { quote: '«Граница должна стать линией сотрудничества,', speaker: 'Ануш Саргсян' },
      { quote: 'Мы к этому готовы»', speaker: 'Ануш Саргсян' },
    ]);
  });

  test('English “A,” she said. “B” gives two pieces with one speaker', () => {
    const t = 'Romanian Foreign Minister Maria Ionescu arrived in Vienna on Monday. “We are ready to talk,” she said. “But not at any price.”';
    expectQuotes(t, [
      { quote: '“We are ready to talk,”', speaker: 'Maria Ionescu' },
      { quote: '“But not at any price.”', speaker: 'Maria Ionescu' },
    ]);
  });

  test('English “A,” X said, “B” (one sentence) gives two pieces', () => {
    const t = '“Nobody expects a breakthrough this week,” the ambassador said, “but every day of talks is a day without shelling.”';
    expectQuotes(t, [
      { quote: '“Nobody expects a breakthrough this week,”', speaker: 'the ambassador' },
      { quote: '“but every day of talks is a day without shelling.”', speaker: 'the ambassador' },
    ]);
  });
});

describe('quotes over several paragraphs', () => {
  test('English: each paragraph re-opens with “, one span from the first “ to the last ”', () => {
    const t = 'Foreign Secretary Alan Reid said:\n\n“Russia’s shadow fleet is a threat to every coastal state in Europe.\n\n“Today we are closing the ports that it depends on, and we will go further if we must.”\n\nThe measures take effect at midnight.';
    expectQuotes(t, [{ quote: '“Russia’s shadow fleet is a threat to every coastal state in Europe.\n\n“Today we are closing the ports that it depends on, and we will go further if we must.”', speaker: 'Alan Reid' }]);
  });

  test('Russian: « opens the first paragraph and » closes the second, one span', () => {
    const t = 'Председатель комитета Госдумы по международным делам Олег Савин заявил:\n\n«Мы неоднократно предупреждали наших партнеров о последствиях. Нас не услышали.\n\nТеперь решения будут приниматься без них, и это их выбор, а не наш».\n\nЗаседание комитета продолжится во вторник.';
    expectQuotes(t, [{ quote: '«Мы неоднократно предупреждали наших партнеров о последствиях. Нас не услышали.\n\nТеперь решения будут приниматься без них, и это их выбор, а не наш»', speaker: 'Олег Савин' }]);
  });
});

describe('block quotes with an attribution line', () => {
  test('paragraph followed by an en-dash line – пресс-служба МИД России', () => {
    const t = 'МИД России прокомментировал решение властей Молдавии.\n\nРешение о высылке российского дипломата является недружественным шагом и не останется без ответа. Кишиневу следовало бы задуматься о последствиях.\n\n– пресс-служба МИД России\n';
    expectQuotes(t, [{ quote: 'Решение о высылке российского дипломата является недружественным шагом и не останется без ответа. Кишиневу следовало бы задуматься о последствиях.', speaker: 'пресс-служба МИД России' }]);
  });

  test('paragraph followed by an em-dash line — Name, Title', () => {
    const t = 'The foreign ministers met in Budapest on Friday.\n\nThere can be no lasting settlement in Europe that is negotiated over the heads of the countries that live with its consequences.\n\n— Helena Varga, Minister of Foreign Affairs\n';
    expectQuotes(t, [{ quote: 'There can be no lasting settlement in Europe that is negotiated over the heads of the countries that live with its consequences.', speaker: 'Helena Varga' }]);
  });

  test('Markdown > quote over two lines with — Name, Title: the span excludes the > markers', () => {
    const t = '## Quote of the week\n\n> Sanctions are a tool, not a strategy.\n> A strategy needs an end state, and we have not defined one.\n\n— Peter Lindholm, Chair of the Foreign Affairs Committee\n';
    expectQuotes(t, [{ quote: 'Sanctions are a tool, not a strategy.\n> A strategy needs an end state, and we have not defined one.', speaker: 'Peter Lindholm' }], { markdown: true });
  });

  test('Markdown > quote with an empty > line between paragraphs is one span', () => {
    const t = '> Безопасность не может быть неделимой только на словах.\n>\n> Мы предлагаем вернуться к работе над договором.\n\n— С.В.Лавров, министр иностранных дел России\n';
    expectQuotes(t, [{ quote: 'Безопасность не может быть неделимой только на словах.\n>\n> Мы предлагаем вернуться к работе над договором.', speaker: 'С.В.Лавров' }], { markdown: true });
  });
});

describe('names, titles and formats in quote marks are not quotations', () => {
  test('«Известиям» (a newspaper in an interview phrase)', () => {
    expectNoQuotes('В интервью «Известиям» посол России в Сербии сообщил, что переговоры по газовому контракту продолжатся в декабре.');
  });

  test('ЗРК "Patriot" in a sentence with a reporting cue', () => {
    expectNoQuotes('Киев получил еще две батареи ЗРК "Patriot", сообщил в пятницу министр обороны Германии.');
  });

  test('газета «Коммерсантъ» as a source', () => {
    expectNoQuotes('Как пишет газета «Коммерсантъ», следующий раунд консультаций может пройти в Женеве.');
  });

  test('the newspaper "Kommersant" / "Nezavisimaya Gazeta"', () => {
    expectNoQuotes('The minister told the newspaper "Kommersant" that talks would resume, and later repeated the point to the newspaper "Nezavisimaya Gazeta".');
  });

  test('a ship and an operation name in quotes', () => {
    expectNoQuotes('The frigate "Admiral Golovko" joined the exercise, the ministry said, as NATO launched Operation "Baltic Sentry" in January.');
  });

  test('format "3+3" and «Астанинский формат»', () => {
    expectNoQuotes('Министр заявил, что встреча в формате "3+3" пройдет в Баку, а консультации в «Астанинском формате» будут продолжены.');
  });

  test('English "3+3" and "Normandy format"', () => {
    expectNoQuotes('Officials said a "3+3" meeting was possible, but the "Normandy format" had not met since 2019.');
  });
});

describe('scare quotes and coined terms are not quotations', () => {
  test('the so-called "peace plan"', () => {
    expectNoQuotes('The so-called "peace plan" circulated in Brussels was rejected by both governments, officials said on Tuesday.');
  });

  test('так называемого «теневого флота»', () => {
    expectNoQuotes('Танкеры так называемого «теневого флота» продолжают заходить в порты региона, заявил представитель ведомства.');
  });

  test('так называемом «плане из двенадцати пунктов» (prepositional case)', () => {
    expectNoQuotes('Представитель МИД отказался комментировать публикацию о так называемом «плане из двенадцати пунктов» по Черному морю.');
  });
});

describe('apostrophes are not quote marks', () => {
  test('China’s, didn’t, won’t, the ministers\' meeting: no quotes', () => {
    expectNoQuotes('China’s foreign ministry said it didn’t expect the ministers\' meeting to produce a deal, and Beijing’s envoy won’t attend the dinner.');
  });

  test('an apostrophe inside and before a straight-quoted quote', () => {
    const t = 'The ministers\' meeting ended early. "We don\'t have a deal yet, but we\'re closer than we were," said Spain\'s Foreign Minister Ana Ruiz.';
    expectQuotes(t, [{ quote: '"We don\'t have a deal yet, but we\'re closer than we were,"', speaker: 'Ana Ruiz' }]);
  });

  test('possessive ’ inside and after a curly-quoted quote does not close or open anything', () => {
    const t = 'Sarah Coles, Britain’s ambassador to the UN, called the vote “a turning point for the Council’s credibility.” The Council’s next session is in May.';
    expectQuotes(t, [{ quote: '“a turning point for the Council’s credibility.”', speaker: 'Sarah Coles' }]);
  });
});

describe('speakers', () => {
  test('a title speaker (замглавы МИД) right after the quote', () => {
    const t = 'Консультации прошли в Женеве. «Никаких договоренностей о новом раунде пока нет», — подчеркнул замглавы МИД.';
    expectQuotes(t, [{ quote: '«Никаких договоренностей о новом раунде пока нет»', speaker: 'замглавы МИД' }]);
  });

  test('a short (three-word) quote opening its sentence, with the cue after it', () => {
    const t = 'Олег Ветров покинул зал заседаний первым. «Работа будет продолжена», — сказал он журналистам.';
    expectQuotes(t, [{ quote: '«Работа будет продолжена»', speaker: 'Олег Ветров' }]);
  });

  test('a partial one-word quote governed by a cue: called the move “reckless”', () => {
    const t = 'Foreign Minister Elena Duarte called the move “reckless” and recalled her ambassador for consultations.';
    expectQuotes(t, [{ quote: '“reckless”', speaker: 'Elena Duarte' }]);
  });

  test('a quote whose text names nobody has a null speaker', () => {
    const t = 'На ограде посольства в четверг вновь появились надписи «Убирайтесь домой!». Полиция начала проверку.';
    expectQuotes(t, [{ quote: '«Убирайтесь домой!»', speaker: null }]);
  });

  test('a title in front of an appositive name: the name is the closer mention', () => {
    const t = 'Britain’s ambassador, Sarah Coles, called the vote “a turning point for the Council’s credibility.”';
    expectQuotes(t, [{ quote: '“a turning point for the Council’s credibility.”', speaker: 'Sarah Coles' }]);
  });

  test('the subject of обвинила, not its object (Москву), is the speaker', () => {
    const t = 'Постпред Великобритании Джейн Холлоуэй обвинила Москву в «систематических атаках на портовую инфраструктуру».';
    expectQuotes(t, [{ quote: '«систематических атаках на портовую инфраструктуру»', speaker: 'Джейн Холлоуэй' }]);
  });

  test('по словам X, «…»', () => {
    const t = 'По словам Марии Захаровой, «решение принято без всяких консультаций с российской стороной».';
    expectQuotes(t, [{ quote: '«решение принято без всяких консультаций с российской стороной»', speaker: 'Марии Захаровой' }]);
  });

  test('добавила она → the nearest earlier named woman', () => {
    const t = 'Официальный представитель МИД Мария Захарова прокомментировала заявление Джозефа Кларка. «Это очередная попытка переложить ответственность», — добавила она.';
    expectQuotes(t, [{ quote: '«Это очередная попытка переложить ответственность»', speaker: 'Мария Захарова' }]);
  });
});
