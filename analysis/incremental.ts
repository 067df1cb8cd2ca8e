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
//
// Outside the window the work is kept small too, for a keystroke in a long document: the edit and
// the paragraphs around it are found by reading near it, what would otherwise be read from the whole
// previous analysis (its people, whether it has a fence) is kept with it for the next splice, and
// the old items are moved in one pass, not filtered, copied twice and sorted. Moving the items after
// the edit is what remains in proportion to the document.
import { analyze } from './analyze.ts';
import { chunksAround, detach } from './memo.ts';
import type { Alias, Analysis, AnalyzeOptions, Assertion, Claim, Entity, KnownSurname, Quote, Span, Speaker } from './types.ts';

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
  const p = common(max, (n, len) => old.slice(n, n + len) === text.slice(n, n + len));
  const s = common(max - p, (n, len) => old.slice(old.length - n - len, old.length - n) === text.slice(text.length - n - len, text.length - n));
  const delta = text.length - old.length;
  if (options.markdown && fenced(prev, text, p, text.length - s)) return null;

  // The edited chunks (the core) and one chunk of context each side (the window), in the new text.
  // (Found by reading near the edit only; a text of fewer than 4 chunks is analysed in full.)
  const near = chunksAround(text, p, text.length - s, 4);
  if (!near) return null;
  const { chunks, first, last } = near;
  // A blank line typed or removed changes where chunks are: the neighbours take part too.
  const coreStart = chunks[first][0];
  const coreEnd = chunks[last][1];
  if (last - first > 2 || coreEnd - coreStart > text.length / 4) return null;
  const ws = chunks[0][0];
  const we = chunks[chunks.length - 1][1];
  // The same core in the old text: before it nothing moved, after it everything moved by delta.
  const oldCoreStart = coreStart;
  const oldCoreEnd = coreEnd - delta;
  if (oldCoreEnd < oldCoreStart || p < coreStart || old.length - s > oldCoreEnd) return null;

  const a = prev.analysis;
  // The people the rest of the document named, so a surname alone in the window still names them:
  // for each surname, the first person outside the core that has it. (Who each entity is, and its
  // surname, is kept with the analysis: only the core's people are left out here.)
  const knownPersons: KnownSurname[] = [];
  const { people, surnames } = peopleOf(a);
  const seen = ++lookups;
  for (let i = 0; i < people.length; i++) {
    const person = people[i];
    if (!person || person.surname.seen === seen) continue;
    const e = a.entities[i];
    if (e.start >= oldCoreStart && e.end <= oldCoreEnd) continue;
    person.surname.seen = seen;
    const { surname, id, canonical } = person.known;
    knownPersons.push({ surname, id, canonical });
  }
  // (Highlighting only: the edited paragraphs' assertions wait for the full analysis.)
  // (Read from a copy of the window: its items' texts would otherwise be views into this version of
  // the whole text and keep it alive as long as they are kept, one version per keystroke; memo.ts `detach`.)
  const win = analyze(detach(text.slice(ws, we)), { ...options, language: a.language, knownPersons, highlightingOnly: true });

  // Nothing may cross the core's edges, in the old analysis or the window's; except a preamble or
  // turn claim that holds the whole core (its content just grows or shrinks with the edit).
  const crosses = (start: number, end: number, lo: number, hi: number) => (start < lo && end > lo) || (start < hi && end > hi);
  // (A claim's extent, from its cue, source and content: computed where needed, not as an object per claim.)
  const claimStart = (c: Claim) => Math.min(c.cue.start, c.content.start, c.source?.start ?? Infinity);
  const claimEnd = (c: Claim) => Math.max(c.cue.end, c.content.end, c.source?.end ?? 0);
  const holds = (c: Claim) => (c.kind === 'preamble' || c.kind === 'turn') && c.cue.end <= oldCoreStart && c.content.start <= oldCoreStart && c.content.end >= oldCoreEnd;
  for (const list of [a.entities, a.aliases ?? [], a.quotes, a.assertions]) for (const x of list) if (crosses(x.start, x.end, oldCoreStart, oldCoreEnd)) return null;
  const lo = coreStart - ws;
  const hi = coreEnd - ws;
  // A claim that reaches across a core edge (a quote in the core, its speaker in the paragraph
  // before) is kept when the window found exactly the same claim: its other end is in the context.
  const oldPos = (at: number) => (at <= p ? at : at >= old.length - s ? at + delta : -1);
  const same = (x: Span | null, y: Span | null) => (x === null ? y === null : y !== null && oldPos(x.start) === y.start + ws && oldPos(x.end) === y.end + ws);
  const sameClaim = (c: Claim, w: Claim) => c.kind === w.kind && same(c.cue, w.cue) && same(c.source, w.source) && same(c.content, w.content);
  const bridging: Claim[] = [];
  for (const c of a.claims) {
    if (!crosses(claimStart(c), claimEnd(c), oldCoreStart, oldCoreEnd) || holds(c)) continue;
    const w = win.claims.find((x) => sameClaim(c, x));
    if (!w) return null;
    bridging.push(w);
  }
  for (const list of [win.entities, win.aliases ?? [], win.quotes, win.assertions]) for (const x of list) if (crosses(x.start, x.end, lo, hi)) return null;
  for (const c of win.claims) {
    // A preamble or turn the window sees opening in its context paragraph but the document does not
    // have (the window's first line looks like a heading) covers the core only in the window: dropped.
    if (crosses(claimStart(c), claimEnd(c), lo, hi) && !bridging.includes(c) && !((c.kind === 'preamble' || c.kind === 'turn') && (c.cue.start < lo || c.cue.start >= hi))) return null;
    // A heading that opens a preamble, or a turn label, in the edited paragraphs: its reach is the document's.
    if ((c.kind === 'preamble' || c.kind === 'turn') && c.cue.start >= lo && c.cue.start < hi) return null;
  }
  for (const c of a.claims) if ((c.kind === 'preamble' || c.kind === 'turn') && c.cue.start >= oldCoreStart && c.cue.start < oldCoreEnd) return null;

  // Old items before the core stay, after it move by delta; window items inside the core move by ws.
  // (Their text is unchanged: only where it stands moved. Where nothing moves, an item is kept as
  // it is rather than copied.)
  const oldMove = (at: number) => (at >= oldCoreEnd ? delta : 0);
  const winMove = () => ws;
  const inOld = (x: Extent) => x.end <= oldCoreStart || x.start >= oldCoreEnd;
  const inWin = (x: Extent) => x.start >= lo && x.end <= hi;
  /**
   * The old items kept, and whether they are in order by start (as analyze and splice make them).
   * `along` is a list with an entry per old item: `alongKept` gets those of the items kept.
   */
  const keep = <T extends Extent, U>(olds: readonly T[], move: Mover<T>, along?: readonly U[]): { kept: T[]; inOrder: boolean; alongKept: U[] } => {
    // (Made at full length and cut down: pushing to a list of thousands reallocates it again and again.)
    const kept = new Array<T>(olds.length);
    const alongKept = new Array<U>(along ? olds.length : 0);
    let n = 0;
    let inOrder = true;
    for (let i = 0; i < olds.length; i++) {
      const x = olds[i];
      if (!inOld(x)) continue;
      const y = x.start >= oldCoreEnd && delta !== 0 ? move(x, oldMove) : x;
      if (n > 0 && y.start < kept[n - 1].start) inOrder = false;
      if (along) alongKept[n] = along[i];
      kept[n++] = y;
    }
    kept.length = n;
    if (along) alongKept.length = n;
    return { kept, inOrder, alongKept };
  };
  /** The window's items in the core. */
  const take = <T extends Extent>(wins: readonly T[], move: Mover<T>): T[] => {
    const out: T[] = [];
    for (const x of wins) if (inWin(x)) out.push(ws === 0 ? x : move(x, winMove));
    return out;
  };
  const merge = <T extends Extent>(olds: readonly T[], wins: readonly T[], move: Mover<T>) => {
    const { kept, inOrder } = keep(olds, move);
    return ordered(kept, take(wins, move), byStart, inOrder);
  };

  // Entities, and what their people tell the next splice's window (see `peopleOf`).
  const { kept: keptEntities, inOrder, alongKept: keptPeople } = keep(a.entities, moveEntity, people);
  const winEntities = take(win.entities, moveEntity);
  const at = slot(keptEntities, winEntities, byStart, inOrder);
  const entities = at < 0 ? [...keptEntities, ...winEntities].sort(byStart) : insert(keptEntities, at, winEntities);

  const oldClaims: Claim[] = [];
  for (const c of a.claims) {
    if (holds(c)) {
      // (A new content: `moveClaim` may give the claim itself.)
      const content = { start: c.content.start, end: c.content.end + delta, text: text.slice(c.content.start, c.content.end + delta) };
      oldClaims.push({ ...moveClaim(c, oldMove), content });
    } else if (inOld({ start: claimStart(c), end: claimEnd(c) })) oldClaims.push(moveClaim(c, oldMove));
  }
  const winClaims: Claim[] = [];
  for (const c of win.claims) if (inWin({ start: claimStart(c), end: claimEnd(c) }) || bridging.includes(c)) winClaims.push(moveClaim(c, winMove));
  const analysis: Analysis = {
    language: a.language,
    entities,
    aliases: merge(a.aliases ?? [], win.aliases ?? [], moveAlias),
    quotes: merge(a.quotes, win.quotes, moveQuote),
    claims: ordered(oldClaims, winClaims, byContent),
    assertions: merge(a.assertions, win.assertions, moveAssertion),
  };
  if (at >= 0) remember(analysis, { people: insert(keptPeople, at, winEntities.map((e) => personOf(e, surnames))), surnames });
  if (options.markdown) remember(analysis, { unfenced: text });
  return { analysis, core: [coreStart, coreEnd], oldCore: [oldCoreStart, oldCoreEnd] };
}

interface Extent {
  start: number;
  end: number;
}

/** An item moved: each of its spans by what `by` says for that span's start (one new object, not a copy and then another). */
type Mover<T> = (x: T, by: (at: number) => number) => T;

const byStart = (x: Extent, y: Extent) => x.start - y.start;
/** The order of `Analysis.claims` (claims.ts): by the start of the content, the longer first. */
const byContent = (x: Claim, y: Claim) => x.content.start - y.content.start || y.content.end - x.content.end;

/**
 * `[...xs, ...ys].sort(cmp)` (a stable sort). The old items and the window's come each in order (as
 * analyze and splice make them), and the window's fit between two old ones: then they are put there,
 * without a sort.
 */
function ordered<T>(xs: T[], ys: T[], cmp: (x: T, y: T) => number, xsInOrder?: boolean): T[] {
  const at = slot(xs, ys, cmp, xsInOrder);
  return at < 0 ? [...xs, ...ys].sort(cmp) : insert(xs, at, ys);
}

/**
 * Where `ys` goes in `xs` so that `xs` with `ys` inserted there is `[...xs, ...ys].sort(cmp)` (a
 * stable sort: at a tie an item of `xs` comes first), or -1 when there is no such place (a list out
 * of order, or `ys` to be interleaved with `xs`).
 */
function slot<T>(xs: readonly T[], ys: readonly T[], cmp: (x: T, y: T) => number, xsInOrder = inOrder(xs, cmp)): number {
  if (!xsInOrder) return -1;
  if (!inOrder(ys, cmp)) return -1;
  if (ys.length === 0) return xs.length;
  // After every x that does not sort after the first y; then every y must sort before the next x.
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(xs[mid], ys[0]) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < xs.length && cmp(ys[ys.length - 1], xs[lo]) >= 0 ? -1 : lo;
}

function inOrder<T>(xs: readonly T[], cmp: (x: T, y: T) => number): boolean {
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i - 1], xs[i]) > 0) return false;
  return true;
}

/** `xs` with `ys` inserted at `at` (`xs` itself when `ys` is empty: a list just made). */
function insert<T>(xs: T[], at: number, ys: readonly T[]): T[] {
  if (ys.length === 0) return xs;
  const out = new Array<T>(xs.length + ys.length);
  for (let i = 0; i < at; i++) out[i] = xs[i];
  for (let i = 0; i < ys.length; i++) out[at + i] = ys[i];
  for (let i = at; i < xs.length; i++) out[i + ys.length] = xs[i];
  return out;
}

/**
 * The length of the common part of two texts, up to `max`: `same(n, len)` tells whether they agree
 * on [n, n + len) of it. Blocks of growing size are compared while they agree, then the one that
 * does not is halved down to the character that differs: string comparisons (memcmp) that read the
 * common part two or three times, not a loop over its characters nor a binary search over whole prefixes.
 */
function common(max: number, same: (n: number, len: number) => boolean): number {
  let n = 0;
  for (let size = 64; ; size *= 2) {
    let len = Math.min(size, max - n);
    if (len === 0) return n;
    if (same(n, len)) {
      n += len;
      continue;
    }
    while (len > 1) {
      const half = len >> 1;
      if (same(n, half)) {
        n += half;
        len -= half;
      } else len = half;
    }
    return n;
  }
}

/** A span moved by what `by` says for its start. */
function move(s: Span, by: (at: number) => number): Span {
  const d = by(s.start);
  return d === 0 ? s : { start: s.start + d, end: s.end + d, text: s.text };
}

// Moved items are built as literals with the keys of the item, in its order: a copy by spread
// (`{ ...x, start, end }`) of items of many hidden classes (analyze's and earlier splices') takes V8's
// slow path, ten times the cost. An item whose keys are not the expected ones is copied by spread.
const ENTITY = ['start', 'end', 'text', 'type', 'id', 'canonical', 'official', 'description'];
const ALIAS = ['start', 'end', 'text', 'id'];
const QUOTE = ['start', 'end', 'text', 'speaker', 'content', 'form', 'group'];
const SPEAKER = ['start', 'end', 'text', 'via', 'cue', 'pronoun'];
const ASSERTION = ['start', 'end', 'text', 'kind', 'rule', 'triggers'];
const CLAIM = ['cue', 'source', 'content', 'kind', 'sourceId', 'parent'];

/** Whether the keys of `x` are, in order, `keys` without some of those after the first `required`. */
function keyed(x: object, keys: readonly string[], required: number): boolean {
  let i = 0;
  for (const k in x) {
    while (i < keys.length && keys[i] !== k) if (i++ < required) return false;
    if (i++ === keys.length) return false;
  }
  return i >= required;
}

/** An entity moved (its text is the same). */
function moveEntity(x: Entity, by: (at: number) => number): Entity {
  const d = by(x.start);
  if (!keyed(x, ENTITY, 6)) return { ...x, start: x.start + d, end: x.end + d };
  const y: Entity = { start: x.start + d, end: x.end + d, text: x.text, type: x.type, id: x.id, canonical: x.canonical };
  if ('official' in x) y.official = x.official;
  if ('description' in x) y.description = x.description;
  return y;
}

/** An alias moved. */
function moveAlias(x: Alias, by: (at: number) => number): Alias {
  const d = by(x.start);
  return keyed(x, ALIAS, 4) ? { start: x.start + d, end: x.end + d, text: x.text, id: x.id } : { ...x, start: x.start + d, end: x.end + d };
}

/** A quote moved with its content and speaker (and the speaker's cue and pronoun). */
function moveQuote(q: Quote, by: (at: number) => number): Quote {
  const d = by(q.start);
  const speaker = q.speaker && moveSpeaker(q.speaker, by);
  const content = move(q.content, by);
  if (!keyed(q, QUOTE, 7)) return { ...q, start: q.start + d, end: q.end + d, content, speaker };
  return { start: q.start + d, end: q.end + d, text: q.text, speaker, content, form: q.form, group: q.group };
}

function moveSpeaker(sp: Speaker, by: (at: number) => number): Speaker {
  const d = by(sp.start);
  let y: Speaker;
  if (keyed(sp, SPEAKER, 4)) {
    y = { start: sp.start + d, end: sp.end + d, text: sp.text, via: sp.via };
    if ('cue' in sp) y.cue = sp.cue;
    if ('pronoun' in sp) y.pronoun = sp.pronoun;
  } else y = { ...sp, start: sp.start + d, end: sp.end + d };
  // (A cue or pronoun key may hold undefined: it stays.)
  if (sp.cue) y.cue = move(sp.cue, by);
  if (sp.pronoun) y.pronoun = move(sp.pronoun, by);
  return y;
}

/** An assertion moved with its triggers. */
function moveAssertion(x: Assertion, by: (at: number) => number): Assertion {
  const d = by(x.start);
  const triggers = x.triggers.map((t) => move(t, by));
  if (!keyed(x, ASSERTION, 6)) return { ...x, start: x.start + d, end: x.end + d, triggers };
  return { start: x.start + d, end: x.end + d, text: x.text, kind: x.kind, rule: x.rule, triggers };
}

/** A claim with its spans moved; nesting (parent) is left out: it indexes the old list. */
function moveClaim(c: Claim, by: (at: number) => number): Claim {
  const cue = move(c.cue, by);
  const content = move(c.content, by);
  const source = c.source && move(c.source, by);
  if (!keyed(c, CLAIM, 3)) {
    const { parent: _parent, ...rest } = c;
    return { ...rest, cue, content, source };
  }
  // Unmoved and not nested: the claim itself.
  if (cue === c.cue && content === c.content && source === c.source && !('parent' in c)) return c;
  const y: Claim = { cue, source, content };
  if ('kind' in c) y.kind = c.kind;
  if ('sourceId' in c) y.sourceId = c.sourceId;
  return y;
}

/** What a splice keeps with an analysis for the next one, so that it need not read the whole analysis or text again. */
interface Kept {
  /** Per entity (same index), the person it names, if it is one (see `personOf`). */
  people?: Array<Person | undefined>;
  /** The surnames of those people, shared by the analyses spliced from one another. */
  surnames?: Map<string, Surname>;
  /** The text of the analysis, when it is known to have no Markdown fence. */
  unfenced?: string;
}

const kept = new WeakMap<Analysis, Kept>();

function remember(a: Analysis, more: Kept): void {
  kept.set(a, { ...kept.get(a), ...more });
}

/** A person entity: what a window is told of it, and its surname (the last word of its name). */
interface Person {
  known: KnownSurname;
  surname: Surname;
}

/** One per surname: the last look-up that took a person with it (only the first person counts). */
interface Surname {
  seen: number;
}

let lookups = 0;

/** The person an entity names, if it is one. */
function personOf(e: Entity, surnames: Map<string, Surname>): Person | undefined {
  if (e.type !== 'person' || !e.canonical) return undefined;
  const surname = e.canonical.split(/\s+/).pop()!;
  let s = surnames.get(surname);
  if (!s) surnames.set(surname, (s = { seen: 0 }));
  return { known: { surname, id: e.id, canonical: e.canonical }, surname: s };
}

/** `personOf` each entity of the analysis: kept by the splice that made it, else computed (once per analysis). */
function peopleOf(a: Analysis): { people: Array<Person | undefined>; surnames: Map<string, Surname> } {
  const had = kept.get(a);
  if (had?.people && had.surnames && had.people.length === a.entities.length) return { people: had.people, surnames: had.surnames };
  const surnames = new Map<string, Surname>();
  const people = a.entities.map((e) => personOf(e, surnames));
  remember(a, { people, surnames });
  return { people, surnames };
}

/**
 * Whether the text has a Markdown fence (a line starting with ``` or ~~~). When the previous text is
 * known to have none, only the lines the edit [from, to) touched can: a fence reads four characters
 * (the line break before and three marks), so only one starting in [from - 2, to] (or at 0) is new.
 */
function fenced(prev: Previous, text: string, from: number, to: number): boolean {
  if (kept.get(prev.analysis)?.unfenced !== prev.text) return /^(?:```|~~~)/m.test(text);
  const at = (x: number) => (x === 0 || lineBreak(text.charCodeAt(x - 1))) && (text.startsWith('```', x) || text.startsWith('~~~', x));
  if (at(0)) return true;
  for (let x = Math.max(1, from - 2); x <= to; x++) if (at(x)) return true;
  return false;
}

/** Where a multiline `^` matches after: \n, \r, U+2028, U+2029. */
function lineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}
