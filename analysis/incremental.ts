// A provisional analysis after an edit, in time that does not grow with the document: only the
// paragraphs (chunks between blank lines) the edit touched are analysed again, with one paragraph
// of context on each side; everything else is the previous analysis, shifted by the edit's length.
//
// It is provisional: effects that cross paragraphs (a surname linked to a full name far away, a
// pronoun resolved to a speaker two paragraphs up, ids and groups) are those of the window, and it
// holds no assertions for the edited paragraphs (they are not highlighted). The server shows it at
// once for highlighting and replaces it with the full analysis when typing settles. When the edit cannot be handled locally — it touches something that spans paragraphs
// (a multi-paragraph quote, a heading that opens a preamble, a transcript turn label), a Markdown
// fence, or most of the document — `reanalyze` returns null and the caller analyses in full.
import { analyze } from './analyze.ts';
import { chunksOf } from './memo.ts';
import type { Analysis, AnalyzeOptions, Claim, KnownSurname, Span } from './types.ts';

export interface Previous {
  text: string;
  analysis: Analysis;
}

/** A splice and where it took place: [start, end) of the re-analysed paragraphs, in the new text and in the old. */
export interface Splice {
  analysis: Analysis;
  core: [number, number];
  oldCore: [number, number];
}

/** The previous analysis spliced with a fresh analysis of the edited paragraphs, or null to analyse in full. */
export function reanalyze(prev: Previous, text: string, options: AnalyzeOptions = {}): Analysis | null {
  if (prev.text === text) return prev.analysis;
  return splice(prev, text, options)?.analysis ?? null;
}

/** As `reanalyze`, with where the splice took place (for callers that re-encode only that part). */
export function splice(prev: Previous, text: string, options: AnalyzeOptions = {}): Splice | null {
  const old = prev.text;
  if (old === text) return null;
  // The edited region: [p, old.length - s) in the old text is now [p, text.length - s).
  const max = Math.min(old.length, text.length);
  const p = longest(max, (n) => old.slice(0, n) === text.slice(0, n));
  const s = longest(max - p, (n) => old.slice(old.length - n) === text.slice(text.length - n));
  const delta = text.length - old.length;
  if (options.markdown && /^(?:```|~~~)/m.test(text)) return null;

  // The edited chunks (the core) and one chunk of context each side (the window), in the new text.
  const chunks = chunksOf(text);
  if (chunks.length < 4) return null;
  let first = chunks.findIndex(([, e]) => e >= p);
  if (first < 0) first = chunks.length - 1;
  let last = first;
  while (last + 1 < chunks.length && chunks[last + 1][0] <= text.length - s) last++;
  // A blank line typed or removed changes where chunks are: the neighbours take part too.
  const coreStart = chunks[first][0];
  const coreEnd = chunks[last][1];
  if (last - first > 2 || coreEnd - coreStart > text.length / 4) return null;
  const winFirst = Math.max(0, first - 1);
  const winLast = Math.min(chunks.length - 1, last + 1);
  const ws = chunks[winFirst][0];
  const we = chunks[winLast][1];
  // The same core in the old text: before it nothing moved, after it everything moved by delta.
  const oldCoreStart = coreStart;
  const oldCoreEnd = coreEnd - delta;
  if (oldCoreEnd < oldCoreStart || p < coreStart || old.length - s > oldCoreEnd) return null;

  const a = prev.analysis;
  // The people the rest of the document named, so a surname alone in the window still names them.
  const knownPersons = new Map<string, KnownSurname>();
  for (const e of a.entities) {
    if (e.type !== 'person' || !e.canonical || (e.start >= oldCoreStart && e.end <= oldCoreEnd)) continue;
    const surname = e.canonical.split(/\s+/).pop()!;
    if (!knownPersons.has(surname)) knownPersons.set(surname, { surname, id: e.id, canonical: e.canonical });
  }
  // (Highlighting only: the edited paragraphs' assertions wait for the full analysis.)
  const win = analyze(text.slice(ws, we), { ...options, language: a.language, knownPersons: [...knownPersons.values()], highlightingOnly: true });

  // Nothing may cross the core's edges, in the old analysis or the window's; except a preamble or
  // turn claim that holds the whole core (its content just grows or shrinks with the edit).
  const crosses = (x: { start: number; end: number }, lo: number, hi: number) => (x.start < lo && x.end > lo) || (x.start < hi && x.end > hi);
  const spanOf = (c: Claim) => ({ start: Math.min(c.cue.start, c.content.start, c.source?.start ?? Infinity), end: Math.max(c.cue.end, c.content.end, c.source?.end ?? 0) });
  const holds = (c: Claim) => (c.kind === 'preamble' || c.kind === 'turn') && c.cue.end <= oldCoreStart && c.content.start <= oldCoreStart && c.content.end >= oldCoreEnd;
  for (const x of [...a.entities, ...(a.aliases ?? []), ...a.quotes, ...a.assertions]) if (crosses(x, oldCoreStart, oldCoreEnd)) return null;
  const lo = coreStart - ws;
  const hi = coreEnd - ws;
  // A claim that reaches across a core edge (a quote in the core, its speaker in the paragraph
  // before) is kept when the window found exactly the same claim: its other end is in the context.
  const oldPos = (at: number) => (at <= p ? at : at >= old.length - s ? at + delta : -1);
  const same = (x: Span | null, y: Span | null) => (x === null ? y === null : y !== null && oldPos(x.start) === y.start + ws && oldPos(x.end) === y.end + ws);
  const sameClaim = (c: Claim, w: Claim) => c.kind === w.kind && same(c.cue, w.cue) && same(c.source, w.source) && same(c.content, w.content);
  const bridging: Claim[] = [];
  for (const c of a.claims) {
    if (!crosses(spanOf(c), oldCoreStart, oldCoreEnd) || holds(c)) continue;
    const w = win.claims.find((x) => sameClaim(c, x));
    if (!w) return null;
    bridging.push(w);
  }
  for (const x of [...win.entities, ...(win.aliases ?? []), ...win.quotes, ...win.assertions]) if (crosses(x, lo, hi)) return null;
  for (const c of win.claims) {
    // A preamble or turn the window sees opening in its context paragraph but the document does not
    // have (the window's first line looks like a heading) covers the core only in the window: dropped.
    if (crosses(spanOf(c), lo, hi) && !bridging.includes(c) && !((c.kind === 'preamble' || c.kind === 'turn') && (c.cue.start < lo || c.cue.start >= hi))) return null;
    // A heading that opens a preamble, or a turn label, in the edited paragraphs: its reach is the document's.
    if ((c.kind === 'preamble' || c.kind === 'turn') && c.cue.start >= lo && c.cue.start < hi) return null;
  }
  for (const c of a.claims) if ((c.kind === 'preamble' || c.kind === 'turn') && c.cue.start >= oldCoreStart && c.cue.start < oldCoreEnd) return null;

  // Old items before the core stay, after it move by delta; window items inside the core move by ws.
  // (Their text is unchanged: only where it stands moved.)
  const oldMove = (at: number) => (at >= oldCoreEnd ? delta : 0);
  const inOld = (x: { start: number; end: number }) => x.end <= oldCoreStart || x.start >= oldCoreEnd;
  const inWin = (x: { start: number; end: number }) => x.start >= lo && x.end <= hi;
  const byStart = <T extends { start: number }>(xs: T[]) => xs.sort((x, y) => x.start - y.start);
  const merge = <T extends { start: number; end: number }>(olds: readonly T[], wins: readonly T[], move: (x: T, by: (at: number) => number) => T) =>
    // (Items before the core did not move: they are kept as they are, not copied.)
    byStart([...olds.filter(inOld).map((x) => (x.start >= oldCoreEnd ? move(x, oldMove) : x)), ...wins.filter(inWin).map((x) => move(x, () => ws))]);

  const oldClaims = a.claims.filter((c) => inOld(spanOf(c)) || holds(c)).map((c) => {
    const moved = moveClaim(c, oldMove);
    if (holds(c)) moved.content = { start: c.content.start, end: c.content.end + delta, text: text.slice(c.content.start, c.content.end + delta) };
    return moved;
  });
  const winClaims = win.claims.filter((c) => inWin(spanOf(c)) || bridging.includes(c)).map((c) => moveClaim(c, () => ws));
  const claims = [...oldClaims, ...winClaims].sort((x, y) => x.content.start - y.content.start || y.content.end - x.content.end);
  const analysis: Analysis = {
    language: a.language,
    entities: merge(a.entities, win.entities, (e, by) => ({ ...e, ...move(e, by) })),
    aliases: merge(a.aliases ?? [], win.aliases ?? [], (e, by) => ({ ...e, ...move(e, by) })),
    quotes: merge(a.quotes, win.quotes, (q, by) => ({
      ...q,
      ...move(q, by),
      content: move(q.content, by),
      speaker: q.speaker && { ...q.speaker, ...move(q.speaker, by), ...(q.speaker.cue ? { cue: move(q.speaker.cue, by) } : {}), ...(q.speaker.pronoun ? { pronoun: move(q.speaker.pronoun, by) } : {}) },
    })),
    claims,
    assertions: merge(a.assertions, win.assertions, (x, by) => ({ ...x, ...move(x, by), triggers: x.triggers.map((t) => move(t, by)) })),
  };
  return { analysis, core: [coreStart, coreEnd], oldCore: [oldCoreStart, oldCoreEnd] };
}

/** The largest n in [0, max] for which `holds(n)` (true for every smaller n too): a binary search whose steps are string comparisons (memcmp), not a loop over characters. */
function longest(max: number, holds: (n: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (holds(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A span moved by what `by` says for its start. */
function move(s: Span, by: (at: number) => number): Span {
  const d = by(s.start);
  return d === 0 ? s : { start: s.start + d, end: s.end + d, text: s.text };
}

/** A claim with its spans moved; nesting (parent) is left out: it indexes the old list. */
function moveClaim(c: Claim, by: (at: number) => number): Claim {
  const { parent: _parent, ...rest } = c;
  return { ...rest, cue: move(c.cue, by), content: move(c.content, by), source: c.source && move(c.source, by) };
}
