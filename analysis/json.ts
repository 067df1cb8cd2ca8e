// The annotation guide's JSON shape for an Analysis (extra fields allowed; consumers ignore them).
import type { Analysis, Span } from './types.ts';

const s = (x: Span | null | undefined) => (x ? { start: x.start, end: x.end, text: x.text } : null);

export function toJson(a: Analysis): object {
  return {
    language: a.language,
    entities: a.entities.map((e) => ({ start: e.start, end: e.end, text: e.text, type: e.type, id: e.id, ...(e.canonical ? { canonical: e.canonical } : {}), ...(e.official ? { official: e.official } : {}) })),
    aliases: (a.aliases ?? []).map((x) => ({ start: x.start, end: x.end, text: x.text, id: x.id })),
    quotes: a.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      speaker: s(q.speaker),
      ...(q.speaker ? { speakerVia: q.speaker.via } : {}),
      form: q.form,
    })),
    claims: a.claims.map((c) => ({ cue: s(c.cue), source: s(c.source), content: s(c.content), ...(c.kind ? { kind: c.kind } : {}), ...(c.parent !== undefined ? { parent: c.parent } : {}), ...(c.sourceId ? { sourceId: c.sourceId } : {}) })),
    assertions: a.assertions.map((x) => ({ start: x.start, end: x.end, text: x.text, kind: x.kind, ...(x.rule ? { rule: x.rule } : {}) })),
  };
}
