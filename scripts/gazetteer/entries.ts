// The hand-written sources read as one list of entries (shared by the generator and the tests).
import type { SourceEntry } from './sources/schema.ts';
import { UN_MEMBERS, OTHER_STATES } from './sources/countries.ts';
import { CITIES, REGIONS, CONTINENTS, WATERS, BUILDINGS } from './sources/places.ts';
import { INTERNATIONAL, HEADS, NATIONAL, GROUPS } from './sources/organizations.ts';
import { OUTLETS } from './sources/outlets.ts';

/** The entries in source order; ids are unique (checked). */
export function sourceEntries(): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const [id, ru, en] of [...UN_MEMBERS, ...OTHER_STATES]) {
    out.push({ id, type: 'country', ru, en, kind: UN_MEMBERS.some((r) => r[0] === id) ? 'un-member' : 'other-state' });
  }
  for (const [id, , , ruDem, enDem] of [...UN_MEMBERS, ...OTHER_STATES]) {
    out.push({ id: `dem-${id}`, type: 'demonym', ru: ruDem, en: enDem, of: id, kind: 'demonym' });
  }
  for (const [id, , , , , capital] of [...UN_MEMBERS, ...OTHER_STATES]) {
    if (!capital) continue;
    out.push({ id: slug(capital[1].split('|')[0].replace(/[*=?!_^-]+$/, '')), type: 'place', ru: capital[0], en: capital[1], of: id, kind: 'capital' });
  }
  for (const [id, ru, en, of, kind] of CITIES) out.push({ id, type: 'place', ru, en, of, kind: kind ?? 'city' });
  for (const list of [REGIONS, CONTINENTS, WATERS, BUILDINGS]) for (const [id, ru, en, of, kind] of list) out.push({ id, type: 'place', ru, en, of, kind });
  for (const [id, ru, en, of, kind] of INTERNATIONAL) {
    // The Security Council also names a national one: Совет Безопасности России, Russia's Security Council.
    out.push({ id, type: 'organization', ru, en, of, kind, head: id === 'unsc' ? 'head' : undefined });
  }
  for (const [id, ru, en, head] of HEADS) out.push({ id, type: 'organization', ru, en, head, kind: 'head' });
  for (const [id, ru, en, of] of NATIONAL) out.push({ id, type: 'organization', ru, en, of, head: 'own', kind: 'national' });
  for (const [id, ru, en, of, kind] of GROUPS) out.push({ id, type: 'organization', ru, en, of, kind });
  for (const [id, ru, en, of] of OUTLETS) out.push({ id, type: 'organization', ru, en, of, kind: 'outlet' });
  return out;
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface Name {
  text: string;
  official: boolean;
  indeclinable: boolean;
  risky: boolean;
  guard: boolean;
  lower: boolean;
  needThe: boolean;
  canonicalOnly: boolean;
  the: boolean;
}

export function parseNames(list: string): Name[] {
  return list
    .split('|')
    .filter(Boolean)
    .map((raw) => {
      let s = raw.trim();
      const n: Name = { text: '', official: false, indeclinable: false, risky: false, guard: false, lower: false, needThe: false, canonicalOnly: false, the: false };
      for (;;) {
        const c = s.charAt(s.length - 1);
        if (c === '*') n.official = true;
        else if (c === '=') n.indeclinable = true;
        else if (c === '?') n.risky = true;
        else if (c === '!') n.guard = true;
        else if (c === '_') n.lower = true;
        else if (c === '^') n.needThe = true;
        else if (c === '-' && !/\s-$/.test(s)) n.canonicalOnly = true;
        else break;
        s = s.slice(0, -1);
      }
      if (/^the /i.test(s)) {
        n.the = true;
        s = s.slice(4);
      }
      n.text = s;
      return n;
    });
}

