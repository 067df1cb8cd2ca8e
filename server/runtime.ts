// What the server asks of its runtime beyond LSP, kept in one file so the rest of server/ stays
// free of Node built-ins (a browser build of the server replaces this file only).
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Let functions run about fifteen times longer (V8's interrupt budget 1,000,000 instead of 67,584)
 * before the optimising compiler takes them. Code optimised early, on the first document's full
 * analysis, met other shapes after the first keystrokes and was thrown away and compiled again,
 * for a few hundred keystrokes; the slowest keystrokes were those. With the later start it is
 * compiled once, on better type feedback: in `npm run bench`, keystroke → tokens p95 on 50 kB fell
 * from 10.3 to 6.3 ms and the 1 MB peak memory by about 7 MiB, with no loss of analysis speed.
 * Set here, at start-up, so it holds whichever client starts the server (`node dist/server.js
 * --stdio` from Neovim too), not only when the extension passes Node options.
 */
const TIERING_FLAGS = ['--interrupt-budget=1000000'];
try {
  for (const flag of TIERING_FLAGS) v8.setFlagsFromString(flag);
} catch {
  // an older or different engine: its defaults
}

/** V8's `gc`, if it lets us ask for one (exposed through its flags at run time): `{ type: 'minor' }` for the young generation only. */
const gc: ((options?: { type: 'minor' }) => void) | undefined = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as (options?: { type: 'minor' }) => void;
  } catch {
    return undefined;
  }
})();

/**
 * Collects garbage now, while the user is idle, rather than during the next request: the young
 * generation only (about a millisecond), or every generation (a full collection: the old
 * generation's marking and compaction then do not land in the next keystroke's answer).
 */
export function collectGarbage(scope: 'young' | 'all'): void {
  try {
    if (scope === 'young') gc?.({ type: 'minor' });
    else gc?.();
  } catch {
    // not essential
  }
}
