// Hover on a quotation: who said it (or that the text names nobody), how the speaker was found,
// with a link to the speaker's position; hover on a speaker: the quotes attributed to them.
// Where an entity (features/entities.ts) and a quote or speaker overlap, both parts show, the more
// specific first: a speaker before the person it is, an entity before the quote around it; the part
// of an attributed claim under the offset (its cue, source or content) comes last.
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Quote, Span } from '../../analysis/index.ts';
import { md, link } from './markdown.ts';
import { entityAt, entityMarkdown } from './entities.ts';
import { claimHoverPart } from './claims.ts';

const VIA: Record<string, { en: string }> = {
  'cue-after': { en: 'named after the quote' },
  'cue-before': { en: 'named before the quote' },
  'according-to': { en: 'named in an “according to” phrase' },
  'dash-line': { en: 'named in the attribution line under the quote' },
  'preceding-colon': { en: 'named in the sentence that introduces the quote' },
  continuation: { en: 'the speaker of the quote just before' },
  pronoun: { en: 'reached through a pronoun' },
};

function preview(s: string, max = 160): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}



function contains(s: Span, offset: number): boolean {
  return offset >= s.start && offset < s.end;
}

export function hoverAt(doc: TextDocument, a: Analysis, offset: number): Hover | null {
  const e = entityAt(a, offset);
  const q = quoteHoverAt(doc, a, offset);
  const parts: Array<{ value: string; span: { start: number; end: number } }> = [];
  // The more specific part comes first, as in the semantic tokens: a speaker before the person, an
  // entity before the quote around it; the claim part (features/claims.ts) comes last.
  if (e && q) {
    const entity = { value: entityMarkdown(doc, a, e), span: e };
    if (q.value.startsWith('**Speaker**')) parts.push(q, entity);
    else parts.push(entity, q);
  } else if (e) parts.push({ value: entityMarkdown(doc, a, e), span: e });
  else if (q) parts.push(q);
  const c = claimHoverPart(doc, a, offset, parts.length === 0);
  if (c) parts.push(c);
  if (parts.length === 0) return null;
  // The combined hover holds only where all its parts do.
  const start = Math.max(...parts.map((p) => p.span.start));
  const end = Math.min(...parts.map((p) => p.span.end));
  return hover(doc, parts.map((p) => p.value).join('\n\n---\n\n'), { start, end });
}

/** The quote or speaker part of a hover at `offset`, and the span it describes. */
function quoteHoverAt(doc: TextDocument, a: Analysis, offset: number): { value: string; span: Span } | null {
  // A speaker (or the pronoun that points at one).
  const said = a.quotes.filter((q) => q.speaker && (contains(q.speaker, offset) || (q.speaker.pronoun && contains(q.speaker.pronoun, offset))));
  if (said.length > 0) {
    const sp = said[0].speaker!;
    const hit = sp.pronoun && contains(sp.pronoun, offset) ? sp.pronoun : sp;
    const lines = [`**Speaker** · ${md(sp.text)}`, ''];
    if (sp.pronoun && hit === sp.pronoun) lines.push(`“${md(sp.pronoun.text)}” refers to [${md(sp.text)}](${link(doc, sp)}).`, '');
    const same = a.quotes.filter((q) => q.speaker && q.speaker.text === sp.text);
    lines.push(`Quoted ${same.length} time${same.length === 1 ? '' : 's'} in this document:`, '');
    for (const q of same.slice(0, 10)) lines.push(`- [line ${doc.positionAt(q.start).line + 1}](${link(doc, q)}): ${md(preview(q.content.text, 100))}`);
    return { value: lines.join('\n'), span: hit };
  }
  const q = a.quotes.find((x) => contains(x, offset));
  if (!q) return null;
  return { value: quoteHover(doc, a, q), span: q };
}

function quoteHover(doc: TextDocument, a: Analysis, q: Quote): string {
  const lines = [`**Quotation**${q.form === 'block' ? ' (block)' : ''} · ${preview(q.content.text).length} characters`, ''];
  const sp = q.speaker;
  if (sp) {
    lines.push(`Said by **[${md(sp.text)}](${link(doc, sp)})** (line ${doc.positionAt(sp.start).line + 1}) — ${VIA[sp.via].en}${sp.cue && sp.cue.text.length > 1 ? `, cue “${md(sp.cue.text)}”` : ''}.`);
    if (sp.pronoun) lines.push('', `The text says “${md(sp.pronoun.text)}”; resolved to the nearest named person before it.`);
  } else {
    lines.push('**The text names nobody as its speaker.**');
  }
  const pieces = a.quotes.filter((x) => x.group === q.group);
  if (pieces.length > 1) lines.push('', `Piece ${pieces.indexOf(q) + 1} of ${pieces.length} of one quotation interrupted by the author's words.`);
  return lines.join('\n');
}

function hover(doc: TextDocument, value: string, s: { start: number; end: number }): Hover {
  const contents: MarkupContent = { kind: 'markdown', value };
  return { contents, range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) } };
}
