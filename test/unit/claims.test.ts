// Attributed claims on hand-written sentences, by the annotation guide (§3 and the Decisions for
// claims): each reporting construction in Russian and English (cue, source, content), nesting
// (a claim inside another's content points at it with `parent`), preambles covering up to the next
// heading, transcript turns (answers are claims, questions are not), the negatives (vague sources,
// verbs of action, "declined to say", the passive, a topic alone) and the agreement of a quote with
// its claim (the quote's speaker overlaps the claim's source).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, type Analysis, type AnalyzeOptions, type Claim, type ClaimKind, type Span } from '../../analysis/index.ts';
import { locate, type Where } from './quote-helpers.ts';

// ---------------------------------------------------------------------------------------------
// Helpers


const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const show = (s: Span | null | undefined) => (s ? `${JSON.stringify(s.text)} @${s.start}-${s.end}` : 'null');
const showClaim = (c: Claim, i: number) => `  [${i}] ${c.kind ?? '?'} cue ${show(c.cue)} source ${show(c.source)} content ${show(c.content)}${c.parent !== undefined ? ` parent ${c.parent}` : ''}`;
const listClaims = (a: Analysis) => (a.claims.length ? a.claims.map(showClaim).join('\n') : '  (no claims)');

function run(text: string, options?: AnalyzeOptions): Analysis {
  const a = analyze(text, options);
  for (const c of a.claims) {
    for (const s of [c.cue, c.source, c.content]) {
      if (s) assert.equal(s.text, text.slice(s.start, s.end), `span text is not the source slice at ${s.start}-${s.end}`);
    }
  }
  return a;
}

interface Expected {
  /** The cue as written; the claim's cue text must be exactly this, at this place. */
  cue: Where;
  /** The predicted source must overlap this mention (the expected name, or the title phrase). */
  source?: Where;
  /** The source text must be exactly this. */
  sourceText?: string;
  /** The content exactly ... */
  content?: Where;
  /** ... or its first and last words. */
  starts?: string;
  ends?: string;
  kind?: ClaimKind;
}

/**
 * The claim whose cue is at `e.cue` (and, among claims sharing a cue, whose content overlaps the
 * expected content) with the expected cue text, source and content. Returns it and its index.
 */
function expectClaim(text: string, a: Analysis, e: Expected): [Claim, number] {
  const cue = locate(text, e.cue);
  const want = e.content ? locate(text, e.content) : null;
  const ctx = () => `\ninput: ${text}\nclaims:\n${listClaims(a)}`;
  const cands = a.claims.map((c, i) => [c, i] as const).filter(([c]) => overlaps(c.cue, cue));
  assert.ok(cands.length > 0, `expected a claim with cue ${show(cue)}, found none${ctx()}`);
  const pick = (want && cands.find(([c]) => overlaps(c.content, want))) || (e.starts && cands.find(([c]) => c.content.text.startsWith(e.starts!))) || cands[0];
  const [c, i] = pick;
  assert.equal(c.cue.text, cue.text, `cue text: expected ${show(cue)}, got ${show(c.cue)}${ctx()}`);
  assert.equal(c.cue.start, cue.start, `cue position: expected ${show(cue)}, got ${show(c.cue)}${ctx()}`);
  if (e.source !== undefined) {
    const s = locate(text, e.source);
    assert.ok(c.source && overlaps(c.source, s), `source for cue ${show(cue)}: expected to overlap ${show(s)}, got ${show(c.source)}${ctx()}`);
  }
  if (e.sourceText !== undefined) assert.equal(c.source?.text, e.sourceText, `source text for cue ${show(cue)}: expected ${JSON.stringify(e.sourceText)}, got ${show(c.source)}${ctx()}`);
  if (want) assert.deepEqual(show(c.content), show(want), `content for cue ${show(cue)}: expected ${show(want)}, got ${show(c.content)}${ctx()}`);
  if (e.starts !== undefined) assert.ok(c.content.text.startsWith(e.starts), `content for cue ${show(cue)} should start with ${JSON.stringify(e.starts)}, got ${show(c.content)}${ctx()}`);
  if (e.ends !== undefined) assert.ok(c.content.text.endsWith(e.ends), `content for cue ${show(cue)} should end with ${JSON.stringify(e.ends)}, got ${show(c.content)}${ctx()}`);
  if (e.kind !== undefined) assert.equal(c.kind, e.kind, `kind for cue ${show(cue)}: expected ${e.kind}, got ${c.kind}${ctx()}`);
  return [c, i];
}

/** Runs the analyzer and checks one or more claims. */
function claims(text: string, expected: Expected[], options?: AnalyzeOptions): Analysis {
  const a = run(text, options);
  checkAll(...expected.map((e) => () => expectClaim(text, a, e)));
  return a;
}

/** The analyzer finds no claim at all. */
function noClaims(text: string, options?: AnalyzeOptions): void {
  const a = run(text, options);
  assert.equal(a.claims.length, 0, `expected no claims\ninput: ${text}\nclaims:\n${listClaims(a)}`);
}

/** No claim has its cue on these words (other claims in the text are allowed). */
function noClaimAt(text: string, a: Analysis, where: Where): void {
  const w = locate(text, where);
  const bad = a.claims.filter((c) => overlaps(c.cue, w));
  assert.equal(bad.length, 0, `expected no claim with its cue on ${show(w)}\ninput: ${text}\nclaims:\n${listClaims(a)}`);
}

/** Runs every check and fails with all their messages (so that one failure does not hide another). */
function checkAll(...checks: Array<() => unknown>): void {
  const errors: string[] = [];
  for (const c of checks) {
    try {
      c();
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  assert.ok(errors.length === 0, errors.join('\n\n---\n'));
}

/** The child claim's parent is the claim at index `parent`. */
function expectParent(text: string, a: Analysis, child: number, parent: number): void {
  assert.equal(a.claims[child].parent, parent, `claim ${child} (cue ${show(a.claims[child].cue)}) should have parent ${parent} (cue ${show(a.claims[parent]?.cue)}), got ${a.claims[child].parent}\ninput: ${text}\nclaims:\n${listClaims(a)}`);
}

/**
 * A quote and its claim agree: for every quote with a speaker, the innermost claim whose content
 * holds the quote has a source that overlaps the quote's speaker. Returns the problems found.
 */
function disagreements(a: Analysis): string[] {
  const out: string[] = [];
  for (const q of a.quotes) {
    if (!q.speaker) continue;
    const holding = a.claims.filter((c) => c.content.start <= q.start && q.end <= c.content.end && c.kind !== 'preamble' && c.kind !== 'turn');
    if (holding.length === 0) {
      out.push(`quote ${show(q)} (speaker ${show(q.speaker)}) has no claim whose content holds it`);
      continue;
    }
    const inner = holding.reduce((x, y) => (y.content.end - y.content.start < x.content.end - x.content.start ? y : x));
    if (!inner.source || !overlaps(inner.source, q.speaker)) out.push(`quote ${show(q)}: speaker ${show(q.speaker)} but its claim (cue ${show(inner.cue)}) has source ${show(inner.source)}`);
  }
  return out;
}

function expectAgreement(text: string, a: Analysis): void {
  assert.ok(a.quotes.some((q) => q.speaker), `test bug: no quote with a speaker in\n${text}`);
  assert.deepEqual(disagreements(a), [], `quotes and claims disagree\ninput: ${text}\nquotes:\n${a.quotes.map((q) => `  ${show(q)} speaker ${show(q.speaker)}`).join('\n')}\nclaims:\n${listClaims(a)}`);
}

// ---------------------------------------------------------------------------------------------
// Reporting verbs with a clause

describe('a reporting verb and the clause it governs', () => {
  test('ru: X заявил, что …', () => {
    const t = 'Министр иностранных дел Венгрии Петер Ковач заявил, что Будапешт не поддержит новый пакет ограничений.';
    claims(t, [{ cue: 'заявил', source: 'Петер Ковач', content: 'Будапешт не поддержит новый пакет ограничений' }]);
  });

  test('en: X said that …', () => {
    const t = 'Swedish Foreign Minister Anna Lindqvist said that the decision to close the consulate was final.';
    claims(t, [{ cue: 'said', source: 'Anna Lindqvist', content: 'the decision to close the consulate was final' }]);
  });

  test('en: X said … (no "that")', () => {
    const t = 'Anna Lindqvist said Stockholm would expel two diplomats by the end of the week.';
    claims(t, [{ cue: 'said', source: 'Anna Lindqvist', content: 'Stockholm would expel two diplomats by the end of the week' }]);
  });

  test('en: X said on Tuesday … (an adverbial between the cue and the clause)', () => {
    const t = 'The Finnish Foreign Ministry said on Tuesday it had summoned the Russian charge d\'affaires.';
    claims(t, [{ cue: 'said', source: 'The Finnish Foreign Ministry', content: 'it had summoned the Russian charge d\'affaires' }]);
  });

  test('ru: X сообщил журналистам, что … (an indirect object between the cue and the clause)', () => {
    const t = 'Посол Казахстана Ерлан Сатыбалдиев сообщил журналистам, что консульство в Омске возобновит работу в понедельник.';
    claims(t, [{ cue: 'сообщил', source: 'Ерлан Сатыбалдиев', content: 'консульство в Омске возобновит работу в понедельник' }]);
  });

  test('en: X told reporters that …', () => {
    const t = 'Polish Deputy Foreign Minister Marek Nowak told reporters that Warsaw would not reopen the border crossing this month.';
    claims(t, [{ cue: 'told reporters', source: 'Marek Nowak', content: 'Warsaw would not reopen the border crossing this month' }]);
  });

  test('ru: stance and demand verbs (осудил …, призвал …)', () => {
    const t = 'МИД Франции осудил удар по гражданской инфраструктуре. Генсек ООН призвал стороны к сдержанности.';
    claims(t, [
      { cue: 'осудил', source: 'МИД Франции', content: 'удар по гражданской инфраструктуре' },
      { cue: 'призвал', source: 'Генсек ООН', content: 'стороны к сдержанности' },
    ]);
  });

  test('en: stance and demand verbs (condemned …, urged …)', () => {
    const t = 'The Foreign Office condemned the attack on the convoy. NATO urged Moscow to withdraw its forces from the border area.';
    claims(t, [
      { cue: 'condemned', source: 'The Foreign Office', content: 'the attack on the convoy' },
      { cue: 'urged', source: 'NATO', content: 'Moscow to withdraw its forces from the border area' },
    ]);
  });

  test('ru: a participle after a comma shares the subject (…, добавив, что …)', () => {
    const t = 'Представитель Армении Карине Акопян подтвердила, что Ереван готов продолжить работу, добавив, что новый раунд может пройти в июне.';
    claims(t, [
      { cue: 'подтвердила', source: 'Карине Акопян', content: 'Ереван готов продолжить работу' },
      { cue: 'добавив', source: 'Карине Акопян', content: 'новый раунд может пройти в июне' },
    ]);
  });

  test('en: a participle after a comma shares the subject (…, adding that …)', () => {
    const t = 'Anna Lindqvist said the embassy would stay open, adding that its staff had already been reduced.';
    claims(t, [
      { cue: 'said', source: 'Anna Lindqvist', content: 'the embassy would stay open' },
      { cue: 'adding', source: 'Anna Lindqvist', content: 'its staff had already been reduced' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The content before the cue

describe('the content before the cue (a dash or comma tail)', () => {
  test('ru: …, — заявил X.', () => {
    const t = 'Москва не получала официального уведомления о закрытии консульства, — заявил посол России в Литве Олег Дронов.';
    claims(t, [{ cue: 'заявил', source: 'Олег Дронов', content: 'Москва не получала официального уведомления о закрытии консульства' }]);
  });

  test('ru: … – об этом сообщил X', () => {
    const t = 'Переговоры по новому соглашению о транзите возобновятся в июле – об этом сообщил спецпредставитель президента Андрей Гущин.';
    claims(t, [{ cue: 'сообщил', source: 'Андрей Гущин', content: 'Переговоры по новому соглашению о транзите возобновятся в июле' }]);
  });

  test('ru: …, уточнил X. (a comma, no dash)', () => {
    const t = 'Следующий раунд консультаций запланирован на сентябрь, уточнил Гущин.';
    claims(t, [{ cue: 'уточнил', source: 'Гущин', content: 'Следующий раунд консультаций запланирован на сентябрь' }]);
  });

  test('en: …, X said. (reported, not quoted)', () => {
    const t = 'The talks would resume in Vienna next month, Iranian Deputy Foreign Minister Reza Karimi said.';
    claims(t, [{ cue: 'said', source: 'Reza Karimi', content: 'The talks would resume in Vienna next month' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// По словам / According to

describe('По словам X / According to X', () => {
  test('ru: По словам X, …', () => {
    const t = 'По словам Андрея Гущина, стороны близки к компромиссу по тарифам на транзит.';
    claims(t, [{ cue: 'По словам', source: 'Андрея Гущина', content: 'стороны близки к компромиссу по тарифам на транзит', kind: 'according-to' }]);
  });

  test('ru: По данным X, …', () => {
    const t = 'По данным Федеральной таможенной службы, товарооборот двух стран за год вырос на 8%.';
    claims(t, [{ cue: 'По данным', source: 'Федеральной таможенной службы', content: 'товарооборот двух стран за год вырос на 8%', kind: 'according-to' }]);
  });

  test('ru: По его словам, … (the pronoun resolves to the named person)', () => {
    const t = 'В Ташкенте завершился визит замминистра Ильи Светлова. По его словам, соглашение о водных ресурсах будет подписано осенью.';
    claims(t, [{ cue: 'По его словам', source: 'Ильи Светлова', content: 'соглашение о водных ресурсах будет подписано осенью' }]);
  });

  test('en: According to X, …', () => {
    const t = 'According to the Interior Ministry, fourteen people were detained near the embassy.';
    claims(t, [{ cue: 'According to', source: 'the Interior Ministry', content: 'fourteen people were detained near the embassy', kind: 'according-to' }]);
  });

  test('en: …, according to X.', () => {
    const t = 'Fourteen people were detained near the embassy, according to the Interior Ministry.';
    claims(t, [{ cue: 'according to', source: 'the Interior Ministry', content: 'Fourteen people were detained near the embassy', kind: 'according-to' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Direct quotes

describe('direct quotes are claims (the quote is the content)', () => {
  test('ru: «…», — сказал X.', () => {
    const t = '«Мы не допустим эскалации на границе», — сказал Петер Ковач.';
    const a = claims(t, [{ cue: 'сказал', source: 'Петер Ковач', content: '«Мы не допустим эскалации на границе»', kind: 'quote' }]);
    expectAgreement(t, a);
  });

  test('ru: X подчеркнул: «…»', () => {
    const t = 'Петер Ковач подчеркнул: «Санкции не решают ни одной проблемы».';
    const a = claims(t, [{ cue: 'подчеркнул', source: 'Петер Ковач', content: '«Санкции не решают ни одной проблемы»' }]);
    expectAgreement(t, a);
  });

  test('en: "…," X said.', () => {
    const t = '"We will not be intimidated by threats," Anna Lindqvist said.';
    const a = claims(t, [{ cue: 'said', source: 'Anna Lindqvist', content: '"We will not be intimidated by threats,"', kind: 'quote' }]);
    expectAgreement(t, a);
  });

  test('ru: «A, — сказал X. — B» gives two claims sharing the cue', () => {
    const t = '«Мы готовы к диалогу, — сказал Ковач журналистам. — Но не ценой собственных интересов».';
    const a = claims(t, [
      { cue: 'сказал', source: 'Ковач', content: '«Мы готовы к диалогу,' },
      { cue: 'сказал', source: 'Ковач', content: 'Но не ценой собственных интересов»' },
    ]);
    assert.equal(a.claims.filter((c) => c.cue.text === 'сказал').length, 2, `expected two claims on one cue\n${listClaims(a)}`);
    expectAgreement(t, a);
  });

  test('en: “A,” X said. “B” gives two claims sharing the cue', () => {
    const t = '“We have reason to believe the anchor was dragged deliberately,” Inspector Sami Laine said. “That does not happen by accident.”';
    const a = claims(t, [
      { cue: 'said', source: 'Sami Laine', content: '“We have reason to believe the anchor was dragged deliberately,”' },
      { cue: 'said', source: 'Sami Laine', content: '“That does not happen by accident.”' },
    ]);
    assert.equal(a.claims.filter((c) => c.cue.text === 'said').length, 2, `expected two claims on one cue\n${listClaims(a)}`);
    expectAgreement(t, a);
  });

  test('ru: a partial quote inside a reported clause: one claim, the clause', () => {
    const t = 'Посол Андрей Седов предупредил, что такие шаги «подорвут доверие между странами».';
    const a = claims(t, [{ cue: 'предупредил', source: 'Андрей Седов', content: 'такие шаги «подорвут доверие между странами»' }]);
    assert.equal(a.claims.length, 1, `expected one claim\n${listClaims(a)}`);
    expectAgreement(t, a);
  });

  test('en: a partial quote inside a reported clause: one claim, the clause', () => {
    const t = 'Russian Foreign Ministry spokeswoman Irina Volkova said the allegations were "absurd and insulting".';
    const a = claims(t, [{ cue: 'said', source: 'Irina Volkova', content: 'the allegations were "absurd and insulting"' }]);
    assert.equal(a.claims.length, 1, `expected one claim\n${listClaims(a)}`);
    expectAgreement(t, a);
  });

  test('en: a Markdown block quote and its dash line: the dash is the cue', () => {
    const t = 'Ministry spokesman Ramil Aliyev went further:\n\n> We will not accept lectures from anyone. Our courts are independent.\n\n— Ramil Aliyev, Ministry of Foreign Affairs\n';
    const a = claims(t, [{ cue: '—', source: ['Ramil Aliyev', 2], content: 'We will not accept lectures from anyone. Our courts are independent.' }], { markdown: true });
    expectAgreement(t, a);
  });
});

// ---------------------------------------------------------------------------------------------
// Pronoun and title sources

describe('pronoun and title sources', () => {
  test('ru: …, — добавила она. (the pronoun resolves to the named person)', () => {
    const t = 'Посол Ирина Соколова провела встречу с журналистами в Вене. Диалог с ОБСЕ не прекращается, — добавила она.';
    claims(t, [{ cue: 'добавила', source: 'Ирина Соколова', content: 'Диалог с ОБСЕ не прекращается' }]);
  });

  test('ru: Она подчеркнула, что … (the pronoun resolves to the named person)', () => {
    const t = 'Министр иностранных дел Сербии Милица Йованович прибыла в Москву. Она подчеркнула, что Белград не присоединится к санкциям.';
    claims(t, [{ cue: 'подчеркнула', source: 'Милица Йованович', content: 'Белград не присоединится к санкциям' }]);
  });

  test('en: "…," he said. (the pronoun resolves to the named person)', () => {
    const t = 'Defence Minister Tom Ashby visited the air base on Friday. "Our air defences worked exactly as designed," he said.';
    const a = claims(t, [{ cue: 'said', source: 'Tom Ashby', content: '"Our air defences worked exactly as designed,"' }]);
    expectAgreement(t, a);
  });

  test('en: He said … (the pronoun resolves to the named person)', () => {
    const t = 'Secretary of State Thomas Hale arrived in Riga on Monday. He said the United States would keep its troops in the Baltic states.';
    claims(t, [{ cue: 'said', source: 'Thomas Hale', content: 'the United States would keep its troops in the Baltic states' }]);
  });

  test('ru: a title as the source (Замглавы МИД подчеркнул, что …)', () => {
    const t = 'Замглавы МИД подчеркнул, что Москва не намерена сворачивать присутствие в регионе.';
    const a = claims(t, [{ cue: 'подчеркнул', source: 'Замглавы МИД', content: 'Москва не намерена сворачивать присутствие в регионе' }]);
    const c = a.claims.find((x) => x.cue.text === 'подчеркнул')!;
    assert.ok(c.source!.text.includes('Замглавы'), `the source should be the deputy minister (with his title), not the ministry: got ${show(c.source)}`);
  });

  test('en: a title as the source (The ambassador told reporters …)', () => {
    const t = 'The ambassador told reporters that the embassy in Minsk would remain open.';
    const a = claims(t, [{ cue: 'told reporters', source: 'The ambassador', content: 'the embassy in Minsk would remain open' }]);
    const c = a.claims.find((x) => x.cue.text.startsWith('told'))!;
    assert.ok(/ambassador/.test(c.source!.text), `the source should be the ambassador: got ${show(c.source)}`);
  });

  test('en: "…," the ambassador said.', () => {
    const t = 'Estonia\'s ambassador to NATO, Kristi Tamm, spoke after the meeting. "We cannot guard every cable," the ambassador said.';
    const a = claims(t, [{ cue: 'said', source: 'the ambassador', content: '"We cannot guard every cable,"' }]);
    expectAgreement(t, a);
  });
});

// ---------------------------------------------------------------------------------------------
// Nesting

/** The index of the claim whose cue is at `cue` (no other checks), or -1. */
function claimIndexAt(text: string, a: Analysis, cue: Where): number {
  const w = locate(text, cue);
  return a.claims.findIndex((c) => overlaps(c.cue, w));
}

/** Checks the outer and the inner claim, and that the inner one's parent is the outer one; reports every failure. */
function expectNested(text: string, a: Analysis, outer: Expected, inner: Expected, ...more: Array<() => unknown>): void {
  checkAll(
    () => expectClaim(text, a, outer),
    () => expectClaim(text, a, inner),
    () => {
      const o = claimIndexAt(text, a, outer.cue);
      const i = claimIndexAt(text, a, inner.cue);
      assert.ok(o >= 0 && i >= 0, `cannot check nesting: outer claim ${o}, inner claim ${i}\ninput: ${text}\nclaims:\n${listClaims(a)}`);
      expectParent(text, a, i, o);
      assert.equal(a.claims[o].parent === i, false, `the outer claim cannot be inside the inner one\n${listClaims(a)}`);
    },
    ...more,
  );
}

describe('nested claims', () => {
  test('ru: X отметил, что проверка показала, что … (two claims, the inner one points at the outer)', () => {
    const t = 'Замминистра Игорь Белов отметил, что проверка показала, что груз не содержал запрещенных товаров.';
    const a = run(t);
    expectNested(t, a,
      { cue: 'отметил', source: 'Игорь Белов', content: 'проверка показала, что груз не содержал запрещенных товаров' },
      { cue: 'показала', source: 'проверка', content: 'груз не содержал запрещенных товаров' },
      () => assert.equal(a.claims[claimIndexAt(t, a, 'отметил')]?.parent, undefined, `the outer claim has no parent\n${listClaims(a)}`));
  });

  test('en: X said an investigation had shown that … (two claims, the inner one points at the outer)', () => {
    const t = 'Anna Lindqvist said an investigation by the coast guard had shown that the drone was launched from a cargo ship.';
    const a = run(t);
    expectNested(t, a,
      { cue: 'said', source: 'Anna Lindqvist', content: 'an investigation by the coast guard had shown that the drone was launched from a cargo ship' },
      { cue: 'shown', source: 'an investigation by the coast guard', content: 'the drone was launched from a cargo ship' });
  });

  test('en: X quoted Y as saying that … (two claims, the inner one points at the outer)', () => {
    const t = 'The Interfax news agency quoted Deputy Foreign Minister Oleg Markin as saying that Moscow would respond to the expulsions.';
    const a = run(t);
    expectNested(t, a,
      { cue: 'quoted', source: 'Interfax', starts: 'Deputy Foreign Minister Oleg Markin', ends: 'respond to the expulsions' },
      { cue: 'saying', source: 'Oleg Markin', content: 'Moscow would respond to the expulsions' },
      () => noClaimAt(t, a, 'respond'));
  });

  test('ru: По словам X, Y заявил, что … (a reported claim inside an according-to claim)', () => {
    const t = 'По словам Андрея Гущина, глава делегации Казахстана заявил, что Астана готова увеличить транзит.';
    const a = run(t);
    expectNested(t, a,
      { cue: 'По словам', source: 'Андрея Гущина', content: 'глава делегации Казахстана заявил, что Астана готова увеличить транзит' },
      { cue: 'заявил', source: 'глава делегации Казахстана', content: 'Астана готова увеличить транзит' });
  });

  test('ru: a claim inside a preamble is nested in it', () => {
    const t = 'Заявление МИД России о решении властей Норвегии\n\nПосол Андрей Седов предупредил, что такие шаги подорвут сотрудничество в Баренцевом море.\n';
    const a = run(t);
    expectNested(t, a,
      { cue: 'Заявление', source: 'МИД России', content: 'Посол Андрей Седов предупредил, что такие шаги подорвут сотрудничество в Баренцевом море.', kind: 'preamble' },
      { cue: 'предупредил', source: 'Андрей Седов', content: 'такие шаги подорвут сотрудничество в Баренцевом море' });
  });
});

// ---------------------------------------------------------------------------------------------
// Preambles

describe('preambles cover what follows, up to the next heading', () => {
  test('ru: «Заявление МИД России о …» covers its paragraphs and stops at the next heading', () => {
    const p1 = 'Российская сторона с сожалением восприняла решение правительства Норвегии закрыть порты для рыболовецких судов.';
    const p2 = 'Посол Андрей Седов предупредил, что такие шаги подорвут многолетнее сотрудничество в Баренцевом море.';
    const p3 = 'Смешанная комиссия по рыболовству была создана в 1975 году и собирается ежегодно.';
    const t = `Заявление МИД России о решении властей Норвегии\n\n${p1}\n\n${p2}\n\nСправочная информация о работе комиссии\n\n${p3}\n`;
    const a = run(t);
    expectNested(t, a,
      { cue: 'Заявление', source: 'МИД России', content: `${p1}\n\n${p2}`, kind: 'preamble' },
      { cue: 'предупредил', source: 'Андрей Седов', content: 'такие шаги подорвут многолетнее сотрудничество в Баренцевом море' },
      () => noClaimAt(t, a, 'Справочная'),
      () => assert.ok(a.claims.every((c) => c.content.end <= t.indexOf('Справочная') || c.content.start >= t.indexOf(p3)), `no claim may run past the next heading\n${listClaims(a)}`));
  });

  test('ru: «Комментарий официального представителя …» names its author, the person', () => {
    const p1 = 'Пятнадцатого апреля в порту Будё был задержан российский траулер с экипажем из двадцати человек.';
    const p2 = 'Рассчитываем на незамедлительное освобождение судна и экипажа.';
    const t = `Комментарий официального представителя МИД России М.В.Захаровой в связи с задержанием траулера\n\n${p1}\n\n${p2}\n`;
    claims(t, [{ cue: 'Комментарий', source: 'М.В.Захаровой', content: `${p1}\n\n${p2}`, kind: 'preamble' }]);
  });

  test('ru (Markdown): a # preamble covers its ## subsections and stops at the next #', () => {
    const p1 = 'Российская сторона приветствует возобновление прямого авиасообщения между двумя странами.';
    const p2 = 'Первые рейсы будут выполняться дважды в неделю.';
    const p3 = 'Визит министра запланирован на осень.';
    const t = `# Заявление МИД России о возобновлении авиасообщения\n\n${p1}\n\n## Расписание\n\n${p2}\n\n# Другие новости\n\n${p3}\n`;
    claims(t, [{ cue: 'Заявление', source: 'МИД России', content: `${p1}\n\n## Расписание\n\n${p2}`, kind: 'preamble' }], { markdown: true });
  });

  test('en: "The following is attributable to Spokesperson X:" covers what follows up to the next heading', () => {
    const p1 = 'Secretary Hale met today with Georgian Foreign Minister Levan Beridze in Washington.';
    const p2 = 'The Secretary stressed that the United States supports a free and fair electoral process.';
    const p3 = 'Secretary Hale spoke later with the Armenian Foreign Minister.';
    const t = `Secretary Hale's Meeting with Georgian Foreign Minister Beridze\n\nThe following is attributable to Spokesperson Laura Kemp:\n\n${p1}\n\n${p2}\n\nSecretary Hale's Call with the Armenian Foreign Minister\n\n${p3}\n`;
    const a = run(t);
    expectNested(t, a,
      { cue: 'attributable to', source: 'Laura Kemp', content: `${p1}\n\n${p2}`, kind: 'preamble' },
      { cue: 'stressed', source: 'The Secretary', content: 'the United States supports a free and fair electoral process' },
      () => assert.ok(a.claims.every((c) => c.content.end <= t.indexOf("Secretary Hale's Call") || c.content.start >= t.indexOf(p3)), `no claim may run past the next heading\n${listClaims(a)}`),
      () => noClaimAt(t, a, 'met'),
      () => noClaimAt(t, a, 'spoke'));
  });

  test('en (Markdown): a "## Declaration by …" preamble stops at "## Reaction", which is no preamble', () => {
    const p1 = 'The European Union deplores the sentences handed down to seven journalists of the Meydan Post.';
    const p2 = 'Azerbaijan\'s Foreign Ministry rejected the declaration as interference in its internal affairs.';
    const t = `# Europe press digest\n\n## Declaration by the High Representative on behalf of the EU on the sentencing of journalists in Azerbaijan\n\n${p1}\n\n## Reaction\n\n${p2}\n`;
    const a = run(t, { markdown: true });
    checkAll(
      () => expectClaim(t, a, { cue: 'Declaration', source: 'the High Representative on behalf of the EU', content: p1, kind: 'preamble' }),
      () => noClaimAt(t, a, 'Reaction'),
      () => noClaimAt(t, a, 'Europe press digest'),
      () => expectClaim(t, a, { cue: 'rejected', source: "Azerbaijan's Foreign Ministry", content: 'the declaration as interference in its internal affairs' }),
    );
  });

  test('ru: a heading that names no author is not a preamble', () => {
    const t = 'Итоги переговоров в Женеве\n\nДелегации обсудили график следующих встреч и провели консультации экспертов.\n';
    noClaims(t);
  });
});

// ---------------------------------------------------------------------------------------------
// Transcripts

/** Claims whose cue is on a question turn's line (Вопрос:, QUESTION:): there must be none. */
function expectNothingInQuestions(text: string, a: Analysis): void {
  const inQuestions = a.claims.filter((c) => /^(?:Вопрос|QUESTION)\b/.test(text.slice(0, c.cue.start).split('\n').pop()!) || (c.source && /^(?:Вопрос|QUESTION)$/.test(c.source.text)));
  assert.deepEqual(inQuestions.map((c) => `cue ${show(c.cue)} source ${show(c.source)} content ${show(c.content)}`), [], `question turns attribute nothing\ninput: ${text}\nclaims:\n${listClaims(a)}`);
}

describe('transcript turns', () => {
  test('ru: each answer turn is one claim (the colon is the cue), question turns give none', () => {
    const t = 'Вопрос: Как вы оцениваете итоги саммита в Астане?\n\nМ.В.Захарова: Итоги саммита мы оцениваем позитивно. Договоренности будут выполнены.\n\nВопрос: Будут ли ответные меры?\n\nМ.В.Захарова: Решение пока не принято.\n';
    const a = run(t);
    expectClaim(t, a, { cue: [':', 2], sourceText: 'М.В.Захарова', content: 'Итоги саммита мы оцениваем позитивно. Договоренности будут выполнены.', kind: 'turn' });
    expectClaim(t, a, { cue: [':', 4], sourceText: 'М.В.Захарова', content: 'Решение пока не принято.', kind: 'turn' });
    noClaimAt(t, a, [':', 1]);
    noClaimAt(t, a, [':', 3]);
    expectNothingInQuestions(t, a);
  });

  test('en: each answer turn is one claim (the colon is the cue), QUESTION turns give none', () => {
    const t = 'QUESTION: Can you confirm the Deputy Secretary will travel to Nairobi?\n\nMR. MILLER: I can. She will leave tomorrow morning.\n\nQUESTION: Will she meet the Kenyan president?\n\nMR. MILLER: I have no meetings to announce.\n';
    const a = run(t);
    expectClaim(t, a, { cue: [':', 2], sourceText: 'MR. MILLER', content: 'I can. She will leave tomorrow morning.', kind: 'turn' });
    expectClaim(t, a, { cue: [':', 4], sourceText: 'MR. MILLER', content: 'I have no meetings to announce.', kind: 'turn' });
    noClaimAt(t, a, [':', 1]);
    noClaimAt(t, a, [':', 3]);
    expectNothingInQuestions(t, a);
  });

  test('ru: an answer turn over two paragraphs is one claim up to the next turn', () => {
    const t = 'Вопрос: Чем вызван вызов временного поверенного?\n\nМ.В.Захарова: Ему вручена нота протеста.\n\nНикаких объяснений этому решению дано не было.\n\nВопрос: Спасибо.\n';
    const a = run(t);
    checkAll(
      () => expectClaim(t, a, { cue: [':', 2], sourceText: 'М.В.Захарова', content: 'Ему вручена нота протеста.\n\nНикаких объяснений этому решению дано не было.', kind: 'turn' }),
      () => expectNothingInQuestions(t, a),
    );
  });

  test('en: an answer turn over two paragraphs is one claim up to the next turn', () => {
    const t = 'QUESTION: What did the Secretary tell him?\n\nMR. MILLER: I won\'t read out private conversations.\n\nThe Secretary has been clear in public about our expectations.\n\nQUESTION: Thank you.\n';
    const a = run(t);
    checkAll(
      () => expectClaim(t, a, { cue: [':', 2], sourceText: 'MR. MILLER', content: 'I won\'t read out private conversations.\n\nThe Secretary has been clear in public about our expectations.', kind: 'turn' }),
      () => expectNothingInQuestions(t, a),
    );
  });

  test('ru: a claim inside an answer turn is nested in it', () => {
    const t = 'Вопрос: Есть ли итоги консультаций?\n\nМ.В.Захарова: Представитель Армении Карине Акопян подтвердила, что Ереван готов продолжить работу в этом формате.\n';
    const a = run(t);
    expectNested(t, a,
      { cue: [':', 2], sourceText: 'М.В.Захарова', kind: 'turn', starts: 'Представитель Армении', ends: 'в этом формате.' },
      { cue: 'подтвердила', source: 'Карине Акопян', content: 'Ереван готов продолжить работу в этом формате' });
  });
});

// ---------------------------------------------------------------------------------------------
// Negatives

describe('no claim: vague sources', () => {
  for (const t of [
    'Как сообщается, переговоры могут возобновиться в марте.',
    'Эксперты полагают, что санкции будут продлены еще на полгода.',
    'В Брюсселе считают, что решение было ошибкой.',
    'Источники в правительстве сообщили, что визит отложен.',
    'По некоторым данным, делегация покинет Женеву уже завтра.',
  ]) test(`ru: ${t}`, () => noClaims(t));

  for (const t of [
    'Sources say the talks could resume in March.',
    'Diplomats said the decision had been widely expected.',
    'Experts believe the sanctions will be extended for another six months.',
    'In Brussels, officials believe the agreement is effectively dead.',
    'Some analysts believe the damage may have been deliberate.',
  ]) test(`en: ${t}`, () => noClaims(t));
});

describe('no claim: verbs of action', () => {
  for (const t of [
    'Стороны провели переговоры и обсудили вопросы энергетической безопасности.',
    'Министры договорились продолжить консультации на уровне экспертов.',
    'Посол Ирина Соколова встретилась с генеральным секретарем ОБСЕ.',
    'МИД России вызвал посла Эстонии.',
  ]) test(`ru: ${t}`, () => noClaims(t));

  for (const t of [
    'The Secretary met the Foreign Minister on Tuesday, and the two discussed energy security.',
    'The two sides agreed to continue consultations at the expert level.',
    'The Foreign Office summoned the Russian ambassador.',
  ]) test(`en: ${t}`, () => noClaims(t));
});

describe('no claim: "declined to say", the passive, a topic alone', () => {
  test('ru: отказался сообщить', () => noClaims('Представитель министерства отказался сообщить, когда состоится визит.'));
  test('en: declined to say', () => noClaims('A spokesman for the ministry declined to say when the visit would take place.'));
  test('ru: the passive (был обвинен)', () => noClaims('В прошлом году российский дипломат был обвинен в шпионаже.'));
  test('en: the passive (was accused of)', () => noClaims('Belarus was accused of orchestrating the crisis on the border.'));
  test('ru: a topic alone (рассказал о ситуации)', () => noClaims('Посол рассказал о ситуации на границе.'));
  test('en: a topic alone (spoke about the situation)', () => noClaims('The minister spoke about the situation on the border.'));
  test('ru: a topic alone next to a real claim in the same text', () => {
    const t = 'Посол рассказал о ситуации на границе. Он заявил, что пункт пропуска будет открыт в понедельник.';
    const a = claims(t, [{ cue: 'заявил', content: 'пункт пропуска будет открыт в понедельник' }]);
    noClaimAt(t, a, 'рассказал');
  });
  test('en: "declined to say" next to a real claim in the same text', () => {
    const t = 'Inspector Sami Laine said the crew was cooperating. He declined to say whether a state actor was suspected.';
    const a = claims(t, [{ cue: 'said', source: 'Sami Laine', content: 'the crew was cooperating' }]);
    noClaimAt(t, a, 'declined');
    noClaimAt(t, a, 'say');
  });
});

// ---------------------------------------------------------------------------------------------
// A quote and its claim agree

describe('a quote and its claim agree', () => {
  test('ru: a wire paragraph with quotes from two speakers', () => {
    const t = 'Министр иностранных дел Сербии Милица Йованович провела переговоры в Москве. «Сербия не присоединится к санкциям», — заявила Йованович. «Мы ценим эту позицию», — ответил глава российского МИД Сергей Ветров. По словам замглавы МИД Павла Остапова, «диалог будет продолжен».';
    const a = run(t);
    expectAgreement(t, a);
  });

  test('en: a wire paragraph with quotes from two speakers', () => {
    const t = 'Finnish police detained the crew on Monday. "The vessel dragged its anchor for 90 kilometres," Inspector Sami Laine told reporters. Russian Foreign Ministry spokeswoman Irina Volkova called the allegations "absurd". "We had nothing to do with it," she said.';
    const a = run(t);
    expectAgreement(t, a);
  });

  const dir = path.join(import.meta.dirname, '..', 'fixtures', 'claims');
  for (const file of readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort()) {
    test(`fixture ${file}: every quote with a speaker has a claim whose source overlaps the speaker`, () => {
      const t = readFileSync(path.join(dir, file), 'utf8');
      const a = analyze(t, { markdown: file.endsWith('.md') });
      assert.deepEqual(disagreements(a), [], `quotes and claims disagree in ${file}`);
    });
  }
});

test('trimEnd takes off exactly what TRAILING matches, for every character class and at every range', async () => {
  const { trimEnd, TRAILING } = await import('../../analysis/claims.ts');
  const byRegex = (text: string, from: number, to: number) => {
    const m = TRAILING.exec(text.slice(from, to));
    return m ? to - m[0].length : to;
  };
  for (let code = 0; code < 0x10000; code++) {
    const c = String.fromCharCode(code);
    for (const text of [`ab${c}`, `a${c}.`, `${c}`, `x ${c}${c}`]) assert.equal(trimEnd(text, 0, text.length), byRegex(text, 0, text.length), `U+${code.toString(16)} in ${JSON.stringify(text)}`);
  }
  const alphabet = ['a', 'я', ' ', '\n', '.', ',', '—', '–', '-', '…', '!', '?', ':', ';', '\u00a0', '\u2009', '»', '”', '"'];
  let seed = 5;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
  for (let n = 0; n < 5000; n++) {
    let text = '';
    for (let k = Math.floor(rnd() * 12); k > 0; k--) text += alphabet[Math.floor(rnd() * alphabet.length)];
    const from = Math.floor(rnd() * (text.length + 1));
    const to = from + Math.floor(rnd() * (text.length - from + 1));
    assert.equal(trimEnd(text, from, to), byRegex(text, from, to), `${JSON.stringify(text)} [${from}, ${to})`);
  }
});
