// Prepares the folder the end-to-end tests open in VS Code: copies of two gold-corpus files and
// our own fixtures (a Markdown briefing, a statement with an unattributed accusation). Used by run.sh (through the command line) and by electron.mjs.
//   node test/e2e/workspace.mjs <dir>      (re)creates <dir>; prints its absolute path
// The corpus is found at $DL_CORPUS, else at <repo>/../shared/corpus (where CI puts it).
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');

/** Corpus files the suite and the UI test read (by these names). */
export const CORPUS_FILES = ['ru-wire-talks-quotes.txt', 'en-wire-split-quotes.txt'];
/** Our own fixtures, from test/e2e/fixtures. */
export const FIXTURES = ['briefing.md', 'assertions.txt'];

export function corpusDir() {
  return resolve(process.env.DL_CORPUS || join(REPO, '..', 'shared', 'corpus'));
}

export function prepareWorkspace(dir) {
  const corpus = corpusDir();
  const missing = CORPUS_FILES.filter((f) => !existsSync(join(corpus, f)));
  if (missing.length > 0) {
    throw new Error(`gold corpus not found: ${missing.map((f) => join(corpus, f)).join(', ')} (set DL_CORPUS to the corpus folder)`);
  }
  const abs = resolve(dir);
  rmSync(abs, { recursive: true, force: true });
  mkdirSync(abs, { recursive: true });
  for (const f of CORPUS_FILES) cpSync(join(corpus, f), join(abs, f));
  for (const f of FIXTURES) cpSync(join(HERE, 'fixtures', f), join(abs, f));
  return abs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node test/e2e/workspace.mjs <dir>');
    process.exit(2);
  }
  try {
    console.log(prepareWorkspace(dir));
  } catch (e) {
    console.error(`workspace: ${e.message}`);
    process.exit(1);
  }
}
