// Re-encoding only the edited paragraphs' semantic tokens (server/features/semanticTokens.ts,
// spliceEncoded) must give exactly the data a full encoding of the same analysis gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, splice } from '../../analysis/index.ts';
import { textsUnder, seeded } from '../helpers/analysis.ts';
import { encodeWithLines, spliceEncoded, tokenSpans, within } from '../../server/features/semanticTokens.ts';

const ALL = textsUnder('../shared/corpus', 'test/fixtures');

test('spliced token encoding equals the full encoding, edit after edit', () => {
  const rnd = seeded(17);
  const inserts = ['e', ' и', '\n', '\r\n', '«', '😀', ' Lavrov', ''];
  let spliced = 0;
  let checked = 0;
  for (const { name, text, markdown } of ALL) {
    for (const eol of ['\n', '\r\n']) {
      let cur = eol === '\n' ? text : text.replace(/\r?\n/g, '\r\n');
      let a = analyze(cur, { markdown });
      let enc = encodeWithLines(TextDocument.create('file:///t', 'plaintext', 0, cur), tokenSpans(a));
      for (let i = 0; i < 8; i++) {
        const at = Math.floor(rnd() * cur.length);
        const del = i % 4 === 3 ? 1 : 0;
        const next = cur.slice(0, at) + inserts[i % inserts.length] + cur.slice(at + del);
        const doc = TextDocument.create('file:///t', 'plaintext', i + 1, next);
        const s = splice({ text: cur, analysis: a }, next, { markdown });
        if (s) {
          const full = encodeWithLines(doc, tokenSpans(s.analysis));
          const core = within(s.analysis, s.core[0], s.core[1]);
          if (core) {
            const quick = spliceEncoded(enc, doc, tokenSpans(core), s.core[0], s.core[1]);
            if (quick) {
              spliced++;
              assert.deepEqual(quick.data, full.data, `${name} (${JSON.stringify(eol)}) edit ${i} at ${at}: data`);
              assert.deepEqual(quick.lines, full.lines, `${name} edit ${i}: lines`);
            }
          }
          enc = full;
          a = s.analysis;
        } else {
          a = analyze(next, { markdown });
          enc = encodeWithLines(doc, tokenSpans(a));
        }
        cur = next;
        checked++;
      }
    }
  }
  assert.ok(spliced > checked / 2, `only ${spliced} of ${checked} edits re-encoded in part`);
});
