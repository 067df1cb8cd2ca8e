// What the client and the server agree on, beyond LSP itself: the semantic token legend, the
// settings, and the custom requests. Imported by both sides; imports nothing from either.

/**
 * Semantic token types, one per annotation kind the product shows. The order is the legend's:
 * a token's type index is its position here. Colours come from `semanticTokenScopes` in package.json.
 */
export const TOKEN_TYPES = [
  'dlPerson',
  'dlOrganization',
  'dlCountry',
  'dlPlace',
  'dlDate',
  'dlDemonym',
  'dlQuote',
  'dlSpeaker',
  'dlClaimSource',
  'dlClaimCue',
  'dlClaimContent',
] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

/** Modifiers: `unattributed` (a quote whose speaker the text does not name), `pronoun` (speaker reached through a pronoun). */
export const TOKEN_MODIFIERS = ['unattributed', 'pronoun', 'block'] as const;
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const CONFIG_SECTION = 'diplomaticLens';

export interface Settings {
  enable: boolean;
  /** `auto` detects per file. */
  language: 'auto' | 'ru' | 'en';
  /** Files larger than this many characters are not analysed (a message says so). */
  maxFileSize: number;
  /** `diplomaticLens.inlayHints.enable`: name the source after a quote or claim whose source is not next to it. */
  inlayHints: { enable: boolean };
  /** `diplomaticLens.claims.decorateContent`: a faint underline under claim contents (drawn by the client). */
  claims: { decorateContent: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  language: 'auto',
  maxFileSize: 2_000_000,
  inlayHints: { enable: true },
  claims: { decorateContent: true },
};

/** Custom request: the quotes of a document, for the "Go to Quotation" picker. */
export const QUOTES_REQUEST = 'diplomaticLens/quotes';
export interface QuotesParams {
  uri: string;
}
export interface QuoteItem {
  /** LSP range of the quote. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  speaker: string | null;
  speakerRange: QuoteItem['range'] | null;
}

/**
 * Custom request: the ranges of claim contents in a document (overlapping ones merged; not direct
 * quotes, whose quote tokens show them), for the client's content decoration: a semantic token
 * cannot show a span that holds other tokens.
 */
export const CLAIM_CONTENTS_REQUEST = 'diplomaticLens/claimContents';
export interface ClaimContentsParams {
  uri: string;
}
export type ClaimContentsResult = Array<QuoteItem['range']>;

/** Notification from the server when a document is skipped (too large, binary); the client shows it once. */
export const SKIPPED_NOTIFICATION = 'diplomaticLens/skipped';
export interface SkippedParams {
  uri: string;
  reason: string;
}
