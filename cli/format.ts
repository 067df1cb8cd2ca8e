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
    if (a.quotes.length) out.push('  who said what:');
    const bySpeaker = new Map<string, typeof a.quotes>();
    for (const q of a.quotes) {
      const k = q.speaker?.text ?? '(speaker not named)';
      bySpeaker.set(k, [...(bySpeaker.get(k) ?? []), q]);
    }
    for (const [who, qs] of bySpeaker) {
      out.push(`    ${who}`);
      for (const q of qs) out.push(`      ${file}:${position(source, q.start)}  ${preview(q.content.text)}`);
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
    if (a.quotes.length === 0) continue;
    out.push('| where | speaker | quotation |', '|---|---|---|');
    for (const q of a.quotes) {
      const cell = (s: string) => s.replace(/\|/g, '\\|');
      out.push(`| ${position(source, q.start)} | ${cell(q.speaker?.text ?? '*not named*')} | ${cell(preview(q.content.text, 120))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
