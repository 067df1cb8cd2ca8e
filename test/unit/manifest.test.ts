// The extension manifest agrees with the protocol and with what the issue promises users:
// a token type (with a theme scope) for every annotation kind, distinct colours in Dark+ and
// Light+, activation on plain text and Markdown only, settings, and a VSIX that ships only dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOKEN_TYPES, TOKEN_MODIFIERS, DEFAULT_SETTINGS } from '../../protocol/index.ts';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The colours the default themes give these scopes (read off VS Code 1.139's dark_plus/dark_vs and
// light_plus/light_vs theme files): each token type must land on a scope with its own colour.
const DARK_PLUS: Record<string, string> = {
  'entity.name.function': '#DCDCAA', 'entity.name.type': '#4EC9B0', 'variable.other.constant': '#4FC1FF',
  variable: '#9CDCFE', 'constant.numeric': '#B5CEA8', 'string.regexp': '#D16969', string: '#CE9178',
  'keyword.control': '#C586C0', 'constant.character.escape': '#D7BA7D', 'constant.language': '#569CD6', 'punctuation.definition.list.begin.markdown': '#6796E6',
};
const LIGHT_PLUS: Record<string, string> = {
  'entity.name.function': '#795E26', 'entity.name.type': '#267F99', 'variable.other.constant': '#0070C1',
  variable: '#001080', 'constant.numeric': '#098658', 'string.regexp': '#811F3F', string: '#A31515',
  'keyword.control': '#AF00DB', 'constant.character.escape': '#EE0000', 'constant.language': '#0000FF', 'punctuation.definition.list.begin.markdown': '#0451A5',
};

/** The colour of the longest theme selector that is a prefix of the scope, as TextMate matching does. */
function colour(theme: Record<string, string>, scope: string): string | undefined {
  let best: string | undefined;
  let len = -1;
  for (const [sel, c] of Object.entries(theme)) {
    if ((scope === sel || scope.startsWith(sel + '.')) && sel.length > len) {
      best = c;
      len = sel.length;
    }
  }
  return best;
}

test('every protocol token type and modifier is declared in the manifest', () => {
  assert.deepEqual(pkg.contributes.semanticTokenTypes.map((t: { id: string }) => t.id), [...TOKEN_TYPES]);
  assert.deepEqual(pkg.contributes.semanticTokenModifiers.map((t: { id: string }) => t.id), [...TOKEN_MODIFIERS]);
});

test('each token type maps to a scope coloured distinctly in Dark+ and in Light+', () => {
  const scopes = pkg.contributes.semanticTokenScopes[0].scopes as Record<string, string[]>;
  for (const theme of [DARK_PLUS, LIGHT_PLUS]) {
    const seen = new Map<string, string>();
    for (const t of TOKEN_TYPES) {
      assert.ok(scopes[t]?.length, `no scope for ${t}`);
      const c = colour(theme, scopes[t][0]);
      assert.ok(c, `${t} (${scopes[t][0]}) gets no colour`);
      assert.ok(!seen.has(c!), `${t} and ${seen.get(c!)} share ${c}`);
      seen.set(c!, t);
    }
  }
});

test('activates on plain text and Markdown only, and bundles point at dist/', () => {
  assert.deepEqual(pkg.activationEvents.sort(), ['onLanguage:markdown', 'onLanguage:plaintext']);
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.bin['diplomatic-lens'], 'dist/cli.js');
});

test('settings diplomaticLens.* exist with the protocol defaults', () => {
  const props = pkg.contributes.configuration.properties;
  assert.equal(props['diplomaticLens.enable'].default, DEFAULT_SETTINGS.enable);
  assert.equal(props['diplomaticLens.language'].default, DEFAULT_SETTINGS.language);
  assert.deepEqual(props['diplomaticLens.language'].enum, ['auto', 'ru', 'en']);
  assert.equal(props['diplomaticLens.maxFileSize'].default, DEFAULT_SETTINGS.maxFileSize);
  assert.ok(props['diplomaticLens.trace.server']);
  assert.equal(props['diplomaticLens.inlayHints.enable'].default, DEFAULT_SETTINGS.inlayHints.enable);
  assert.equal(props['diplomaticLens.claims.decorateContent'].default, true);
});

test('engines.vscode is at least what vscode-languageclient requires', () => {
  const lc = JSON.parse(readFileSync(join(root, 'node_modules/vscode-languageclient/package.json'), 'utf8'));
  const need = (lc.engines.vscode as string).replace(/^\^/, '').split('.').map(Number);
  const have = (pkg.engines.vscode as string).replace(/^\^/, '').split('.').map(Number);
  assert.ok(have[0] > need[0] || (have[0] === need[0] && have[1] >= need[1]), `${pkg.engines.vscode} < ${lc.engines.vscode}`);
  const types = JSON.parse(readFileSync(join(root, 'node_modules/@types/vscode/package.json'), 'utf8')).version.split('.').map(Number);
  assert.ok(have[1] >= types[1], '@types/vscode must not be newer than engines.vscode');
});

test('the VSIX ignore list ships only the manifest, bundles, their language data, grammar, icon and docs', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  assert.equal(lines[0], '**');
  assert.deepEqual(lines.slice(1).sort(), ['!CHANGELOG.md', '!LICENSE', '!README.md', '!dist/data/**', '!dist/extension.js', '!dist/server.js', '!images/icon.png', '!package.json', '!syntaxes/*.json']);
});
