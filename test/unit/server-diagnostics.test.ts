// Assertion diagnostics and their quick fixes as pure functions of (document, Analysis): the code,
// source, rule-page link, severity from the settings (`off` publishes nothing), a message naming the
// trigger words, related information pointing at the sources named nearby; the quick fixes' edits
// (Russian `По словам X, …` with the genitive and a lower-cased first letter, English `…, X said.`),
// the author's-position mark, suppression per sentence / file / workspace through Markdown comments,
// the side file (keyed by a sentence fingerprint that survives edits elsewhere) and the settings.
// The Analysis objects are written by hand, so these tests do not depend on the assertion detector.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Analysis, Assertion, AssertionRule, Claim, Entity, EntityType, Span } from '../../analysis/index.ts';
import {
  ADD_SUPPRESSION_COMMAND,
  DEFAULT_RULE_SEVERITY,
  DEFAULT_SETTINGS,
  DIAGNOSTIC_SOURCE,
  DISABLE_RULE_COMMAND,
  RULE_DOCS_URL,
  RULE_IDS,
  RULE_SEVERITIES,
  type AddSuppressionArgs,
  type SuppressionFile,
} from '../../protocol/index.ts';
import { ASSERTION_RULES, RULES, RULE_HELP_BASE, SEVERITIES } from '../../protocol/rules.ts';
import { assertionDiagnostics, messageFor, severityOf, sourceCandidates } from '../../server/features/diagnostics.ts';
import { codeActions, assertionFor } from '../../server/features/codeActions.ts';
import { genitiveRu, inflectPersonRu } from '../../analysis/index.ts';
import { DocumentSuppressions, SuppressionStore, fingerprint, normaliseSentence, parseDirectives, parseSideFile } from '../../server/suppressions.ts';
import { rangeOf, at } from '../helpers/positions.ts';

const ROOT = join(import.meta.dirname, '..', '..');

// ---------------------------------------------------------------------------------------------
// Helpers, independent of the server: spans found with indexOf, positions counted by hand.

function ent(text: string, needle: string, type: EntityType, id: string, canonical?: string, n = 1): Entity {
  return { ...at(text, needle, n), type, id, ...(canonical ? { canonical } : {}) };
}

function assertion(text: string, sentence: string, rule: AssertionRule, triggers: string[], n = 1): Assertion {
  const s = at(text, sentence, n);
  const trigger = (t: string): Span => {
    const i = text.indexOf(t, s.start);
    if (i < 0 || i + t.length > s.end) throw new Error(`test bug: trigger ${JSON.stringify(t)} is not in ${JSON.stringify(sentence)}`);
    return { start: i, end: i + t.length, text: t };
  };
  return { ...s, kind: rule === 'vague-source' ? 'vague-source' : 'unattributed', rule, triggers: triggers.map(trigger) };
}

function analysis(language: 'ru' | 'en', entities: Entity[], claims: Claim[], assertions: Assertion[]): Analysis {
  return { language, entities: [...entities].sort((a, b) => a.start - b.start), quotes: [], claims, assertions };
}

function doc(uri: string, text: string, languageId = uri.endsWith('.md') ? 'markdown' : 'plaintext', version = 1): TextDocument {
  return TextDocument.create(uri, languageId, version, text);
}

/** Applies a code action's edits for `uri` to the text, as the editor would. */
function apply(d: TextDocument, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[d.uri] ?? [];
  assert.ok(edits.length > 0, `${action.title}: an edit of the document`);
  return TextDocument.applyEdits(d, edits);
}

function titled(actions: CodeAction[], start: string): CodeAction {
  const a = actions.find((x) => x.title.startsWith(start));
  assert.ok(a, `an action "${start}…" among ${JSON.stringify(actions.map((x) => x.title))}`);
  return a;
}

// ---------------------------------------------------------------------------------------------
// A Russian statement: Захарова's claim in one paragraph, two unattributed accusations in the next.

const RU_LEAD = 'Официальный представитель МИД России Мария Захарова заявила, что Москва готова к переговорам.\n\n';
const RU_S1 = 'Удар нанесли украинские ПВО.';
const RU_S2 = 'Это была спланированная провокация.';

function ruStatement(prefix = ''): { text: string; a: Analysis } {
  const text = prefix + RU_LEAD + RU_S1 + ' ' + RU_S2 + '\n';
  const a = analysis(
    'ru',
    [
      ent(text, 'МИД России', 'organization', 'mfa-russia', 'МИД России'),
      ent(text, 'Мария Захарова', 'person', 'zakharova', 'Мария Захарова'),
      ent(text, 'Москва', 'place', 'moscow', 'Москва'),
      ent(text, 'украинские', 'demonym', 'ukrainian', 'украинский'),
    ],
    [{ cue: at(text, 'заявила'), source: at(text, 'Мария Захарова'), content: at(text, 'Москва готова к переговорам'), kind: 'reported', sourceId: 'zakharova' }],
    [assertion(text, RU_S1, 'unattributed-accusation', ['нанесли']), assertion(text, RU_S2, 'unattributed-accusation', ['спланированная провокация'])],
  );
  return { text, a };
}

const EN_LEAD = 'Russian Foreign Ministry spokeswoman Maria Zakharova said on Tuesday that Moscow was ready for talks.\n\n';
const EN_S1 = 'The strike was a deliberate provocation.';

function enStatement(extra = ''): { text: string; a: Analysis } {
  const text = EN_LEAD + EN_S1 + extra + '\n';
  const a = analysis(
    'en',
    [
      ent(text, 'Russian Foreign Ministry', 'organization', 'mfa-russia', 'Russian Foreign Ministry'),
      ent(text, 'Maria Zakharova', 'person', 'zakharova', 'Maria Zakharova'),
      ent(text, 'Moscow', 'place', 'moscow', 'Moscow'),
    ],
    [{ cue: at(text, 'said'), source: at(text, 'Maria Zakharova'), content: at(text, 'Moscow was ready for talks'), kind: 'reported', sourceId: 'zakharova' }],
    [assertion(text, EN_S1, 'unattributed-accusation', ['deliberate provocation'])],
  );
  return { text, a };
}

// ---------------------------------------------------------------------------------------------

describe('diagnostics', () => {
  test('one per assertion: source, rule id as code, a link to the rule page, the sentence as range, a message naming the triggers', () => {
    const { text, a } = ruStatement();
    const d = doc('file:///w/statement.txt', text);
    const diags = assertionDiagnostics(d, a, { rules: DEFAULT_SETTINGS.rules });
    assert.equal(diags.length, 2);
    const [d1, d2] = diags;
    for (const x of diags) {
      assert.equal(x.source, 'Diplomatic Lens');
      assert.equal(x.source, DIAGNOSTIC_SOURCE);
      assert.equal(x.code, 'unattributed-accusation');
      assert.equal(x.codeDescription?.href, 'https://github.com/diplomatic-lens/diplomatic-lens/blob/main/docs/rules/unattributed-accusation.md');
      assert.equal(x.severity, DiagnosticSeverity.Warning);
    }
    assert.deepEqual(d1.range, rangeOf(text, at(text, RU_S1)));
    assert.deepEqual(d2.range, rangeOf(text, at(text, RU_S2)));
    assert.equal(d1.message, 'Unattributed accusation: “нанесли” — no source in the sentence or around it.');
    assert.equal(d2.message, 'Unattributed accusation: “спланированная провокация” — no source in the sentence or around it.');
  });

  test('English: the message names the trigger words', () => {
    const { text, a } = enStatement();
    const [x] = assertionDiagnostics(doc('file:///w/statement.txt', text), a);
    assert.equal(x.message, 'Unattributed accusation: “deliberate provocation” — no source in the sentence or around it.');
    assert.deepEqual(x.range, rangeOf(text, at(text, EN_S1)));
  });

  test('messages per rule; several triggers are listed once each, at most three; none at all reads cleanly', () => {
    const t = (text: string) => ({ start: 0, end: text.length, text });
    assert.equal(messageFor({ rule: 'vague-source', triggers: [t('sources say')] }), 'Vague source: “sources say” — nobody identifiable is named as the source.');
    assert.equal(messageFor({ rule: 'unattributed-figure', triggers: [t('47'), t('47'), t('civilians')] }), 'Unattributed figure: “47”, “civilians” — no source in the sentence or around it.');
    assert.equal(messageFor({ rule: 'unattributed-prediction', triggers: [] }), 'Unattributed prediction — no source in the sentence or around it.');
    assert.equal(
      messageFor({ rule: 'unattributed-evaluation', triggers: [t('a'), t('b'), t('c'), t('d')] }),
      'Unattributed evaluation: “a”, “b”, “c”, … — no source in the sentence or around it.',
    );
    assert.match(messageFor({ rule: 'unattributed-causation', triggers: [t('because\nof')] }), /^Unattributed causal claim: “because of” — /);
  });

  test('severity per rule from the settings; off publishes nothing; missing or unknown values take the default', () => {
    const { text, a } = ruStatement();
    const d = doc('file:///w/statement.txt', text);
    const sev = (rules: Record<string, string>) => assertionDiagnostics(d, a, { rules: rules as never }).map((x) => x.severity);
    assert.deepEqual(sev({ 'unattributed-accusation': 'error' }), [DiagnosticSeverity.Error, DiagnosticSeverity.Error]);
    assert.deepEqual(sev({ 'unattributed-accusation': 'information' }), [DiagnosticSeverity.Information, DiagnosticSeverity.Information]);
    assert.deepEqual(sev({ 'unattributed-accusation': 'hint' }), [DiagnosticSeverity.Hint, DiagnosticSeverity.Hint]);
    assert.deepEqual(sev({ 'unattributed-accusation': 'off' }), []);
    assert.deepEqual(sev({ 'vague-source': 'off' }), [DiagnosticSeverity.Warning, DiagnosticSeverity.Warning]);
    assert.deepEqual(sev({ 'unattributed-accusation': 'loud' }), [DiagnosticSeverity.Warning, DiagnosticSeverity.Warning]);
    assert.equal(severityOf('unattributed-figure', undefined), DiagnosticSeverity.Information);
    assert.equal(severityOf('unattributed-causation', {}), DiagnosticSeverity.Warning);
    assert.equal(severityOf('vague-source', {}), DiagnosticSeverity.Warning);
    assert.equal(severityOf('unattributed-evaluation', {}), DiagnosticSeverity.Information);
    assert.equal(severityOf('unattributed-prediction', {}), DiagnosticSeverity.Information);
  });

  test('related information: the sources named in the sentence’s paragraph and the two before, nearest first', () => {
    const { text, a } = ruStatement();
    const [, d2] = assertionDiagnostics(doc('file:///w/statement.txt', text), a);
    assert.deepEqual(
      d2.relatedInformation?.map((r) => [r.message, r.location.uri, r.location.range]),
      [
        ['Мария Захарова is named nearby as the source of a claim', 'file:///w/statement.txt', rangeOf(text, at(text, 'Мария Захарова'))],
        ['МИД России is named nearby (an organisation)', 'file:///w/statement.txt', rangeOf(text, at(text, 'МИД России'))],
      ],
    );
  });

  test('related information: nothing named three paragraphs back; a name inside the sentence is not its source', () => {
    const text = 'Мария Захарова заявила, что Москва готова к переговорам.\n\nВторой абзац.\n\nТретий абзац.\n\nЭто была провокация Киева.\n';
    const a = analysis(
      'ru',
      [ent(text, 'Мария Захарова', 'person', 'zakharova', 'Мария Захарова'), ent(text, 'Москва', 'place', 'moscow'), ent(text, 'Киева', 'place', 'kyiv', 'Киев')],
      [{ cue: at(text, 'заявила'), source: at(text, 'Мария Захарова'), content: at(text, 'Москва готова к переговорам'), kind: 'reported', sourceId: 'zakharova' }],
      [assertion(text, 'Это была провокация Киева.', 'unattributed-accusation', ['провокация'])],
    );
    const [x] = assertionDiagnostics(doc('file:///w/far.txt', text), a);
    assert.equal(x.relatedInformation, undefined);
    // Two paragraphs back it is nearby.
    const near = text.replace('Второй абзац.\n\n', '');
    const a2 = analysis(
      'ru',
      [ent(near, 'Мария Захарова', 'person', 'zakharova', 'Мария Захарова')],
      [{ cue: at(near, 'заявила'), source: at(near, 'Мария Захарова'), content: at(near, 'Москва готова к переговорам'), kind: 'reported', sourceId: 'zakharova' }],
      [assertion(near, 'Это была провокация Киева.', 'unattributed-accusation', ['провокация'])],
    );
    const [y] = assertionDiagnostics(doc('file:///w/near.txt', near), a2);
    assert.deepEqual(y.relatedInformation?.map((r) => r.message), ['Мария Захарова is named nearby as the source of a claim']);
  });

  test('a diagnostic carries its rule and the sentence fingerprint for the quick fixes', () => {
    const { text, a } = ruStatement();
    const [, d2] = assertionDiagnostics(doc('file:///w/statement.txt', text), a);
    assert.deepEqual(d2.data, { rule: 'unattributed-accusation', fingerprint: fingerprint(RU_S2) });
  });
});

// ---------------------------------------------------------------------------------------------

describe('quick fixes: attribution', () => {
  test('Russian: «По словам X, …» with X in the genitive and the first letter lower-cased, one action per source, claim sources first', () => {
    const { text, a } = ruStatement();
    const d = doc('file:///w/statement.txt', text);
    const diags = assertionDiagnostics(d, a);
    const actions = codeActions(d, a, [diags[1]]);
    const attribute = actions.filter((x) => x.title.startsWith('Attribute to'));
    assert.deepEqual(
      attribute.map((x) => x.title),
      ['Attribute to Мария Захарова: «По словам Марии Захаровой, …»', 'Attribute to МИД России: «По словам МИД России, …»'],
    );
    for (const x of actions) {
      assert.equal(x.kind, 'quickfix');
      assert.deepEqual(x.diagnostics, [diags[1]]);
    }
    assert.equal(apply(d, attribute[0]), RU_LEAD + RU_S1 + ' По словам Марии Захаровой, это была спланированная провокация.\n');
    assert.equal(apply(d, attribute[1]), RU_LEAD + RU_S1 + ' По словам МИД России, это была спланированная провокация.\n');
  });

  test('Russian: a name the text writes after a genitive word is used as written', () => {
    const text = 'МИД распространил заявление Сергея Лаврова.\n\nЗапад развязал эту войну.\n';
    const a = analysis(
      'ru',
      [ent(text, 'МИД', 'organization', 'mfa'), ent(text, 'Сергея Лаврова', 'person', 'lavrov', 'Сергей Лавров'), ent(text, 'Запад', 'place', 'west', 'Запад')],
      [],
      [assertion(text, 'Запад развязал эту войну.', 'unattributed-accusation', ['развязал'])],
    );
    const d = doc('file:///w/lavrov.txt', text);
    const actions = codeActions(d, a, assertionDiagnostics(d, a));
    const fix = titled(actions, 'Attribute to Сергей Лавров');
    // «Запад» is a name: its capital stays.
    assert.equal(apply(d, fix), 'МИД распространил заявление Сергея Лаврова.\n\nПо словам Сергея Лаврова, Запад развязал эту войну.\n');
  });

  test('Russian: acronyms keep their capitals', () => {
    const text = 'Мария Захарова заявила, что Москва готова к переговорам.\n\nВСУ обстреляли город.\n';
    const a = analysis(
      'ru',
      [ent(text, 'Мария Захарова', 'person', 'zakharova', 'Мария Захарова'), ent(text, 'Москва', 'place', 'moscow')],
      [{ cue: at(text, 'заявила'), source: at(text, 'Мария Захарова'), content: at(text, 'Москва готова к переговорам'), kind: 'reported', sourceId: 'zakharova' }],
      [assertion(text, 'ВСУ обстреляли город.', 'unattributed-accusation', ['обстреляли'])],
    );
    const d = doc('file:///w/acronym.txt', text);
    const fix = titled(codeActions(d, a, assertionDiagnostics(d, a)), 'Attribute to Мария Захарова');
    assert.equal(apply(d, fix), 'Мария Захарова заявила, что Москва готова к переговорам.\n\nПо словам Марии Захаровой, ВСУ обстреляли город.\n');
  });

  test('Russian genitive of person names by the regular patterns (best-effort)', () => {
    const cases: Array<[string, string]> = [
      ['Мария Захарова', 'Марии Захаровой'],
      ['Сергей Лавров', 'Сергея Лаврова'],
      ['Дмитрий Песков', 'Дмитрия Пескова'],
      ['Владимир Зеленский', 'Владимира Зеленского'],
      ['Сергей Викторович Лавров', 'Сергея Викторовича Лаврова'],
      ['Мария Владимировна Захарова', 'Марии Владимировны Захаровой'],
      ['М.В.Захарова', 'М.В.Захаровой'],
      ['Анналена Бербок', 'Анналены Бербок'],
      ['Антониу Гутерриш', 'Антониу Гутерриша'],
      ['Ольга Скабеева', 'Ольги Скабеевой'],
      ['Николай Патрушев', 'Николая Патрушева'],
      ['Урсула фон дер Ляйен', 'Урсулы фон дер Ляйен'],
    ];
    for (const [nom, gen] of cases) assert.equal(inflectPersonRu(nom), gen, nom);
    // Not a person, or headed by an acronym: as written.
    assert.equal(genitiveRu('', [], 'МИД России', false), 'МИД России');
    assert.equal(genitiveRu('', [], 'ООН', false), 'ООН');
    assert.equal(genitiveRu('', [], 'Мария Захарова', true), 'Марии Захаровой');
  });

  test('English: “…, X said.” in place of the full stop, X as the text writes it nearest the sentence', () => {
    const { text, a } = enStatement();
    const d = doc('file:///w/statement.txt', text);
    const actions = codeActions(d, a, assertionDiagnostics(d, a));
    const attribute = actions.filter((x) => x.title.startsWith('Attribute to'));
    assert.deepEqual(attribute.map((x) => x.title), ['Attribute to Maria Zakharova: “…, Maria Zakharova said.”', 'Attribute to Russian Foreign Ministry: “…, Russian Foreign Ministry said.”']);
    assert.equal(apply(d, attribute[0]), EN_LEAD + 'The strike was a deliberate provocation, Maria Zakharova said.\n');
  });

  test('English: an organisation keeps the “the” the text puts before it; no full stop → “According to X, …”', () => {
    const text = 'The spokesperson for the State Department said the talks would resume.\n\n- The sanctions will fail\n';
    const a = analysis(
      'en',
      [ent(text, 'State Department', 'organization', 'state-dept', 'State Department')],
      [{ cue: at(text, 'said'), source: at(text, 'The spokesperson for the State Department'), content: at(text, 'the talks would resume'), kind: 'reported', sourceId: 'state-dept' }],
      [assertion(text, 'The sanctions will fail', 'unattributed-prediction', ['will fail'])],
    );
    const d = doc('file:///w/state.txt', text);
    const fix = titled(codeActions(d, a, assertionDiagnostics(d, a)), 'Attribute to State Department');
    assert.equal(fix.title, 'Attribute to State Department: “According to the State Department, …”');
    assert.equal(apply(d, fix), 'The spokesperson for the State Department said the talks would resume.\n\n- According to the State Department, the sanctions will fail\n');
  });

  test('a vague source gets no attribution or author mark (its phrase must be replaced by hand), only suppressions', () => {
    const text = 'Мария Захарова заявила, что Москва готова к переговорам.\n\nКак сообщается, удар нанесли украинские ПВО.\n';
    const a = analysis(
      'ru',
      [ent(text, 'Мария Захарова', 'person', 'zakharova', 'Мария Захарова')],
      [{ cue: at(text, 'заявила'), source: at(text, 'Мария Захарова'), content: at(text, 'Москва готова к переговорам'), kind: 'reported', sourceId: 'zakharova' }],
      [assertion(text, 'Как сообщается, удар нанесли украинские ПВО.', 'vague-source', ['Как сообщается'])],
    );
    const d = doc('file:///w/vague.md', text);
    const titles = codeActions(d, a, assertionDiagnostics(d, a)).map((x) => x.title);
    assert.deepEqual(titles, ['Suppress vague-source for this sentence', 'Suppress vague-source in this file']);
  });

  test('a diagnostic from another source, or one whose sentence is gone, gets no actions', () => {
    const { text, a } = ruStatement();
    const d = doc('file:///w/statement.txt', text);
    const [x] = assertionDiagnostics(d, a);
    assert.deepEqual(codeActions(d, a, [{ ...x, source: 'cSpell' }]), []);
    assert.deepEqual(codeActions(d, { ...a, assertions: [] }, [x]), []);
  });

  test('a stale diagnostic (its range from before an edit) still finds its sentence by fingerprint', () => {
    const { text, a } = ruStatement();
    const d = doc('file:///w/statement.txt', text);
    const [, stale] = assertionDiagnostics(d, a);
    // The same text with three characters inserted before the sentence's start: the range now starts inside it.
    const moved = ruStatement('Да.');
    const d2 = doc('file:///w/statement.txt', moved.text, 'plaintext', 2);
    const s = assertionFor(d2, moved.a, stale);
    assert.equal(s?.text, RU_S2);
  });
});

// ---------------------------------------------------------------------------------------------

describe('quick fixes: author’s position and suppression in Markdown (comments)', () => {
  const URI = 'file:///w/statement.md';

  test('the actions offered, in order, for an unattributed sentence', () => {
    const { text, a } = ruStatement();
    const d = doc(URI, text);
    const titles = codeActions(d, a, [assertionDiagnostics(d, a)[1]], { workspaceSettings: true }).map((x) => x.title);
    assert.deepEqual(titles, [
      'Attribute to Мария Захарова: «По словам Марии Захаровой, …»',
      'Attribute to МИД России: «По словам МИД России, …»',
      "Mark as the author's own position",
      'Suppress unattributed-accusation for this sentence',
      'Suppress unattributed-accusation in this file',
      'Suppress unattributed-accusation in this workspace (settings)',
    ]);
  });

  test('mark as the author’s position: a comment after the sentence; the sentence is then not reported, the others are', () => {
    const { text, a } = ruStatement();
    const d = doc(URI, text);
    const fix = titled(codeActions(d, a, [assertionDiagnostics(d, a)[0]]), "Mark as the author's own position");
    const after = apply(d, fix);
    assert.equal(after, RU_LEAD + RU_S1 + ' <!-- diplomatic-lens-author --> ' + RU_S2 + '\n');
    // The core reads the new text: the second sentence's offsets move.
    const a2 = analysis('ru', [], [], [assertion(after, RU_S1, 'unattributed-accusation', ['нанесли']), assertion(after, RU_S2, 'unattributed-accusation', ['провокация'])]);
    const left = assertionDiagnostics(doc(URI, after), a2, { suppressions: new DocumentSuppressions(after) });
    assert.deepEqual(left.map((x) => x.range), [rangeOf(after, at(after, RU_S2))]);
  });

  test('suppress for this sentence: a disable-sentence comment naming the rule; other rules still apply to it', () => {
    const { text, a } = ruStatement();
    const d = doc(URI, text);
    const fix = titled(codeActions(d, a, [assertionDiagnostics(d, a)[1]]), 'Suppress unattributed-accusation for this sentence');
    const after = apply(d, fix);
    assert.equal(after, RU_LEAD + RU_S1 + ' ' + RU_S2 + ' <!-- diplomatic-lens-disable-sentence unattributed-accusation -->\n');
    const sup = new DocumentSuppressions(after);
    assert.deepEqual(sup.check(assertion(after, RU_S2, 'unattributed-accusation', [])), { scope: 'sentence', via: 'comment' });
    assert.equal(sup.check(assertion(after, RU_S2, 'unattributed-evaluation', [])), null);
    assert.equal(sup.check(assertion(after, RU_S1, 'unattributed-accusation', [])), null);
    // Even if the core counted the comment as part of the sentence, it still applies.
    const withComment = { ...at(after, RU_S2 + ' <!-- diplomatic-lens-disable-sentence unattributed-accusation -->'), rule: 'unattributed-accusation' as const };
    assert.ok(sup.check(withComment));
  });

  test('suppress in this file: a comment at the top (after front matter), or the rule added to the one there', () => {
    const { text, a } = ruStatement();
    const d = doc(URI, text);
    const fix = titled(codeActions(d, a, [assertionDiagnostics(d, a)[0]]), 'Suppress unattributed-accusation in this file');
    const after = apply(d, fix);
    assert.equal(after, '<!-- diplomatic-lens-disable unattributed-accusation -->\n\n' + text);
    // Re-analysed with every offset shifted: nothing of that rule is reported, another rule is.
    const a2 = analysis('ru', [], [], [assertion(after, RU_S1, 'unattributed-accusation', ['нанесли']), assertion(after, RU_S2, 'unattributed-evaluation', ['спланированная'])]);
    assert.deepEqual(assertionDiagnostics(doc(URI, after), a2, { suppressions: new DocumentSuppressions(after) }).map((x) => x.code), ['unattributed-evaluation']);
    // A second rule joins the existing comment.
    const d2 = doc(URI, after, 'markdown', 2);
    const fix2 = titled(codeActions(d2, a2, assertionDiagnostics(d2, a2)), 'Suppress unattributed-evaluation in this file');
    assert.equal(apply(d2, fix2), '<!-- diplomatic-lens-disable unattributed-accusation unattributed-evaluation -->\n\n' + text);
    // Front matter stays first.
    const fm = '---\ntitle: Заявление\n---\n' + text;
    const fa = ruStatement('---\ntitle: Заявление\n---\n').a;
    const d3 = doc(URI, fm);
    const fix3 = titled(codeActions(d3, fa, [assertionDiagnostics(d3, fa)[0]]), 'Suppress unattributed-accusation in this file');
    assert.equal(apply(d3, fix3), '---\ntitle: Заявление\n---\n<!-- diplomatic-lens-disable unattributed-accusation -->\n\n' + text);
  });

  test('a sentence comment inside what the core read as one sentence cuts it: the part before is suppressed, the rest reported on its own', () => {
    // The core may not end a sentence at a full stop followed by a comment: `A. <!-- … --> B.` is one span.
    const t = 'The strike was a deliberate provocation. <!-- diplomatic-lens-author --> The shelling of Donetsk was a war crime.\n';
    const merged: Assertion = {
      ...at(t, t.trimEnd()),
      kind: 'unattributed',
      rule: 'unattributed-accusation',
      triggers: [at(t, 'deliberate'), at(t, 'provocation'), at(t, 'war crime')],
    };
    const a = analysis('en', [], [], [merged]);
    const d = doc(URI, t);
    const diags = assertionDiagnostics(d, a, { suppressions: new DocumentSuppressions(t) });
    assert.equal(diags.length, 1);
    assert.deepEqual(diags[0].range, rangeOf(t, at(t, 'The shelling of Donetsk was a war crime.')));
    assert.equal(diags[0].message, 'Unattributed accusation: “war crime” — no source in the sentence or around it.');
    // Its quick fixes act on that sentence alone.
    const fix = titled(codeActions(d, a, diags), 'Suppress unattributed-accusation for this sentence');
    assert.equal(apply(d, fix), t.trimEnd() + ' <!-- diplomatic-lens-disable-sentence unattributed-accusation -->\n');
    // A piece with no trigger of its own is not reported.
    const quiet = 'The strike was a deliberate provocation. <!-- diplomatic-lens-author --> Talks resumed on Monday.\n';
    const qa = analysis('en', [], [], [{ ...at(quiet, quiet.trimEnd()), kind: 'unattributed', rule: 'unattributed-accusation', triggers: [at(quiet, 'provocation')] }]);
    assert.deepEqual(assertionDiagnostics(doc(URI, quiet), qa, { suppressions: new DocumentSuppressions(quiet) }), []);
  });

  test('a file comment the core counts into the first sentence is not part of its range, and attribution goes after it', () => {
    const t = '<!-- diplomatic-lens-disable vague-source -->\nЭто была спланированная провокация.\n\nТак заявила Мария Захарова.\n';
    const a = analysis(
      'ru',
      [ent(t, 'Мария Захарова', 'person', 'zakharova', 'Мария Захарова')],
      [{ cue: at(t, 'заявила'), source: at(t, 'Мария Захарова'), content: at(t, 'Так'), kind: 'reported', sourceId: 'zakharova' }],
      [{ ...at(t, t.slice(0, t.indexOf('\n\n'))), kind: 'unattributed', rule: 'unattributed-accusation', triggers: [at(t, 'провокация')] }],
    );
    const d = doc(URI, t);
    const [x] = assertionDiagnostics(d, a);
    assert.deepEqual(x.range, rangeOf(t, at(t, 'Это была спланированная провокация.')));
    const fix = titled(codeActions(d, a, [x]), 'Attribute to Мария Захарова');
    assert.equal(apply(d, fix), '<!-- diplomatic-lens-disable vague-source -->\nПо словам Марии Захаровой, это была спланированная провокация.\n\nТак заявила Мария Захарова.\n');
  });

  test('suppress in the workspace: the client command that writes the setting, offered only when the client has it', () => {
    const { text, a } = ruStatement();
    const d = doc(URI, text);
    const [x] = assertionDiagnostics(d, a);
    assert.ok(!codeActions(d, a, [x]).some((c) => c.title.includes('workspace')));
    const ws = titled(codeActions(d, a, [x], { workspaceSettings: true }), 'Suppress unattributed-accusation in this workspace');
    assert.equal(ws.edit, undefined);
    assert.deepEqual(ws.command, { title: ws.title, command: DISABLE_RULE_COMMAND, arguments: ['unattributed-accusation'] });
  });
});

// ---------------------------------------------------------------------------------------------

describe('quick fixes: suppression in plain text (the side file)', () => {
  const FOLDER = 'file:///w/my%20statements';
  const URI = `${FOLDER}/2024/ru%20statement.txt`;

  test('without a side file the client can write, plain text gets no comment: only attribution (and the workspace setting)', () => {
    const { text, a } = ruStatement();
    const d = doc(URI, text);
    const titles = codeActions(d, a, [assertionDiagnostics(d, a)[1]], { sideFile: null, workspaceSettings: true }).map((x) => x.title);
    assert.deepEqual(titles, [
      'Attribute to Мария Захарова: «По словам Марии Захаровой, …»',
      'Attribute to МИД России: «По словам МИД России, …»',
      'Suppress unattributed-accusation in this workspace (settings)',
    ]);
  });

  test('sentence, author and file entries go through the client command; a sentence entry survives edits elsewhere', () => {
    const store = new SuppressionStore();
    store.update({ folder: FOLDER, content: null });
    const place = store.locate(URI);
    assert.deepEqual(place, { folder: FOLDER, file: '2024/ru statement.txt' });
    const { text, a } = ruStatement();
    const d = doc(URI, text);
    const [d1, d2] = assertionDiagnostics(d, a);
    const actions = codeActions(d, a, [d2], { sideFile: place });
    const sentence = titled(actions, 'Suppress unattributed-accusation for this sentence');
    assert.equal(sentence.edit, undefined);
    assert.equal(sentence.command?.command, ADD_SUPPRESSION_COMMAND);
    const args = sentence.command?.arguments?.[0] as AddSuppressionArgs;
    assert.deepEqual(args, {
      folder: FOLDER,
      entry: { scope: 'sentence', rule: 'unattributed-accusation', fingerprint: fingerprint(RU_S2), text: RU_S2, file: '2024/ru statement.txt' },
    });
    const author = titled(actions, "Mark as the author's own position").command?.arguments?.[0] as AddSuppressionArgs;
    assert.deepEqual(author.entry, { scope: 'author', fingerprint: fingerprint(RU_S2), text: RU_S2, file: '2024/ru statement.txt' });
    const file = titled(codeActions(d, a, [d1], { sideFile: place }), 'Suppress unattributed-accusation in this file').command?.arguments?.[0] as AddSuppressionArgs;
    assert.deepEqual(file.entry, { scope: 'file', rule: 'unattributed-accusation', file: '2024/ru statement.txt' });

    // What the client writes (protocol SuppressionFile), read back by the server.
    const side: SuppressionFile = { version: 1, entries: [args.entry] };
    store.update({ folder: FOLDER, content: JSON.stringify(side, null, 2) });
    const check = (t: string, an: Analysis, uri = URI) =>
      assertionDiagnostics(doc(uri, t), an, { suppressions: new DocumentSuppressions(t, store.entriesFor(uri)) }).map((x) => x.range.start.line + ':' + t.slice(doc(uri, t).offsetAt(x.range.start), doc(uri, t).offsetAt(x.range.end)));
    assert.deepEqual(check(text, a), ['2:' + RU_S1]);
    // An edit elsewhere: a paragraph added above, lines re-wrapped; the offsets move, the fingerprint does not.
    const edited = ruStatement('Москва, 5 марта.\n\n');
    assert.deepEqual(check(edited.text, edited.a), ['4:' + RU_S1]);
    // Spacing and line breaks inside the sentence do not matter either.
    const rewrapped = edited.text.replace('спланированная провокация', 'спланированная\n  провокация');
    const ra = analysis('ru', [], [], [assertion(rewrapped, RU_S1, 'unattributed-accusation', ['нанесли']), assertion(rewrapped, 'Это была спланированная\n  провокация.', 'unattributed-accusation', ['провокация'])]);
    assert.deepEqual(check(rewrapped, ra).length, 1);
    // Rewriting the sentence itself ends the suppression.
    const reworded = edited.text.replace('спланированная провокация', 'очевидная провокация');
    const wa = analysis('ru', [], [], [assertion(reworded, RU_S1, 'unattributed-accusation', ['нанесли']), assertion(reworded, 'Это была очевидная провокация.', 'unattributed-accusation', ['провокация'])]);
    assert.equal(check(reworded, wa).length, 2);
    // Another file with the same sentence is not covered.
    assert.equal(check(text, a, `${FOLDER}/other.txt`).length, 2);
  });

  test('author and file entries in the side file', () => {
    const store = new SuppressionStore();
    const { text, a } = ruStatement();
    store.update({
      folder: FOLDER,
      content: JSON.stringify({
        version: 1,
        entries: [
          { scope: 'author', file: '2024/ru statement.txt', fingerprint: fingerprint(RU_S1), text: RU_S1 },
          { scope: 'file', file: '2024/ru statement.txt', rule: 'unattributed-evaluation' },
        ],
      }),
    });
    const sup = new DocumentSuppressions(text, store.entriesFor(URI));
    assert.deepEqual(sup.check(assertion(text, RU_S1, 'unattributed-accusation', [])), { scope: 'author', via: 'side-file' });
    assert.deepEqual(sup.check(assertion(text, RU_S2, 'unattributed-evaluation', [])), { scope: 'file', via: 'side-file' });
    assert.equal(sup.check(assertion(text, RU_S2, 'unattributed-accusation', [])), null);
    assert.equal(assertionDiagnostics(doc(URI, text), a, { suppressions: sup }).length, 1);
  });
});

// ---------------------------------------------------------------------------------------------

describe('suppression building blocks', () => {
  test('fingerprint: the same for the same words in any spacing, case or comments; different for other words', () => {
    assert.match(fingerprint(RU_S2), /^[0-9a-f]{16}$/);
    assert.equal(fingerprint('Это была  спланированная\r\nпровокация.'), fingerprint(RU_S2));
    assert.equal(fingerprint('ЭТО БЫЛА СПЛАНИРОВАННАЯ ПРОВОКАЦИЯ.'), fingerprint(RU_S2));
    assert.equal(fingerprint(RU_S2 + ' <!-- diplomatic-lens-author -->'), fingerprint(RU_S2));
    assert.equal(fingerprint('Это была\u00a0спланированная провокация.'), fingerprint(RU_S2));
    assert.notEqual(fingerprint('Это была спланированная провокация!'), fingerprint(RU_S2));
    assert.notEqual(fingerprint(EN_S1), fingerprint(RU_S2));
    assert.equal(normaliseSentence('  A\n\tB  '), 'a b');
  });

  test('directive comments: kinds, rule lists, every rule when none is named, nothing for unknown names, a note after --', () => {
    const t =
      '<!-- diplomatic-lens-disable vague-source, unattributed-figure -->\n' +
      'A. <!-- diplomatic-lens-disable-sentence -->\n' +
      'B. <!--diplomatic-lens-author-->\n' +
      'C. <!-- diplomatic-lens-disable-sentence unattributed-evalution -->\n' +
      'D. <!-- diplomatic-lens-disable-sentence unattributed-figure -- checked against the UN report -->\n' +
      '<!-- diplomatic-lens-disabled vague-source --> <!-- an ordinary comment -->\n';
    assert.deepEqual(
      parseDirectives(t).map((d) => [d.kind, d.rules]),
      [
        ['disable', ['vague-source', 'unattributed-figure']],
        ['disable-sentence', null],
        ['author', null],
        ['disable-sentence', []],
        ['disable-sentence', ['unattributed-figure']],
      ],
    );
    const sup = new DocumentSuppressions(t);
    const s = (needle: string, rule: AssertionRule) => sup.check({ ...at(t, needle), rule });
    assert.deepEqual(s('A.', 'unattributed-accusation'), { scope: 'sentence', via: 'comment' });
    assert.deepEqual(s('B.', 'unattributed-accusation'), { scope: 'author', via: 'comment' });
    assert.equal(s('C.', 'unattributed-evaluation'), null, 'a misspelt rule suppresses nothing');
    assert.deepEqual(s('D.', 'unattributed-figure'), { scope: 'sentence', via: 'comment' });
    assert.equal(s('D.', 'unattributed-accusation'), null);
    assert.deepEqual(s('C.', 'vague-source'), { scope: 'file', via: 'comment' });
  });

  test('a sentence comment applies across one line break, not across a blank line; an ordinary comment between is skipped', () => {
    const t = 'A.\n<!-- diplomatic-lens-author -->\n\nB.\n\n<!-- diplomatic-lens-author -->\nC. <!-- note --> <!-- diplomatic-lens-author -->';
    const sup = new DocumentSuppressions(t);
    const s = (needle: string) => sup.check({ ...at(t, needle), rule: 'unattributed-accusation' });
    assert.ok(s('A.'));
    assert.equal(s('B.'), null);
    assert.ok(s('C.'));
  });

  test('the side file: malformed content is reported and suppresses nothing; bad entries are skipped; folders are matched by the longest prefix', () => {
    assert.match(parseSideFile('{ not json').error ?? '', /not valid JSON/);
    assert.match(parseSideFile('[]').error ?? '', /entries/);
    assert.deepEqual(parseSideFile(null), { entries: [] });
    const parsed = parseSideFile(
      JSON.stringify({
        version: 1,
        entries: [
          { scope: 'file', file: 'a.txt', rule: 'vague-source' },
          { scope: 'file', file: 'a.txt', rule: 'no-such-rule' },
          { scope: 'sentence', file: 'a.txt', rule: 'vague-source' },
          { scope: 'author', file: 'a.txt', fingerprint: 'xyz' },
          { scope: 'author', file: 'a.txt', fingerprint: '0123456789abcdef', text: 'A.' },
          'junk',
        ],
      }),
    );
    assert.deepEqual(parsed, {
      entries: [
        { scope: 'file', file: 'a.txt', rule: 'vague-source' },
        { scope: 'author', file: 'a.txt', fingerprint: '0123456789abcdef', text: 'A.' },
      ],
    });
    const store = new SuppressionStore();
    assert.equal(store.hasFolders, false);
    assert.equal(store.locate('file:///w/a.txt'), null);
    assert.match(store.update({ folder: 'file:///w', content: '{' }) ?? '', /JSON/);
    store.update({ folder: 'file:///w/sub/', content: JSON.stringify({ version: 1, entries: [{ scope: 'file', file: 'a.txt', rule: 'vague-source' }] }) });
    assert.deepEqual(store.locate('file:///w/sub/a.txt'), { folder: 'file:///w/sub', file: 'a.txt' });
    assert.deepEqual(store.locate('file:///w/subway/a.txt'), { folder: 'file:///w', file: 'subway/a.txt' });
    assert.equal(store.entriesFor('file:///w/sub/a.txt').length, 1);
    assert.equal(store.entriesFor('file:///w/a.txt').length, 0);
    store.update({ folder: 'file:///w/sub', content: null, removed: true });
    assert.deepEqual(store.locate('file:///w/sub/a.txt'), { folder: 'file:///w', file: 'sub/a.txt' });
  });

  test('source candidates: one per referent, outside the sentence, nearest first', () => {
    const { text, a } = ruStatement();
    const s = at(text, RU_S2);
    assert.deepEqual(
      sourceCandidates(a, s).map((c) => [c.name, c.claimSource, c.type]),
      [
        ['Мария Захарова', true, 'person'],
        ['МИД России', false, 'organization'],
      ],
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('settings and rule pages', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties;

  test('diplomaticLens.rules.<id>: one setting per rule with the five severities and the protocol default', () => {
    assert.deepEqual([...RULE_SEVERITIES], ['off', 'hint', 'information', 'warning', 'error']);
    for (const id of RULE_IDS) {
      const p = props[`diplomaticLens.rules.${id}`];
      assert.ok(p, id);
      assert.deepEqual(p.enum, [...RULE_SEVERITIES]);
      assert.equal(p.default, DEFAULT_RULE_SEVERITY[id]);
      assert.equal(p.default, DEFAULT_SETTINGS.rules[id]);
    }
    assert.deepEqual(DEFAULT_RULE_SEVERITY, {
      'unattributed-accusation': 'warning',
      'unattributed-causation': 'warning',
      'unattributed-evaluation': 'information',
      'unattributed-figure': 'information',
      'unattributed-prediction': 'information',
      'vague-source': 'warning',
    });
    assert.equal(props['diplomaticLens.diagnostics.debounceMs'].default, DEFAULT_SETTINGS.diagnostics.debounceMs);
  });

  test('the settings agree with the reporters’ rule table (protocol/rules.ts): ids, severities, defaults, page URL', () => {
    assert.deepEqual([...RULE_IDS], [...ASSERTION_RULES]);
    assert.deepEqual([...RULE_SEVERITIES], [...SEVERITIES]);
    assert.equal(RULE_DOCS_URL, RULE_HELP_BASE);
    for (const id of RULE_IDS) assert.equal(DEFAULT_RULE_SEVERITY[id], RULES[id].defaultSeverity, id);
  });

  test('codeDescription links to docs/rules/<id>.md of the repository named in package.json; every page exists and has its sections', () => {
    const repo = (pkg.repository.url as string).replace(/\.git$/, '');
    const text = 'X.';
    for (const id of RULE_IDS) {
      const a = analysis('en', [], [], [{ start: 0, end: 2, text, kind: id === 'vague-source' ? 'vague-source' : 'unattributed', rule: id, triggers: [] }]);
      const [x] = assertionDiagnostics(doc('file:///w/x.txt', text), a) as Diagnostic[];
      assert.equal(x.codeDescription?.href, `${repo}/blob/main/docs/rules/${id}.md`);
      const page = join(ROOT, 'docs', 'rules', `${id}.md`);
      assert.ok(existsSync(page), page);
      const md = readFileSync(page, 'utf8');
      assert.ok(md.startsWith(`# \`${id}\``), `${id}: title`);
      for (const h of ['## What it flags', '## Why', '## Examples', '## How to fix', '## How to suppress']) assert.ok(md.includes(h), `${id}: ${h}`);
      assert.match(md, /[А-Яа-яЁё]{4,}/, `${id}: a Russian example`);
      assert.ok(md.includes('suppression.md'), `${id}: links the suppression page`);
    }
  });
});
