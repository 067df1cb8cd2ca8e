// Scores an analysis against a gold file by the annotation guide's rules ("How it is scored").
// Pure functions over the JSON shape, so they score the CLI's output as well as in-process results.

export interface GSpan {
  start: number;
  end: number;
  text: string;
}
export interface GEntity extends GSpan {
  type: string;
  id: string;
}
export interface GQuote extends GSpan {
  speaker: GSpan | null;
}
export interface GClaim {
  cue: GSpan;
  source: GSpan | null;
  content: GSpan;
}
export interface GAssertion extends GSpan {
  kind: string;
}
export interface Annotated {
  language: string;
  entities: GEntity[];
  quotes: GQuote[];
  claims: GClaim[];
  assertions: GAssertion[];
}

/** Counts that add up across files; ratios are taken at the end (micro-average). */
export interface Counts {
  entTp: number; entPred: number; entGold: number;
  entLenTp: number;
  linkPairs: number; linkKept: number;
  quoteTp: number; quotePred: number; quoteGold: number;
  speakerOk: number;
  cueTp: number; cuePred: number; cueGold: number;
  sourceOk: number; contentF1Sum: number;
  assertTp: number; assertPred: number; assertGold: number;
  kindOk: number;
}

export function emptyCounts(): Counts {
  return { entTp: 0, entPred: 0, entGold: 0, entLenTp: 0, linkPairs: 0, linkKept: 0, quoteTp: 0, quotePred: 0, quoteGold: 0, speakerOk: 0, cueTp: 0, cuePred: 0, cueGold: 0, sourceOk: 0, contentF1Sum: 0, assertTp: 0, assertPred: 0, assertGold: 0, kindOk: 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const out = { ...a };
  for (const k of Object.keys(b) as Array<keyof Counts>) out[k] += b[k];
  return out;
}

export const overlaps = (a: GSpan, b: GSpan) => a.start < b.end && b.start < a.end;
export const overlapLen = (a: GSpan, b: GSpan) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Checks that every span's text equals the source slice; returns the problems found. */
export function validate(source: string, a: Annotated): string[] {
  const problems: string[] = [];
  const check = (what: string, s: GSpan | null | undefined) => {
    if (!s) return;
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > source.length || s.start > s.end) problems.push(`${what}: bad offsets ${s.start}-${s.end}`);
    else if (source.slice(s.start, s.end) !== s.text) problems.push(`${what}: text ${JSON.stringify(s.text)} != source ${JSON.stringify(source.slice(s.start, s.end))}`);
  };
  if (!Array.isArray(a.entities) || !Array.isArray(a.quotes) || !Array.isArray(a.claims) || !Array.isArray(a.assertions)) problems.push('missing entities/quotes/claims/assertions arrays');
  for (const e of a.entities ?? []) check('entity', e);
  for (const q of a.quotes ?? []) {
    check('quote', q);
    check('quote speaker', q.speaker);
  }
  for (const c of a.claims ?? []) {
    check('claim cue', c.cue);
    check('claim source', c.source);
    check('claim content', c.content);
  }
  for (const x of a.assertions ?? []) check('assertion', x);
  return problems;
}

/** Gold ids of the entities a gold span names (a speaker/source span may hold a title and a name). */
function referents(gold: Annotated, s: GSpan): Set<string> {
  return new Set(gold.entities.filter((e) => overlaps(e, s)).map((e) => e.id));
}

/** A predicted speaker/source is right when it overlaps the gold span or a gold mention of the same referent. */
export function sameReferent(gold: Annotated, g: GSpan | null, p: GSpan | null): boolean {
  if (!g || !p) return !g && !p;
  if (overlaps(g, p)) return true;
  const ids = referents(gold, g);
  return gold.entities.some((e) => ids.has(e.id) && overlaps(e, p));
}

function tokenSet(source: string, s: GSpan): Set<number> {
  const out = new Set<number>();
  const re = /[\p{L}\p{N}]+/gu;
  const t = source.slice(s.start, s.end);
  for (let m = re.exec(t); m; m = re.exec(t)) out.add(s.start + m.index);
  return out;
}

export function tokenF1(source: string, g: GSpan, p: GSpan): number {
  const a = tokenSet(source, g);
  const b = tokenSet(source, p);
  let tp = 0;
  for (const x of b) if (a.has(x)) tp++;
  if (tp === 0) return 0;
  const prec = tp / b.size;
  const rec = tp / a.size;
  return (2 * prec * rec) / (prec + rec);
}

/** Greedy one-to-one matching by a score (higher is better, <= 0 means no match). */
export function match<G, P>(gold: G[], pred: P[], score: (g: G, p: P) => number): Array<[number, number]> {
  const cands: Array<[number, number, number]> = [];
  gold.forEach((g, i) => pred.forEach((p, j) => {
    const s = score(g, p);
    if (s > 0) cands.push([s, i, j]);
  }));
  cands.sort((x, y) => y[0] - x[0]);
  const ug = new Set<number>();
  const up = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, i, j] of cands) {
    if (ug.has(i) || up.has(j)) continue;
    ug.add(i);
    up.add(j);
    out.push([i, j]);
  }
  return out;
}

export function score(source: string, gold: Annotated, pred: Annotated): Counts {
  const c = emptyCounts();
  // Entities (demonyms are for hover only and are ignored).
  const pe = pred.entities.filter((e) => e.type !== 'demonym');
  c.entPred = pe.length;
  c.entGold = gold.entities.length;
  const exact = new Map(pe.map((e) => [`${e.start}:${e.end}:${e.type}`, e]));
  c.entTp = gold.entities.filter((g) => exact.has(`${g.start}:${g.end}:${g.type}`)).length;
  const lenient = match(gold.entities, pe, (g, p) => (g.type === p.type ? overlapLen(g, p) : 0));
  c.entLenTp = lenient.length;
  // Linking: pairs of gold mentions of one id that the prediction also puts in one id.
  const predIdOf = new Map<number, string>();
  for (const [gi, pi] of lenient) predIdOf.set(gi, pe[pi].id);
  const byId = new Map<string, number[]>();
  gold.entities.forEach((g, i) => byId.set(g.id, [...(byId.get(g.id) ?? []), i]));
  for (const idxs of byId.values()) {
    for (let a = 0; a < idxs.length; a++) {
      for (let b = a + 1; b < idxs.length; b++) {
        c.linkPairs++;
        const x = predIdOf.get(idxs[a]);
        const y = predIdOf.get(idxs[b]);
        if (x !== undefined && x === y) c.linkKept++;
      }
    }
  }
  // Quotes: a match overlaps at least 80% of the gold span.
  c.quotePred = pred.quotes.length;
  c.quoteGold = gold.quotes.length;
  const qm = match(gold.quotes, pred.quotes, (g, p) => {
    const o = overlapLen(g, p);
    return o >= 0.8 * (g.end - g.start) ? o : 0;
  });
  c.quoteTp = qm.length;
  for (const [gi, pi] of qm) if (sameReferent(gold, gold.quotes[gi].speaker, pred.quotes[pi].speaker)) c.speakerOk++;
  // Claims: cues match by overlap (the pieces of one quote share a cue, so content breaks ties).
  c.cuePred = pred.claims.length;
  c.cueGold = gold.claims.length;
  const cm = match(gold.claims, pred.claims, (g, p) => (overlaps(g.cue, p.cue) ? 1 + overlapLen(g.content, p.content) / Math.max(1, g.content.end - g.content.start) : 0));
  c.cueTp = cm.length;
  for (const [gi, pi] of cm) {
    const g = gold.claims[gi];
    const p = pred.claims[pi];
    if (sameReferent(gold, g.source, p.source)) c.sourceOk++;
    c.contentF1Sum += tokenF1(source, g.content, p.content);
  }
  // Assertions: flagged sentences by overlap, then the kind.
  c.assertPred = pred.assertions.length;
  c.assertGold = gold.assertions.length;
  const am = match(gold.assertions, pred.assertions, (g, p) => overlapLen(g, p));
  c.assertTp = am.length;
  for (const [gi, pi] of am) if (gold.assertions[gi].kind === pred.assertions[pi].kind) c.kindOk++;
  return c;
}

export interface Row {
  metric: string;
  p?: number;
  r?: number;
  f1?: number;
  value?: number;
  n: string;
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
const f1 = (p: number, r: number) => (p + r === 0 || Number.isNaN(p) || Number.isNaN(r) ? 0 : (2 * p * r) / (p + r));

export function rows(c: Counts): Row[] {
  const prf = (metric: string, tp: number, pred: number, gold: number): Row => {
    const p = pred === 0 && gold === 0 ? 1 : ratio(tp, pred);
    const r = gold === 0 ? 1 : ratio(tp, gold);
    return { metric, p, r, f1: pred === 0 && gold === 0 ? 1 : f1(Number.isNaN(p) ? 0 : p, r), n: `${tp}/${pred} pred, ${gold} gold` };
  };
  return [
    prf('entities (exact)', c.entTp, c.entPred, c.entGold),
    prf('entities (lenient)', c.entLenTp, c.entPred, c.entGold),
    { metric: 'linking', value: ratio(c.linkKept, c.linkPairs), n: `${c.linkKept}/${c.linkPairs} pairs` },
    prf('quotes', c.quoteTp, c.quotePred, c.quoteGold),
    { metric: 'quote speaker', value: ratio(c.speakerOk, c.quoteTp), n: `${c.speakerOk}/${c.quoteTp} matched` },
    prf('claim cues', c.cueTp, c.cuePred, c.cueGold),
    { metric: 'claim source', value: ratio(c.sourceOk, c.cueTp), n: `${c.sourceOk}/${c.cueTp} matched` },
    { metric: 'claim content (token F1)', value: ratio(c.contentF1Sum, c.cueTp), n: `mean over ${c.cueTp}` },
    prf('assertions', c.assertTp, c.assertPred, c.assertGold),
    { metric: 'assertion kind', value: ratio(c.kindOk, c.assertTp), n: `${c.kindOk}/${c.assertTp} matched` },
  ];
}
