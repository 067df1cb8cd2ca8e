// One analysis per open document version, computed on first need and dropped on change, so
// tokens and hovers always describe the text the editor shows. Bad input (binary, too large) is
// skipped with a reason instead of analysed.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../analysis/index.ts';
import type { Settings } from '../protocol/index.ts';

export interface Entry {
  version: number;
  analysis: Analysis | null;
  skipped?: string;
}

export class Analyses {
  private cache = new Map<string, Entry>();

  constructor(private settings: () => Settings) {}

  get(doc: TextDocument): Entry {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const entry = this.compute(doc);
    this.cache.set(doc.uri, entry);
    return entry;
  }

  drop(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  private compute(doc: TextDocument): Entry {
    const s = this.settings();
    const text = doc.getText();
    if (!s.enable) return { version: doc.version, analysis: null };
    if (text.length > s.maxFileSize) {
      return { version: doc.version, analysis: null, skipped: `the file has ${text.length} characters, more than diplomaticLens.maxFileSize (${s.maxFileSize})` };
    }
    if (text.slice(0, 8000).includes('\u0000')) return { version: doc.version, analysis: null, skipped: 'the file looks binary (it contains NUL characters)' };
    const markdown = doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
    try {
      return { version: doc.version, analysis: analyze(text, { language: s.language, markdown }) };
    } catch (e) {
      // The server never crashes on a document: report and skip it.
      return { version: doc.version, analysis: null, skipped: `analysis failed: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
}
