// Language data files as the core receives them. The production build embeds each JSON file as
// text (scripts/build.mjs), parsed on first use by the language that needs it: a Russian document
// never materialises the English gazetteer, and the server starts lighter. Run from TypeScript
// (tests, tsx) the same import arrives already parsed.
export function dataOf<T>(imported: T | string): T {
  return typeof imported === 'string' ? (JSON.parse(imported) as T) : imported;
}
