// Generates analysis/data/ru/gazetteer.json and analysis/data/en/gazetteer.json from the hand-written
// sources in scripts/gazetteer/sources/, with every Russian case form made by the `az` morphology
// library (a devDependency: generation time only, never bundled).
//
//   node --import tsx scripts/gazetteer/generate.ts            write both files and print a summary
//   node --import tsx scripts/gazetteer/generate.ts --review   also list every inflected name whose
//                                                              words the dictionary only guessed
//   node --import tsx scripts/gazetteer/generate.ts --check    exit 1 if the files would change
//
// Layout of a data file: { entries: [[id, type, canonical, official, of, head, gen, forms]], composed }
//   type     c country, p place, o organisation, d demonym
//   head     '' | 'h' (a body that names its country, alone too) | 'H' (never alone) | 'o' (a national
//            body that may carry its own country), optionally ':<id>' for the composed id's prefix
//   gen      (ru) the canonical name in the genitive, for composed names (МИД + России)
//   forms    surface forms joined by '|', each with flag characters in front:
//            = abbreviation (exact case)  ^ genitive (ru)  ~ takes `the`  ? not sentence-initial
//            ! not on a capitals-only line  _ lower-case start allowed  @ only right after `the`
//   composed <head id>-<country id> → the id of the body it is (mfa-usa → us-state-department)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initMorphology, inflectName, adjectiveForms, wordSource, CASES, type CaseForms } from './inflect.ts';
import type { EntityType, HeadKind, SourceEntry } from './sources/schema.ts';
import { COMPOSED } from './sources/organizations.ts';
import { sourceEntries, parseNames, type Name } from './entries.ts';
import { FORMS, LIKE, EXTRA } from './sources/overrides.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Set(process.argv.slice(2));

const QUOTES = /[«»"“”„]/g;
const isAbbreviation = (s: string) => !/\p{Ll}/u.test(s) && /\p{Lu}/u.test(s) && (s.replace(/[^\p{L}]/gu, '').length >= 2 || /\d/.test(s));
const hasLatin = (s: string) => /[a-z]/i.test(s);
const yo = (s: string) => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');

interface Built {
  id: string;
  type: EntityType;
  canonical: string;
  official: string;
  of: string;
  head: string;
  gen: string;
  forms: Map<string, string>; // form → flags
  source: SourceEntry;
}

function addForm(forms: Map<string, string>, form: string, flags: string): void {
  const f = form.replace(QUOTES, '').replace(/\s+/g, ' ').trim();
  if (!f) return;
  const old = forms.get(f);
  if (old === undefined) forms.set(f, flags);
  else forms.set(f, [...new Set((old + flags).split(''))].join(''));
}

function flagsOf(n: Name, type: EntityType, exact: boolean): string {
  let f = '';
  if (exact) f += '=';
  if (n.the && type !== 'organization') f += '~';
  if (n.risky) f += '?';
  if (n.guard) f += '!';
  if (n.lower || type === 'demonym') f += '_';
  if (n.needThe && type === 'organization') f += '@';
  return f;
}

const review: string[] = [];

function ruCases(name: Name): CaseForms {
  const text = name.text;
  if (FORMS[text]) {
    const parts = FORMS[text].split('|');
    const out = {} as CaseForms;
    CASES.forEach((c, i) => (out[c] = (parts[i] ?? parts[0]).split('/')));
    return out;
  }
  const indecl = name.indeclinable || hasLatin(text);
  const forms = inflectName(text, { indeclinable: indecl, like: LIKE });
  if (!indecl && !isAbbreviation(text)) {
    const guessed = text.split(/[ ]/).filter((w) => /^\p{Lu}/u.test(w) && wordSource(w) !== 'Dictionary');
    if (guessed.length || forms.gent[0] === forms.nomn[0]) review.push(`${text} [${guessed.join(', ') || 'unchanged'}] → ${CASES.map((c) => forms[c].join('/')).join(' | ')}`);
  }
  return forms;
}

function buildRu(src: SourceEntry): Built {
  const names = parseNames(src.ru);
  const b = newBuilt(src, names);
  if (src.type === 'demonym') {
    for (const n of names) {
      if (n.canonicalOnly) continue;
      for (const f of adjectiveForms(n.text)) addForm(b.forms, yo(f), '_');
    }
    return b;
  }
  for (const n of names) {
    if (n.canonicalOnly) continue;
    const exact = isAbbreviation(n.text);
    const base = flagsOf(n, src.type, exact);
    if (exact) {
      addForm(b.forms, n.text, base + '^');
      continue;
    }
    const cases = ruCases(n);
    for (const c of CASES) for (const f of cases[c]) addForm(b.forms, yo(f), base + (c === 'gent' ? '^' : ''));
    for (const f of EXTRA[n.text] ?? []) addForm(b.forms, yo(f), base);
  }
  const canon = names[0];
  b.gen = canon.canonicalOnly || isAbbreviation(canon.text) ? canon.text : (ruCases(canon).gent[0] ?? canon.text);
  b.gen = yo(b.gen).replace(QUOTES, '');
  return b;
}

function buildEn(src: SourceEntry): Built {
  const names = parseNames(src.en);
  const b = newBuilt(src, names);
  for (const n of names) {
    if (n.canonicalOnly) continue;
    const exact = isAbbreviation(n.text);
    addForm(b.forms, n.text, flagsOf(n, src.type, exact));
  }
  return b;
}

function newBuilt(src: SourceEntry, names: Name[]): Built {
  const display = (n: Name | undefined) => (n ? (n.the && src.type !== 'organization' ? `the ${n.text}` : n.text) : '');
  const headCode: Record<HeadKind, string> = { head: 'h', 'head-only': 'H', own: 'o' };
  let head = src.head ? headCode[src.head] : '';
  if (src.id === 'unsc') head += ':security-council';
  return {
    id: src.id,
    type: src.type,
    canonical: display(names[0]),
    official: display(names.find((n) => n.official)),
    of: src.of ?? '',
    head,
    gen: '',
    forms: new Map(),
    source: src,
  };
}

const TYPE_CODE: Record<EntityType, string> = { country: 'c', place: 'p', organization: 'o', demonym: 'd' };

function serialise(language: 'ru' | 'en', built: Built[]): string {
  const lines = built.map((b) => {
    const forms = [...b.forms].map(([f, fl]) => fl + f).join('|');
    return JSON.stringify([b.id, TYPE_CODE[b.type], b.canonical, b.official === b.canonical ? '' : b.official, b.of, b.head, b.gen, forms]);
  });
  const comment = `Generated by scripts/gazetteer/generate.ts from scripts/gazetteer/sources/ (${language}); do not edit by hand. Entry: [id, type, canonical, official, of, head, gen, forms]; see the generator for the flags.`;
  return `{"$comment":${JSON.stringify(comment)},\n"composed":${JSON.stringify(COMPOSED)},\n"entries":[\n${lines.join(',\n')}\n]}\n`;
}

async function main(): Promise<void> {
  await initMorphology();
  const entries = sourceEntries();
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new Error(`duplicate id ${e.id}`);
    ids.add(e.id);
  }
  for (const [k, v] of Object.entries(COMPOSED)) if (!ids.has(v)) throw new Error(`composed ${k} → unknown id ${v}`);
  const ru = entries.map(buildRu);
  const en = entries.map(buildEn);
  const files: Array<[string, string]> = [
    ['analysis/data/ru/gazetteer.json', serialise('ru', ru)],
    ['analysis/data/en/gazetteer.json', serialise('en', en)],
  ];
  let changed = false;
  for (const [path, text] of files) {
    const full = resolve(root, path);
    let old = '';
    try {
      old = readFileSync(full, 'utf8');
    } catch {
      /* new file */
    }
    if (old !== text) changed = true;
    if (!args.has('--check')) writeFileSync(full, text);
  }
  // Summary
  const count = (pred: (e: SourceEntry) => boolean) => entries.filter(pred).length;
  const formCount = (bs: Built[]) => bs.reduce((n, b) => n + b.forms.size, 0);
  console.log(
    `countries ${count((e) => e.type === 'country')} (UN members ${count((e) => e.kind === 'un-member')}), places ${count((e) => e.type === 'place')} (capitals ${count((e) => e.kind === 'capital')}), ` +
      `organisations ${count((e) => e.type === 'organization' && e.kind !== 'outlet')}, outlets ${count((e) => e.kind === 'outlet')}, demonyms ${count((e) => e.type === 'demonym')}`,
  );
  console.log(`forms: ru ${formCount(ru)}, en ${formCount(en)}`);
  for (const [path, text] of files) console.log(`${path}: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
  if (args.has('--review')) {
    console.log(`\nNames with words the dictionary only guessed, or unchanged in the genitive (${review.length}):`);
    for (const r of [...new Set(review)]) console.log('  ' + r);
  }
  if (args.has('--check') && changed) {
    console.error('generated gazetteer files are out of date: run node --import tsx scripts/gazetteer/generate.ts');
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
