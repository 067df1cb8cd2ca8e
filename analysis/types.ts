// The typed result of analysing one document. Every offset is a UTF-16 code unit index into the
// text exactly as given (BOM included, CRLF untouched), `end` exclusive, as LSP and JavaScript use.
// The JSON shape is the one in the annotation guide; extra fields are additions a consumer may ignore.

export type Language = 'ru' | 'en';

export interface Span {
  start: number;
  end: number;
  /** Always `source.slice(start, end)`. */
  text: string;
}

export type EntityType = 'person' | 'organization' | 'country' | 'place' | 'date' | 'demonym';

export interface Entity extends Span {
  type: EntityType;
  /** Mentions of one referent in a document share an id. */
  id: string;
  /** The referent's usual name (Россия, Сергей Лавров), in the nominative where the data has it. */
  canonical?: string;
  /** The official or full name where the data knows it (Российская Федерация). */
  official?: string;
  /** A short description where the data has one (President of Russia). */
  description?: string;
}

/** How a quote's speaker was found; shown in hovers so the reader can judge it. */
export type SpeakerVia =
  | 'cue-after' // «…», — сказал Рябков / "…," Babiker said
  | 'cue-before' // Рябков заявил: «…» / X said the closure would last "…"
  | 'according-to' // По словам X, «…» / According to X, "…"
  | 'dash-line' // a block quote followed by «— Name, Title»
  | 'preceding-colon' // X said:\n\n"…"
  | 'continuation' // the next piece of an interrupted quote, or a quote right after X's quote
  | 'pronoun'; // сказал он / he said → the nearest earlier named person

export interface Speaker extends Span {
  via: SpeakerVia;
  /** The cue word(s) that attribute the quote, where the text has one. */
  cue?: Span;
  /** For a pronoun: the pronoun itself (the speaker span is the resolved name). */
  pronoun?: Span;
}

export interface Quote extends Span {
  /** Who said it: a span of the text, or null where the text names nobody. */
  speaker: Speaker | null;
  /** The reproduced words without the quote marks or `> ` markers. */
  content: Span;
  /** `inline` for a span in quote marks, `block` for a paragraph that is wholly a quotation. */
  form: 'inline' | 'block';
  /** Index of the group of pieces of one interrupted quote («A, — сказал он. — B» gives two pieces). */
  group: number;
}

/**
 * A phrase that is not a name but that the text ties to a named entity: a title standing for a
 * person it introduced ("замглавы МИД" after "замглавы МИД России Михаил Галузин"). Shown in hovers,
 * highlights and references; not an entity mention in the annotation guide's sense.
 */
export interface Alias extends Span {
  id: string;
}

export type ClaimKind =
  | 'quote' // a direct quote with its speaker («…», — сказал Рябков)
  | 'reported' // a reporting verb and its clause or object (X said that …; Галузин отметил, что …)
  | 'according-to' // По словам X, … / According to X, …
  | 'preamble' // a heading or line naming the author of what follows (Заявление МИД России; The following is attributable to …)
  | 'turn'; // a transcript answer turn (М.В.Захарова: …)

export interface Claim {
  cue: Span;
  source: Span | null;
  content: Span;
  kind?: ClaimKind;
  /** Index (in `Analysis.claims`) of the claim whose content holds this one (nested claims). */
  parent?: number;
  /** The entity id of the source, where the source names an entity. */
  sourceId?: string;
}

export type AssertionKind = 'unattributed' | 'vague-source';

/** Rule ids of the assertion diagnostics; each has a page docs/rules/<id>.md. */
export type AssertionRule =
  | 'unattributed-accusation'
  | 'unattributed-causation'
  | 'unattributed-evaluation'
  | 'unattributed-figure'
  | 'unattributed-prediction'
  | 'vague-source';

export interface Assertion extends Span {
  kind: AssertionKind;
  rule: AssertionRule;
  /** The words that made the sentence an assertion (shown in the message). */
  triggers: Span[];
}

export interface Analysis {
  language: Language;
  entities: Entity[];
  /** Title phrases tied to a named entity (absent where the analysis found none). */
  aliases?: Alias[];
  quotes: Quote[];
  claims: Claim[];
  assertions: Assertion[];
}

export interface AnalyzeOptions {
  /** `auto` (default) detects the language from the text. */
  language?: Language | 'auto';
  /** Treat the text as Markdown (`>` block quotes, code spans, link targets). Default: detect from content. */
  markdown?: boolean;
  /**
   * People known from outside the text, by surname (the incremental path passes those of the rest
   * of the document when it analyses a few paragraphs): their surname alone is a mention of them.
   */
  knownPersons?: KnownSurname[];
  /**
   * Only what highlighting shows: the assertions stage is skipped and `assertions` is empty. For a
   * provisional analysis right after a keystroke (incremental.ts); diagnostics always come from a
   * full analysis.
   */
  highlightingOnly?: boolean;
  /**
   * Whether the memos of the local stages serve and keep results (default true). They pay off
   * when a text is analysed again after an edit; a one-shot analysis (the CLI reading a batch of
   * files once each) only pays for their look-ups: false runs without them. Same result either way.
   */
  memos?: boolean;
}

export interface KnownSurname {
  surname: string;
  id: string;
  canonical: string;
}

export function span(source: string, start: number, end: number): Span {
  return { start, end, text: source.slice(start, end) };
}

/**
 * `{ ...s, ...more }`: the same properties in the same order. Written as a spread followed by new
 * properties (`{ ...s, via }`), Node 20's V8 gives every such object a hidden class of its own:
 * about 250 bytes each (1.5 MB over a 1 MB text) and megamorphic reads of them everywhere after.
 * Object.assign onto a fresh object shares one hidden class among all objects of the same keys.
 * (A spread that only overrides properties it copies, `{ ...x, start }`, is not affected.)
 */
export function withProps<S extends object, M extends object>(s: S, more: M): S & M {
  return Object.assign({}, s, more);
}
