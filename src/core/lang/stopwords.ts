/**
 * Stop words per language: the lists of `@orama/stopwords` (Apache-2.0, one
 * small module per language) plus the words the language asks questions
 * with (`questions.ts`), normalised as the words they are compared with.
 * Vietnamese and Thai have only their question words (no list in the
 * package); Chinese stop words are cut out of a run before its bigrams are
 * made (`analyze.ts`).
 * @module
 */
import { stopwords as ar } from '@orama/stopwords/arabic';
import { stopwords as de } from '@orama/stopwords/german';
import { stopwords as el } from '@orama/stopwords/greek';
import { stopwords as en } from '@orama/stopwords/english';
import { stopwords as es } from '@orama/stopwords/spanish';
import { stopwords as fr } from '@orama/stopwords/french';
import { stopwords as hi } from '@orama/stopwords/indian';
import { stopwords as it } from '@orama/stopwords/italian';
import { stopwords as ja } from '@orama/stopwords/japanese';
import { stopwords as nl } from '@orama/stopwords/dutch';
import { stopwords as pt } from '@orama/stopwords/portuguese';
import { stopwords as ro } from '@orama/stopwords/romanian';
import { stopwords as ru } from '@orama/stopwords/russian';
import { stopwords as tr } from '@orama/stopwords/turkish';
import type { Lang } from './detect.js';
import { normalizeArabic } from './normalize.js';
import { QUESTION_WORDS } from './questions.js';

/** Thai function words (particles, prepositions, auxiliaries): the package has no Thai list. */
const th = 'ที่ ของ และ ใน การ เป็น ได้ มี ให้ ไป มา ว่า จะ ก็ กับ แล้ว นี้ นั้น โดย ซึ่ง อยู่ ความ หรือ จาก เพื่อ ถูก แต่ ยัง คือ ด้วย เมื่อ ถึง ไว้ อย่าง ต่อ ซึ่ง ทั้ง'.split(' ');

const LISTS: Partial<Record<Lang, readonly string[]>> = { en, es, fr, de, pt, it, nl, ro, tr, ru, el, ar, hi, ja, th };

const sets = new Map<Lang, Set<string>>();

/** The stop words of `lang`, lower-cased and normalised like the words checked against them (built once, on first use). */
export function stopWordsOf(lang: Lang): ReadonlySet<string> {
  let set = sets.get(lang);
  if (set) return set;
  set = new Set<string>();
  const add = (w: string) => {
    const lower = lang === 'tr' ? w.toLocaleLowerCase('tr') : w.toLowerCase();
    set!.add(lower);
    const n = norm(lower, lang);
    set!.add(n);
    // The Greek list spells a final sigma "σ"; words in text end in "ς".
    if (lang === 'el') set!.add(n.replace(/σ$/, 'ς'));
  };
  for (const w of LISTS[lang] ?? []) add(w);
  for (const w of (QUESTION_WORDS[lang] ?? '').split(/\s+/)) if (w) add(w);
  sets.set(lang, set);
  return set;
}

function norm(w: string, lang: Lang): string {
  let out = w.normalize('NFKC');
  if (lang === 'ar') out = normalizeArabic(out);
  if (/^[\p{sc=Latin}\p{sc=Greek}\p{M}]+$/u.test(out))
    out = out
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC');
  return out;
}
