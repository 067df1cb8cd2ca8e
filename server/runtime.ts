// What the server asks of its runtime beyond LSP, kept in one file so the rest of server/ stays
// free of Node built-ins (a browser build of the server replaces this file only).
import v8 from 'node:v8';
import vm from 'node:vm';
import { SERVER_V8_FLAGS } from '../protocol/index.ts';

// No optimising compiler (see protocol SERVER_V8_FLAGS), set here so every client gets it.
try {
  v8.setFlagsFromString(SERVER_V8_FLAGS);
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
