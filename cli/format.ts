// Human-readable CLI output: "who said what" per file, as plain text or Markdown.
import type { Analysis } from '../analysis/index.ts';

interface Result {
  file: string;
  source: string;
  analysis: Analysis;
}

function position(source: string, offset: number): string {
  let line = 1;
  // A BOM is not a column an editor shows.
  let lineStart = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = 0; i < offset; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}

function preview(s: string, max = 90): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** Referents by type, each with its forms and counts: "Сергей Лавров (Лавров ×3, С.В.Лавров ×1)". */
function referents(a: Analysis): Array<{ type: string; name: string; forms: string }> {
  const byId = new Map<string, { type: string; name: string; forms: Map<string, number> }>();
  for (const e of a.entities) {
    if (e.type === 'demonym') continue;
    const r = byId.get(e.id) ?? { type: e.type, name: e.canonical ?? e.text, forms: new Map<string, number>() };
    const form = e.text.replace(/\s+/g, ' ');
    r.forms.set(form, (r.forms.get(form) ?? 0) + 1);
    byId.set(e.id, r);
  }
  return [...byId.values()].map((r) => ({ type: r.type, name: r.name, forms: [...r.forms].map(([f, n]) => `${f} ×${n}`).join(', ') }));
}

interface Said {
  at: number;
  cue: string | null;
  text: string;
}

/**
 * Claims and quotes grouped by who made them: the source's referent (its usual name, with the
 * forms the text uses for it), or the source as written; quotes whose speaker the text does not
 * name come last. A quote is listed once, as its claim.
 */
export function whoSaidWhat(a: Analysis): Array<{ who: string; items: Said[] }> {
  const groups = new Map<string, { who: string; forms: Set<string>; items: Said[] }>();
  const add = (key: string, who: string, form: string | null, item: Said) => {
    const g = groups.get(key) ?? { who, forms: new Set<string>(), items: [] };
    if (form && form !== who) g.forms.add(form.replace(/\s+/g, ' '));
    g.items.push(item);
    groups.set(key, g);
  };
  const canonical = new Map(a.entities.map((e) => [e.id, e.canonical ?? e.text]));
  const claimed = new Set<number>();
  for (const c of a.claims) {
    if (!c.source) continue;
    const who = (c.sourceId && canonical.get(c.sourceId)) || c.source.text;
    const content = c.kind === 'quote' ? c.content.text.replace(/^[«“"„‘]|[»”"“’]$/g, '') : c.content.text;
    if (c.kind === 'quote') claimed.add(c.content.start);
    add(c.sourceId ?? `text:${c.source.text}`, who, c.source.text, { at: c.content.start, cue: c.kind === 'quote' ? null : c.cue.text, text: content });
  }
  for (const q of a.quotes) {
    if (claimed.has(q.start)) continue;
    if (q.speaker) add(`text:${q.speaker.text}`, q.speaker.text, null, { at: q.start, cue: null, text: q.content.text });
    else add('(speaker not named)', '(speaker not named)', null, { at: q.start, cue: null, text: q.content.text });
  }
  const out = [...groups.entries()].map(([key, g]) => ({ key, who: g.forms.size ? `${g.who} (${[...g.forms].join(', ')})` : g.who, items: g.items.sort((x, y) => x.at - y.at) }));
  out.sort((x, y) => (x.key === '(speaker not named)' ? 1 : 0) - (y.key === '(speaker not named)' ? 1 : 0) || x.items[0].at - y.items[0].at);
  return out.map(({ who, items }) => ({ who, items }));
}

export function formatText(results: Result[]): string {
  const out: string[] = [];
  for (const { file, source, analysis: a } of results) {
    const named = a.quotes.filter((q) => q.speaker).length;
    const refs = referents(a);
    out.push(`${file} (${a.language}): ${refs.length} named referent${refs.length === 1 ? '' : 's'}, ${a.quotes.length} quotation${a.quotes.length === 1 ? '' : 's'}, ${named} with a named speaker`);
    for (const type of ['person', 'organization', 'country', 'place', 'date']) {
      const rs = refs.filter((r) => r.type === type);
      if (rs.length) out.push(`  ${type}: ${rs.map((r) => `${r.name} (${r.forms})`).join('; ')}`);
    }
    const groups = whoSaidWhat(a);
    if (groups.length) out.push('  who said what:');
    for (const g of groups) {
      out.push(`    ${g.who}`);
      for (const item of g.items) out.push(`      ${file}:${position(source, item.at)}  ${item.cue ? `${item.cue}: ` : ''}${preview(item.text)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function formatMarkdown(results: Result[]): string {
  const out: string[] = ['# Diplomatic Lens report', ''];
  for (const { file, source, analysis: a } of results) {
    out.push(`## ${file}`, '', `Language: ${a.language}. Quotations: ${a.quotes.length}.`, '');
    const refs = referents(a);
    if (refs.length) {
      out.push('| type | referent | forms |', '|---|---|---|');
      for (const r of refs) out.push(`| ${r.type} | ${r.name.replace(/\|/g, '\\|')} | ${r.forms.replace(/\|/g, '\\|')} |`);
      out.push('');
    }
    const groups = whoSaidWhat(a);
    if (groups.length === 0) continue;
    out.push('| where | who | cue | what |', '|---|---|---|---|');
    const cell = (x: string) => x.replace(/\|/g, '\\|');
    for (const g of groups) for (const item of g.items) out.push(`| ${position(source, item.at)} | ${cell(g.who)} | ${cell(item.cue ?? 'quote')} | ${cell(preview(item.text, 120))} |`);
    out.push('');
  }
  return out.join('\n');
}
