// Bundles the three entry points with esbuild (and, with --tests, the extension-host test suite).
//   node scripts/build.mjs            production: minified, no source maps (what the VSIX ships)
//   node scripts/build.mjs --dev      development: source maps, readable output
import { build } from 'esbuild';
import { readFileSync, chmodSync, rmSync, cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dev = process.argv.includes('--dev');

/**
 * Each language data file (analysis/data/<lang>/*.json) is copied next to the bundles (dist/data,
 * out/data) and becomes a function that reads it, which analysis/datafile.ts parses on first use by
 * the language that needs it. Embedded in the bundle, as string literals, the data was most of its
 * text (0.85 of 1.17 million characters in dist/server.js), and V8 keeps a script's whole source in
 * memory for the life of the process, as two-byte text because of the Cyrillic: about 1.7 MB of
 * heap in every server and CLI process, plus each literal again while its function's bytecode
 * lived. A browser build (no file system) will embed the data instead; the core does not change.
 */
const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'analysis');
const dataFromFiles = {
  name: 'language-data-from-files',
  setup(b) {
    b.onLoad({ filter: /[\\/]analysis[\\/]data[\\/].*\.json$/ }, (args) => {
      const file = path.relative(DATA, args.path).split(path.sep).join('/');
      return {
        contents: `import { readFileSync } from 'node:fs'; import { join } from 'node:path'; export default () => readFileSync(join(__dirname, ${JSON.stringify(file)}), 'utf8');`,
        loader: 'js',
      };
    });
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
  // Non-ASCII as is, not as \uXXXX escapes (six characters each for the Russian regexes and
  // words): V8 keeps the whole source in memory, as two-byte text since some literals are not ASCII.
  charset: 'utf8',
  // Language data read from dist/data (or out/data) on first use per language (see above).
  plugins: [dataFromFiles],
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
// The language data the bundles read (see dataFromFiles); out/ for the core the bench measures.
for (const dir of ['dist', 'out']) cpSync(path.join(DATA, 'data'), path.join(dir, 'data'), { recursive: true });
console.log(`built dist/ (${dev ? 'development' : 'production'}) v${version}`);
