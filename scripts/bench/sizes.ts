// Sizes of what ships: dist/extension.js, dist/server.js, dist/cli.js, dist/data/ (bytes on disk) and the VSIX
// (diplomatic-lens-<version>.vsix at the repo root, as scripts/package.mjs names it; else the
// newest *.vsix there). Also whether dist/ is the production build (minified, no source maps: what
// the VSIX ships) and whether the VSIX is older than dist/ (then it may not hold this build).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './corpus.ts';

export interface FileSize {
  path: string;
  bytes: number;
}

export interface SizesResult {
  extension: FileSize | null;
  server: FileSize | null;
  cli: FileSize | null;
  /** dist/data: the language data files the server and the CLI read on first use. */
  data: FileSize | null;
  vsix: FileSize | null;
  /** dist/ has no *.map files: built by `npm run build` (production), not `--dev`. */
  production: boolean;
  /** The VSIX is older than dist/server.js: re-run `npm run package` for a VSIX of this build. */
  vsixStale: boolean;
}

function size(file: string): FileSize | null {
  return existsSync(file) ? { path: path.relative(REPO, file), bytes: statSync(file).size } : null;
}

/** Total size of the files under a directory. */
function dirSize(dir: string): FileSize | null {
  if (!existsSync(dir)) return null;
  let bytes = 0;
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) if (f.isFile()) bytes += statSync(path.join(f.parentPath, f.name)).size;
  return { path: path.relative(REPO, dir), bytes };
}

export function findVsix(): string | null {
  const { name, version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  const named = path.join(REPO, `${name}-${version}.vsix`);
  if (existsSync(named)) return named;
  const any = readdirSync(REPO)
    .filter((f) => f.endsWith('.vsix'))
    .map((f) => path.join(REPO, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return any[0] ?? null;
}

export function runSizes(): SizesResult {
  const dist = path.join(REPO, 'dist');
  const vsixPath = findVsix();
  const server = size(path.join(dist, 'server.js'));
  const vsix = vsixPath ? size(vsixPath) : null;
  return {
    extension: size(path.join(dist, 'extension.js')),
    server,
    cli: size(path.join(dist, 'cli.js')),
    data: dirSize(path.join(dist, 'data')),
    vsix,
    production: existsSync(dist) && !readdirSync(dist).some((f) => f.endsWith('.map')),
    vsixStale: !!(vsixPath && server && statSync(vsixPath).mtimeMs < statSync(path.join(dist, 'server.js')).mtimeMs),
  };
}
