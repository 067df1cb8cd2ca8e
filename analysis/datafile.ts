// Language data files as the core receives them. The Node bundles turn each JSON import into a
// function returning the file's text, read from the data directory next to the bundle
// (scripts/build.mjs); it is parsed on first use by the language that needs it: a Russian document
// never materialises the English gazetteer, and the text is not kept once parsed (nor is it part of
// the bundle's source, which V8 keeps in memory). The core itself reads no file: a build for the
// browser can pass the text embedded. Run from TypeScript (tests, tsx) the same import arrives
// already parsed; a plain string (text) is parsed too.
export function dataOf<T>(imported: T | string | (() => string)): T {
  if (typeof imported === 'function') return JSON.parse((imported as () => string)()) as T;
  return typeof imported === 'string' ? (JSON.parse(imported) as T) : imported;
}
