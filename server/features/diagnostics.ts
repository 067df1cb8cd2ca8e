// Assertions → LSP diagnostics for the Problems panel: one per reported sentence, `source`
// "Diplomatic Lens", `code` the rule id with a link to its page (docs/rules/<id>.md), the severity
// the settings give the rule (`off` publishes nothing), a message naming the words that triggered
// it, and related information pointing at the sources named nearby. Sentences suppressed by a
// comment or the side file (server/suppressions.ts) are left out here, so the core needs to know
// nothing about suppression. Pure functions of (document, Analysis, options).
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildDocument, type Analysis, type Assertion, type AssertionRule, type EntityType, type Span } from '../../analysis/index.ts';
import { DEFAULT_RULE_SEVERITY, DIAGNOSTIC_SOURCE, RULE_DOCS_URL, type RuleId, type RuleSeverity, type Settings } from '../../protocol/index.ts';
import { DocumentSuppressions, fingerprint, sentenceTextEnd, sentenceTextStart } from '../suppressions.ts';
import { rangeOf } from './markdown.ts';

/** The protocol's rule ids and the core's must be the same set: this line stops compiling if they drift. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const RULE_IDS_MATCH_CORE: Same<RuleId, AssertionRule> = true;

const SEVERITY: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/** The LSP severity the settings give a rule, or null for `off`. A missing or unknown value falls back to the rule's default. */
export function severityOf(rule: RuleId, rules: Settings['rules'] | undefined): DiagnosticSeverity | null {
  let s = rules?.[rule];
  if (s === undefined || (s !== 'off' && !(s in SEVERITY))) s = DEFAULT_RULE_SEVERITY[rule];
  return s === 'off' ? null : SEVERITY[s];
}

export const RULE_LABEL: Record<RuleId, string> = {
  'unattributed-accusation': 'Unattributed accusation',
  'unattributed-causation': 'Unattributed causal claim',
  'unattributed-evaluation': 'Unattributed evaluation',
  'unattributed-figure': 'Unattributed figure',
  'unattributed-prediction': 'Unattributed prediction',
  'vague-source': 'Vague source',
};

export function ruleHref(rule: RuleId): string {
  return `${RULE_DOCS_URL}${rule}.md`;
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The message: what the rule found, the words that triggered it, and what is missing. */
export function messageFor(a: Pick<Assertion, 'rule' | 'triggers'>): string {
  const words: string[] = [];
  for (const t of a.triggers ?? []) {
    const w = flat(t.text);
    if (w && !words.includes(w)) words.push(w);
  }
  const shown = words.slice(0, 3).map((w) => `“${w}”`).join(', ') + (words.length > 3 ? ', …' : '');
  const tail = a.rule === 'vague-source' ? 'nobody identifiable is named as the source.' : 'no source in the sentence or around it.';
  return `${RULE_LABEL[a.rule]}${shown ? `: ${shown}` : ''} — ${tail}`;
}

/** Whether the server reads a document as Markdown (the same test the analysis cache uses). */
export function isMarkdown(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
}

// ---------------------------------------------------------------------------------------------
// Sources named in the document: claim sources, people and organisations. The quick fixes offer
// them for attribution, the related information points at the ones named near a sentence.

export interface Mention {
  span: Span;
  /** The referent: the entity id where there is one, else the source's text. */
  key: string;
  /** This mention is the source of a claim. */
  claimSource: boolean;
}

export interface SourceCandidate {
  key: string;
  /** The referent's usual name (the entity's canonical name), else the text as written. */
  name: string;
  type?: EntityType;
  id?: string;
  /** The text names it as the source of a claim somewhere (within the window asked for). */
  claimSource: boolean;
  /** Its mention nearest the sentence, and the distance in characters between the two. */
  nearest: Span;
  distance: number;
  /** Every mention of it (within the window asked for), in document order. */
  mentions: Mention[];
}

const mentionIndex = new WeakMap<Analysis, Mention[]>();
const referentIndex = new WeakMap<Analysis, Map<string, { canonical?: string; type: EntityType; text: string }>>();

/** Each entity id's usual name and type (from its first mention). */
function referents(a: Analysis): Map<string, { canonical?: string; type: EntityType; text: string }> {
  let byId = referentIndex.get(a);
  if (!byId) {
    byId = new Map();
    for (const e of a.entities) if (!byId.has(e.id)) byId.set(e.id, { canonical: e.canonical, type: e.type, text: e.text });
    referentIndex.set(a, byId);
  }
  return byId;
}

/** Claim sources and person/organisation mentions, sorted by start. */
export function sourceMentions(a: Analysis): Mention[] {
  let out = mentionIndex.get(a);
  if (out) return out;
  out = [];
  for (const c of a.claims) {
    if (!c.source || c.source.end <= c.source.start) continue;
    out.push({ span: c.source, key: c.sourceId ?? `text:${flat(c.source.text).toLowerCase()}`, claimSource: true });
  }
  for (const e of a.entities) {
    if (e.type === 'person' || e.type === 'organization') out.push({ span: e, key: e.id, claimSource: false });
  }
  out.sort((x, y) => x.span.start - y.span.start || Number(y.claimSource) - Number(x.claimSource));
  mentionIndex.set(a, out);
  return out;
}

function distance(m: Span, s: { start: number; end: number }): number {
  return m.end <= s.start ? s.start - m.end : m.start >= s.end ? m.start - s.end : 0;
}

/**
 * The sources named outside the sentence `s` (within `window` if given), one per referent, nearest
 * first. A mention inside the sentence is its subject or object, not its source.
 */
export function sourceCandidates(a: Analysis, s: { start: number; end: number }, window?: { start: number; end: number }): SourceCandidate[] {
  const byId = referents(a);
  const found = new Map<string, SourceCandidate>();
  const all = sourceMentions(a);
  // With a window, start at its first mention (binary search) and stop past its end.
  let i = 0;
  if (window) {
    let hi = all.length;
    while (i < hi) {
      const mid = (i + hi) >> 1;
      if (all[mid].span.start < window.start) i = mid + 1;
      else hi = mid;
    }
  }
  for (; i < all.length; i++) {
    const m = all[i];
    if (window && m.span.start >= window.end) break;
    if (m.span.start < s.end && s.start < m.span.end) continue;
    if (window && m.span.end > window.end) continue;
    let c = found.get(m.key);
    if (!c) {
      const ent = byId.get(m.key);
      c = {
        key: m.key,
        name: flat(ent?.canonical ?? ent?.text ?? m.span.text),
        ...(ent ? { type: ent.type, id: m.key } : {}),
        claimSource: false,
        nearest: m.span,
        distance: Infinity,
        mentions: [],
      };
      found.set(m.key, c);
    }
    c.mentions.push(m);
    c.claimSource ||= m.claimSource;
    const d = distance(m.span, s);
    if (d < c.distance) {
      c.distance = d;
      c.nearest = m.span;
    }
  }
  return [...found.values()].sort((x, y) => x.distance - y.distance || x.nearest.start - y.nearest.start);
}

const blocksOf = new WeakMap<Analysis, Array<{ start: number; end: number }>>();

/** The prose blocks (paragraphs, headings, list items, block quotes) of the analysed text. */
function proseBlocks(a: Analysis, text: string, markdown: boolean): Array<{ start: number; end: number }> {
  let out = blocksOf.get(a);
  if (!out) {
    out = buildDocument(text, markdown).blocks.filter((b) => b.kind !== 'code' && b.kind !== 'rule');
    blocksOf.set(a, out);
  }
  return out;
}

/** "Nearby": the sentence's own paragraph and the two before it. */
export function nearbyWindow(a: Analysis, text: string, markdown: boolean, s: { start: number; end: number }): { start: number; end: number } {
  const blocks = proseBlocks(a, text, markdown);
  let lo = 0;
  let hi = blocks.length - 1;
  let k = -1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    if (blocks[m].start <= s.start) {
      k = m;
      lo = m + 1;
    } else hi = m - 1;
  }
  if (k < 0) return { start: 0, end: Math.max(s.end, text.length) };
  return { start: blocks[Math.max(0, k - 2)].start, end: Math.max(blocks[k].end, s.end) };
}

const TYPE_WORD: Partial<Record<EntityType, string>> = { person: 'a person', organization: 'an organisation', country: 'a country', place: 'a place' };

/** At most this many related-information entries per diagnostic. */
export const MAX_RELATED = 3;

export function relatedSources(doc: TextDocument, a: Analysis, s: Assertion, markdown = isMarkdown(doc)): DiagnosticRelatedInformation[] {
  const text = doc.getText();
  const window = nearbyWindow(a, text, markdown, s);
  return sourceCandidates(a, s, window)
    .slice(0, MAX_RELATED)
    .map((c) => ({
      location: { uri: doc.uri, range: rangeOf(doc, c.nearest) },
      message: c.claimSource
        ? `${c.name} is named nearby as the source of a claim`
        : `${c.name} is named nearby${c.type && TYPE_WORD[c.type] ? ` (${TYPE_WORD[c.type]})` : ''}`,
    }));
}

// ---------------------------------------------------------------------------------------------

export interface DiagnosticOptions {
  /** Severity per rule (`diplomaticLens.rules`); a rule not given takes its default. */
  rules?: Settings['rules'];
  /** Comments and side-file entries of this document; suppressed sentences publish nothing. */
  suppressions?: DocumentSuppressions;
  markdown?: boolean;
}

/** What a quick fix needs to find its sentence again: the rule and the sentence's fingerprint. */
export interface DiagnosticData {
  rule: RuleId;
  fingerprint: string;
}

/**
 * The sentences to report, before suppression: the core's assertions, cut where a sentence comment
 * inside one shows it holds two sentences (a piece without trigger words of its own is dropped).
 */
export function reportedSentences(a: Analysis, sup: DocumentSuppressions): Assertion[] {
  const out: Assertion[] = [];
  for (const s of a.assertions ?? []) {
    const pieces = sup.split(s);
    if (pieces.length === 1) out.push(pieces[0]);
    else out.push(...pieces.filter((p) => p.triggers.length > 0));
  }
  return out;
}

export function assertionDiagnostics(doc: TextDocument, a: Analysis, options: DiagnosticOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = doc.getText();
  const markdown = options.markdown ?? isMarkdown(doc);
  const sup = options.suppressions ?? new DocumentSuppressions(text);
  for (const s of reportedSentences(a, sup)) {
    const severity = severityOf(s.rule, options.rules);
    if (severity === null) continue;
    if (sup.check(s)) continue;
    // The sentence's own words: not a comment the core counted into its span.
    let start = sentenceTextStart(text, s);
    let end = Math.min(s.end, sentenceTextEnd(text, s));
    if (end <= start) {
      start = s.start;
      end = s.end;
    }
    const related = relatedSources(doc, a, s, markdown);
    const data: DiagnosticData = { rule: s.rule, fingerprint: fingerprint(s.text) };
    out.push({
      range: rangeOf(doc, { start, end }),
      severity,
      source: DIAGNOSTIC_SOURCE,
      code: s.rule,
      codeDescription: { href: ruleHref(s.rule) },
      message: messageFor(s),
      ...(related.length ? { relatedInformation: related } : {}),
      data,
    });
  }
  return out;
}
