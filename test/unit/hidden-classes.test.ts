// The analysis makes its items so that V8 gives items of one kind one hidden class. Node 20's V8
// gives every object made by a spread followed by new properties (`{ ...span(…), via }`) a hidden
// class of its own: 250 bytes or so per item and megamorphic reads of them in every later stage.
// This runs the analysis in a child process where V8's %HaveSameMap is available, and counts the
// distinct hidden classes per kind of item over every fixture text analysed as one document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const REPO = path.join(import.meta.dirname, '../..');


test('items of one kind share a hidden class', () => {
  const child = path.join(REPO, 'test/helpers/hidden-classes-child.ts');
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', child], { cwd: REPO, encoding: 'utf8' });
  const counts = JSON.parse(out) as Record<string, { items: number; classes: number }>;
  for (const [kind, { items, classes }] of Object.entries(counts)) {
    assert.ok(items >= 20, `${kind}: enough items to tell (${items})`);
    // A few classes per key set at most (V8 may migrate a class once or twice as fields generalise), never one per item.
    assert.ok(classes <= 4, `${kind}: ${classes} hidden classes for ${items} items`);
  }
});
