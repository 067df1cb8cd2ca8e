// Offsets ↔ LSP positions for tests, computed independently of the server's own conversion:
// UTF-16 code units, and `\r\n`, `\n` or `\r` each end a line.

export interface Pos {
  line: number;
  character: number;
}

export function posAt(text: string, offset: number): Pos {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

export function rangeOf(text: string, s: { start: number; end: number }): { start: Pos; end: Pos } {
  return { start: posAt(text, s.start), end: posAt(text, s.end) };
}

/** The n-th (1-based) occurrence of `needle` in `text` as a span; a missing needle is a bug in the test. */
export function at(text: string, needle: string, n = 1): { start: number; end: number; text: string } {
  let pos = -1;
  for (let k = 0; k < n; k++) {
    pos = text.indexOf(needle, pos + 1);
    if (pos < 0) throw new Error(`test bug: ${JSON.stringify(needle)} (occurrence ${n}) is not in the text`);
  }
  return { start: pos, end: pos + needle.length, text: needle };
}
