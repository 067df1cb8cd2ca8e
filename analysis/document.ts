// Splits a text into lines and blocks (paragraphs, headings, block quotes, list items, code) without
// copying or normalising it: every range is an offset into the original string, so CRLF, a BOM and
// Markdown markup never shift a span. Also marks the ranges that prose analysis must not look into
// (code, link targets, URLs, HTML comments).

import { inSortedRanges } from './ranges.ts';

export interface Line {
  start: number;
  /** End of the line's text, before `\r\n`, `\n` or `\r`. */
  end: number;
}

export type BlockKind = 'paragraph' | 'heading' | 'blockquote' | 'list-item' | 'code' | 'rule';

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Where the prose of each line starts (after `> `, `# `, `- ` markers) and ends (trailing spaces trimmed). */
  lines: Line[];
  /** Markdown heading level (1–6), 0 for a plain-text heading guess; only for `heading`. */
  level?: number;
}

export interface DocumentModel {
  text: string;
  markdown: boolean;
  lines: Line[];
  blocks: Block[];
  /** Sorted, non-overlapping ranges to ignore (code spans, URLs, link targets, comments). */
  masked: Array<[number, number]>;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const QUOTE_MARKER = /^ {0,3}(?:>[ \t]?)+/;
const LIST_MARKER = /^ {0,3}(?:[-*+•]|\d{1,3}[.)])[ \t]+/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: n });
  // A BOM is not text: the first line's prose starts after it.
  if (text.charCodeAt(0) === 0xfeff) lines[0].start = 1;
  return lines;
}

/** Guess whether a text is Markdown when the caller does not say (a `.txt` file may still use `>` or `#`). */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 20000);
  return /^ {0,3}#{1,6} \S/m.test(head) || /\]\([^)\s]+\)/.test(head) || /^ {0,3}> \S/m.test(head) || /^```/m.test(head);
}

function trimRange(text: string, start: number, end: number): Line {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0xfeff || c === 10 || c === 13;
}

export function buildDocument(text: string, markdown?: boolean): DocumentModel {
  const md = markdown ?? looksLikeMarkdown(text);
  const lines = splitLines(text);
  const blocks: Block[] = [];
  const masked: Array<[number, number]> = [];
  let current: Block | null = null;
  const close = () => {
    if (current) {
      current.end = current.lines[current.lines.length - 1].end;
      blocks.push(current);
      current = null;
    }
  };
  let fence: string | null = null;
  let fenceStart = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const raw = text.slice(line.start, line.end);
    if (fence !== null) {
      if (raw.trimStart().startsWith(fence)) {
        masked.push([fenceStart, line.end]);
        blocks.push({ kind: 'code', start: fenceStart, end: line.end, lines: [] });
        fence = null;
      }
      continue;
    }
    if (raw.trim() === '') {
      close();
      continue;
    }
    if (md) {
      const f = FENCE.exec(raw);
      if (f) {
        close();
        fence = f[1];
        fenceStart = line.start;
        continue;
      }
      const h = HEADING.exec(raw);
      if (h) {
        close();
        const t = trimRange(text, line.start + h[0].length, line.end);
        // A closing run of #'s is markup too.
        const closing = /(?<![ \t])[ \t]+#+$/.exec(text.slice(t.start, t.end));
        if (closing) t.end -= closing[0].length;
        blocks.push({ kind: 'heading', start: line.start, end: line.end, lines: [t], level: h[1].length });
        continue;
      }
      if (RULE.test(raw)) {
        close();
        blocks.push({ kind: 'rule', start: line.start, end: line.end, lines: [] });
        continue;
      }
    }
    const q = QUOTE_MARKER.exec(raw);
    if (q && (md || raw.trimStart().startsWith('> '))) {
      if (current?.kind !== 'blockquote') close();
      const t = trimRange(text, line.start + q[0].length, line.end);
      if (!current) current = { kind: 'blockquote', start: line.start, end: line.end, lines: [] };
      if (t.end > t.start) current.lines.push(t);
      else if (current.lines.length === 0) current.lines.push(t);
      continue;
    }
    const l = md ? LIST_MARKER.exec(raw) : /^ {0,3}(?:[-*•]|\d{1,3}[.)])[ \t]+/.exec(raw);
    if (l) {
      close();
      current = { kind: 'list-item', start: line.start, end: line.end, lines: [trimRange(text, line.start + l[0].length, line.end)] };
      continue;
    }
    if (current?.kind === 'blockquote') close();
    if (!current) current = { kind: 'paragraph', start: line.start, end: line.end, lines: [] };
    current.lines.push(trimRange(text, line.start, line.end));
  }
  if (fence !== null) {
    masked.push([fenceStart, text.length]);
    blocks.push({ kind: 'code', start: fenceStart, end: text.length, lines: [] });
  }
  close();
  for (const b of blocks) if (b.kind === 'blockquote') b.lines = b.lines.filter((l) => l.end > l.start);
  if (!md) markPlainHeadings(text, blocks);
  maskInline(text, md, masked);
  masked.sort((a, b) => a[0] - b[0]);
  return { text, markdown: md, lines, blocks: blocks.filter((b) => b.kind === 'code' || b.kind === 'rule' || b.lines.length > 0), masked };
}

/**
 * In plain text a heading is a one-line block without final punctuation that is followed by a
 * longer paragraph (a title, a kicker like "ANALYSIS", "Press release").
 */
function markPlainHeadings(text: string, blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'paragraph' || b.lines.length !== 1) continue;
    const t = text.slice(b.lines[0].start, b.lines[0].end);
    // (A heading may end with a quoted name: «Комментарий … в связи с учениями «Северная звезда»».)
    // (A quote paragraph «…» is no heading, nor is one whose quote ends with its own punctuation.)
    if (t.length > 200 || /[.!?:;,…]$/.test(t) || /^[«“"„]/.test(t) || (/[»”"]$/.test(t) && /[.!?,…][»”"]+$/.test(t))) continue;
    if (/^[—–-]\s/.test(t)) continue; // an attribution line, not a heading
    const next = blocks[i + 1];
    if (!next) continue;
    b.kind = 'heading';
    b.level = 0;
  }
}

// Inline regions prose analysis must skip: `code`, <autolinks>, ](link targets), bare URLs, <!-- comments -->.
const INLINE_MASK = /`+[^`\n]*`+|<!--[\s\S]*?(?:-->|$)|\]\([^\])\s]*(?:\s+"[^"\n]*")?\)|<https?:[^<>\s]*>|\bhttps?:\/\/[^\s<>()«»"“”]+/g;
const PLAIN_MASK = /<!--[\s\S]*?(?:-->|$)|\bhttps?:\/\/[^\s<>()«»"“”]+/g;

function maskInline(text: string, md: boolean, masked: Array<[number, number]>): void {
  const re = md ? INLINE_MASK : PLAIN_MASK;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // For a link target keep the "]" out of the mask.
    const s = m[0].startsWith('](') ? m.index + 1 : m.index;
    masked.push([s, m.index + m[0].length]);
  }
}

/** True when `i` falls in a masked range. */
export function isMasked(doc: DocumentModel, i: number): boolean {
  return inSortedRanges(doc.masked, i);
}

/** The index of the block containing offset `i`, or -1. */
export function blockAt(doc: DocumentModel, i: number): number {
  const b = doc.blocks;
  let lo = 0;
  let hi = b.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid].end < i) lo = mid + 1;
    else if (b[mid].start > i) hi = mid - 1;
    else return mid;
  }
  return -1;
}
