// One analysis per open document version, computed on first need and dropped on change, so
// tokens and hovers always describe the text the editor shows. Bad input (binary, too large) is
// skipped with a reason instead of analysed.
//
// Two kinds of entry. A full analysis (`get`) is what hovers, diagnostics, code actions and the
// outline use. For semantic tokens after a keystroke, `forTokens` may instead splice the previous
// analysis with a fresh analysis of the edited paragraphs (analysis/incremental.ts): a provisional
// entry, in time that does not grow with the document. The server replaces it with the full
// analysis when typing settles and asks the client to refresh its tokens if they changed.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, splice, type Analysis } from '../analysis/index.ts';
import type { Settings } from '../protocol/index.ts';

export interface Entry {
  /** Tells this entry's analysis from every other one (what the server's token encodings refer to). */
  id: number;
  version: number;
  analysis: Analysis | null;
  skipped?: string;
  /** Spliced from an older analysis: right for highlighting, to be replaced by the full one. */
  provisional?: boolean;
  /** The text analysed (kept as the base for the next splice). */
  text?: string;
  /** A document over maxFileSize: only [0, analysedUpTo) was analysed. */
  analysedUpTo?: number;
  /**
   * For a provisional entry: the id of the entry it was spliced from, and the paragraphs analysed
   * again. (An id, not the analysis: nothing keeps a superseded analysis alive.)
   */
  splice?: { baseId: number; core: [number, number] };
}

let nextId = 1;

/** An entry for the document's current version, with an id of its own. */
function newEntry(doc: TextDocument, fields: Omit<Entry, 'id' | 'version'>): Entry {
  return { id: nextId++, version: doc.version, ...fields };
}

/**
 * Where to stop in a document longer than `max` characters: at the last paragraph break before
 * `max` (so no sentence is cut), or at the last line break, or at `max` itself.
 */
export function cutPoint(text: string, max: number): number {
  // (A CRLF line break is cut before its CR.)
  const beforeCr = (i: number) => (text.charCodeAt(i - 1) === 13 ? i - 1 : i);
  let line = -1;
  for (let i = max - 1; i > max / 2; i--) {
    if (text.charCodeAt(i) !== 10) continue;
    if (line < 0) line = beforeCr(i);
    let j = i - 1;
    while (j > 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j--;
    if (text.charCodeAt(j) === 10) return beforeCr(j);
  }
  if (line > 0) return line;
  // Never between the two halves of a surrogate pair.
  const c = text.charCodeAt(max - 1);
  return c >= 0xd800 && c <= 0xdbff ? max - 1 : max;
}

/** A text this long (in characters) is analysed between two garbage collections (see `Analyses`). */
export const LARGE_TEXT = 200_000;

export class Analyses {
  private cache = new Map<string, Entry>();
  /** Counters for the stats request. */
  readonly stats = { fullAnalyses: 0, provisional: 0, lastFullAnalysisMs: 0 };

  /**
   * `aroundLarge` runs before and after the full analysis of a text over LARGE_TEXT characters (the
   * server collects its garbage there). Before: the message that brought the text and the previous
   * analysis would otherwise still take room while the analysis grows to its peak. After: the
   * analysis's working memory would otherwise still take room while its tokens and diagnostics are
   * made (on 1 MB, that is where the server's memory peaked: 3 MB higher than with it collected).
   */
  constructor(
    private settings: () => Settings,
    private readonly aroundLarge: (when: 'before' | 'after') => void = () => {},
  ) {}

  /** The full analysis of the document's current version. */
  get(doc: TextDocument): Entry {
    // (No variable holds the entry this one replaces, and the cache lets it go first: it is garbage
    // while the new one is computed.)
    const hit = this.fullFor(doc);
    if (hit) return hit;
    this.cache.delete(doc.uri);
    const entry = this.compute(doc);
    this.cache.set(doc.uri, entry);
    return entry;
  }

  /** The cached full analysis of the document's current version, if there is one. */
  private fullFor(doc: TextDocument): Entry | undefined {
    const hit = this.cache.get(doc.uri);
    return hit && hit.version === doc.version && !hit.provisional ? hit : undefined;
  }

  /** An analysis good for highlighting the current version: the full one if at hand, else a splice when the edit allows. */
  forTokens(doc: TextDocument, allowProvisional: boolean): Entry {
    // (The cached entry is looked at in `current`, so that no variable here still holds the
    // previous analysis while `get` computes the next one: it is garbage by then.)
    return this.current(doc, allowProvisional) ?? this.get(doc);
  }

  /** The cached entry if it is for this version, else a splice of it when the edit allows. */
  private current(doc: TextDocument, allowProvisional: boolean): Entry | undefined {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    if (allowProvisional && hit?.analysis && hit.text !== undefined) {
      const text = doc.getText();
      if (text.length <= this.settings().maxFileSize) {
        try {
          const s = splice({ text: hit.text, analysis: hit.analysis }, text, this.options(doc));
          if (s) {
            const spliced = newEntry(doc, { analysis: s.analysis, provisional: true, text, splice: { baseId: hit.id, core: s.core } });
            this.cache.set(doc.uri, spliced);
            this.stats.provisional++;
            return spliced;
          }
        } catch {
          // fall through to the full analysis
        }
      }
    }
    return undefined;
  }

  drop(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  private options(doc: TextDocument) {
    return { language: this.settings().language, markdown: doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri) };
  }

  private compute(doc: TextDocument): Entry {
    const s = this.settings();
    const text = doc.getText();
    if (!s.enable) return newEntry(doc, { analysis: null });
    if (text.slice(0, 8000).includes('\u0000')) return newEntry(doc, { analysis: null, skipped: 'the file looks binary (it contains NUL characters)' });
    try {
      const t0 = performance.now();
      if (text.length > s.maxFileSize) {
        // Too large to analyse on every change: the start of it is analysed, and the rest is left plain.
        const cut = cutPoint(text, s.maxFileSize);
        const analysis = analyze(text.slice(0, cut), this.options(doc));
        this.stats.fullAnalyses++;
        this.stats.lastFullAnalysisMs = performance.now() - t0;
        const reason = `only its first ${cut.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters are analysed (diplomaticLens.maxFileSize is ${s.maxFileSize.toLocaleString('en-US')})`;
        return newEntry(doc, { analysis, analysedUpTo: cut, skipped: reason });
      }
      if (text.length > LARGE_TEXT) this.aroundLarge('before');
      const analysis = analyze(text, this.options(doc));
      this.stats.fullAnalyses++;
      this.stats.lastFullAnalysisMs = performance.now() - t0;
      if (text.length > LARGE_TEXT) this.aroundLarge('after');
      return newEntry(doc, { analysis, text });
    } catch (e) {
      // The server never crashes on a document: report and skip it.
      return newEntry(doc, { analysis: null, skipped: `analysis failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
}
