// Where a document over diplomaticLens.maxFileSize stops being analysed (server/analyses.ts):
// at a paragraph break before the limit, never inside a CRLF pair or a surrogate pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutPoint } from '../../server/analyses.ts';

const para = (n: number, eol = '\n') => Array.from({ length: n }, (_, i) => `Paragraph ${i} says something about the talks.`).join(eol + eol);

test('at the last paragraph break before the limit', () => {
  const text = para(40);
  const cut = cutPoint(text, 1000);
  assert.ok(cut <= 1000 && cut > 500);
  assert.equal(text.slice(cut, cut + 2), '\n\n');
  assert.ok(text.slice(0, cut).endsWith('talks.'));
});

test('CRLF: before the CR of the blank line, so no lone CR ends the analysed text', () => {
  const text = para(40, '\r\n');
  const cut = cutPoint(text, 1000);
  assert.equal(text.slice(cut, cut + 4), '\r\n\r\n');
  assert.ok(text.slice(0, cut).endsWith('talks.'));
});

test('no paragraph break: the last line break; no break at all: the limit, but not inside a surrogate pair', () => {
  const lines = Array.from({ length: 60 }, (_, i) => `Line ${i} of one long paragraph.`).join('\n');
  const cut = cutPoint(lines, 1000);
  assert.equal(lines[cut], '\n');
  const emoji = 'a'.repeat(999) + '😀' + 'b'.repeat(100);
  assert.equal(cutPoint(emoji, 1000), 999, 'the pair 999-1000 is not split');
  assert.equal(cutPoint('x'.repeat(2000), 1000), 1000);
});
