// Reads a folder of gold annotations: every NAME.gold.json with its text NAME.txt or NAME.md.
// Shared by `npm run eval` and the tests that score our own annotated texts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotated } from './score.ts';

export interface GoldText {
  name: string;
  file: string;
  source: string;
  gold: Annotated;
}

export function loadGold(dir: string): GoldText[] {
  const files = readdirSync(dir);
  return files
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((g) => {
      const name = g.slice(0, -'.gold.json'.length);
      const file = files.find((f) => f === `${name}.txt` || f === `${name}.md`);
      if (!file) throw new Error(`${dir}: no ${name}.txt or ${name}.md next to ${g}`);
      return { name, file, source: readFileSync(join(dir, file), 'utf8'), gold: JSON.parse(readFileSync(join(dir, g), 'utf8')) as Annotated };
    });
}
