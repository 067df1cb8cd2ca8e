// The analysis entry point: text in, typed Analysis out. Pure: no I/O, no LSP, no VS Code.
import { buildDocument } from './document.ts';
import { detectLanguage } from './language.ts';
import { lexicon } from './lexicon.ts';
import { findQuoteCandidates } from './quotes.ts';
import { buildSpeakerContext, resolveSpeakers } from './speakers.ts';
import { findEntities } from './entities/index.ts';
import { tokenize } from './tokens.ts';
import { span, type Analysis, type AnalyzeOptions, type Claim, type Quote } from './types.ts';

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const language = !options.language || options.language === 'auto' ? detectLanguage(text) : options.language;
  const lex = lexicon(language);
  const doc = buildDocument(text, options.markdown);
  const candidates = findQuoteCandidates(doc, lex);
  const tokens = tokenize(text);
  const { entities, aliases, titles } = findEntities(text, language, tokens);
  const ctx = buildSpeakerContext(doc, lex, candidates, tokens, entities, titles);
  const speakers = resolveSpeakers(ctx, candidates);
  const quotes: Quote[] = candidates.map((c, i) => ({
    ...span(text, c.start, c.end),
    speaker: speakers[i],
    content: span(text, c.contentStart, c.contentEnd),
    form: c.form,
    group: c.group,
  }));
  // A direct quote with a speaker is a claim: the quote is its content, the speaker its source.
  const claims: Claim[] = [];
  for (const q of quotes) {
    const sp = q.speaker;
    if (!sp?.cue || sp.pronoun === sp || (sp.pronoun && sp.start === sp.pronoun.start)) continue;
    claims.push({ cue: sp.cue, source: span(text, sp.start, sp.end), content: span(text, q.start, q.end) });
  }
  return { language, entities, aliases, quotes, claims, assertions: [] };
}
