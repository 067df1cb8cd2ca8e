// Small helpers every hover uses: Markdown-safe text, links to a position of the document, ranges.
import type { Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../../analysis/index.ts';

/** Markdown-safe inline text. */
export function md(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

/** A link that opens the document at a span's start (1-based line and column, as VS Code reads `#L`). */
export function link(doc: TextDocument, s: Span): string {
  const p = doc.positionAt(s.start);
  return `${doc.uri}#L${p.line + 1},${p.character + 1}`;
}

export function rangeOf(doc: TextDocument, s: { start: number; end: number }): Range {
  return { start: doc.positionAt(s.start), end: doc.positionAt(s.end) };
}
