// Finding quotations: pairs of quote marks (every style, nesting, quotes over several paragraphs),
// quotes interrupted by the author's words, block quotes (Markdown `>` and paragraphs followed by a
// dash attribution line); and telling them from names, titles, formats and scare quotes.
// Speakers are resolved afterwards (speakers.ts), on the candidates kept here.
import { type DocumentModel, type Block, isMasked } from './document.ts';
import { type Lexicon, isCue, mentionsAccordingTo } from './lexicon.ts';
import { tokenize, countTokens, sentenceBounds, isUpperStart, type Token } from './tokens.ts';

export interface QuoteCandidate {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  form: 'inline' | 'block';
  /** Pieces of one interrupted quote share a group number. */
  group: number;
  /** Author's words between two pieces («A, — сказал он. — B»): where to look for the speaker. */
  interruption?: [number, number];
  /** For a block quote: the dash attribution line's text range (after the dash) and the dash itself. */
  dashLine?: { dash: [number, number]; text: [number, number] };
  /** Index of the block where the quote starts and where it ends. */
  block: number;
  endBlock: number;
}

interface Opener {
  pos: number;
  ch: string;
  block: number;
  /** Pairs closed inside this opener: nested in it if it closes, top-level if it turns out unbalanced. */
  inner: Array<{ open: Opener; close: number }>;
}

const CLOSERS: Record<string, string> = { '«': '»', '„': '“”', '“': '”', '‘': '’', '"': '"', "'": "'", '‹': '›', '”': '”' };
const QUOTE_MARK = /[«»„“”‘’"'‹›]/g;

/**
 * The quote marks of a text, asked for in increasing order: `from(i)` is the first mark at or after
 * `i` (text.length if none). A search that ran past a line is remembered, so no stretch of the
 * text is searched twice.
 */
class QuoteMarks {
  private searchedFrom = Infinity;
  private found = -1;

  constructor(private readonly text: string) {}

  from(i: number): number {
    if (this.searchedFrom <= i && this.found >= i) return this.found;
    QUOTE_MARK.lastIndex = i;
    const m = QUOTE_MARK.exec(this.text);
    this.searchedFrom = i;
    this.found = m ? m.index : this.text.length;
    return this.found;
  }
}

const isWs = (c: string | undefined) => c === undefined || /\s/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isOpeningContext = (c: string | undefined) => isWs(c) || (c !== undefined && /[([{—–\-/«„“‘"'>*_:]/.test(c));

/** Pairs of quote marks at depth 0 across the document, with inner pairs ignored. */
function pairQuoteMarks(doc: DocumentModel): Array<{ open: Opener; close: number }> {
  const { text, blocks } = doc;
  const pairs: Array<{ open: Opener; close: number }> = [];
  let stack: Opener[] = [];
  let carried = 0;
  const marks = new QuoteMarks(text);
  // The innermost open mark that `closerChars` can close, and closing it at `i`.
  const findOpen = (closerChars: string) => {
    for (let k = stack.length - 1; k >= 0; k--) if (CLOSERS[stack[k].ch]?.includes(closerChars)) return k;
    return -1;
  };
  const close = (k: number, i: number) => {
    const pair = { open: stack[k], close: i };
    if (k === 0) pairs.push(pair);
    else stack[k - 1].inner.push(pair);
    stack.length = k;
  };
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.kind === 'code' || b.kind === 'rule' || b.kind === 'heading') {
      for (const o of stack) pairs.push(...o.inner);
      stack = [];
      if (b.kind !== 'heading') continue;
    }
    let skipContinuationAt = -1;
    if (stack.length > 0 && b.lines.length > 0) {
      // English (and some Russian) style: a quote over several paragraphs re-opens each one.
      const first = b.lines[0].start;
      if (text[first] === stack[0].ch) skipContinuationAt = first;
    }
    for (const line of b.lines) {
      // From quote mark to quote mark (a native search, not a look at every character).
      for (let i = marks.from(line.start); i < line.end; i = marks.from(i + 1)) {
        const ch = text[i];
        if (i === skipContinuationAt || isMasked(doc, i)) continue;
        const prev = i > line.start ? text[i - 1] : undefined;
        const next = i + 1 < line.end ? text[i + 1] : undefined;
        const left = !isWs(next) && isOpeningContext(prev); // can open
        const right = !isWs(prev) && (isWs(next) || !isLetter(next)); // can close
        switch (ch) {
          case '«':
          case '‹':
          case '„':
            stack.push({ pos: i, ch, block: bi, inner: [] });
            break;
          case '»':
          case '›': {
            const k = findOpen(ch);
            if (k >= 0) close(k, i);
            break;
          }
          case '“': {
            const k = findOpen('“'); // closes a „
            if (k >= 0 && stack[k].ch === '„' && (right || !left)) close(k, i);
            else if (left) stack.push({ pos: i, ch, block: bi, inner: [] });
            break;
          }
          case '”': {
            const k = findOpen('”');
            if (k >= 0) close(k, i);
            else if (left && !right) stack.push({ pos: i, ch, block: bi, inner: [] });
            break;
          }
          case '‘':
            if (left) stack.push({ pos: i, ch, block: bi, inner: [] });
            break;
          case '’': {
            const k = findOpen('’');
            if (k >= 0 && right && !isLetter(next)) close(k, i);
            break;
          }
          case '"':
          case "'": {
            const k = findOpen(ch);
            if (k >= 0 && right && !(left && isWs(prev))) close(k, i);
            else if (left && (ch === '"' || isWs(prev) || prev === undefined)) stack.push({ pos: i, ch, block: bi, inner: [] });
            else if (k >= 0 && right) close(k, i);
            break;
          }
        }
      }
    }
    if (stack.length > 0) {
      // Carry an open quote into the next paragraph only where that paragraph continues it: it
      // re-opens with the same mark, or it holds the closing mark. Otherwise the mark is unbalanced.
      const next = blocks[bi + 1];
      const bottom = stack[0];
      let carry = false;
      if (next && next.kind !== 'heading' && next.kind !== 'code' && next.lines.length > 0 && carried < 8 && bottom.ch !== "'" ) {
        const nt = text.slice(next.start, next.end);
        const reopens = text[next.lines[0].start] === bottom.ch;
        // The next paragraph continues the quote only if its first closing mark comes before any
        // new opening mark of the same style (otherwise that closer belongs to a quote of its own).
        const firstCloser = Math.min(...[...CLOSERS[bottom.ch]].map((c) => nt.indexOf(c)).filter((x) => x >= 0), Infinity);
        const firstOpener = nt.indexOf(bottom.ch);
        const closesOurs = bottom.ch !== '"' && firstCloser !== Infinity && (firstOpener < 0 || firstCloser < firstOpener);
        carry = reopens || closesOurs;
      }
      if (carry) carried++;
      else {
        // Unbalanced: the pairs closed inside the dropped openers are top-level after all.
        for (const o of stack) pairs.push(...o.inner);
        stack = [];
        carried = 0;
      }
    } else carried = 0;
  }
  for (const o of stack) pairs.push(...o.inner);
  return pairs.sort((a, b) => a.open.pos - b.open.pos);
}

// «A, — сказал он. — B» : punctuation, a dash, the author's words, punctuation, a dash.
const INTERRUPTION = /([,.!?…])\s+[—–]\s+([^—–«»„“”"\n]{2,160}?)([.,:;])\s+[—–]\s+(?=\S)/gu;

export function findQuoteCandidates(doc: DocumentModel, lex: Lexicon): QuoteCandidate[] {
  const { text, blocks } = doc;
  const out: QuoteCandidate[] = [];
  let group = 0;
  const blockOf = (pos: number) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // 1. Block quotes: Markdown `>` blocks, and paragraphs followed by a dash attribution line.
  const blockQuoted = new Set<number>();
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const dash = dashLineOf(text, blocks[bi + 1]);
    if (b.kind === 'blockquote') {
      let lines = b.lines;
      let dl = dash;
      const last = lines[lines.length - 1];
      const inner = dashLineText(text, last.start, last.end);
      if (inner && lines.length > 1) {
        dl = inner;
        lines = lines.slice(0, -1);
      }
      const s = lines[0].start;
      const e = lines[lines.length - 1].end;
      const [cs, ce] = stripMarks(text, s, e);
      out.push({ start: s, end: e, contentStart: cs, contentEnd: ce, form: 'block', group: group++, dashLine: dl ?? undefined, block: bi, endBlock: bi });
      blockQuoted.add(bi);
    } else if (dash && b.kind === 'paragraph' && !dashLineOf(text, b)) {
      const s = b.lines[0].start;
      const e = b.lines[b.lines.length - 1].end;
      const [cs, ce] = stripMarks(text, s, e);
      out.push({ start: s, end: e, contentStart: cs, contentEnd: ce, form: cs > s ? 'inline' : 'block', group: group++, dashLine: dash, block: bi, endBlock: bi });
      blockQuoted.add(bi);
    }
  }

  // 2. Quote-mark pairs.
  for (const { open, close } of pairQuoteMarks(doc)) {
    const bi = open.block;
    if (blockQuoted.has(bi)) continue;
    const start = open.pos;
    const end = close + 1;
    if (!isQuotation(text, doc, blocks[bi], start, end, lex)) continue;
    const endBlock = blockOf(close);
    // Split «A, — сказал он. — B» into pieces.
    const inner = text.slice(start + 1, close);
    INTERRUPTION.lastIndex = 0;
    let pieceStart = start;
    const g = group++;
    let m: RegExpExecArray | null;
    let split = false;
    while ((m = INTERRUPTION.exec(inner))) {
      const words = tokenize(m[2]);
      if (!words.some((w) => isCue(lex, w))) continue;
      const pieceEnd = start + 1 + m.index + m[1].length;
      const authorStart = start + 1 + m.index + m[0].indexOf(m[2], m[1].length);
      const authorEnd = authorStart + m[2].length;
      out.push({ start: pieceStart, end: pieceEnd, contentStart: pieceStart === start ? start + 1 : pieceStart, contentEnd: pieceEnd, form: 'inline', group: g, interruption: [authorStart, authorEnd], block: bi, endBlock: blockOf(pieceEnd) });
      pieceStart = start + 1 + m.index + m[0].length;
      split = true;
    }
    out.push({ start: pieceStart, end, contentStart: split ? pieceStart : start + 1, contentEnd: close, form: 'inline', group: g, block: split ? blockOf(pieceStart) : bi, endBlock });
  }
  out.sort((a, b) => a.start - b.start);
  joinEnglishPieces(text, out, lex);
  return out;
}

/**
 * English interrupts a quotation with separate pairs of marks: “A,” the ambassador said, “but B.”
 * and “A,” he said. “B.” are one quotation in two pieces, like «A, — сказал он. — B».
 */
function joinEnglishPieces(text: string, quotes: QuoteCandidate[], lex: Lexicon): void {
  for (let i = 1; i < quotes.length; i++) {
    const a = quotes[i - 1];
    const b = quotes[i];
    if (a.form !== 'inline' || b.form !== 'inline' || a.endBlock !== b.block || a.group === b.group) continue;
    if (!/[,!?]$/.test(text.slice(a.contentStart, a.contentEnd).trimEnd())) continue;
    const between = text.slice(a.end, b.start);
    if (!/^\s+[^«»„“”"\n.!?]{2,100}[,.:]\s+$/u.test(between)) continue;
    const words = tokenize(between);
    if (words.length > 12 || !words.some((w) => isCue(lex, w))) continue;
    b.group = a.group;
  }
}

/** A one-line block «— Name, Title» / «– пресс-служба МИД России» that attributes the block before it. */
function dashLineOf(text: string, b: Block | undefined): { dash: [number, number]; text: [number, number] } | null {
  if (!b || b.kind !== 'paragraph' || b.lines.length !== 1) return null;
  return dashLineText(text, b.lines[0].start, b.lines[0].end);
}

function dashLineText(text: string, s: number, e: number): { dash: [number, number]; text: [number, number] } | null {
  const m = /^(?:[—–]|--)[ \t\u00a0]*/.exec(text.slice(s, e));
  if (!m) return null;
  let ts = s + m[0].length;
  let te = e;
  while (te > ts && /[\s.]/.test(text[te - 1])) te--;
  const t = text.slice(ts, te);
  if (!t || /[!?]$/.test(t) || /[«»„“”"]/.test(t)) return null;
  const words = tokenize(t);
  if (words.length === 0 || words.length > 14) return null;
  // An attribution names someone: it starts with a capital, initials, or a lower-case title/body word.
  if (!isUpperStart(t) && !/^[\p{Ll}-]+(?:служба|ведомство|посольство|spokesperson|spokesman|office|ministry)/u.test(t) && !/^(?:пресс|the |a )/i.test(t)) return null;
  return { dash: [s, s + 1], text: [ts, te] };
}

/** Inside a span, where the reproduced words start and end (without the outer quote marks). */
function stripMarks(text: string, s: number, e: number): [number, number] {
  const open = text[s];
  const close = text[e - 1];
  if (CLOSERS[open] && CLOSERS[open].includes(close) && e - s > 2) return [s + 1, e - 1];
  return [s, e];
}

/**
 * Reproduced words, or a name / title / format / scare quote? Long spans are quotations; a short
 * one is a quotation only when its sentence has a reporting cue and nothing marks it as a name.
 */
function isQuotation(text: string, doc: DocumentModel, block: Block, start: number, end: number, lex: Lexicon): boolean {
  const content = text.slice(start + 1, end - 1);
  // How many words (counted no further than 6: only "up to 5" matters below), and the words
  // themselves only for a short quote.
  const count = countTokens(content, 6);
  let short: Token[] | undefined;
  const words = () => (short ??= tokenize(content));
  if (count === 0) return false;
  if (/^[\s\d+\-–/.,:x×]*$/.test(content)) return false; // "3+3", "2+2", "5/5"
  // Scare markers right before: so-called "…", так называемого «…».
  const before = text.slice(Math.max(block.start, start - 30), start).toLowerCase().replace(/\s+/g, ' ');
  if (lex.scareMarkerEnd.test(before)) return false;
  // Reproduced speech ends with its own punctuation inside the marks: «Убирайтесь домой!»,
  // «Работа будет продолжена», — сказал он; “a turning point.”
  const after = text.slice(end, Math.min(block.end, end + 40));
  const tailCue = /^[,.!?]?\s*[—–-]\s/.test(after) && tokenize(after).slice(0, 3).some((w) => isCue(lex, w));
  const ownPunctuation = /[.!?…]$/.test(content.trim()) || (/,$/.test(content.trim()) && /^\s*[—–-]/.test(after)) || tailCue;
  const prevWords = tokenize(text, Math.max(block.start, start - 40), start);
  const nextWords = tokenize(text, end, Math.min(block.end, end + 40));
  const prevWord = prevWords[prevWords.length - 1];
  if (count === 1 && !ownPunctuation) {
    // One word is a quotation only as what somebody called something: called the move “reckless”.
    const lead = prevWords.slice(-4);
    const named = lead.some((w) => isCue(lex, w)) && !isUpperStart(content.trim()) && !(prevWord && lex.nameContext.has(prevWord.lower));
    if (!named) return false;
  }
  const nextWord = nextWords[0];
  const adjacentToPrev = prevWord && /^\s*$/.test(text.slice(prevWord.end, start));
  const adjacentToNext = nextWord && /^\s*$/.test(text.slice(end, nextWord.start));
  if (count <= 3 && words().some((w) => lex.nameContext.has(w.lower))) return false; // «Московском формате»
  if (count <= 5) {
    // Russian puts the genre noun first (газета «Коммерсантъ», политики «четырех нет»); English
    // mostly after ("2+2" talks), and before only for a capitalised name (the newspaper "Kommersant"),
    // not for a description (called the plan "dead on arrival").
    const nounBefore = adjacentToPrev && lex.nameContext.has(prevWord.lower) && (isUpperStart(content.trim()) || (lex.language === 'ru' && count <= 3));
    const nounAfter = adjacentToNext && (lex.nameContext.has(nextWord.lower) || (lex.language === 'en' && lex.nameContext.has(nextWord.lower.replace(/s$/, ''))));
    if (nounBefore || nounAfter) return false;
  }
  if (count >= 4 || ownPunctuation) return true;
  // A short capitalised span after a noun (not after a cue, a colon or a dash) names something:
  // учениями «Холодный ответ», the "Freedom Shield" drills.
  if (isUpperStart(content.trim()) && !/[:—–]\s*$/.test(text.slice(block.start, start)) && !(prevWord && isCue(lex, prevWord) && adjacentToPrev)) return false;
  if (lex.language === 'ru' && prevWords.slice(-3).some((w) => lex.nameContext.has(w.lower))) return false;
  // Short: a quotation only where its sentence reports speech.
  const [ss, se] = sentenceBounds(text, block.start, block.end, start, end, [[start, end]]);
  const around = [...tokenize(text, ss, start), ...tokenize(text, end, se)];
  if (!around.some((w) => isCue(lex, w)) && !mentionsAccordingTo(lex, text.slice(ss, se))) return false;
  // Title case without a sentence (a name of a body, exercise, film): «Щит свободы» is a name only
  // when no cue governs it; here a cue does, so we keep it unless it is written like a title.
  if (count <= 3 && words().every((w) => isUpperStart(w.text)) && !/[.!?,]/.test(content)) return false;
  void doc;
  return true;
}
