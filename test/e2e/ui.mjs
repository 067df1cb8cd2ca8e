// UI test in a real VS Code (code-server's web workbench) with the packaged VSIX installed,
// driven by playwright-core and headless Debian chromium:
//   open a Russian statement from the Explorer, wait until the extension is active and its
//   semantic colouring is on screen, hover a quotation, read the hover, save a screenshot.
//
//   node test/e2e/ui.mjs <code-server-url> <workspace> <file> <word-in-quote> <speaker> <screenshot.png> [<logs-dir>]
//
// <word-in-quote>: a word inside the quotation to hover; <speaker>: who the hover must name, and
// a word that must be coloured as a speaker (semantic token) in the editor.
// <logs-dir>: code-server's <user-data>/logs; when given, activation is also read from the
// extension host log (`_doActivateExtension diplomatic-lens.diplomatic-lens`).
// Env: CHROMIUM (default /usr/bin/chromium). Last line "ui: N passed, N failed"; exit 0 only if all passed.
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [url, folder, file, word, speaker, shot, logsDir] = process.argv.slice(2);
if (!url || !folder || !file || !word || !speaker || !shot) {
  console.error('usage: node ui.mjs <url> <workspace> <file> <word-in-quote> <speaker> <screenshot.png> [<logs-dir>]');
  process.exit(2);
}
const EXT_ID = 'diplomatic-lens.diplomatic-lens';
const t0 = Date.now();
const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (m) => console.log(`  [${stamp()}] ${m}`);
let passed = 0;
let failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Whether any file under `dir` contains `needle` (the extension host log is a few KB). */
function logsMention(dir, needle) {
  let entries;
  try { entries = readdirSync(dir); } catch { return false; }
  for (const e of entries) {
    const p = join(dir, e);
    let st;
    try { st = statSync(p); } catch { continue; }
    if (st.isDirectory() ? logsMention(p, needle) : st.size < 5e6 && readFileSync(p, 'utf8').includes(needle)) return true;
  }
  return false;
}

/**
 * In the editor's rendered lines, the box of the first occurrence of `text` (within one token
 * span; with `wholeSpan`, a span holding just that text), plus the span's colour; null when it
 * is not rendered (yet).
 */
async function locateText(page, text, wholeSpan = false) {
  return page.evaluate(([needle, whole]) => {
    const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
    if (!lines) return null;
    const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const data = n.data.replace(/\u00a0/g, ' ');
      const at = data.indexOf(needle);
      if (at < 0 || (whole && data.trim() !== needle)) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + needle.length);
      const r = range.getBoundingClientRect();
      const span = n.parentElement;
      return { x: r.x, y: r.y, width: r.width, height: r.height, color: getComputedStyle(span).color, spanText: span.textContent };
    }
    return null;
  }, [text, wholeSpan]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic', '--disable-sync',
    '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
try {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  log('workbench loaded');

  // Open the statement the way a user does: click it in the Explorer.
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await lines.waitFor({ timeout: 30_000 });
  await page.waitForFunction((w) => document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent.replace(/\u00a0/g, ' ').includes(w), word, { timeout: 30_000 });
  check(`${file} opens in an editor`, true);

  // Activation (onLanguage:plaintext), as the extension host log records it.
  if (logsDir) {
    let active = false;
    for (const until = Date.now() + 60_000; !active && Date.now() < until; await sleep(250)) active = logsMention(logsDir, `_doActivateExtension ${EXT_ID}`);
    check('extension activates (extension host log)', active, active ? '' : `no "_doActivateExtension ${EXT_ID}" in ${logsDir} within 60 s`);
  }

  // Semantic colouring from the language server: the speaker's name gets the dlSpeaker colour,
  // which differs from the plain text around it (no TextMate rule colours speakers).
  // The configured theme (Dark Modern, test/e2e/settings.json) replaces the default one shortly
  // after load; compare colours only once it is on.
  await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 }).catch(() => log('dark theme not applied; colours compared in the default theme'));
  const editorColour = () => page.evaluate(() => getComputedStyle(document.querySelector('.editor-instance .monaco-editor .view-lines')).color);
  let plain = await editorColour();
  const coloured = (s) => !!s && s.spanText.trim() === speaker && s.color !== plain;
  let sp = null;
  for (const until = Date.now() + 30_000; Date.now() < until && !coloured(sp); await sleep(250)) {
    sp = await locateText(page, speaker, true);
    plain = await editorColour();
  }
  check(`speaker “${speaker}” is coloured by a semantic token`, coloured(sp), `speaker span ${JSON.stringify(sp?.spanText)} ${sp?.color}, editor text ${plain}`);
  const quote = await locateText(page, word);
  check(`quotation (“${word}…”) is coloured`, !!quote && quote.color !== plain && quote.color !== sp?.color,
    `quote span ${JSON.stringify(quote?.spanText?.slice(0, 60))} ${quote?.color}, editor text ${plain}, speaker ${sp?.color}`);

  // Hover the quotation. The first hovers can race the server; move away and back until it answers.
  const wanted = `Said by ${speaker}`;
  let hoverText = '';
  for (let i = 0; i < 8 && !hoverText.includes(wanted); i++) {
    const box = await locateText(page, word);
    if (!box) { await sleep(500); continue; }
    await page.mouse.move(5, 5);
    await sleep(150);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    try {
      await page.locator('.monaco-hover').filter({ hasText: 'Quotation' }).first().waitFor({ state: 'visible', timeout: 4_000 });
    } catch { /* retried */ }
    hoverText = (await page.locator('.monaco-hover').allInnerTexts()).join(' | ').replace(/\s+/g, ' ').trim();
  }
  check(`hover over “${word}…” shows the Quotation naming ${speaker}`, hoverText.includes('Quotation') && hoverText.includes(wanted), JSON.stringify(hoverText.slice(0, 300)));
  log(`hover: ${hoverText.slice(0, 200)}`);

  await sleep(300); // let the hover finish fading in
  await page.screenshot({ path: shot });
  log(`screenshot ${shot}`);

  // The Problems panel lists the statement's unattributed assertions with their rule ids.
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+Shift+M');
  const problemRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'unattributed' });
  let problems = '';
  try {
    await problemRow.first().waitFor({ timeout: 30_000 });
    problems = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).join(' | ').replace(/\s+/g, ' ');
  } catch {
    problems = (await page.locator('.markers-panel').allInnerTexts().catch(() => [])).join(' ').replace(/\s+/g, ' ');
  }
  check('Problems panel lists an unattributed assertion from Diplomatic Lens', /unattributed-/.test(problems) && /Diplomatic Lens/.test(problems), JSON.stringify(problems.slice(0, 300)));
} catch (e) {
  check('UI test ran to the end', false, String(e).split('\n')[0].slice(0, 500));
  await page.screenshot({ path: shot }).catch(() => {});
} finally {
  await browser.close().catch(() => {});
}
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
