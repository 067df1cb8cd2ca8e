// Child process of test/unit/hidden-classes.test.ts (run with --allow-natives-syntax): prints, per kind
// of analysis item, how many items there are and the most hidden classes one key set has.
import { analyze } from '../../analysis/analyze.ts';
import { textsUnder } from './analysis.ts';
// (Built at run time: %HaveSameMap is V8 syntax, read only with --allow-natives-syntax.)
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const text = textsUnder('test/fixtures').filter((f) => !f.markdown).map((f) => f.text).join('\n\n');
const a = analyze(text, { memos: false });
/** How many hidden classes the objects of each key set have. */
function classes(items: object[]) {
  const byKeys = new Map<string, object[]>();
  for (const x of items) {
    const k = Object.keys(x).join(',');
    const seen = byKeys.get(k) ?? [];
    if (!seen.some((y) => sameMap(x, y))) seen.push(x);
    byKeys.set(k, seen);
  }
  return { items: items.length, classes: Math.max(0, ...[...byKeys.values()].map((v) => v.length)) };
}
const speakers = a.quotes.flatMap((q) => (q.speaker ? [q.speaker] : []));
console.log(JSON.stringify({ quotes: classes(a.quotes), speakers: classes(speakers), assertions: classes(a.assertions), entities: classes(a.entities), claims: classes(a.claims) }));
