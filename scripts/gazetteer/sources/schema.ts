// The shape of the hand-written gazetteer sources.
//
// A name list is one string, names separated by `|`; the first name is the canonical one.
// A name may end in markers:
//   *  the official full name (Российская Федерация*, the Russian Federation*)
//   =  (Russian) indeclinable: no case forms are generated (Того=, Сан-Томе и Принсипи=)
//   ?  do not match at the start of a sentence (the name is also a common word there: Того)
//   !  an abbreviation that is also a word (WHO, US): not matched on an all-capitals line
//   _  may be written with a lower-case first letter (сектор Газа)
//   ^  (organisations) matched only right after `the`, which stays outside the span (The Times)
//   -  the canonical name only, never matched (Алжир- for the city of Algiers)
// English names that take `the` are written with it (the United States); the matcher includes
// `the` in the span when the text has it. Organisations never take `the` (the guide's rule).
// Names written in capitals only (РФ, США, NATO, G7) are abbreviations and match only in that case.

export type EntityType = 'country' | 'place' | 'organization' | 'demonym';

/** How an organisation combines with a country next to it (see analysis/entities/gazetteer.ts). */
export type HeadKind =
  | 'head' // a generic body that names its country: МИД России, Russia's Foreign Ministry; alone too (МИД)
  | 'head-only' // the same, but never alone (Посольство России, Embassy of Japan; not «посольство»)
  | 'own'; // a national body that may carry its own country: Госдепартамент США, the U.S. State Department

export interface SourceEntry {
  id: string;
  type: EntityType;
  ru: string;
  en: string;
  /** For demonyms, capitals and national bodies: the country id. */
  of?: string;
  head?: HeadKind;
  /** A finer kind, for the report and for hovers: capital, city, region, sea, building, outlet, … */
  kind?: string;
}

/** Country: id, Russian names, English names, Russian demonym adjectives, English demonyms, capital [ru, en]. */
export type CountryRow = [id: string, ru: string, en: string, ruDem: string, enDem: string, capital?: [ru: string, en: string]];

/** Place or organisation: id, Russian names, English names, and optionally the country id and kind. */
export type Row = [id: string, ru: string, en: string, of?: string, kind?: string];
