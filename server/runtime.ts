// What the server asks of its runtime beyond LSP, kept in one file so the rest of server/ stays
// free of Node built-ins (a browser build of the server replaces this file only).
import v8 from 'node:v8';
import vm from 'node:vm';

/** A minor GC, if V8 lets us ask for one (`gc` exposed through its flags at run time). */
const minorGc: ((options: { type: 'minor' }) => void) | undefined = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as (options: { type: 'minor' }) => void;
  } catch {
    return undefined;
  }
})();

/** Collects short-lived garbage now (while the user is idle) rather than during the next request. */
export function collectYoungGarbage(): void {
  try {
    minorGc?.({ type: 'minor' });
  } catch {
    // not essential
  }
}
