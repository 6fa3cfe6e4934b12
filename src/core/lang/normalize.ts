/**
 * Spelling normalisation shared by the analysis and the stop-word lists.
 * @module
 */

/** Arabic spelling variants folded: harakat and tatweel dropped, alef forms, alef maqsura and taa marbuta unified. */
export function normalizeArabic(word: string): string {
  return word
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}
