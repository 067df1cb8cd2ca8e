// Quick fixes for assertion diagnostics. Each is a CodeAction the editor applies only when the user
// picks it: a WorkspaceEdit on the document, or a command the client runs (the side file, the
// workspace settings). For a sentence with an unattributed assertion:
//
//   - Attribute to X: one action per plausible source (claim sources first, then people and
//     organisations named in the document; nearest first; at most three). Russian: `По словам X, …`
//     with X in the genitive (analysis/inflect.ts, best-effort) and the sentence's first letter in lower
//     case unless it starts a name; English: `…, X said.` in place of the full stop, or
//     `According to X, …` where the sentence does not end in one.
//   - Mark as the author's own position: a comment after the sentence in Markdown, a side-file entry
//     otherwise.
//
// For every diagnostic: suppress its rule for this sentence, in this file (a comment in Markdown,
// the side file otherwise) or in the workspace (the workspace setting `diplomaticLens.rules.<id>`).
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Assertion, Entity, Language, Span } from '../../analysis/index.ts';
import { ADD_SUPPRESSION_COMMAND, DISABLE_RULE_COMMAND, DIAGNOSTIC_SOURCE, type AddSuppressionArgs, type RuleId, type SuppressionEntry } from '../../protocol/index.ts';
import { DocumentSuppressions, fingerprint, fileDirectiveOffset, isRuleId, parseDirectives, sentenceTextEnd, sentenceTextStart } from '../suppressions.ts';
import { sourceCandidates, isMarkdown, reportedSentences, type DiagnosticData, type SourceCandidate } from './diagnostics.ts';
import { rangeOf } from './markdown.ts';
import { genitiveRu } from '../../analysis/index.ts';

/** At most this many "Attribute to X" actions per diagnostic. */
export const MAX_ATTRIBUTIONS = 3;

export interface CodeActionOptions {
  /** Suppress with Markdown comments (default: from the document's language id and file name). */
  markdown?: boolean;
  /** The document's workspace folder and path in it, where the client can write the side file; null where it cannot. */
  sideFile?: { folder: string; file: string } | null;
  /** The client can turn a rule off in its workspace settings (it runs `DISABLE_RULE_COMMAND`). */
  workspaceSettings?: boolean;
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The assertion a diagnostic was published for, found again in the current analysis. */
export function assertionFor(doc: TextDocument, a: Analysis, d: Diagnostic): Assertion | null {
  const data = d.data as Partial<DiagnosticData> | undefined;
  const rule = isRuleId(data?.rule) ? data.rule : isRuleId(d.code) ? d.code : null;
  if (!rule) return null;
  const start = doc.offsetAt(d.range.start);
  const end = Math.max(start, doc.offsetAt(d.range.end));
  let best: Assertion | null = null;
  let bestScore = Infinity;
  for (const s of reportedSentences(a, new DocumentSuppressions(doc.getText()))) {
    if (s.rule !== rule || s.end < start || s.start > end) continue;
    const score = (data?.fingerprint && fingerprint(s.text) === data.fingerprint ? 0 : 1e9) + Math.abs(s.start - start);
    if (score < bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

export function codeActions(doc: TextDocument, a: Analysis, diagnostics: readonly Diagnostic[], options: CodeActionOptions = {}): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    const s = assertionFor(doc, a, d);
    if (s) out.push(...actionsFor(doc, a, s, d, options));
  }
  return out;
}

function actionsFor(doc: TextDocument, a: Analysis, s: Assertion, d: Diagnostic, options: CodeActionOptions): CodeAction[] {
  const out: CodeAction[] = [];
  const text = doc.getText();
  const markdown = options.markdown ?? isMarkdown(doc);
  const side = options.sideFile ?? null;
  const edit = (title: string, edits: TextEdit[]): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { changes: { [doc.uri]: edits } },
  });
  const sideEntry = (title: string, entry: Omit<SuppressionEntry, 'file'>): CodeAction | null =>
    side
      ? {
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          command: { title, command: ADD_SUPPRESSION_COMMAND, arguments: [{ folder: side.folder, entry: { ...entry, file: side.file } } satisfies AddSuppressionArgs] },
        }
      : null;
  const push = (x: CodeAction | null) => x && out.push(x);
  // The sentence's own words: a comment the core counted into its span is not part of them.
  const own = ownSpan(text, s);
  const after = own.end;
  const fp = fingerprint(s.text);
  const sentence = flat(own.text);

  if (s.kind === 'unattributed') {
    for (const c of attributionCandidates(a, s)) {
      const fix = attribution(doc, a, s, c);
      if (fix) out.push(edit(fix.title, fix.edits));
    }
    const title = "Mark as the author's own position";
    if (markdown) push(edit(title, [insert(doc, after, ' <!-- diplomatic-lens-author -->')]));
    else push(sideEntry(title, { scope: 'author', fingerprint: fp, text: sentence }));
  }

  const rule = s.rule;
  const sentenceTitle = `Suppress ${rule} for this sentence`;
  if (markdown) push(edit(sentenceTitle, [insert(doc, after, ` <!-- diplomatic-lens-disable-sentence ${rule} -->`)]));
  else push(sideEntry(sentenceTitle, { scope: 'sentence', rule, fingerprint: fp, text: sentence }));

  const fileTitle = `Suppress ${rule} in this file`;
  if (markdown) push(edit(fileTitle, [fileDirectiveEdit(doc, rule)]));
  else push(sideEntry(fileTitle, { scope: 'file', rule }));

  if (options.workspaceSettings) {
    const title = `Suppress ${rule} in this workspace (settings)`;
    out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: DISABLE_RULE_COMMAND, arguments: [rule] } });
  }
  return out;
}

/** A sentence without the whitespace and comments at either end of its span. */
export function ownSpan(text: string, s: { start: number; end: number }): Span {
  const start = sentenceTextStart(text, s);
  const end = Math.max(start, sentenceTextEnd(text, s));
  return { start, end, text: text.slice(start, end) };
}

function insert(doc: TextDocument, offset: number, newText: string): TextEdit {
  const p = doc.positionAt(offset);
  return { range: { start: p, end: p }, newText };
}

/** Adds the rule to the file's `diplomatic-lens-disable` comment, or writes one at the top. */
function fileDirectiveEdit(doc: TextDocument, rule: RuleId): TextEdit {
  const text = doc.getText();
  const existing = parseDirectives(text).find((x) => x.kind === 'disable' && x.rules !== null);
  if (existing) {
    const close = existing.end - 3;
    return insert(doc, close, /\s$/.test(text.slice(0, close)) ? `${rule} ` : ` ${rule} `);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // A blank line after it, so the comment is a block of its own and not part of the first paragraph.
  return insert(doc, fileDirectiveOffset(text), `<!-- diplomatic-lens-disable ${rule} -->${eol}${eol}`);
}

// ---------------------------------------------------------------------------------------------
// Attribution.

/** Sources to offer: claim sources first (the text already quotes them), then people and organisations; nearest first. */
export function attributionCandidates(a: Analysis, s: { start: number; end: number }): SourceCandidate[] {
  const all = sourceCandidates(a, s);
  return [...all.filter((c) => c.claimSource), ...all.filter((c) => !c.claimSource)].slice(0, MAX_ATTRIBUTIONS);
}

function entityAt(a: Analysis, offset: number): Entity | null {
  let lo = 0;
  let hi = a.entities.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const e = a.entities[m];
    if (offset < e.start) hi = m - 1;
    else if (offset >= e.end) lo = m + 1;
    else return e;
  }
  return null;
}

/**
 * The sentence's first letter in lower case, if it should be once words come before it: not when
 * it starts a name (an entity; in English also a date or demonym), an acronym, or English "I".
 * Returns the offset and the lower-case letter, or null to leave the sentence as it is.
 */
export function lowerFirst(text: string, a: Analysis, s: { start: number; end: number }, lang: Language): { at: number; letter: string } | null {
  const at = s.start;
  const first = String.fromCodePoint(text.codePointAt(at) ?? 32);
  if (!/^\p{Lu}$/u.test(first)) return null;
  const word = /^[\p{L}\p{M}'’-]+/u.exec(text.slice(at, Math.min(s.end, at + 80)))?.[0] ?? first;
  const rest = word.slice(first.length);
  if (/\p{Lu}/u.test(rest)) return null; // МИД, ЕС, NATO, McCain
  if (lang === 'en' && word === 'I') return null;
  const e = entityAt(a, at);
  if (e && (lang === 'en' || (e.type !== 'date' && e.type !== 'demonym'))) return null;
  return { at, letter: first.toLowerCase() };
}

/** The name as an English sentence would write it: its mention nearest the sentence as written, with the `the` the text puts before it. */
export function englishName(text: string, c: SourceCandidate, s: { start: number; end: number }): string {
  const dist = (m: { start: number; end: number }) => (m.end <= s.start ? s.start - m.end : m.start - s.end);
  // An entity mention is a name; a claim's source may be a title or a pronoun the core resolved.
  const names = c.mentions.filter((m) => !m.claimSource);
  const pool = names.length ? names : c.mentions;
  let span = c.nearest;
  let bestD = Infinity;
  for (const m of pool) {
    const d = Math.abs(dist(m.span));
    if (d < bestD) {
      bestD = d;
      span = m.span;
    }
  }
  const name = flat(span.text) || c.name;
  const before = text.slice(Math.max(0, span.start - 5), span.start);
  return /(?:^|[^\p{L}])the\s+$/iu.test(before) && !/^the\s/i.test(name) ? `the ${name}` : name;
}

/** The edit and title of "Attribute to X". */
export function attribution(doc: TextDocument, a: Analysis, sentence: Assertion, c: SourceCandidate): { title: string; edits: TextEdit[] } | null {
  const text = doc.getText();
  const lang = a.language;
  const s = ownSpan(text, sentence);
  const end = s.end;
  if (end <= s.start) return null;
  if (lang === 'en') {
    const name = englishName(text, c, s);
    // `…, X said.` in place of a single full stop (not an ellipsis, not an initial such as U.S.).
    const last = text[end - 1];
    const abbreviation = /(?:^|[\s.])\p{L}\.$/u.test(text.slice(Math.max(s.start, end - 4), end));
    if (last === '.' && text[end - 2] !== '.' && !abbreviation) {
      return {
        title: `Attribute to ${c.name}: “…, ${name} said.”`,
        edits: [{ range: rangeOf(doc, { start: end - 1, end }), newText: `, ${name} said.` }],
      };
    }
    return prefixed(doc, a, s, `According to ${name}, `, `Attribute to ${c.name}: “According to ${name}, …”`, lang);
  }
  const gen = genitiveRu(text, c.mentions.map((m) => m.span), c.name, c.type === 'person');
  return prefixed(doc, a, s, `По словам ${gen}, `, `Attribute to ${c.name}: «По словам ${gen}, …»`, lang);
}

function prefixed(doc: TextDocument, a: Analysis, s: Span, prefix: string, title: string, lang: Language): { title: string; edits: TextEdit[] } {
  const text = doc.getText();
  const low = lowerFirst(text, a, s, lang);
  if (!low) return { title, edits: [insert(doc, s.start, prefix)] };
  const width = (text.codePointAt(low.at) ?? 0) > 0xffff ? 2 : 1;
  return { title, edits: [{ range: rangeOf(doc, { start: low.at, end: low.at + width }), newText: prefix + low.letter }] };
}
