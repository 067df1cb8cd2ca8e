// The assertion rules as reporters show them: a stable name, a one-line and a longer description,
// and the default severity. Plain data for the CLI (text findings, SARIF rule metadata, --fail-on)
// and any other reporter (server diagnostics, docs). Imports nothing: the rule ids repeat the core's
// `AssertionRule` union (analysis/types.ts); cli/format.ts checks at compile time that they agree.
// Each rule has a documentation page, docs/rules/<id>.md, linked as its help URI.

/** The rule ids, in the order reporters list them (a SARIF rule's `ruleIndex` is its position here). */
export const ASSERTION_RULES = [
  'unattributed-accusation',
  'unattributed-causation',
  'unattributed-evaluation',
  'unattributed-figure',
  'unattributed-prediction',
  'vague-source',
] as const;
export type AssertionRule = (typeof ASSERTION_RULES)[number];

/** Severities from the least to the most severe; `off` reports nothing. The names are LSP's. */
export const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface RuleInfo {
  /** A stable identifier-like name (SARIF `reportingDescriptor.name`). */
  name: string;
  /** One line: what the rule reports; also the start of each finding's message. */
  short: string;
  /** A paragraph: what the rule reports, why it matters and what makes it go away. */
  full: string;
  defaultSeverity: Severity;
}

/** Where the rule pages live: `${RULE_HELP_BASE}${id}.md`. */
export const RULE_HELP_BASE = 'https://github.com/diplomatic-lens/diplomatic-lens/blob/main/docs/rules/';

export const RULES: Record<AssertionRule, RuleInfo> = {
  'unattributed-accusation': {
    name: 'UnattributedAccusation',
    short: 'Accusation without a source',
    full:
      'A sentence accuses someone (of aggression, a provocation, a crime, lying, a violation) and the text names no one who makes the accusation. ' +
      'Attribute it ("X said that …", "according to X, …") or quote the accuser.',
    defaultSeverity: 'warning',
  },
  'unattributed-causation': {
    name: 'UnattributedCausation',
    short: 'Causal claim without a source',
    full:
      'A sentence says that one thing caused or led to another ("led to", "because of", "привело к") and the text names no one who makes that claim. ' +
      'Causes are contestable: attribute the claim or show the evidence.',
    defaultSeverity: 'warning',
  },
  'unattributed-evaluation': {
    name: 'UnattributedEvaluation',
    short: 'Evaluation without a source',
    full:
      'A sentence judges an action or a party ("unacceptable", "reckless", "провал") and the text names no one whose judgement it is. ' +
      'In a statement the judgement is the author\'s own; in a report it should be attributed.',
    defaultSeverity: 'information',
  },
  'unattributed-figure': {
    name: 'UnattributedFigure',
    short: 'Figure without a source',
    full:
      'A sentence gives a number (casualties, amounts, percentages, counts) and the text does not say where it comes from. ' +
      'Name the source of the figure.',
    defaultSeverity: 'information',
  },
  'unattributed-prediction': {
    name: 'UnattributedPrediction',
    short: 'Prediction without a source',
    full:
      'A sentence says what will or is likely to happen ("will", "is likely to", "станет") and the text names no one who predicts it. ' +
      'Attribute the forecast.',
    defaultSeverity: 'information',
  },
  'vague-source': {
    name: 'VagueSource',
    short: 'Vague source',
    full:
      'A sentence attributes a statement to a source the reader cannot identify or check ("sources say", "officials believe", "it is reported that", "как сообщается", "по некоторым данным"). ' +
      'Name the source, or say why it cannot be named.',
    defaultSeverity: 'warning',
  },
};
