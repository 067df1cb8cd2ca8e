// Assertions on hand-written sentences, by the annotation guide (§4 and the Decisions for
// assertions): per language, one positive for each rule (accusation, causation, evaluation, figure,
// prediction, vague source) with its kind, its rule and triggers that point at words of the
// sentence; the common vague-source phrasings; and the negatives that must not be flagged: plain
// narration of observable events, scheduled events, undisputed facts, attributed sentences
// (reported speech, quotes, `по словам` / `according to`, preambles), questions, headings, bylines
// and datelines. A positive in the middle of narration is flagged alone, with the sentence as span.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis, type Assertion, type AssertionKind, type AssertionRule, type Language, type Span } from '../../analysis/index.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

const KIND_OF_RULE: Record<AssertionRule, AssertionKind> = {
  'unattributed-accusation': 'unattributed',
  'unattributed-causation': 'unattributed',
  'unattributed-evaluation': 'unattributed',
  'unattributed-figure': 'unattributed',
  'unattributed-prediction': 'unattributed',
  'vague-source': 'vague-source',
};

const show = (s: Span) => `${JSON.stringify(s.text)} @${s.start}-${s.end}`;
const showAssertion = (a: Assertion) => `  ${a.kind}/${a.rule} ${show(a)} triggers [${(a.triggers ?? []).map(show).join(', ')}]`;
const list = (a: Analysis) => (a.assertions.length ? a.assertions.map(showAssertion).join('\n') : '  (no assertions)');
const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);

/** Analyses the text and checks what holds for every assertion: spans are slices, rule agrees with kind, triggers are slices inside the sentence. */
function run(text: string, language: Language): Analysis {
  const a = analyze(text, { language });
  for (const x of a.assertions) {
    assert.equal(x.text, text.slice(x.start, x.end), `assertion text is not the source slice at ${x.start}-${x.end}`);
    assert.equal(KIND_OF_RULE[x.rule], x.kind, `rule ${x.rule} does not agree with kind ${x.kind} for ${show(x)}`);
    assert.ok(Array.isArray(x.triggers) && x.triggers.length > 0, `assertion ${show(x)} has no triggers`);
    for (const t of x.triggers) {
      assert.equal(t.text, text.slice(t.start, t.end), `trigger text ${JSON.stringify(t.text)} is not the source slice at ${t.start}-${t.end}`);
      assert.ok(x.start <= t.start && t.end <= x.end && t.start < t.end, `trigger ${show(t)} is not inside its sentence ${show(x)}`);
    }
  }
  return a;
}

/** Triggers that are not whole words: cut inside a word, or starting/ending on a space or mark. */
function badTriggers(text: string, a: Analysis): string[] {
  const out: string[] = [];
  for (const x of a.assertions) {
    for (const t of x.triggers) {
      const wordy = /^[\p{L}\p{N}$€£]/u.test(t.text) && /[\p{L}\p{N}%]$/u.test(t.text);
      const cut = isWordChar(text[t.start - 1]) || isWordChar(text[t.end]);
      if (!wordy || cut) out.push(`trigger ${show(t)} of ${x.rule} in ${JSON.stringify(x.text)}: ${!wordy ? 'starts or ends on a space or mark' : ''}${!wordy && cut ? ', ' : ''}${cut ? `cuts a word (${JSON.stringify(text.slice(Math.max(0, t.start - 6), t.end + 6))})` : ''}`);
    }
  }
  return out;
}

interface Positive {
  rule: AssertionRule;
  text: string;
  /** At least one trigger must overlap one of these words of the sentence. */
  triggers: string[];
}

/** The text is one sentence: exactly one assertion, the whole sentence, with this kind and rule. */
function expectPositive(lang: Language, p: Positive) {
  const a = run(p.text, lang);
  const msg = `input: ${JSON.stringify(p.text)}\nexpected: one ${KIND_OF_RULE[p.rule]}/${p.rule} over the whole sentence\nactual:\n${list(a)}`;
  assert.equal(a.assertions.length, 1, msg);
  const x = a.assertions[0];
  assert.equal(x.text, p.text, msg);
  assert.equal(x.kind, KIND_OF_RULE[p.rule], msg);
  assert.equal(x.rule, p.rule, msg);
  const words = p.triggers.map((w) => {
    const at = p.text.indexOf(w);
    if (at < 0) throw new Error(`test bug: ${JSON.stringify(w)} is not in ${JSON.stringify(p.text)}`);
    return { start: at, end: at + w.length };
  });
  assert.ok(
    x.triggers.some((t) => words.some((w) => t.start < w.end && w.start < t.end)),
    `${msg}\nexpected a trigger on one of ${JSON.stringify(p.triggers)}`,
  );
}

/** No assertion at all. */
function expectNone(lang: Language, text: string, why: string) {
  const a = run(text, lang);
  assert.deepEqual(a.assertions.map((x) => `${x.kind}/${x.rule} ${x.text}`), [], `${why}\ninput: ${JSON.stringify(text)}\nexpected: no assertions\nactual:\n${list(a)}`);
}

/** Exactly the listed sentences are flagged, each with its rule (the span is the sentence). */
function expectOnly(lang: Language, text: string, expected: Array<[string, AssertionRule]>) {
  const a = run(text, lang);
  const got = a.assertions.map((x) => `${x.rule} ${x.text}`).sort();
  const want = expected.map(([s, r]) => {
    if (!text.includes(s)) throw new Error(`test bug: ${JSON.stringify(s)} is not in the input`);
    return `${r} ${s}`;
  }).sort();
  assert.deepEqual(got, want, `input: ${JSON.stringify(text)}\nexpected:\n${want.map((w) => `  ${w}`).join('\n')}\nactual:\n${list(a)}`);
}

// ---------------------------------------------------------------------------------------------
// English

describe('assertions (en)', () => {
  const positives: Positive[] = [
    { rule: 'unattributed-accusation', text: 'The separatists violated the ceasefire overnight.', triggers: ['violated'] },
    { rule: 'unattributed-causation', text: 'Food prices rose sharply because of the sanctions.', triggers: ['because of'] },
    { rule: 'unattributed-evaluation', text: 'The new sanctions package is a serious mistake.', triggers: ['serious mistake'] },
    { rule: 'unattributed-figure', text: 'Bilateral trade fell by 38 percent last year.', triggers: ['38 percent'] },
    { rule: 'unattributed-prediction', text: 'Without security guarantees, the ceasefire will collapse within months.', triggers: ['will collapse'] },
    { rule: 'vague-source', text: 'Diplomats say the talks could resume in May.', triggers: ['Diplomats say'] },
  ];
  for (const p of positives) test(`${p.rule}: ${p.text}`, () => expectPositive('en', p));

  const vague = [
    'Sources say the summit could be postponed until the autumn.',
    'The talks stalled over the wording of the final communique, diplomats said.',
    'It is widely believed that the foreign minister will resign.',
    'Officials speaking on condition of anonymity said the deal was close.',
    'Experts believe the sanctions will be extended for another year.',
    'According to some reports, the package targets 40 more tankers.',
  ];
  for (const text of vague) test(`vague source: ${text}`, () => expectPositive('en', { rule: 'vague-source', text, triggers: [text.match(/Sources say|diplomats said|It is widely believed|Officials speaking on condition of anonymity said|Experts believe|According to some reports/)![0]] }));

  test('triggers are whole words of the sentence (every positive above)', () => {
    const problems = [...positives.map((p) => p.text), ...vague].flatMap((text) => badTriggers(text, run(text, 'en')));
    assert.deepEqual(problems, []);
  });

  const narration: Array<[string, string]> = [
    ['The Secretary met with the Foreign Minister on Tuesday.', 'narration (the guide)'],
    ['The ministers discussed regional security and energy cooperation.', 'narration: discussed'],
    ['The delegations signed a memorandum on fisheries in Oslo.', 'narration: signed'],
    ['The Foreign Secretary visited a border crossing near Rafah.', 'narration: visited'],
    ['The ministers will meet again in June.', 'a scheduled event'],
    ['The President will visit Jakarta next week.', 'a scheduled visit'],
    ['Finland takes over the chairmanship of the council on 1 January.', 'the next chairmanship (a scheduled event)'],
    ['The New START treaty expires on 5 February 2026.', "a treaty's expiry date (undisputed)"],
    ['Foreign Minister Karin Berg said the sanctions had failed completely.', 'attributed: X said'],
    ['"The sanctions have failed," Berg told reporters in Brussels.', 'attributed: a quote with its speaker'],
    ['According to the Defence Ministry, the strike killed 14 people.', 'attributed: according to a named body (a figure)'],
    ['Moscow accused Kyiv of shelling the power plant.', 'attributed: an accusation with a named source'],
    ['Will the ceasefire hold?', 'a question'],
    ['Is the new sanctions package a serious mistake?', 'a question with an evaluative word'],
  ];
  for (const [text, why] of narration) test(`not an assertion (${why}): ${text}`, () => expectNone('en', text, why));

  test('not an assertion: a preamble covers the evaluative statement that follows it', () => {
    expectNone('en', 'The following is attributable to Spokesperson Karen Whitfield:\n\nThe attack on the convoy was a gross violation of international law. It will not go unanswered.\n', 'preamble');
  });

  test('not an assertion: an evaluative heading, a byline and a dateline', () => {
    expectNone('en', 'Opinion | The sanctions are a failure\n\nBy Daniel Aberg\n\nBRUSSELS, April 8 (Reuters) - The ministers met in Brussels on Monday.\n', 'heading, byline, dateline');
  });

  test('a figure among narration is flagged alone, the sentence as span', () => {
    expectOnly('en', 'The ministers met in Geneva on Monday. Bilateral trade fell by 38 percent last year. The ministers will meet again in June.', [['Bilateral trade fell by 38 percent last year.', 'unattributed-figure']]);
  });

  test('after a dateline, only the vague-source sentence is flagged', () => {
    expectOnly('en', 'VIENNA, Oct 3 (Reuters) - The envoys met in Vienna on Friday. Diplomats say Azerbaijan has pressed Ankara to slow the process.\n', [['Diplomats say Azerbaijan has pressed Ankara to slow the process.', 'vague-source']]);
  });

  test('a preamble ends at the next heading: a causal claim under "Background" is flagged', () => {
    expectOnly(
      'en',
      "Secretary's Call with Foreign Minister Tamm\n\nThe following is attributable to Spokesperson Karen Whitfield:\n\nThe sabotage of the cable is a direct threat to Allied security.\n\nBackground\n\nMost of the incidents were caused by ships dragging their anchors.\n",
      [['Most of the incidents were caused by ships dragging their anchors.', 'unattributed-causation']],
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Russian

describe('assertions (ru)', () => {
  const positives: Positive[] = [
    { rule: 'unattributed-accusation', text: 'Боевики нарушили режим прекращения огня в ночь на среду.', triggers: ['нарушили'] },
    { rule: 'unattributed-causation', text: 'Цены на продовольствие выросли из-за санкций.', triggers: ['из-за'] },
    { rule: 'unattributed-evaluation', text: 'Новый пакет санкций — грубая ошибка Брюсселя.', triggers: ['грубая ошибка'] },
    { rule: 'unattributed-figure', text: 'Товарооборот между странами сократился на 38 процентов.', triggers: ['38 процентов'] },
    { rule: 'unattributed-prediction', text: 'Без гарантий безопасности перемирие рано или поздно будет сорвано.', triggers: ['рано или поздно будет сорвано'] },
    { rule: 'vague-source', text: 'По некоторым данным, переговоры возобновятся в мае.', triggers: ['По некоторым данным'] },
  ];
  for (const p of positives) test(`${p.rule}: ${p.text}`, () => expectPositive('ru', p));

  const vague = [
    'Как сообщается, саммит может быть перенесен на осень.',
    'Эксперты полагают, что санкции будут продлены еще на год.',
    'В Брюсселе считают, что сделка близка к завершению.',
    'Источники в правительстве сообщили, что министр подаст в отставку.',
    'По некоторым данным, в пакет войдут ограничения против еще 40 танкеров.',
    'Два дипломата, пожелавших остаться неназванными, сказали, что Будапешт потребует компенсаций.',
  ];
  for (const text of vague) test(`vague source: ${text}`, () => expectPositive('ru', { rule: 'vague-source', text, triggers: [text.match(/Как сообщается|Эксперты полагают|В Брюсселе считают|Источники в правительстве сообщили|По некоторым данным|пожелавших остаться неназванными/)![0]] }));

  test('triggers are whole words of the sentence (every positive above)', () => {
    const problems = [...positives.map((p) => p.text), ...vague].flatMap((text) => badTriggers(text, run(text, 'ru')));
    assert.deepEqual(problems, []);
  });

  const narration: Array<[string, string]> = [
    ['Галузин и Мустафаев обсудили график встреч.', 'narration (the guide)'],
    ['Министры провели переговоры в Баку.', 'narration: провели переговоры'],
    ['Стороны подписали меморандум о сотрудничестве в области рыболовства.', 'narration: подписали'],
    ['Президент посетит Джакарту на следующей неделе.', 'a scheduled visit'],
    ['Встреча пройдет в апреле.', 'a scheduled event'],
    ['Следующий раунд консультаций состоится в Женеве в сентябре.', 'a scheduled event'],
    ['Договор СНВ-3 истекает 5 февраля 2026 года.', "a treaty's expiry date (undisputed)"],
    ['Министр иностранных дел Ирина Соболева заявила, что санкции провалились.', 'attributed: X заявила, что'],
    ['«Санкции провалились», — сказала Соболева журналистам.', 'attributed: a quote with its speaker'],
    ['По словам Соболевой, санкции обошлись экономике в 40 млрд долларов.', 'attributed: по словам (a figure)'],
    ['МИД России обвинил Киев в обстреле электростанции.', 'attributed: an accusation with a named source'],
    ['Продержится ли перемирие?', 'a question'],
    ['Является ли новый пакет санкций грубой ошибкой?', 'a question with an evaluative word'],
  ];
  for (const [text, why] of narration) test(`not an assertion (${why}): ${text}`, () => expectNone('ru', text, why));

  test('not an assertion: a preamble heading (Заявление МИД России) covers the evaluative statement', () => {
    expectNone('ru', 'Заявление МИД России\n\nЭтот удар — грубое нарушение международного права. Он не останется без ответа.\n', 'preamble');
  });

  test('not an assertion: an evaluative heading, a byline and a dateline', () => {
    expectNone('ru', 'Мнение | Санкции — это провал\n\nИгорь Ведерников\n\nБРЮССЕЛЬ, 3 февраля. /ТАСС/. Министры провели переговоры в Брюсселе.\n', 'heading, byline, dateline');
  });

  test('a figure among narration is flagged alone, the sentence as span', () => {
    expectOnly('ru', 'Министры провели переговоры в Женеве. Товарооборот между странами сократился на 38 процентов. Встреча пройдет в апреле.', [['Товарооборот между странами сократился на 38 процентов.', 'unattributed-figure']]);
  });

  test('after a dateline, only the vague-source sentence is flagged', () => {
    expectOnly('ru', 'КИШИНЕВ, 17 февраля. Стороны обсудили поставки газа в регион. Как сообщается, Тирасполь рассчитывает получить газ через венгерского трейдера.\n', [['Как сообщается, Тирасполь рассчитывает получить газ через венгерского трейдера.', 'vague-source']]);
  });
});
