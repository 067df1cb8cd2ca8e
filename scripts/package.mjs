// Packages the VSIX from the production bundle: diplomatic-lens-<version>.vsix at the repo root.
// Runtime dependencies are bundled into dist/, so node_modules is not shipped (--no-dependencies).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `${name}-${version}.vsix`;
execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--no-update-package-json', '--allow-missing-repository', '-o', out], { stdio: ['ignore', 'inherit', 'inherit'] });
const kb = statSync(out).size / 1024;
console.log(`${out}: ${kb.toFixed(1)} KB${kb > 1536 ? ' (over the 1.5 MB target!)' : ''}`);
