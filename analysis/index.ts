// Public surface of the analysis core. Everything here runs in Node and in a browser.
export { analyze } from './analyze.ts';
export { detectLanguage } from './language.ts';
export { buildDocument, splitLines } from './document.ts';
export * from './types.ts';
export { toJson } from './json.ts';
export { genitiveRu, inflectPersonRu } from './inflect.ts';
export { clearMemos, memoStats } from './memo.ts';
export { reanalyze, splice, type Previous, type Splice } from './incremental.ts';
export { firstAtLeast } from './ranges.ts';
