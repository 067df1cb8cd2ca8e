// Attributed claims → LSP: the claim part of a hover (source with its entity, cue, content, nesting),
// inlay hints naming the source after a content whose source is not next to it, the outline (one
// symbol per source, its claims and quotes as children) and the ranges of claim contents the client
// decorates. Pure functions of (document, Analysis), so they are tested without a server.
//
// A direct quote with a speaker is also a claim (kind 'quote', or no kind where the core made it from
// the quote). Its quote token, quote hover and speaker hover already describe it, so it adds no source
// or content token and no hover part inside the quote: only its cue answers with the claim.
import { InlayHintKind, SymbolKind, type DocumentSymbol, type InlayHint, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Claim, ClaimKind, EntityType, Quote, Span, SpeakerVia } from '../../analysis/index.ts';
import { md, link, rangeOf } from './markdown.ts';
import { mentionsOf, TYPE_LABEL } from './entities.ts';

/** Claims whose content is a whole block (a statement under its preamble, a transcript answer). */
const BLOCK_KINDS: ReadonlySet<ClaimKind> = new Set<ClaimKind>(['preamble', 'turn']);

/** Farther than this many characters from its content, a source gets an inlay hint. */
export const ADJACENT_CHARS = 40;

const KIND_LABEL: Record<ClaimKind, string> = {
  quote: 'direct quote',
  reported: 'reported speech',
  'according-to': '“according to”',
  preamble: 'preamble (the author of what follows)',
  turn: 'transcript turn',
};

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function preview(s: string, max: number): string {
  const f = flat(s);
  return f.length > max ? f.slice(0, max - 1) + '…' : f;
}

function contains(s: { start: number; end: number }, offset: number): boolean {
  return offset >= s.start && offset < s.end;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function cover(spans: Array<{ start: number; end: number }>): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start, end };
}

// ---------------------------------------------------------------------------------------------
// Claims and the quotes they come from.

const quoteIndex = new WeakMap<Analysis, Map<string, Quote>>();

/** The quote a claim was made from: one whose span or inner content is the claim's content. */
export function quoteOfClaim(a: Analysis, c: Claim): Quote | undefined {
  let byKey = quoteIndex.get(a);
  if (!byKey) {
    byKey = new Map();
    for (const q of a.quotes) {
      byKey.set(`${q.start}:${q.end}`, q);
      byKey.set(`${q.content.start}:${q.content.end}`, q);
    }
    quoteIndex.set(a, byKey);
  }
  return byKey.get(`${c.content.start}:${c.content.end}`);
}

/**
 * A direct quote's claim: kind 'quote'; or a claim whose content is a quote and that the quote's
 * speaker makes (no kind, or the speaker's cue or span), as `X заявил: «…»` read as reported speech.
 * The quote and speaker tokens and hovers already show such a claim.
 */
export function isQuoteClaim(a: Analysis, c: Claim): boolean {
  if (c.kind === 'quote') return true;
  const q = quoteOfClaim(a, c);
  if (!q) return false;
  if (c.kind === undefined) return true;
  const sp = q.speaker;
  return !!sp && ((sp.cue !== undefined && sp.cue.start === c.cue.start && sp.cue.end === c.cue.end) || (!!c.source && c.source.start === sp.start && c.source.end === sp.end));
}

export function kindLabel(a: Analysis, c: Claim): string {
  if (c.kind) return KIND_LABEL[c.kind];
  return quoteOfClaim(a, c) ? KIND_LABEL.quote : 'attributed claim';
}

/** Content spans worth a token or a decoration: not a direct quote's (its quote token shows it), not a whole block. */
export function showsContent(a: Analysis, c: Claim): boolean {
  return !isQuoteClaim(a, c) && !(c.kind && BLOCK_KINDS.has(c.kind)) && c.content.end > c.content.start;
}

/**
 * One attributed piece of text: a claim, or a quote with a speaker the core made no claim of (no
 * cue word). The outline and the inlay hints list both; `end` is where the visible content ends
 * (a quote's closing mark where the claim's content is the quote's inner text).
 */
interface Attribution {
  claim: Claim | null;
  quote: Quote | undefined;
  source: Span | null;
  cue: Span | null;
  content: Span;
  end: number;
  via: SpeakerVia | undefined;
}

function attributions(a: Analysis): Attribution[] {
  const out: Attribution[] = [];
  const claimed = new Set<Quote>();
  for (const c of a.claims) {
    // A claim whose content is a quote lists that quote: the quote is not listed again on its own.
    const q = quoteOfClaim(a, c);
    if (q) claimed.add(q);
    out.push({ claim: c, quote: q, source: c.source, cue: c.cue, content: c.content, end: Math.max(c.content.end, q?.end ?? 0), via: q && isQuoteClaim(a, c) ? q.speaker?.via : undefined });
  }
  for (const q of a.quotes) {
    if (claimed.has(q)) continue;
    const sp = q.speaker;
    // A pronoun the core could not resolve names nobody the reader can look up.
    const named = sp && !(sp.pronoun && sp.pronoun.start === sp.start);
    out.push({ claim: null, quote: q, source: named ? { start: sp.start, end: sp.end, text: sp.text } : null, cue: sp?.cue ?? null, content: q, end: q.end, via: named ? sp.via : undefined });
  }
  return out.sort((x, y) => x.content.start - y.content.start || x.content.end - y.content.end);
}

// ---------------------------------------------------------------------------------------------
// The entity a source names.

// Which entity inside a source stands for it, where the core set no `sourceId`: a date or a demonym
// never does ("on Monday", "Американское командование").
const TYPE_RANK: Partial<Record<EntityType, number>> = { person: 0, organization: 1, country: 2, place: 3 };

export interface SourceEntity {
  id: string;
  type: EntityType;
  /** The usual name where the data has one, else the first mention as written. */
  name: string;
  /** The source span is not a mention of the entity (a pronoun or a phrase the core resolved). */
  indirect: boolean;
}

/**
 * The entity behind a claim's source: `sourceId` where the core set it, else the entity (or title
 * alias) the source span names, a person before an organisation before a country before a place,
 * the longest first.
 */
export function sourceEntity(a: Analysis, c: Pick<Claim, 'source' | 'sourceId'>): SourceEntity | null {
  const src = c.source;
  let id = c.sourceId;
  if (!id && src) {
    const rank = (x: { id: string }) => TYPE_RANK[a.entities.find((e) => e.id === x.id)?.type ?? 'date'] ?? -1;
    const inside = [...a.entities, ...(a.aliases ?? [])].filter((e) => e.start >= src.start && e.end <= src.end && rank(e) >= 0);
    inside.sort((x, y) => rank(x) - rank(y) || y.end - y.start - (x.end - x.start));
    id = inside[0]?.id;
  }
  if (!id) return null;
  const mentions = mentionsOf(a, id);
  if (mentions.length === 0) return null;
  const canonical = mentions.find((m) => m.canonical)?.canonical;
  const first = a.entities.find((e) => e.id === id) ?? mentions[0];
  return {
    id,
    type: first.type,
    name: flat(canonical ?? first.text),
    indirect: !!src && !mentions.some((m) => overlaps(m, src)),
  };
}

/** How a source reads in a hint or the outline: the entity's usual name, else the source as written. */
function sourceName(a: Analysis, c: Pick<Claim, 'source' | 'sourceId'>): string | null {
  return sourceEntity(a, c)?.name ?? (c.source ? flat(c.source.text) : null);
}

// ---------------------------------------------------------------------------------------------
// Hover.

/**
 * The claim part of a hover at `offset`: every claim whose cue, source or content holds it, the
 * innermost (shortest content) first, and the span the first one's part covers. A direct quote's
 * claim answers on its cue only; a preamble or a transcript turn answers inside its content only
 * when `alone` (nothing more specific is under the offset).
 */
export function claimHoverPart(doc: TextDocument, a: Analysis, offset: number, alone = true): { value: string; span: Span } | null {
  const hits: Array<{ i: number; part: Span }> = [];
  a.claims.forEach((c, i) => {
    const quoteClaim = isQuoteClaim(a, c);
    let part: Span | null = null;
    if (contains(c.cue, offset)) part = c.cue;
    else if (c.source && contains(c.source, offset) && !quoteClaim) part = c.source;
    else if (contains(c.content, offset) && !quoteClaim) part = c.content;
    if (!part) return;
    if (part === c.content && c.kind && BLOCK_KINDS.has(c.kind) && !alone) return;
    hits.push({ i, part });
  });
  if (hits.length === 0) return null;
  const len = (i: number) => a.claims[i].content.end - a.claims[i].content.start;
  hits.sort((x, y) => len(x.i) - len(y.i) || x.i - y.i);
  // A preamble or a turn around a more specific claim is named by its nesting line; not repeated.
  const shown = hits.filter((h, k) => k === 0 || !(h.part === a.claims[h.i].content && a.claims[h.i].kind && BLOCK_KINDS.has(a.claims[h.i].kind!))).slice(0, 3);
  const value = shown.map((h) => claimMarkdown(doc, a, h.i)).join('\n\n---\n\n');
  return { value, span: hits[0].part };
}

/** The Markdown of one claim: kind, source (with its entity), cue, content, nesting. */
export function claimMarkdown(doc: TextDocument, a: Analysis, i: number): string {
  const c = a.claims[i];
  const lines = [`**Claim** · ${kindLabel(a, c)}`, ''];
  if (c.source) {
    const e = sourceEntity(a, c);
    let src = `Source: **[${md(flat(c.source.text))}](${link(doc, c.source)})**`;
    if (e) src += ` — ${TYPE_LABEL[e.type] ?? e.type} · ${md(e.name)}`;
    const sp = isQuoteClaim(a, c) ? quoteOfClaim(a, c)?.speaker : undefined;
    if (sp?.pronoun && sp.start === c.source.start) src += ` (the text says “${md(sp.pronoun.text)}”)`;
    lines.push(src, '');
  } else {
    lines.push('Source: **not named in the text**', '');
  }
  lines.push(`Cue: “${md(flat(c.cue.text))}”`, '');
  lines.push(`Content: ${md(preview(c.content.text, 200))}`);
  const parent = c.parent !== undefined ? a.claims[c.parent] : undefined;
  if (parent) {
    const who = sourceName(a, parent);
    lines.push('', `Inside the claim of ${who ? `**${md(who)}**` : 'an unnamed source'} (cue “${md(flat(parent.cue.text))}”).`);
  }
  const nested = a.claims.filter((x) => x.parent === i);
  if (nested.length > 0) {
    lines.push('', `Holds ${nested.length} nested claim${nested.length === 1 ? '' : 's'}:`, '');
    for (const n of nested.slice(0, 5)) {
      const who = sourceName(a, n);
      lines.push(`- ${who ? `**${md(who)}**` : 'an unnamed source'} (“${md(flat(n.cue.text))}”): ${md(preview(n.content.text, 80))}`);
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Inlay hints.

/**
 * Whether a source sits next to its content: within ADJACENT_CHARS on either side with no line
 * break and no sentence end between them; a source before its content also needs the content to
 * end on the source's line (else the reader has lost sight of it by the content's end).
 */
export function sourceAdjacent(text: string, source: Span, content: { start: number; end: number }): boolean {
  if (overlaps(source, content)) return true;
  const after = source.start >= content.end;
  const gap = after ? text.slice(content.end, source.start) : text.slice(source.end, content.start);
  if (gap.length > ADJACENT_CHARS || /[\r\n]/.test(gap) || /[.!?…]\s/.test(gap)) return false;
  return after || !/[\r\n]/.test(text.slice(content.start, content.end));
}

/**
 * `— Source` after each content whose source is not next to it, or was found through a pronoun or as
 * the speaker of an earlier piece (continuation); only those ending inside `range` when one is given.
 */
export function inlayHints(doc: TextDocument, a: Analysis, range?: Range): InlayHint[] {
  const text = doc.getText();
  const from = range ? doc.offsetAt(range.start) : 0;
  const to = range ? doc.offsetAt(range.end) : text.length;
  const out: InlayHint[] = [];
  const seen = new Set<number>();
  for (const at of attributions(a)) {
    if (!at.source || at.end < from || at.end > to || seen.has(at.end)) continue;
    const e = sourceEntity(a, { source: at.source, sourceId: at.claim?.sourceId });
    const indirect = at.via === 'pronoun' || at.via === 'continuation' || !!e?.indirect;
    if (!indirect && sourceAdjacent(text, at.source, { start: at.content.start, end: at.end })) continue;
    seen.add(at.end);
    const name = preview(e?.name ?? at.source.text, 48);
    const how = at.via === 'pronoun' && at.quote?.speaker?.pronoun ? ` (the text says “${at.quote.speaker.pronoun.text}”)` : at.via === 'continuation' ? ' (the speaker of the quote before)' : '';
    out.push({
      position: doc.positionAt(at.end),
      label: `— ${name}`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: `Source: ${flat(at.source.text)}, line ${doc.positionAt(at.source.start).line + 1}${how}${at.cue ? `; cue “${flat(at.cue.text)}”` : ''}`,
    });
  }
  return out.sort((x, y) => x.position.line - y.position.line || x.position.character - y.position.character);
}

// ---------------------------------------------------------------------------------------------
// Outline.

const NOT_NAMED = '(source not named)';

function groupKind(type: EntityType | undefined): SymbolKind {
  switch (type) {
    case 'organization':
      return SymbolKind.Class;
    case 'country':
    case 'place':
      return SymbolKind.Namespace;
    default:
      // A person, a demonym or a phrase without an entity ("the ambassador", "a source").
      return SymbolKind.Object;
  }
}

/**
 * One symbol per source (by entity id where the source names an entity, else by its text), in the
 * order of their first claim; children: its claims (Event) and quotes (String), named by a preview of
 * the content, spanning the content and the cue, selecting the cue. Claims and quotes without a
 * source come last under “(source not named)”.
 */
export function documentSymbols(doc: TextDocument, a: Analysis): DocumentSymbol[] {
  interface Group {
    name: string;
    kind: SymbolKind;
    sources: Span[];
    children: DocumentSymbol[];
    first: number;
  }
  const groups = new Map<string, Group>();
  const cues = new Set<string>();
  for (const at of attributions(a)) {
    // The next piece of a quote shares the first piece's cue: it selects its own content instead.
    const cueKey = at.cue && `${at.cue.start}:${at.cue.end}`;
    const cue = at.cue && at.via !== 'continuation' && !cues.has(cueKey!) ? at.cue : null;
    if (cueKey) cues.add(cueKey);
    const e = at.source ? sourceEntity(a, { source: at.source, sourceId: at.claim?.sourceId }) : null;
    const key = !at.source ? NOT_NAMED : e ? `id:${e.id}` : `text:${flat(at.source.text).toLowerCase()}`;
    let g = groups.get(key);
    if (!g) {
      g = { name: !at.source ? NOT_NAMED : (e?.name ?? flat(at.source.text)), kind: at.source ? groupKind(e?.type) : SymbolKind.Null, sources: [], children: [], first: Infinity };
      groups.set(key, g);
    }
    if (at.source) g.sources.push(at.source);
    const isQuote = !!at.quote;
    const span = cover([at.content, { start: at.content.start, end: at.end }, ...(cue ? [cue] : [])]);
    const label = at.claim ? kindLabel(a, at.claim) : 'direct quote';
    g.first = Math.min(g.first, span.start);
    g.children.push({
      name: preview(at.content.text, 60) || '…',
      detail: at.cue ? `${label} · ${flat(at.cue.text)}` : label,
      kind: isQuote ? SymbolKind.String : SymbolKind.Event,
      range: rangeOf(doc, span),
      selectionRange: rangeOf(doc, cue ?? at.content),
    });
  }
  const out: Array<DocumentSymbol & { first: number }> = [];
  for (const [key, g] of groups) {
    g.children.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
    const spans = g.children.map((ch) => ({ start: doc.offsetAt(ch.range.start), end: doc.offsetAt(ch.range.end) }));
    const firstSource = [...g.sources].sort((x, y) => x.start - y.start)[0];
    const range = cover([...spans, ...g.sources]);
    const n = g.children.length;
    out.push({
      name: g.name,
      detail: `${n} claim${n === 1 ? '' : 's'}`,
      kind: g.kind,
      range: rangeOf(doc, range),
      selectionRange: firstSource ? rangeOf(doc, firstSource) : g.children[0].selectionRange,
      children: g.children,
      first: key === NOT_NAMED ? Infinity : g.first,
    });
  }
  out.sort((x, y) => x.first - y.first);
  return out.map(({ first: _first, ...s }) => s);
}

// ---------------------------------------------------------------------------------------------
// Content ranges for the client's decoration.

/** The contents of claims (not direct quotes, not whole blocks), overlapping ones merged, in document order. */
export function claimContentRanges(doc: TextDocument, a: Analysis): Range[] {
  const spans = a.claims.filter((c) => showsContent(a, c)).map((c) => ({ start: c.content.start, end: c.content.end }));
  spans.sort((x, y) => x.start - y.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.map((s) => rangeOf(doc, s));
}
