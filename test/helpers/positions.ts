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
