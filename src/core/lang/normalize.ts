/**
 * Spelling normalisation shared by the analysis and the stop-word lists.
 * @module
 */

/**
 * Arabic spelling variants folded: harakat and tatweel dropped, alef forms
 * (أ إ آ ٱ) unified. Taa marbuta and alef maqsura are left to the Snowball
 * stemmer, which handles them (folding them first cost 3 points of answer@1
 * on the tune part: "مدرسة" would no longer stem to "مدرس").
 */
export function normalizeArabic(word: string): string {
  return word.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[أإآٱ]/g, 'ا');
}
