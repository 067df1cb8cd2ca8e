// The `az` package (Russian morphology on OpenCorpora dictionaries) ships no types; the generator
// uses a small part of it, typed loosely in scripts/gazetteer/inflect.ts.
declare module 'az';
