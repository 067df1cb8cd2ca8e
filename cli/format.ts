// Human-readable CLI output: "who said what" per file, as plain text or Markdown, and the findings
// (assertions with their rule and severity) shared by the text, Markdown and SARIF reports.
import type { Analysis, AssertionRule as CoreAssertionRule } from '../analysis/index.ts';
import { RULES, SEVERITIES, type AssertionRule, type Severity } from '../protocol/rules.ts';

// The protocol repeats the core's rule ids (it may import nothing); the two lists must agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
void (true satisfies Same<CoreAssertionRule, AssertionRule>);

export interface Result {
  file: string;
  source: string;
  analysis: Analysis;
}

/**
 * Line and column of offsets in one text, 1-based, columns in UTF-16 code units (as LSP, VS Code
 * and SARIF's default `columnKind` count). Lines end at \n, \r\n or a lone \r. A BOM is not a
 * column an editor shows: on the first line columns start after it.
 */
export class LineMap {
  private readonly starts: number[];
  readonly bom: number;
  constructor(source: string) {
    this.bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.starts = [this.bom];
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }
  at(offset: number): { line: number; column: number } {
    // The last line start at or before the offset.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(offset - this.starts[lo], 0) + 1 };
  }
}

/** "line:col" of offsets in one text. */
function positions(source: string): (offset: number) => string {
  const lines = new LineMap(source);
  return (offset) => {
    const { line, column } = lines.at(offset);
    return `${line}:${column}`;
  };
}

/** Severity of each rule: its default from protocol/rules.ts, with `--severity rule=level` overrides. */
export type SeverityMap = Record<AssertionRule, Severity>;

export function defaultSeverities(): SeverityMap {
  return Object.fromEntries(Object.entries(RULES).map(([id, r]) => [id, r.defaultSeverity])) as SeverityMap;
}

/** Index in SEVERITIES: off 0 < hint < information < warning < error. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** One assertion as reported: where, which rule, how severe, and a message naming its trigger words. */
export interface Finding {
  file: string;
  rule: AssertionRule;
  severity: Exclude<Severity, 'off'>;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The assertion's text as in the file. */
  text: string;
  /** The words that triggered it, in text order, each once. */
  triggers: string[];
  message: string;
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The trigger spans as whole words, in text order, without the ones inside another: the core
 * matches word starts (a stem like "агресси" or "aggress"), a message names the word as written.
 */
export function triggerWords(source: string, triggers: ReadonlyArray<{ start: number; end: number }>): Array<[number, number]> {
  const word = /[\p{L}\p{M}\p{Nd}]/u;
  const spans = triggers
    .map((t): [number, number] => {
      let end = t.end;
      while (end < source.length && end > t.start && word.test(source[end - 1]) && word.test(source[end])) end++;
      return [t.start, end];
    })
    .sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: Array<[number, number]> = [];
  for (const sp of spans) {
    const last = out[out.length - 1];
    if (last && sp[0] < last[1]) last[1] = Math.max(last[1], sp[1]);
    else out.push(sp);
  }
  return out;
}

export function findingMessage(rule: AssertionRule, triggers: string[]): string {
  const short = RULES[rule]?.short ?? rule;
  return triggers.length ? `${short}: ${triggers.map((t) => `"${t}"`).join(', ')}` : short;
}

/** The findings of one analysed file, in text order; rules whose severity is `off` report nothing. */
export function findingsOf(r: Result, severities: SeverityMap, lines = new LineMap(r.source)): Finding[] {
  const out: Finding[] = [];
  for (const a of r.analysis.assertions ?? []) {
    const rule = a.rule as AssertionRule;
    const severity = severities[rule] ?? 'warning';
    if (severity === 'off') continue;
    const triggers: string[] = [];
    for (const [start, end] of triggerWords(r.source, a.triggers ?? [])) {
      const w = flat(r.source.slice(start, end));
      if (w && !triggers.some((x) => x.toLowerCase() === w.toLowerCase())) triggers.push(w);
    }
    const s = lines.at(a.start);
    const e = lines.at(a.end);
    out.push({ file: r.file, rule, severity, start: a.start, end: a.end, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, text: a.text, triggers, message: findingMessage(rule, triggers) });
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

/** `file:line:col severity rule message`, the line a CI log or a problem matcher reads. */
export function findingLine(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;
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

export function formatText(results: Result[], severities: SeverityMap = defaultSeverities()): string {
  const out: string[] = [];
  for (const r of results) {
    const { file, source, analysis: a } = r;
    const position = positions(source);
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
      for (const item of g.items) out.push(`      ${file}:${position(item.at)}  ${item.cue ? `${item.cue}: ` : ''}${preview(item.text)}`);
    }
    const findings = findingsOf(r, severities);
    if (findings.length) out.push('  findings:');
    for (const f of findings) out.push(`    ${findingLine(f)}`);
    out.push('');
  }
  return out.join('\n');
}

export function formatMarkdown(results: Result[], severities: SeverityMap = defaultSeverities()): string {
  const out: string[] = ['# Diplomatic Lens report', ''];
  const cell = (x: string) => x.replace(/\|/g, '\\|');
  for (const r of results) {
    const { file, source, analysis: a } = r;
    const position = positions(source);
    out.push(`## ${file}`, '', `Language: ${a.language}. Quotations: ${a.quotes.length}.`, '');
    const refs = referents(a);
    if (refs.length) {
      out.push('| type | referent | forms |', '|---|---|---|');
      for (const r of refs) out.push(`| ${r.type} | ${r.name.replace(/\|/g, '\\|')} | ${r.forms.replace(/\|/g, '\\|')} |`);
      out.push('');
    }
    const groups = whoSaidWhat(a);
    if (groups.length) {
      out.push('| where | who | cue | what |', '|---|---|---|---|');
      for (const g of groups) for (const item of g.items) out.push(`| ${position(item.at)} | ${cell(g.who)} | ${cell(item.cue ?? 'quote')} | ${cell(preview(item.text, 120))} |`);
      out.push('');
    }
    const findings = findingsOf(r, severities);
    if (findings.length) {
      out.push('Findings:', '', '| severity | where | rule | message | sentence |', '|---|---|---|---|---|');
      for (const f of findings) out.push(`| ${f.severity} | ${f.line}:${f.column} | ${f.rule} | ${cell(f.message)} | ${cell(preview(f.text, 120))} |`);
      out.push('');
    }
  }
  return out.join('\n');
}
