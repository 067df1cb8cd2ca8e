// Language data files as the core receives them. The production build embeds each JSON file as a
// function returning its text (scripts/build.mjs), parsed on first use by the language that needs
// it: a Russian document never materialises the English gazetteer, the server starts lighter, and
// the text itself is not kept once parsed. Run from TypeScript (tests, tsx) the same import arrives
// already parsed; a plain string (text) is parsed too.
export function dataOf<T>(imported: T | string | (() => string)): T {
  if (typeof imported === 'function') return JSON.parse((imported as () => string)()) as T;
  return typeof imported === 'string' ? (JSON.parse(imported) as T) : imported;
}
