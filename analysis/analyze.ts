// The analysis entry point: text in, typed Analysis out. Pure: no I/O, no LSP, no VS Code.
import { buildDocument } from './document.ts';
import { detectLanguage } from './language.ts';
import { lexicon } from './lexicon.ts';
import { findQuoteCandidates } from './quotes.ts';
import { buildSpeakerContext, resolveSpeakers, sentencesIn } from './speakers.ts';
import { findEntities } from './entities/index.ts';
import { findClaims } from './claims.ts';
import { findAssertions } from './assertions.ts';
import { tokenizeParagraphs } from './tokens.ts';
import { MEMO_CHARS, withoutMemos } from './memo.ts';
import { span, type Analysis, type AnalyzeOptions, type Quote } from './types.ts';

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return text.length > MEMO_CHARS || options.memos === false ? withoutMemos(() => analyzeText(text, options)) : analyzeText(text, options);
}

function analyzeText(text: string, options: AnalyzeOptions): Analysis {
  const language = !options.language || options.language === 'auto' ? detectLanguage(text) : options.language;
  const lex = lexicon(language);
  const doc = buildDocument(text, options.markdown);
  const candidates = findQuoteCandidates(doc, lex);
  const { paragraphs, tokens } = tokenizeParagraphs(text);
  const { entities, aliases, titles } = findEntities(text, language, tokens, options.knownPersons, paragraphs);
  const ctx = buildSpeakerContext(doc, lex, candidates, tokens, entities, titles);
  const speakers = resolveSpeakers(ctx, candidates);
  ctx.quoteSpeakers = speakers.filter((x): x is NonNullable<typeof x> => x !== null);
  // (Written out, not spread from span(): see withProps in types.ts.)
  const quotes: Quote[] = candidates.map((c, i) => ({
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    speaker: speakers[i],
    content: span(text, c.contentStart, c.contentEnd),
    form: c.form,
    group: c.group,
  }));
  const claims = findClaims(ctx, quotes, entities, aliases);
  const assertions = options.highlightingOnly ? [] : findAssertions(doc, language, claims, quotes, entities, (b) => sentencesIn(ctx, b));
  return { language, entities, aliases, quotes, claims, assertions };
}
