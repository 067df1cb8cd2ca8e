// Analysis → LSP semantic tokens. Tokens may not overlap and (for VS Code) may not span lines, so
// spans are layered (an inner, more specific span wins over the quote around it) and cut per line.
// Priorities: claim content 0 < quote 1 < entity 2 < claim source and cue 2.5 < speaker and quote cue 3.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { firstAtLeast, type Analysis } from '../../analysis/index.ts';
import { TOKEN_TYPES, TOKEN_MODIFIERS, type TokenType, type TokenModifier } from '../../protocol/index.ts';
import { showsContent } from './claims.ts';

export interface TokenSpan {
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
  /** Higher wins where spans overlap. */
  priority: number;
}

export function tokenSpans(a: Analysis): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const q of a.quotes) {
    out.push({ start: q.start, end: q.end, type: 'dlQuote', modifiers: [...(q.speaker ? [] : ['unattributed' as const]), ...(q.form === 'block' ? ['block' as const] : [])], priority: 1 });
    const sp = q.speaker;
    if (sp) {
      out.push({ start: sp.start, end: sp.end, type: 'dlSpeaker', modifiers: sp.pronoun ? ['pronoun'] : [], priority: 3 });
      if (sp.pronoun && sp.pronoun.start !== sp.start) out.push({ start: sp.pronoun.start, end: sp.pronoun.end, type: 'dlSpeaker', modifiers: ['pronoun'], priority: 3 });
      if (sp.cue && sp.cue.end - sp.cue.start > 1) out.push({ start: sp.cue.start, end: sp.cue.end, type: 'dlClaimCue', modifiers: [], priority: 3 });
    }
  }
  // Claims: source and cue above entities but under a quote's speaker and cue, so a direct quote's
  // claim (its source is the speaker) adds nothing they already show; where a longer source holds a
  // speaker, the rest of it is the source. The content ranks below everything: entities, quotes and
  // speakers inside it keep their tokens and it shows in the gaps.
  for (const c of a.claims) {
    if (c.source) out.push({ start: c.source.start, end: c.source.end, type: 'dlClaimSource', modifiers: [], priority: 2.5 });
    // A punctuation cue (a dash before a name) is not coloured, as for quotes.
    if (/\p{L}/u.test(c.cue.text)) out.push({ start: c.cue.start, end: c.cue.end, type: 'dlClaimCue', modifiers: [], priority: 2.5 });
    if (showsContent(a, c)) out.push({ start: c.content.start, end: c.content.end, type: 'dlClaimContent', modifiers: [], priority: 0 });
  }
  const typeOf: Record<string, TokenType> = { person: 'dlPerson', organization: 'dlOrganization', country: 'dlCountry', place: 'dlPlace', date: 'dlDate', demonym: 'dlDemonym' };
  for (const e of a.entities) out.push({ start: e.start, end: e.end, type: typeOf[e.type], modifiers: [], priority: 2 });
  return out;
}

/** Non-overlapping pieces: at every offset the highest-priority span covering it wins. */
export function layer(spans: TokenSpan[]): TokenSpan[] {
  const points = new Set<number>();
  for (const s of spans) if (s.end > s.start) {
    points.add(s.start);
    points.add(s.end);
  }
  const cuts = [...points].sort((x, y) => x - y);
  const sorted = spans.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start);
  const out: TokenSpan[] = [];
  const active: TokenSpan[] = [];
  let k = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    while (k < sorted.length && sorted[k].start <= a) active.push(sorted[k++]);
    for (let j = active.length - 1; j >= 0; j--) if (active[j].end <= a) active.splice(j, 1);
    if (active.length === 0) continue;
    let best = active[0];
    for (const s of active) if (s.priority > best.priority) best = s;
    const last = out[out.length - 1];
    if (last && last.end === a && last.type === best.type && last.modifiers.join() === best.modifiers.join()) last.end = b;
    else out.push({ ...best, start: a, end: b });
  }
  return out;
}

/** LSP relative encoding, one token per line piece, skipping the line breaks themselves. */
export function encodeTokens(doc: TextDocument, spans: TokenSpan[]): number[] {
  return encodeWithLines(doc, spans).data;
}

/** Encoded tokens with the absolute line of each token, so a later edit can re-encode only its lines. */
export interface EncodedTokens {
  data: number[];
  lines: number[];
  /** Lines in the document encoded. */
  lineCount: number;
}

/**
 * `previous` with the tokens of the lines an edit re-analysed replaced: `spans` are the new spans of
 * [from, to) in the document, paragraphs that hold the whole edit (nothing crosses their edges,
 * nothing else shares their lines). Every line after them moved by the change in the document's
 * line count. Equal to encoding the whole document again, in time that depends on the edited
 * paragraphs (plus copying the arrays). Null when that cannot be assured.
 */
export function spliceEncoded(previous: EncodedTokens, doc: TextDocument, spans: TokenSpan[], from: number, to: number): EncodedTokens | null {
  const lineShift = doc.lineCount - previous.lineCount;
  const fromLine = doc.positionAt(from).line;
  const oldToLine = doc.positionAt(to).line - lineShift;
  if (oldToLine < fromLine - 1) return null;
  const i = firstAtLeast(previous.lines, fromLine);
  const j = firstAtLeast(previous.lines, oldToLine + 1);
  const before = i > 0 ? previous.lines[i - 1] : 0;
  const core = encodeWithLines(doc, spans, i > 0 ? before : 0);
  if (core.lines.some((l) => l < fromLine || (i > 0 && l <= before))) return null;
  // (Whole arrays are copied with slice and concat, which copy memory, not pushed value by value.)
  const headLines = previous.lines.slice(0, i).concat(core.lines);
  if (j >= previous.lines.length) return { data: previous.data.slice(0, 5 * i).concat(core.data), lines: headLines, lineCount: doc.lineCount };
  const last = headLines.length > 0 ? headLines[headLines.length - 1] : 0;
  const next = previous.lines[j] + lineShift;
  // The first token after the edit keeps its place on its line; only its line delta changes.
  if (next <= last) return null;
  const data = previous.data.slice(0, 5 * i).concat(core.data, [next - last], previous.data.slice(5 * j + 1));
  const tail = previous.lines.slice(j);
  if (lineShift !== 0) for (let k = 0; k < tail.length; k++) tail[k] += lineShift;
  const lines = headLines.concat(tail);
  return { data, lines, lineCount: doc.lineCount };
}

export function encodeWithLines(doc: TextDocument, spans: TokenSpan[], startLine = 0): EncodedTokens {
  const data: number[] = [];
  const lines: number[] = [];
  const text = doc.getText();
  let prevLine = startLine;
  let prevChar = 0;
  for (const s of layer(spans)) {
    let start = s.start;
    while (start < s.end) {
      const pos = doc.positionAt(start);
      const lineEnd = lineEndOffset(text, start, s.end);
      let end = lineEnd;
      // Leading whitespace (and Markdown `>` markers) of a continuation line is not coloured.
      let st = start;
      if (start > s.start) while (st < end && (text[st] === ' ' || text[st] === '\t' || text[st] === '>')) st++;
      if (end > st) {
        const p = st === start ? pos : doc.positionAt(st);
        const deltaLine = p.line - prevLine;
        const deltaChar = deltaLine === 0 ? p.character - prevChar : p.character;
        data.push(deltaLine, deltaChar, end - st, TOKEN_TYPES.indexOf(s.type), modifierBits(s.modifiers));
        lines.push(p.line);
        prevLine = p.line;
        prevChar = p.character;
      }
      start = skipLineBreak(text, lineEnd);
    }
  }
  return { data, lines, lineCount: doc.lineCount };
}

function lineEndOffset(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return limit;
}

function skipLineBreak(text: string, i: number): number {
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return i + 1;
}

function modifierBits(mods: TokenModifier[]): number {
  let bits = 0;
  for (const m of mods) bits |= 1 << TOKEN_MODIFIERS.indexOf(m);
  return bits;
}

/**
 * The edit that turns one token array into another (LSP semantic tokens delta): the common
 * prefix and suffix stay, the middle is replaced. After a keystroke that is a few integers
 * instead of the whole document's tokens.
 */
export function tokenEdits(previous: readonly number[], next: readonly number[]): Array<{ start: number; deleteCount: number; data: number[] }> {
  let p = 0;
  const max = Math.min(previous.length, next.length);
  while (p < max && previous[p] === next[p]) p++;
  let s = 0;
  while (s < max - p && previous[previous.length - 1 - s] === next[next.length - 1 - s]) s++;
  if (p === previous.length && p === next.length) return [];
  return [{ start: p, deleteCount: previous.length - p - s, data: next.slice(p, next.length - s) }];
}

/**
 * The part of an analysis inside [from, to), for re-encoding only that part: null when a claim has
 * spans on both sides of an edge (its tokens could not be split between the two encodings).
 */
export function within(a: Analysis, from: number, to: number): Analysis | null {
  const inside = (x: { start: number; end: number }) => x.start >= from && x.end <= to;
  const outside = (x: { start: number; end: number }) => x.end <= from || x.start >= to;
  const claims = [];
  for (const c of a.claims) {
    // A preamble's or a turn's content is never a token (only its cue and source are).
    const block = c.kind === 'preamble' || c.kind === 'turn';
    const parts = [c.cue, ...(block ? [] : [c.content]), ...(c.source ? [c.source] : [])];
    if (parts.every(inside)) claims.push(c);
    else if (!parts.every(outside)) return null;
  }
  return { language: a.language, entities: a.entities.filter(inside), quotes: a.quotes.filter(inside), claims, assertions: [] };
}
