/**
 * The language analysis needs ICU in the runtime: `Intl.Segmenter` with
 * the Thai and Japanese dictionaries, and Turkish lower-casing. This runs it
 * in workerd, where the Worker runs (the Node tests are in src/core/lang/).
 */
import { expect, it } from 'vitest';
import { analyze } from '../../src/core/text.js';

it('segments Thai and Japanese into words with the dictionaries workerd ships', () => {
  const thai = [...new Intl.Segmenter('th', { granularity: 'word' }).segment('ประเทศไทยมีประชากรประมาณหกสิบล้านคน')]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment);
  expect(thai).toEqual(['ประเทศไทย', 'มี', 'ประชากร', 'ประมาณ', 'หก', 'สิบ', 'ล้าน', 'คน']);
  expect(analyze('ประเทศไทยมีประชากรประมาณหกสิบล้านคน', 'th')).toContain('ประชากร');
  expect(analyze('東京は日本の首都です', 'ja')).toEqual(expect.arrayContaining(['東京', '日本', '首都']));
});

it('gives the terms Node gives: Chinese bigrams, Turkish dotted and dotless i, Arabic normalisation', () => {
  expect(analyze('黑豹队的防守', 'zh')).toEqual(['黑豹', '豹队', '防守']);
  // "İstanbul" lower-cases to "istanbul" in Turkish (not "i̇stanbul"), "ILIK" to "ılık".
  expect(analyze('İSTANBUL', 'tr')).toEqual(analyze('istanbul', 'tr'));
  expect(analyze('ILIK', 'tr')).not.toEqual(analyze('ilik', 'tr'));
  expect(analyze('المَدْرَسَةُ', 'ar')).toEqual(analyze('المدرسة', 'ar'));
});
