// Suppressions of assertion diagnostics, and sentences marked as the author's own position.
// Two places hold them, and neither leaves a trace in a plain-text release:
//
// - Markdown comments in the document itself (invisible when rendered):
//     <!-- diplomatic-lens-disable RULE… -->           anywhere: RULE… off in the whole file
//     Sentence. <!-- diplomatic-lens-disable-sentence RULE… -->   right after a sentence: off for it
//     Sentence. <!-- diplomatic-lens-author -->         right after a sentence: the author's position
//   With no rule listed, a comment covers every rule; `-- words` after the rules is a free note.
// - The workspace side file `.diplomatic-lens/suppressions.json` (`SuppressionFile` in protocol/)
//   for files that cannot hold a comment: entries keyed by the file's path relative to its
//   workspace folder and, for one sentence, by the sentence's fingerprint — a hash of its
//   normalised text, so an entry survives any edit elsewhere in the file and lapses when the
//   sentence itself is rewritten.
//
// The server has no file system access (it may run in a browser): the client reads the side file
// and sends its content (`SUPPRESSIONS_NOTIFICATION`), and writes it when a quick fix asks. This
// module parses and matches; it is pure apart from the in-memory store.
import type { Assertion } from '../analysis/index.ts';
import { RULE_IDS, type RuleId, type SuppressionEntry, type SuppressionsParams } from '../protocol/index.ts';

const RULES: ReadonlySet<string> = new Set(RULE_IDS);

export function isRuleId(s: unknown): s is RuleId {
  return typeof s === 'string' && RULES.has(s);
}

// ---------------------------------------------------------------------------------------------
// Fingerprints.

/** A sentence as the fingerprint sees it: comments dropped, Unicode NFC, whitespace collapsed, lower case. */
export function normaliseSentence(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK64 = (1n << 64n) - 1n;

/**
 * The sentence's fingerprint: 64-bit FNV-1a over the UTF-16 code units of its normalised text, as
 * 16 hex digits. Equal for the same words whatever the offsets, line breaks or spacing.
 */
export function fingerprint(sentence: string): string {
  const s = normaliseSentence(sentence);
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * FNV_PRIME) & MASK64;
  }
  return h.toString(16).padStart(16, '0');
}

// ---------------------------------------------------------------------------------------------
// Comments in the document.

export type DirectiveKind = 'disable' | 'disable-sentence' | 'author';

export interface Directive {
  kind: DirectiveKind;
  /** The rules it names; null for every rule (none named). An empty array names only unknown words: it covers nothing. */
  rules: RuleId[] | null;
  start: number;
  end: number;
}

/** `<!-- diplomatic-lens-KIND rules… -->`; the longer kind first so `disable-sentence` is not read as `disable`. */
const DIRECTIVE = /<!--[ \t]*diplomatic-lens-(disable-sentence|disable|author)(?=\s|-->)([^]*?)-->/g;

/** Every directive comment in the text, in order. */
export function parseDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  if (!text.includes('diplomatic-lens-')) return out;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const kind = m[1] as DirectiveKind;
    // A note after `--` is not a rule list.
    const list = m[2].split(/\s--\s|\s--$/)[0].trim();
    const words = list ? list.split(/[\s,]+/).filter(Boolean) : [];
    const rules = words.length === 0 ? null : words.filter(isRuleId);
    out.push({ kind, rules, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Text that ends a sentence: a stop, maybe closing quotes or brackets, then spaces. */
const SENTENCE_END = /[.!?…][»”"’)\]]*\s*$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0xfeff;
}

/**
 * Where a sentence's own text ends: before any trailing whitespace and comments its span holds
 * (the core may or may not count a comment after the full stop as part of the sentence).
 */
export function sentenceTextEnd(text: string, s: { start: number; end: number }): number {
  let i = s.end;
  for (;;) {
    while (i > s.start && /\s/.test(text[i - 1])) i--;
    if (i - 3 >= s.start && text.startsWith('-->', i - 3)) {
      const open = text.lastIndexOf('<!--', i - 3);
      if (open >= s.start) {
        i = open;
        continue;
      }
    }
    return i;
  }
}

/**
 * Where a sentence's own text starts: after any leading whitespace and comments its span holds
 * (a comment written after the previous sentence may open this one's span).
 */
export function sentenceTextStart(text: string, s: { start: number; end: number }): number {
  let i = s.start;
  for (;;) {
    while (i < s.end && /\s/.test(text[i])) i++;
    if (!text.startsWith('<!--', i)) return i;
    const close = text.indexOf('-->', i + 4);
    if (close < 0 || close + 3 > s.end) return i;
    i = close + 3;
  }
}

/**
 * The comments that follow a sentence: after its last word, separated from it and from each other
 * by nothing but spaces and at most one line break (a blank line starts another paragraph).
 */
export function commentsAfter(text: string, s: { start: number; end: number }, byStart: ReadonlyMap<number, Directive>): Directive[] {
  const out: Directive[] = [];
  let i = sentenceTextEnd(text, s);
  for (;;) {
    let breaks = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10) breaks++;
      else if (c !== 13 && !isSpace(c)) break;
      i++;
    }
    if (breaks > 1 || !text.startsWith('<!--', i)) return out;
    const d = byStart.get(i);
    if (d) {
      out.push(d);
      i = d.end;
    } else {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return out;
      i = close + 3;
    }
  }
}

/** Where a new file-level comment goes: at the top, after a BOM and a YAML front matter block. */
export function fileDirectiveOffset(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm = /^---[ \t]*\r?\n[^]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(i));
  if (fm) i += fm[0].length;
  return i;
}

// ---------------------------------------------------------------------------------------------
// The side file.

export interface ParsedSideFile {
  entries: SuppressionEntry[];
  /** Why the content could not be read (malformed JSON, wrong shape); entries are then empty. */
  error?: string;
}

function validEntry(e: unknown): SuppressionEntry | null {
  if (!e || typeof e !== 'object') return null;
  const o = e as Record<string, unknown>;
  if (typeof o.file !== 'string' || !o.file) return null;
  const text = typeof o.text === 'string' ? o.text : undefined;
  const fp = typeof o.fingerprint === 'string' && /^[0-9a-f]{16}$/.test(o.fingerprint) ? o.fingerprint : undefined;
  switch (o.scope) {
    case 'file':
      return isRuleId(o.rule) ? { scope: 'file', file: o.file, rule: o.rule } : null;
    case 'sentence':
      return isRuleId(o.rule) && fp ? { scope: 'sentence', file: o.file, rule: o.rule, fingerprint: fp, ...(text ? { text } : {}) } : null;
    case 'author':
      return fp ? { scope: 'author', file: o.file, fingerprint: fp, ...(text ? { text } : {}) } : null;
    default:
      return null;
  }
}

/** Reads a side file's content; entries that do not make sense are skipped, never guessed at. */
export function parseSideFile(content: string | null): ParsedSideFile {
  if (content === null || content.trim() === '') return { entries: [] };
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    return { entries: [], error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const list = data && typeof data === 'object' ? (data as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(list)) return { entries: [], error: 'expected an object with an "entries" array' };
  const entries: SuppressionEntry[] = [];
  for (const e of list) {
    const v = validEntry(e);
    if (v) entries.push(v);
  }
  return { entries };
}

/** Whether two entries say the same thing (the readable `text` aside). */
export function sameEntry(a: SuppressionEntry, b: SuppressionEntry): boolean {
  return a.scope === b.scope && a.file === b.file && (a.rule ?? '') === (b.rule ?? '') && (a.fingerprint ?? '') === (b.fingerprint ?? '');
}

/** The side files of the workspace folders, as the client last sent them. */
export class SuppressionStore {
  private folders = new Map<string, ParsedSideFile>();

  /** Records a folder's side file content (null: none); returns the parse error, if any. */
  update(p: SuppressionsParams): string | undefined {
    const folder = p.folder.replace(/\/+$/, '');
    if (p.removed) {
      this.folders.delete(folder);
      return undefined;
    }
    const parsed = parseSideFile(p.content);
    this.folders.set(folder, parsed);
    return parsed.error;
  }

  /** Whether any workspace folder is known (the client told us about at least one). */
  get hasFolders(): boolean {
    return this.folders.size > 0;
  }

  /** The workspace folder holding a document and the document's path relative to it, or null. */
  locate(uri: string): { folder: string; file: string } | null {
    let best: string | null = null;
    for (const folder of this.folders.keys()) {
      if (uri.startsWith(folder + '/') && (!best || folder.length > best.length)) best = folder;
    }
    if (!best) return null;
    let file = uri.slice(best.length + 1);
    try {
      file = decodeURIComponent(file);
    } catch {
      // An odd escape: keep the path as the URI spells it.
    }
    return { folder: best, file };
  }

  /** The side-file entries for one document. */
  entriesFor(uri: string): SuppressionEntry[] {
    const at = this.locate(uri);
    if (!at) return [];
    return (this.folders.get(at.folder)?.entries ?? []).filter((e) => e.file === at.file);
  }
}

// ---------------------------------------------------------------------------------------------
// Matching, per document.

export interface Suppressed {
  /** `author`: marked as the author's position; `sentence`/`file`: the rule is off there. */
  scope: 'author' | 'sentence' | 'file';
  via: 'comment' | 'side-file';
}

/** What suppresses what in one document: its comments and its side-file entries. */
export class DocumentSuppressions {
  private readonly directives: Directive[];
  private readonly byStart = new Map<number, Directive>();
  private readonly fileRules = new Set<RuleId>();
  private fileAll = false;

  constructor(
    private readonly text: string,
    private readonly entries: readonly SuppressionEntry[] = [],
  ) {
    this.directives = parseDirectives(text);
    for (const d of this.directives) {
      this.byStart.set(d.start, d);
      if (d.kind !== 'disable') continue;
      if (d.rules === null) this.fileAll = true;
      else for (const r of d.rules) this.fileRules.add(r);
    }
  }

  /** The directive comments found in the document. */
  get comments(): readonly Directive[] {
    return this.directives;
  }

  /**
   * An assertion cut at the sentence comments inside it. A comment after a full stop ends a
   * sentence, but the core may read `A. <!-- … --> B.` as one sentence, since what follows the
   * stop is not a capital letter. Each piece keeps the assertion's rule and the triggers inside it;
   * a piece without its own words is dropped. Without such a comment: the assertion itself.
   */
  split(a: Assertion): Assertion[] {
    if (this.byStart.size === 0) return [a];
    const own = sentenceTextEnd(this.text, a);
    const cuts: number[] = [];
    for (const d of this.directives) {
      if (d.kind === 'disable' || d.start <= a.start || d.end > own) continue;
      if (SENTENCE_END.test(this.text.slice(Math.max(a.start, d.start - 200), d.start).replace(/<!--[^]*?-->/g, ''))) cuts.push(d.end);
    }
    if (cuts.length === 0) return [a];
    const pieces: Assertion[] = [];
    let from = a.start;
    for (const to of [...cuts, a.end]) {
      const start = sentenceTextStart(this.text, { start: from, end: to });
      if (sentenceTextEnd(this.text, { start, end: to }) > start) {
        const triggers = a.triggers.filter((t) => t.start >= start && t.end <= to);
        pieces.push({ ...a, start, end: to, text: this.text.slice(start, to), triggers });
      }
      from = to;
    }
    return pieces;
  }

  /** The comments right after a sentence. */
  commentsAfter(s: { start: number; end: number }): Directive[] {
    return this.byStart.size === 0 ? [] : commentsAfter(this.text, s, this.byStart);
  }

  /** Why an assertion is not reported, or null if it is. */
  check(a: { start: number; end: number; text: string; rule: RuleId }): Suppressed | null {
    for (const d of this.commentsAfter(a)) {
      if (d.kind === 'author') return { scope: 'author', via: 'comment' };
      if (d.kind === 'disable-sentence' && (d.rules === null || d.rules.includes(a.rule))) return { scope: 'sentence', via: 'comment' };
    }
    if (this.fileAll || this.fileRules.has(a.rule)) return { scope: 'file', via: 'comment' };
    if (this.entries.length === 0) return null;
    let fp: string | undefined;
    for (const e of this.entries) {
      if (e.scope === 'file') {
        if (e.rule === a.rule) return { scope: 'file', via: 'side-file' };
        continue;
      }
      fp ??= fingerprint(a.text);
      if (e.fingerprint !== fp) continue;
      if (e.scope === 'author') return { scope: 'author', via: 'side-file' };
      if (e.rule === a.rule) return { scope: 'sentence', via: 'side-file' };
    }
    return null;
  }
}
