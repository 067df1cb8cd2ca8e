// Russian names in the genitive, for the "По словам X, …" quick fix: a form the text itself writes
// after a word that takes the genitive, else the name inflected by `lvovich` (a library of Russian
// declension rules for people's names), which also knows a name's gender from its form.
import { getFirstnameGender, getGender, inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';
import type { Span } from './types.ts';

/** Words after which a Russian name stands in the genitive (`по словам X`, `у X`, `заявление X`). */
const GENITIVE_AFTER = new Set([
  'словам', 'мнению', 'данным', 'оценке', 'оценкам', 'информации', 'сообщению', 'заявлению', 'версии', 'подсчетам', 'подсчётам',
  'у', 'от', 'до', 'из', 'без', 'для', 'около', 'после', 'против', 'кроме', 'среди', 'вокруг', 'возле', 'стороны', 'имени',
  'слова', 'заявление', 'заявления', 'заявлении', 'позиция', 'позиции', 'позицию', 'мнение', 'оценка', 'оценку', 'комментарий', 'комментарии',
]);

/**
 * A Russian name in the genitive. Best-effort: the longest form the text already writes after a
 * word that takes the genitive; else, for a body (`МИД России`, `ООН`) or a non-Cyrillic name, the
 * name as it is; else a person's name declined by lvovich (`Мария Захарова` → `Марии Захаровой`).
 */
export function genitiveRu(text: string, mentions: Span[], name: string, isPerson: boolean): string {
  let best = '';
  for (const m of mentions) {
    const before = /(?<![\p{L}-])([\p{L}-]+)[\s\u00a0]+$/u.exec(text.slice(Math.max(0, m.start - 30), m.start));
    if (before && GENITIVE_AFTER.has(before[1].toLowerCase())) {
      const form = m.text.replace(/\s+/g, ' ').trim();
      if (form.length > best.length) best = form;
    }
  }
  if (best) return best;
  if (/^[\p{Lu}\d-]{2,}(?:\s|$)/u.test(name) || !isPerson || !/[А-Яа-яЁё]/.test(name)) return name;
  return inflectPersonRu(name);
}

/** `Мария Захарова` → `Марии Захаровой`, `С.В.Лавров` → `С.В.Лаврова`, `Урсула фон дер Ляйен` → `Урсулы фон дер Ляйен`. */
export function inflectPersonRu(name: string): string {
  const words = name.split(/\s+/);
  const li = words.length - 1;
  const glued = /^((?:\p{Lu}\.\s?)+)(.*)$/u.exec(words[li]);
  const last = glued ? glued[2] : words[li];
  const firstAt = words.length >= 2 && !/\./.test(words[0]) && /^\p{Lu}/u.test(words[0]) ? 0 : -1;
  const middleAt = words.length >= 3 && /(?:вич|вна|ична|чна|ич)$/.test(words[1]) ? 1 : -1;
  const first = firstAt === 0 ? words[0] : undefined;
  const middle = middleAt === 1 ? words[1] : undefined;
  // Where the name does not tell (Антониу Гутерриш), a consonant-final surname is taken as a man's:
  // a woman's would not decline, so a wrong guess costs a letter the title shows before applying.
  const gender = getGender({ first, middle, last }) ?? (first ? getFirstnameGender(first) : null) ?? (first && /[ая]$/.test(first) ? 'female' : null) ?? (/[бвгджзклмнпрстфхцчшщ]$/.test(last) ? 'male' : null);
  const g = gender ?? undefined;
  return words
    .map((w, i) => {
      if (i === li) return (glued ? glued[1] : '') + (inclineLastname(last, 'genitive', g) ?? last);
      if (i === firstAt) return inclineFirstname(w, 'genitive', g) ?? w;
      if (i === middleAt) return inclineMiddlename(w, 'genitive', g) ?? w;
      return w; // initials, particles (фон, дер, бин) stay as written
    })
    .join(' ');
}
