// The layering ARCHITECTURE.md promises, checked on the sources: the core imports nothing outside
// itself (no vscode, no LSP, no Node built-ins: it must run in a browser), the client never imports
// the core, the server never imports the client, and the protocol imports nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const re = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm;
  const out: string[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The top-level folder an import lands in, or the package name for a bare import. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return `pkg:${spec}`;
  return relative(root, resolve(root, dirname(file), spec)).split(/[\\/]/)[0];
}

// The only packages the core may use: browser-safe, synchronous, chosen in the README.
const CORE_PACKAGES = [/^pkg:@nlpjs\/lang-ru\/src\/stemmer-ru\.js$/, /^pkg:chrono-node(?:\/(?:en|ru))?$/, /^pkg:lvovich$/];

test('the analysis core imports only itself, its data and the browser-safe libraries it chose', () => {
  const files = sources('analysis');
  assert.ok(files.length >= 8, `found ${files.length} core files`);
  for (const f of files) {
    for (const spec of imports(f)) {
      const t = target(f, spec);
      assert.ok(t === 'analysis' || CORE_PACKAGES.some((p) => p.test(t)), `${f} imports ${spec}`);
    }
  }
});

test('the protocol imports nothing but its own files', () => {
  for (const f of sources('protocol')) for (const spec of imports(f)) assert.equal(target(f, spec), 'protocol', `${f} imports ${spec}`);
});

test('the client never imports the core or the server', () => {
  for (const f of sources('client')) {
    for (const spec of imports(f)) {
      const t = target(f, spec);
      assert.ok(t === 'client' || t === 'protocol' || t === 'pkg:vscode' || t.startsWith('pkg:vscode-languageclient'), `${f} imports ${spec}`);
    }
  }
});

test('the server never imports the client', () => {
  for (const f of sources('server')) {
    for (const spec of imports(f)) {
      const t = target(f, spec);
      // Node built-ins only in server/runtime.ts, the one file a browser build would replace.
      const runtime = f.endsWith(`server${sep}runtime.ts`) && spec.startsWith('node:');
      assert.ok(runtime || t === 'server' || t === 'protocol' || t === 'analysis' || t.startsWith('pkg:vscode-languageserver'), `${f} imports ${spec}`);
    }
  }
});
