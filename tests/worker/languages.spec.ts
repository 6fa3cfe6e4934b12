/**
 * The language analysis needs ICU in the runtime: `Intl.Segmenter` with
 * the Thai and Japanese dictionaries, and Turkish lower-casing. This runs it
 * in workerd, where the Worker runs (the Node tests are in src/core/lang/).
 */
import { expect, it } from 'vitest';
import { formatReply } from '../../src/adapters/chat/format.js';
import type { ChatReply } from '../../src/core/chat.js';
import { languageName, replyStrings } from '../../src/core/lang/strings.js';
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

/** A reply as `core/chat.ts` gives it for a Spanish question (see tests/node/languages.test.ts). */
function reply(lang: string | undefined, cut = false): ChatReply {
  const citation = {
    briefId: 'xquad-es-01',
    title: 'XQuAD es 01',
    byline: null,
    date: null,
    url: 'https://example.org/es-01',
    passageId: 'xquad-es-01#p1',
    snippet: 'La defensa de los Panthers cedió solo 308 puntos.',
    highlights: [],
    score: 1,
  };
  const answer = cut ? Array.from({ length: 40 }, (_, i) => `La defensa cedió ${i} puntos en la temporada regular. [1]`).join(' ') : `${citation.snippet} [1]`;
  return { kind: 'answer', answered: true, answer, citations: [citation], ...(lang ? { lang } : {}) };
}

it('words the channels\' "Sources", "Related briefs" and the shortened note in the reply\'s language', () => {
  expect(formatReply(reply('es'), 'plain')).toContain('\n\nFuentes\n[1] XQuAD es 01 https://example.org/es-01');
  expect(formatReply(reply('zh'), 'markdown')).toContain('**来源**');
  expect(formatReply(reply('ar'), 'telegram')).toContain('<b>المصادر</b>');
  expect(formatReply(reply('es', true), 'discord', 2000)).toContain('(Abreviado: mira las fuentes abajo.)');
  const none: ChatReply = {
    kind: 'no_answer',
    answered: false,
    answer: 'No encontré eso.',
    citations: [],
    related: [{ briefId: 'b', title: 'Otro', date: null, url: null }],
    lang: 'de',
  };
  expect(formatReply(none, 'plain')).toContain('Verwandte Meldungen');
  // No language, or one without strings: English.
  expect(formatReply(reply(undefined), 'plain')).toContain('\n\nSources\n');
  expect(formatReply(reply('th'), 'plain')).toContain('\n\nSources\n');
});

it("names a language in the reader's language with the ICU data workerd ships (a question in a language none of the briefs is in)", () => {
  expect(languageName('en', 'es')).toBe('inglés');
  expect(languageName('en', 'de')).toBe('Englisch');
  expect(languageName('es', 'zh')).toBe('西班牙语');
  expect(replyStrings('es').otherLanguage(languageName('en', 'es'), true)).toMatch(/^Los resúmenes están en inglés/);
});
