// Neovim 0.7 (headless) as a second, independent LSP client of `node dist/server.js --stdio`:
// hover, raw semantic tokens, the custom quotes request, and an edit made in the buffer (nvim
// sends it as an incremental didChange) followed by a hover at the moved quote.
// Run by `npm test` after the e2e level (whose tools.sh installs Neovim from Debian), or alone with
//   npm run test:nvim
// after a build; it fails when nvim is not on PATH.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TOKEN_TYPES } from '../../protocol/index.ts';
import { posAt, type Pos } from '../helpers/positions.ts';

const REPO = path.join(import.meta.dirname, '../..');
const SERVER_JS = path.join(REPO, 'dist/server.js');
const CORPUS = path.join(import.meta.dirname, '../../../shared/corpus');
const NAME = 'en-wire-split-quotes.txt';

interface StepResult {
  result?: unknown;
  error?: unknown;
  inserted?: boolean;
}
interface Outcome {
  steps: StepResult[];
  logs: string[];
  skipped: unknown[];
  capabilities?: Record<string, unknown>;
  error?: string;
}

let dir = '';
let file = '';
let text = '';
let outcome: Outcome;
let quoteStart: Pos;
let speakerStart: Pos;
const INSERT = 'UPDATE: ';

before(() => {
  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(nvim.error, undefined, 'nvim is on PATH (apt-get install neovim)');
  assert.match(nvim.stdout, /^NVIM v0\.(\d+)/);
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} exists (build first)`);

  dir = mkdtempSync(path.join(tmpdir(), 'dl-nvim-test-'));
  file = path.join(dir, NAME);
  copyFileSync(path.join(CORPUS, NAME), file);
  text = readFileSync(file, 'utf8');
  const q = text.indexOf('“Every ceasefire they signed');
  const s = text.indexOf('Babiker said', q);
  assert.ok(q > 0 && s > q);
  quoteStart = posAt(text, q);
  speakerStart = posAt(text, s);
  // Narration that names nothing and reports nothing.
  const outside = posAt(text, text.indexOf('which usually begins in June') + 2);

  const result = path.join(dir, 'result.json');
  const spec = {
    server: SERVER_JS,
    file,
    result,
    steps: [
      { method: 'textDocument/hover', position: { line: quoteStart.line, character: quoteStart.character + 5 } },
      { method: 'textDocument/hover', position: { line: speakerStart.line, character: speakerStart.character + 2 } },
      { method: 'textDocument/hover', position: outside },
      { method: 'textDocument/semanticTokens/full' },
      { method: 'diplomaticLens/quotes' },
      { insert: { line: quoteStart.line, text: INSERT } },
      { method: 'textDocument/hover', position: { line: quoteStart.line, character: quoteStart.character + INSERT.length + 5 } },
      { method: 'textDocument/semanticTokens/full' },
    ],
  };
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(import.meta.dirname, 'client.lua')}`], {
    cwd: dir,
    env: { ...process.env, DL_SPEC: JSON.stringify(spec) },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.ok(existsSync(result), `nvim wrote its result (exit ${r.status}, stderr: ${r.stderr})`);
  outcome = JSON.parse(readFileSync(result, 'utf8')) as Outcome;
  assert.equal(outcome.error, undefined, `the Lua client ran through: ${outcome.error}`);
  assert.equal(r.status, 0);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function hoverValue(step: StepResult): string {
  assert.equal(step.error, null);
  const h = step.result as { contents: { kind: string; value: string } } | null;
  assert.ok(h, 'a hover');
  assert.equal(h.contents.kind, 'markdown');
  return h.contents.value;
}

function decode(data: number[]): Array<{ line: number; char: number; length: number; type: string }> {
  const out = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    out.push({ line, char, length: data[i + 2], type: TOKEN_TYPES[data[i + 3]] });
  }
  return out;
}

test('nvim initialises the server and sees hover and semantic tokens providers', () => {
  assert.ok(outcome.capabilities?.hoverProvider);
  assert.ok(outcome.capabilities?.semanticTokensProvider);
});

test('hover in a quote names Babiker, with a link to his position', () => {
  const v = hoverValue(outcome.steps[0]);
  assert.ok(v.startsWith('**Quotation**'), v);
  assert.ok(v.includes(`Said by **[Babiker](${pathToFileURL(file).href}#L${speakerStart.line + 1},${speakerStart.character + 1})**`), v);
});

test('hover on the speaker, and outside any quote', () => {
  assert.ok(hoverValue(outcome.steps[1]).startsWith('**Speaker** · Babiker'));
  assert.equal(outcome.steps[2].result, null);
  assert.equal(outcome.steps[2].error, null);
});

test('semantic tokens and the quotes request', () => {
  const tokens = decode((outcome.steps[3].result as { data: number[] }).data);
  assert.ok(tokens.some((t) => t.type === 'dlQuote' && t.line === quoteStart.line && t.char === quoteStart.character && t.length === '“Every ceasefire they signed, they broke within days,”'.length));
  assert.ok(tokens.some((t) => t.type === 'dlSpeaker' && t.line === speakerStart.line && t.char === speakerStart.character && t.length === 7));
  const quotes = outcome.steps[4].result as Array<{ speaker: string | null; text: string }>;
  assert.ok(quotes.some((q) => q.speaker === 'Babiker' && q.text === 'Every ceasefire they signed, they broke within days,'));
});

test('an edit in the buffer reaches the server: hover and tokens move with the quote', () => {
  assert.deepEqual(outcome.steps[5], { inserted: true });
  const v = hoverValue(outcome.steps[6]);
  assert.ok(v.includes(`#L${speakerStart.line + 1},${speakerStart.character + INSERT.length + 1})**`), v);
  const tokens = decode((outcome.steps[7].result as { data: number[] }).data);
  assert.ok(tokens.some((t) => t.type === 'dlQuote' && t.line === quoteStart.line && t.char === quoteStart.character + INSERT.length));
  assert.ok(!tokens.some((t) => t.type === 'dlQuote' && t.line === quoteStart.line && t.char === quoteStart.character), 'no stale token');
});

test('the server logged no errors to nvim and skipped nothing', () => {
  assert.deepEqual(outcome.skipped, []);
  assert.deepEqual(outcome.logs.filter((l) => /uncaught|error/i.test(l)), []);
});
