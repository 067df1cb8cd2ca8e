// People data per language (data/<lang>/people.json): given names that tell a person's name from
// a capitalised phrase ("Margaret Whitfield" vs "Strategic Dialogue"), family names written first
// (Xi, Ма, Буй), and well-known people that news names by surname alone (Putin, Путина).
import type { Language } from '../types.ts';
import { linkKey } from '../morphology.ts';
import ruPeople from '../data/ru/people.json';
import enPeople from '../data/en/people.json';
import { dataOf } from '../datafile.ts';

interface RawPerson {
  id: string;
  canonical: string;
  names: string[];
  description?: string;
}

export interface KnownPerson {
  id: string;
  canonical: string;
  description?: string;
}

export interface PeopleData {
  /** Lower-cased given names. */
  firstNames: Set<string>;
  /** Linking key of a given name → its nominative form (Михаила → Михаил). */
  firstNameByKey: Map<string, string>;
  /** Lower-cased family names that come first (Xi, Wang, Ма, Буй). */
  familyFirst: Set<string>;
  /** Linking key of a well-known person's surname (or single-word name) → the person. */
  bySurnameKey: Map<string, KnownPerson>;
}

const cache = new Map<Language, PeopleData>();

export function people(language: Language): PeopleData {
  let d = cache.get(language);
  if (!d) {
    const raw = dataOf(language === 'ru' ? ruPeople : enPeople) as { firstNames: string[]; familyFirst: string[]; people: RawPerson[] };
    const firstNameByKey = new Map<string, string>();
    for (const n of raw.firstNames) {
      const k = linkKey(n, language);
      if (!firstNameByKey.has(k)) firstNameByKey.set(k, n);
    }
    const bySurnameKey = new Map<string, KnownPerson>();
    const clash = new Set<string>();
    for (const p of raw.people) {
      const known = { id: p.id, canonical: p.canonical, description: p.description };
      for (const name of p.names) {
        const words = name.split(/\s+/);
        const k = linkKey(words[words.length - 1], language);
        const other = bySurnameKey.get(k);
        if (other && other.id !== p.id) clash.add(k);
        else bySurnameKey.set(k, known);
      }
    }
    for (const k of clash) bySurnameKey.delete(k);
    // The set of given names is built on first use: Russian names never need it.
    const names = raw.firstNames;
    let firstNames: Set<string> | undefined;
    d = {
      get firstNames() {
        return (firstNames ??= new Set(names.map((n) => n.toLowerCase())));
      },
      firstNameByKey,
      familyFirst: new Set(raw.familyFirst.map((n) => n.toLowerCase())),
      bySurnameKey,
    };
    cache.set(language, d);
  }
  return d;
}
