// The same extension-host suite (test/e2e/suite, built to out/e2e/suite/index.js) in a desktop
// VS Code, through @vscode/test-electron — for machines that can download VS Code. `npm test`
// does not run this: offline, it uses the code-server route instead (test/e2e/run.sh).
//
//   node scripts/build.mjs && node test/e2e/electron.mjs
//
// Env: VSCODE_VERSION (default: what test-electron infers from engines.vscode, else stable),
//      VSCODE_EXECUTABLE (an installed VS Code to use instead of downloading one),
//      DL_E2E_TOOLS (where downloaded VS Code builds are cached; default ~/.cache/diplomatic-lens-e2e),
//      DL_CORPUS (gold corpus folder; default ../shared/corpus).
// On Linux without a display, run it under `xvfb-run -a`.
// Exit code: 0 when the suite passed; 1 when it failed or VS Code could not be downloaded or started.
import { existsSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { REPO, prepareWorkspace } from './workspace.mjs';

const fail = (msg) => {
  console.error(`electron e2e: ${msg}`);
  process.exit(1);
};

let testElectron;
try {
  testElectron = await import('@vscode/test-electron');
} catch {
  fail('@vscode/test-electron is not installed: npm install --save-dev @vscode/test-electron@3.1.0');
}
const { runTests } = testElectron;

const suite = join(REPO, 'out', 'e2e', 'suite', 'index.js');
if (!existsSync(suite)) fail(`${suite} is missing: build it with \`node scripts/build.mjs\``);
if (!existsSync(join(REPO, 'dist', 'extension.js'))) fail('dist/extension.js is missing: build it with `node scripts/build.mjs`');

const base = join(REPO, 'test', 'e2e', '.run', 'electron');
rmSync(base, { recursive: true, force: true });
let workspace;
try {
  workspace = prepareWorkspace(join(base, 'workspace'));
} catch (e) {
  fail(e.message);
}
const userData = join(base, 'user-data');
mkdirSync(join(userData, 'User'), { recursive: true });
copyFileSync(join(REPO, 'test', 'e2e', 'settings.json'), join(userData, 'User', 'settings.json'));
const cache = join(process.env.DL_E2E_TOOLS || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'diplomatic-lens-e2e'), 'vscode-test');

const launchArgs = [
  workspace,
  '--user-data-dir', userData,
  '--extensions-dir', join(base, 'extensions'),
  '--disable-extensions', // other installed extensions; the one under development still loads
  '--disable-workspace-trust',
  '--skip-welcome',
  '--skip-release-notes',
  '--disable-telemetry',
];
if (process.getuid?.() === 0) launchArgs.push('--no-sandbox'); // Electron refuses to run as root with its sandbox

const options = {
  extensionDevelopmentPath: REPO,
  extensionTestsPath: suite,
  launchArgs,
  cachePath: cache,
  timeout: 30_000, // idle timeout of the download
};
if (process.env.VSCODE_VERSION) options.version = process.env.VSCODE_VERSION;
if (process.env.VSCODE_EXECUTABLE) options.vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;

const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|fetch failed|getaddrinfo|socket hang up|timed? ?out/i;
try {
  const code = await runTests(options);
  console.log(`electron e2e: VS Code exited with ${code}`);
  process.exit(code === 0 ? 0 : 1);
} catch (e) {
  const text = [e?.message ?? String(e), e?.cause?.message].filter(Boolean).join('; ').split('\n')[0];
  if (!options.vscodeExecutablePath && offline.test(`${text} ${e?.code ?? ''}`)) {
    fail(`could not download VS Code (${text}). Without network, run the code-server route: bash test/e2e/run.sh`);
  }
  fail(`the suite failed or VS Code could not run: ${text}`);
}
