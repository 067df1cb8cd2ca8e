// Over the real server: a title phrase the text ties to a named person ("Замглавы МИД РФ" after
// "Замглавы МИД России Михаил Галузин") hovers as that person and is among its highlights and
// references; the first mention stays the name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentHighlight, Location } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './client.ts';

const URI = 'file:///virtual/aliases.txt';
const TEXT = 'Замглавы МИД России Михаил Галузин принял посла Азербайджана Рахмана Мустафаева.\n\nЗамглавы МИД РФ подчеркнул, что контакты продолжатся. Галузин также пригласил Мустафаева в Москву.\n';

function pos(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
const at = (needle: string, n = 1) => {
  let i = -1;
  for (let k = 0; k < n; k++) i = TEXT.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i;
};

let client: TestClient;
before(async () => {
  ({ client } = await startClient());
  await client.open(URI, TEXT);
});
after(async () => {
  await client.shutdown();
});

test('hover on the title phrase names the person it stands for', async () => {
  const h = await client.hover(URI, pos(TEXT, at('Замглавы МИД РФ') + 3));
  const v = typeof h?.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  assert.match(v, /^\*\*Person\*\* · Михаил Галузин/, v);
  assert.match(v, /Замглавы МИД РФ ×1/, v);
});

test('highlights and references of Галузин include the title phrase; the definition is the name', async () => {
  const hs = (await client.conn.sendRequest('textDocument/documentHighlight', { textDocument: { uri: URI }, position: pos(TEXT, at('Галузин', 2) + 1) })) as DocumentHighlight[];
  const starts = hs.map((h) => h.range.start).sort((a, b) => a.line - b.line || a.character - b.character);
  assert.deepEqual(starts, [pos(TEXT, at('Михаил Галузин')), pos(TEXT, at('Замглавы МИД РФ')), pos(TEXT, at('Галузин', 2))]);
  const refs = (await client.conn.sendRequest('textDocument/references', { textDocument: { uri: URI }, position: pos(TEXT, at('Замглавы МИД РФ')), context: { includeDeclaration: true } })) as Location[];
  assert.equal(refs.length, 3);
  const def = (await client.conn.sendRequest('textDocument/definition', { textDocument: { uri: URI }, position: pos(TEXT, at('Замглавы МИД РФ') + 1) })) as Location;
  assert.deepEqual((Array.isArray(def) ? def[0] : def).range.start, pos(TEXT, at('Михаил Галузин')));
});
