// Nothing the core keeps between analyses (memos, the vocabulary, the linking keys' memo) may hold a
// slice of a document's text: in V8 a slice of 13 characters or more is a view that keeps the whole
// text alive, and a server would keep one text per version typed. A text with a marker at its start
// is analysed, dropped and collected; then no string in a heap snapshot may start with the marker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyze } from '../../analysis/analyze.ts';
import { clearMemos } from '../../analysis/memo.ts';
import { textsUnder } from '../helpers/analysis.ts';
import { SERVER_V8_FLAGS } from '../../protocol/index.ts';

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;
// V8's flags as the server sets them (no optimising compiler). Optimised code may hold a string it
// was specialised on (here the text, from tokenizeParagraphs' code) until the code is thrown away:
// the engine's, not something the core keeps, and not in the server.
v8.setFlagsFromString(SERVER_V8_FLAGS);

/** How many strings in a heap snapshot of this process start with `prefix` and go on past it (the marker itself does not count). */
async function stringsStartingWith(prefix: string): Promise<number> {
  let json = '';
  for await (const chunk of v8.getHeapSnapshot()) json += chunk;
  const snap = JSON.parse(json) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  let n = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt]];
    if ((type === 'string' || type === 'concatenated string' || type === 'sliced string') && snap.strings[snap.nodes[i + nameAt]].startsWith(prefix) && snap.strings[snap.nodes[i + nameAt]].length > prefix.length) n++;
  }
  return n;
}

for (const memos of [true, false]) {
  test(`after an analysis ${memos ? 'with' : 'without'} memos, nothing the core keeps holds the text`, async () => {
    const marker = `Маркер${memos ? 'А' : 'Б'}${Date.now()} `;
    // Every fixture text: long names (Константиновский), organisations, quotes, dates.
    const run = () => {
      const text = marker + textsUnder('test/fixtures').map((f) => f.text).join('\n\n');
      const a = analyze(text, { memos });
      assert.ok(a.entities.length > 100 && a.quotes.length > 10);
    };
    run();
    // (V8 keeps the subject of the last successful match, a slice, for RegExp.lastMatch until the
    // next match: the engine's, held once, not a cache of the core's.)
    assert.ok(/y/.exec('y'));
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    assert.equal(await stringsStartingWith(marker), 0, 'the text is still held');
    clearMemos();
  });
}
