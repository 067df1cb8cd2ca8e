// Bundles the three entry points with esbuild (and, with --tests, the extension-host test suite).
//   node scripts/build.mjs            production: minified, no source maps (what the VSIX ships)
//   node scripts/build.mjs --dev      development: source maps, readable output
import { build } from 'esbuild';
import { readFileSync, chmodSync, rmSync } from 'node:fs';

const dev = process.argv.includes('--dev');

/**
 * Each language data file (analysis/data/<lang>/*.json) becomes a function returning its text,
 * which analysis/datafile.ts parses on first use. A top-level string literal would be created
 * when the bundle loads and kept for the life of the process (both languages, all files, about
 * 1.6 MB of heap); inside a function it is created only when that language is first used, and is
 * dropped with the function's bytecode once it has not run for a while.
 */
const dataAsFunction = {
  name: 'language-data-as-function',
  setup(b) {
    b.onLoad({ filter: /[\\/]analysis[\\/]data[\\/].*\.json$/ }, (args) => ({
      contents: `export default () => ${JSON.stringify(readFileSync(args.path, 'utf8'))};`,
      loader: 'js',
    }));
  },
};
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Keep regular-expression literals as literals (compiled once), not `new RegExp` on every call.
  supported: { 'regexp-unicode-property-escapes': true, 'regexp-lookbehind-assertions': true, 'regexp-named-capture-groups': true, 'regexp-sticky-and-unicode-flags': true, 'regexp-dot-all-flag': true, 'regexp-match-indices': true },
  format: 'cjs',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  logLevel: 'warning',
  define: { 'process.env.DL_VERSION': JSON.stringify(version) },
  legalComments: 'none',
  // Non-ASCII as is, not as \uXXXX escapes: the Russian data and regexes take a third of the
  // characters, and V8 keeps the whole source in memory (as two-byte text: some literals are not ASCII).
  charset: 'utf8',
  // Language data as functions returning their text, parsed on first use per language (see above).
  plugins: [dataAsFunction],
};
rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The core alone, built as the server and the CLI embed it: what `npm run bench` measures. Not shipped.
  build({ ...common, entryPoints: ['analysis/index.ts'], outfile: 'out/analysis.js' }),
  // The extension-host test suite (test-electron contract: run(): Promise<void>); not shipped.
  build({ ...common, minify: false, sourcemap: 'inline', entryPoints: ['test/e2e/suite/index.ts'], outfile: 'out/e2e/suite/index.js', external: ['vscode'] }).catch((e) => {
    if (!String(e).includes('Could not resolve') && !String(e).includes('test/e2e/suite/index.ts')) throw e;
  }),
]);
chmodSync('dist/cli.js', 0o755);
console.log(`built dist/ (${dev ? 'development' : 'production'}) v${version}`);
