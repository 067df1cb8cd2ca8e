// Incremental highlighting over the real protocol: after a keystroke in a long document the server
// may answer semantic tokens from a provisional splice (only the edited paragraphs analysed again);
// once typing settles the full analysis replaces it, and if the tokens differ the server asks the
// client to refresh. Whatever path it takes, the tokens the client ends up with must equal those
// of the same text opened fresh. A client that cannot refresh always gets full analyses.
// Needs the built server: run `node scripts/build.mjs --dev` first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startClient, TestClient, CORPUS } from './client.ts';
import { posAt } from '../helpers/positions.ts';
import { STATS_REQUEST, type ServerStats } from '../../protocol/index.ts';
import { seeded } from '../helpers/analysis.ts';

/** A long Russian and English document: every corpus text once, paragraphs apart. */
const DOC = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(CORPUS, f), 'utf8').trim()).join('\n\n');

/** Single-character and word edits spread over the document, as a writer types. */
function edits(text: string): Array<{ at: number; del: number; ins: string }> {
  const out: Array<{ at: number; del: number; ins: string }> = [];
  const rnd = seeded(11);
  for (let i = 0; i < 24; i++) out.push({ at: Math.floor(rnd() * (text.length - 10)), del: i % 4 === 3 ? 1 : 0, ins: ['e', ' и', ' Лавров', ''][i % 4] });
  return out;
}

describe('incremental tokens', { concurrency: false }, () => {
  let client: TestClient;
  let fresh: TestClient;
  before(async () => {
    ({ client } = await startClient({ settings: { diagnostics: { debounceMs: 50 } } }));
    ({ client: fresh } = await startClient());
  });
  after(async () => {
    await client.shutdown();
    await fresh.shutdown();
  });

  test('typing in a long document: tokens after each keystroke, then the same tokens as a fresh open', async () => {
    const uri = 'file:///virtual/long.txt';
    let text = DOC;
    await client.open(uri, text);
    await client.tokens(uri);
    let version = 1;
    for (const e of edits(DOC)) {
      const at = Math.min(e.at, text.length - e.del);
      const start = posAt(text, at);
      const end = posAt(text, at + e.del);
      text = text.slice(0, at) + e.ins + text.slice(at + e.del);
      await client.change(uri, [{ range: { start, end }, text: e.ins }]);
      version++;
      const tokens = await client.tokens(uri);
      assert.ok(tokens.length > 100, `tokens after edit ${version}`);
    }
    // Typing settles: the full analysis runs with the diagnostics; the client is asked to refresh if needed.
    await client.until(() => client.diagnostics.get(uri)?.version === version, 'the diagnostics of the last version');
    const stats = (await client.conn.sendRequest(STATS_REQUEST)) as ServerStats;
    assert.ok(stats.provisionalTokens >= 12, `most keystrokes answered from a splice: ${JSON.stringify(stats)}`);
    assert.equal(stats.collectionsAfterTokens, 0, 'a document this size is typed into without extra collections');
    const settled = await client.rawTokens(uri);
    const freshUri = 'file:///virtual/fresh.txt';
    await fresh.open(freshUri, text);
    assert.deepEqual(settled, await fresh.rawTokens(freshUri), 'settled tokens equal those of a fresh open');
  });
});

describe('incremental tokens in a large document', { concurrency: false }, () => {
  test('after the tokens of each keystroke are spliced the server collects its garbage, and the tokens still equal a fresh open', async () => {
    // Over 200,000 characters: the corpus texts ten times over.
    const big = Array.from({ length: 10 }, () => DOC).join('\n\n');
    assert.ok(big.length > 200_000, `${big.length} characters`);
    // (A debounce longer than the typing: no full analysis runs between the keystrokes.)
    const { client } = await startClient({ settings: { diagnostics: { debounceMs: 2000 } } });
    const { client: fresh } = await startClient();
    try {
      const uri = 'file:///virtual/large.txt';
      let text = big;
      await client.open(uri, text);
      await client.tokens(uri);
      const opened = (await client.conn.sendRequest(STATS_REQUEST)) as ServerStats;
      assert.equal(opened.collectionsAfterTokens, 0, `the full analysis is collected after by the cache, not after the answer: ${JSON.stringify(opened)}`);
      for (const e of edits(big).slice(0, 4)) {
        const at = Math.min(e.at, text.length - e.del);
        const start = posAt(text, at);
        const end = posAt(text, at + e.del);
        text = text.slice(0, at) + e.ins + text.slice(at + e.del);
        await client.change(uri, [{ range: { start, end }, text: e.ins }]);
        await client.tokens(uri);
      }
      const typed = (await client.conn.sendRequest(STATS_REQUEST)) as ServerStats;
      assert.equal(typed.provisionalTokens, 4, JSON.stringify(typed));
      assert.equal(typed.collectionsAfterTokens, 4, `one after each keystroke's tokens: ${JSON.stringify(typed)}`);
      const freshUri = 'file:///virtual/large-fresh.txt';
      await fresh.open(freshUri, text);
      await client.until(() => client.diagnostics.get(uri)?.version === 5, 'the diagnostics of the last version');
      assert.deepEqual(await client.rawTokens(uri), await fresh.rawTokens(freshUri), 'settled tokens equal those of a fresh open');
    } finally {
      await client.shutdown();
      await fresh.shutdown();
    }
  });
});

describe('incremental tokens for a client that cannot refresh', { concurrency: false }, () => {
  test('every answer comes from a full analysis (Neovim 0.7 would keep provisional tokens forever)', async () => {
    const { client } = await startClient({ refreshSupport: false });
    try {
      const uri = 'file:///virtual/long-norefresh.txt';
      await client.open(uri, DOC);
      await client.tokens(uri);
      const at = posAt(DOC, DOC.indexOf('\n\n', DOC.length / 2) - 3);
      await client.change(uri, [{ range: { start: at, end: at }, text: 'e' }]);
      await client.tokens(uri);
      const stats = (await client.conn.sendRequest(STATS_REQUEST)) as ServerStats;
      assert.equal(stats.provisionalTokens, 0);
      assert.ok(stats.fullAnalyses >= 2, JSON.stringify(stats));
    } finally {
      await client.shutdown();
    }
  });
});

describe('semantic token deltas', { concurrency: false }, () => {
  test('after an edit the delta, applied to the tokens held, equals the full tokens; an unknown result id gets full tokens', async () => {
    const { client, init } = await startClient();
    try {
      const full = init.capabilities.semanticTokensProvider?.full;
      assert.ok(typeof full === 'object' && full !== null && full.delta === true, 'delta is advertised');
      const uri = 'file:///virtual/delta.txt';
      let text = DOC;
      await client.open(uri, text);
      type Full = { resultId?: string; data: number[] };
      type Delta = { resultId?: string; edits: Array<{ start: number; deleteCount: number; data?: number[] }> };
      let held = (await client.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as Full;
      assert.ok(held.resultId && held.data.length > 100);
      for (const [i, e] of edits(DOC).slice(0, 8).entries()) {
        const at = Math.min(e.at, text.length - e.del);
        const start = posAt(text, at);
        const end = posAt(text, at + e.del);
        text = text.slice(0, at) + e.ins + text.slice(at + e.del);
        await client.change(uri, [{ range: { start, end }, text: e.ins }]);
        const d = (await client.conn.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: held.resultId })) as Delta;
        assert.ok(Array.isArray(d.edits), `edit ${i}: a delta, not full tokens`);
        const data = [...held.data];
        for (const x of [...d.edits].sort((a, b) => b.start - a.start)) data.splice(x.start, x.deleteCount, ...(x.data ?? []));
        assert.ok(d.edits.reduce((n, x) => n + (x.data?.length ?? 0), 0) < held.data.length / 4, `edit ${i}: the delta is small`);
        const now = (await client.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as Full;
        assert.deepEqual(data, now.data, `edit ${i}: delta applied = full tokens`);
        held = now;
      }
      const stale = (await client.conn.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: 'no-such-id' })) as Full;
      assert.ok(Array.isArray(stale.data) && stale.data.length === held.data.length, 'an unknown previous result gets full tokens');
    } finally {
      await client.shutdown();
    }
  });
});
