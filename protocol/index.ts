// What the client and the server agree on, beyond LSP itself: the semantic token legend, the
// settings, and the custom requests. Imported by both sides; imports nothing from either.

import { ASSERTION_RULES, RULES, RULE_HELP_BASE, SEVERITIES, type AssertionRule, type Severity } from './rules.ts';
export { RULES, ASSERTION_RULES, SEVERITIES, RULE_HELP_BASE, type AssertionRule, type Severity } from './rules.ts';

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

// ---------------------------------------------------------------------------------------------
// Assertion diagnostics: rule ids, severities, where each rule is documented, and the commands
// their quick fixes run. The rule ids are the core's `AssertionRule` (analysis/types.ts); the
// server checks at compile time that the two lists agree.

/** The rule ids, in the order settings and docs list them; each has a page `docs/rules/<id>.md`. */
export const RULE_IDS = ASSERTION_RULES;
export type RuleId = AssertionRule;

/** A rule's severity setting; `off` publishes nothing for the rule. */
export const RULE_SEVERITIES = SEVERITIES;
export type RuleSeverity = Severity;

/** Warnings for what most needs a source (accusations, causes, vague sources); information for the rest. */
export const DEFAULT_RULE_SEVERITY = Object.fromEntries(ASSERTION_RULES.map((r) => [r, RULES[r].defaultSeverity])) as Readonly<Record<RuleId, RuleSeverity>>;

/** `Diagnostic.source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'Diplomatic Lens';

/** `Diagnostic.codeDescription.href` is this plus `<rule id>.md` (the repository's `docs/rules/`). */
export const RULE_DOCS_URL = RULE_HELP_BASE;

/** The workspace side file of suppressions (plain text cannot hold a comment), relative to a workspace folder. */
export const SUPPRESSIONS_FILE = '.diplomatic-lens/suppressions.json';

/**
 * One suppression in the side file. `file` is the document's path relative to the workspace
 * folder, with `/` separators. `sentence` suppresses `rule` for one sentence, `author` marks a
 * sentence as the author's own position (no rule applies to it), both keyed by the sentence's
 * fingerprint (`server/suppressions.ts`), so they survive edits elsewhere in the file; `file`
 * suppresses `rule` in the whole file. `text` is the sentence as written, for a reader of the file.
 */
export interface SuppressionEntry {
  scope: 'sentence' | 'author' | 'file';
  file: string;
  rule?: RuleId;
  fingerprint?: string;
  text?: string;
}

/** The side file's shape. */
export interface SuppressionFile {
  version: 1;
  entries: SuppressionEntry[];
}

/**
 * Client → server: the content of a workspace folder's side file, sent for every folder when the
 * client starts (also in `initializationOptions.suppressions`) and whenever the file changes.
 * `content` is null where the folder has no side file; `removed` says the folder left the workspace.
 * The client reads and writes the file; the server only parses it (it has no file system access).
 */
export const SUPPRESSIONS_NOTIFICATION = 'diplomaticLens/suppressions';
export interface SuppressionsParams {
  /** The workspace folder's URI as the client spells it. */
  folder: string;
  content: string | null;
  removed?: boolean;
}

/**
 * Client command a quick fix runs to add an entry to a folder's side file (creating it if needed).
 * Registered by the VS Code extension; the server offers the action only to a client that lists it
 * in `initializationOptions.clientCommands`. Arguments: one `AddSuppressionArgs`.
 */
export const ADD_SUPPRESSION_COMMAND = 'diplomaticLens.addSuppression';
export interface AddSuppressionArgs {
  folder: string;
  entry: SuppressionEntry;
}

/**
 * Client command a quick fix runs to turn a rule off in the workspace settings:
 * `diplomaticLens.rules.<id>: "off"`. Argument: the rule id. Offered like `ADD_SUPPRESSION_COMMAND`.
 */
export const DISABLE_RULE_COMMAND = 'diplomaticLens.disableRuleInWorkspace';

/** What the client may pass as `initializationOptions`: settings, and the commands it runs itself. */
export type InitializationOptions = Partial<Settings> & { clientCommands?: string[]; suppressions?: SuppressionsParams[] };

export interface Settings {
  enable: boolean;
  /** `auto` detects per file. */
  language: 'auto' | 'ru' | 'en';
  /** Documents longer than this many characters are analysed only up to about this size (a message and a diagnostic say so). */
  maxFileSize: number;
  /** `diplomaticLens.inlayHints.enable`: name the source after a quote or claim whose source is not next to it. */
  inlayHints: { enable: boolean };
  /** `diplomaticLens.claims.decorateContent`: a faint underline under claim contents (drawn by the client). */
  claims: { decorateContent: boolean };
  /** `diplomaticLens.rules.<rule id>`: the severity of each assertion diagnostic; `off` hides it. */
  rules: Partial<Record<RuleId, RuleSeverity>>;
  /** `diplomaticLens.diagnostics.debounceMs`: wait this long after typing stops before publishing diagnostics. */
  diagnostics: { debounceMs: number };
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  language: 'auto',
  maxFileSize: 1_000_000,
  inlayHints: { enable: true },
  claims: { decorateContent: true },
  rules: { ...DEFAULT_RULE_SEVERITY },
  diagnostics: { debounceMs: 300 },
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

/**
 * Notification from the server when a document is skipped (binary, analysis failed) or, when it is
 * larger than `maxFileSize`, analysed only up to that size; the client shows it once.
 */
export const SKIPPED_NOTIFICATION = 'diplomaticLens/skipped';
export interface SkippedParams {
  uri: string;
  reason: string;
  /** Set when the start of the document was analysed: the offset where analysis stopped. */
  analysedUpTo?: number;
}

/** Code of the information diagnostic that marks where analysis of a too-large document stops. */
export const MAX_FILE_SIZE_CODE = 'max-file-size';

/**
 * `diplomaticLens/stats` (no params): what the server has done since it started, for benchmarks
 * and tests (which path served tokens, how often the client was asked to refresh).
 */
export const STATS_REQUEST = 'diplomaticLens/stats';
export interface ServerStats {
  /** Full analyses computed. */
  fullAnalyses: number;
  /** Semantic token answers served from a provisional splice (analysis/incremental.ts). */
  provisionalTokens: number;
  /** Token refreshes asked of the client because the full analysis changed provisional tokens. */
  tokenRefreshes: number;
  /** Wall time of the last full analysis, in milliseconds. */
  lastFullAnalysisMs: number;
  /** Time spent answering each of the last (up to 256) semantic token requests, in milliseconds. */
  recentTokenMs: number[];
  /** Full garbage collections run after answering tokens spliced after a keystroke into a large document (over 200,000 characters). */
  collectionsAfterTokens: number;
}

/**
 * Node options the extension starts the server with: a small young generation (1 MiB semi-spaces
 * instead of up to 16) and a slower-growing old generation (20% per collection) keep its peak
 * resident memory on a 1 MB document about 40 MiB lower, at no measured cost in typing latency
 * (`npm run bench` starts the server the same way). 1 MiB rather than 2: the 1 MB peak about
 * 5 MiB lower and a 50 kB document's server 3 MiB smaller, for full analyses about 10% slower
 * (they run after the diagnostics' debounce, not on a keystroke's tokens).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1', '--heap-growing-percent=20'];

/**
 * The V8 option the CLI sets on itself at start-up (v8.setFlagsFromString): functions run about
 * fifteen times longer (interrupt budget 1,000,000 instead of 67,584) before the optimising
 * compiler takes them. Code optimised early, on the first file's analysis, met other shapes
 * afterwards and was thrown away and compiled again; optimised later, on better feedback, it is
 * compiled once. The CLI over 320 small files went from 1,600 to 1,350 ms (eight 1 MB files: about
 * 3% slower).
 */
export const LATE_OPTIMISATION = '--interrupt-budget=1000000';

/**
 * The V8 option the server sets on itself at start-up (so it holds whoever starts it: Neovim too):
 * no optimising compiler. A server's work after a keystroke is small and new each time: there
 * TurboFan's compiling (and throwing away) cost more than it saved, and its code and its own pages
 * of Node's binary about 9 MiB of memory. Interpreted and baseline-compiled, in `npm run bench`:
 * keystroke → tokens p95 on 50 kB 5.9 → 3.4 ms, the 1 MB session peak 91 → 83 MiB, a 50 kB
 * document's server 64.5 → 61 MiB; a full analysis takes about 1.3–1.5 times as long (diagnostics
 * after the debounce on 50 kB: 17 → 25 ms; opening 1 MB: 0.84 → 1.07 s). The CLI, whose work is
 * whole files, keeps the optimising compiler (LATE_OPTIMISATION).
 */
export const SERVER_V8_FLAGS = '--no-opt';

/**
 * Environment the extension adds for the server: glibc's allocator with two arenas that returns
 * freed memory to the system (regex compilation and parsing leave much of it behind otherwise):
 * about 17 MiB less at the peak on Linux, no measured cost in speed; ignored elsewhere.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };
