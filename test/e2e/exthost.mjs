// Runs the extension-host suite (out/e2e/suite/index.js, test-electron contract) inside the real
// Node extension host of the VS Code server that ships in code-server, driven by headless chromium.
//
//   node test/e2e/exthost.mjs <server-url> <workspace> <extensionDevelopmentPath> <extensionTestsPath>
//
// The server must be code-server's lib/vscode/out/server-main.js started with
// --enable-smoke-test-driver: only then does a built workbench honour the `payload` query
// parameter (extensionDevelopmentPath / extensionTestsPath), as a desktop VS Code does for
// --extensionDevelopmentPath / --extensionTestsPath. When run() settles, the extension host exits
// and the workbench calls window.codeAutomationExit(code); its console goes to codeAutomationLog.
// Both hooks are exposed here before the page loads.
// Env: CHROMIUM (default /usr/bin/chromium), E2E_TIMEOUT_MS (default 180000), VERBOSE=1 (all console output).
// Last line: "exthost: N passed, N failed"; exit code 0 only if the suite passed.
import { chromium } from 'playwright-core';

const [url, folder, extDev, testsPath] = process.argv.slice(2);
if (!url || !folder || !extDev || !testsPath) {
  console.error('usage: node exthost.mjs <server-url> <workspace> <extensionDevelopmentPath> <extensionTestsPath>');
  process.exit(2);
}
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 180_000);
const verbose = process.env.VERBOSE === '1';
const host = new URL(url).host;
const remote = (p) => `vscode-remote://${host}${p}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(extDev)],
  ['extensionTestsPath', remote(testsPath)],
]);

let summary = null;
const ourLine = /^(PASS|FAIL) |\d+ passed, \d+ failed|end-to-end check|Error|error/;
const noise = /open-vsx|vsda|[Ss]ervice ?[Ww]orker|Failed to load resource|Creating a socket|connection token|grace time|AccountPolicyGate|AgentHost|builtin extensions cache|marketplace|gallery|authentication provider/;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic', '--disable-sync',
    '--disable-background-networking', '--disable-component-update'],
});
let code = 'timeout';
try {
  const page = await browser.newPage();
  let exit;
  const exited = new Promise((r) => { exit = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    for (const line of text.split('\n')) {
      const m = line.match(/(\d+) passed, (\d+) failed/);
      if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
      if (verbose || (ourLine.test(line) && !noise.test(line))) console.log(`  ${line.slice(0, 1500)}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (c) => exit(c));
  page.on('pageerror', (e) => { if (verbose) console.log(`  [pageerror] ${String(e).slice(0, 300)}`); });
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
  let timer;
  code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); })]);
  clearTimeout(timer);
} catch (e) {
  console.log(`  exthost driver error: ${String(e).slice(0, 500)}`);
  code = 'error';
} finally {
  await browser.close().catch(() => {});
}
if (code === 'timeout') console.log(`  no result from the extension host within ${timeoutMs / 1000} s`);
console.log(`  extension host exit code: ${code}`);
const ok = code === 0 && summary !== null && summary.failed === 0 && summary.passed > 0;
console.log(`exthost: ${summary?.passed ?? 0} passed, ${summary ? summary.failed : 1} failed`);
process.exit(ok ? 0 : 1);
