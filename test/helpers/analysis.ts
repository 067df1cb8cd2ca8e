// Hand-built analyses and readers of server answers, shared by the tests of server/ features and of
// the protocol: spans found with `at`, tokens decoded to absolute positions, hover text read out.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { Entity, EntityType, Quote, Span, SpeakerVia } from '../../analysis/index.ts';
import { TOKEN_TYPES, TOKEN_MODIFIERS } from '../../protocol/index.ts';
import { at } from './positions.ts';

/** [needle, occurrence, type, id, canonical or extra fields]. */
export type EntitySpec = [string, number, EntityType, string, (string | { canonical?: string; official?: string })?];

/** Entities at the n-th occurrence of each needle, sorted; overlapping specs are a test bug. */
export function entities(text: string, specs: EntitySpec[]): Entity[] {
  const out: Entity[] = specs.map(([needle, n, type, id, extra]) => ({ ...at(text, needle, n), type, id, ...(typeof extra === 'string' ? { canonical: extra } : (extra ?? {})) }));
  out.sort((a, b) => a.start - b.start);
  for (let i = 1; i < out.length; i++) assert.ok(out[i].start >= out[i - 1].end, `test bug: ${out[i - 1].text} and ${out[i].text} overlap`);
  return out;
}

/** An inline quote: `marks` is the quote with its marks, found at its n-th occurrence. */
export function quote(text: string, marks: string, speaker: Span | null, via: SpeakerVia = 'cue-after', cue?: Span, pronoun?: Span, n = 1): Quote {
  const q = at(text, marks, n);
  return {
    ...q,
    content: { start: q.start + 1, end: q.end - 1, text: marks.slice(1, -1) },
    speaker: speaker && { ...speaker, via, ...(cue ? { cue } : {}), ...(pronoun ? { pronoun } : {}) },
    form: 'inline',
    group: 0,
  };
}

/** The Markdown of a hover (which must be there). */
export function hoverText(h: Hover | null): string {
  assert.ok(h, 'a hover');
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, 'markdown');
  return c.value;
}

/** Markdown backslash escapes undone, to compare names. */
export function unescapeMd(s: string): string {
  return s.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

/** The middle of a span. */
export function mid(s: { start: number; end: number }): number {
  return Math.floor((s.start + s.end) / 2);
}

/** The LSP relative token encoding back to absolute tokens [line, char, length, type, modifiers]. */
export function decode(data: number[]): Array<[number, number, number, string, string[]]> {
  const out: Array<[number, number, number, string, string[]]> = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    out.push([line, char, data[i + 2], TOKEN_TYPES[data[i + 3]], TOKEN_MODIFIERS.filter((_, k) => data[i + 4] & (1 << k))]);
  }
  return out;
}

const REPO = path.join(import.meta.dirname, '../..');

/** Every .txt and .md text under the given folders (relative to the repository), sorted; READMEs left out. */
export function textsUnder(...folders: string[]): Array<{ name: string; text: string; markdown: boolean }> {
  const out: Array<{ name: string; text: string; markdown: boolean }> = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(f) && !/README/.test(f)) out.push({ name: path.relative(REPO, p), text: readFileSync(p, 'utf8'), markdown: f.endsWith('.md') });
    }
  };
  for (const f of folders) walk(path.join(REPO, f));
  return out;
}

/** A seeded pseudo-random sequence in [0, 1) (Park–Miller), so a randomised test is the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}
