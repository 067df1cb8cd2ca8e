// Per-file language detection: Russian or English, by the share of Cyrillic among letters.
// Diplomatic texts mix scripts (Latin names in Russian text, Cyrillic names in English), so the
// threshold is a share, not a presence.
import type { Language } from './types.ts';

export function detectLanguage(text: string): Language {
  let cyr = 0;
  let lat = 0;
  const n = Math.min(text.length, 50000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0410 && c <= 0x044f) || c === 0x0401 || c === 0x0451) cyr++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) lat++;
  }
  return cyr > 0 && cyr >= lat * 0.3 ? 'ru' : 'en';
}
