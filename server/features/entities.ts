// Named entities → LSP: a hover (type, usual and official name, every form the referent takes in
// the document with counts, a link to its first mention), document highlights of all mentions of the
// same referent, Go to Definition (the first mention) and Find All References (every mention).
// Pure functions of (document, Analysis, offset), so they are tested without a server.
import { DocumentHighlightKind, type DocumentHighlight, type Hover, type Location, type MarkupContent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Entity, EntityType } from '../../analysis/index.ts';
import { md, link, rangeOf } from './markdown.ts';

export const TYPE_LABEL: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  country: 'Country',
  place: 'Place',
  date: 'Date',
  demonym: 'Demonym',
};




/** A mention as one line of text: a name broken over lines reads (and counts) as the same form. */
function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The entity whose span contains `offset` (start inclusive, end exclusive). Entities are sorted by start and do not overlap. */
export function entityAt(a: Analysis, offset: number): Entity | null {
  const es = a.entities;
  let lo = 0;
  let hi = es.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const e = es[m];
    if (offset < e.start) hi = m - 1;
    else if (offset >= e.end) lo = m + 1;
    else return e;
  }
  // A title phrase tied to a named person ("замглавы МИД") answers as that person.
  const alias = a.aliases?.find((x) => offset >= x.start && offset < x.end);
  const target = alias && a.entities.find((x) => x.id === alias.id);
  return alias && target ? { ...alias, type: target.type, canonical: target.canonical } : null;
}

/**
 * The entity a text cursor at `offset` is on: the one containing it, or else the one that ends right
 * there (a cursor just after `Галузин|` is on Галузин, as an editor's word at a position is).
 * Hovers use `entityAt`: a mouse points at a character, not between two.
 */
export function entityAtCursor(a: Analysis, offset: number): Entity | null {
  return entityAt(a, offset) ?? (offset > 0 ? entityAt(a, offset - 1) : null);
}

/** Every mention of the referent `id`, in document order. */
export function mentionsOf(a: Analysis, id: string): Entity[] {
  const names = a.entities.filter((e) => e.id === id);
  const type = names[0]?.type ?? 'person';
  const titles = (a.aliases ?? []).filter((x) => x.id === id).map((x): Entity => ({ ...x, type }));
  return titles.length === 0 ? names : [...names, ...titles].sort((x, y) => x.start - y.start);
}

/** The Markdown of the entity part of a hover (without the quote part hover.ts may add). */
export function entityMarkdown(doc: TextDocument, a: Analysis, e: Entity): string {
  const mentions = mentionsOf(a, e.id);
  const first = a.entities.find((m) => m.id === e.id) ?? e;
  const canonical = mentions.find((m) => m.canonical)?.canonical ?? e.canonical;
  const official = mentions.find((m) => m.official)?.official ?? e.official;
  const name = flat(canonical ?? first.text);
  const lines = [`**${TYPE_LABEL[e.type] ?? e.type}** · ${md(name)}`, ''];
  if (official && flat(official) !== name) lines.push(`Official name: ${md(flat(official))}`, '');
  const description = mentions.find((m) => m.description)?.description ?? e.description;
  if (description) lines.push(`_${md(description)}_`, '');
  // Every surface form, in the order of its first appearance, with how often it occurs.
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const form = flat(m.text);
    counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  lines.push(`Mentions in this document (${mentions.length}):`, '');
  lines.push([...counts].map(([form, n]) => `${md(form)} ×${n}`).join(' · '), '');
  lines.push(`First mention: [line ${doc.positionAt(first.start).line + 1}](${link(doc, first)})`);
  return lines.join('\n');
}

/** Hover on an entity alone; null where no entity is under `offset`. */
export function entityHover(doc: TextDocument, a: Analysis, offset: number): Hover | null {
  const e = entityAt(a, offset);
  if (!e) return null;
  const contents: MarkupContent = { kind: 'markdown', value: entityMarkdown(doc, a, e) };
  return { contents, range: rangeOf(doc, e) };
}

/** All mentions of the referent under the cursor, the one under it included. */
export function documentHighlights(doc: TextDocument, a: Analysis, offset: number): DocumentHighlight[] {
  const e = entityAtCursor(a, offset);
  if (!e) return [];
  return mentionsOf(a, e.id).map((m) => ({ range: rangeOf(doc, m), kind: DocumentHighlightKind.Text }));
}

/** The first mention of the referent under the cursor. */
export function definition(doc: TextDocument, a: Analysis, offset: number): Location | null {
  const e = entityAtCursor(a, offset);
  if (!e) return null;
  const first = a.entities.find((m) => m.id === e.id) ?? e;
  return { uri: doc.uri, range: rangeOf(doc, first) };
}

/** Every mention of the referent under the cursor; without `includeDeclaration`, all but the first. */
export function references(doc: TextDocument, a: Analysis, offset: number, includeDeclaration: boolean): Location[] {
  const e = entityAtCursor(a, offset);
  if (!e) return [];
  const all = mentionsOf(a, e.id);
  return (includeDeclaration ? all : all.slice(1)).map((m) => ({ uri: doc.uri, range: rangeOf(doc, m) }));
}
