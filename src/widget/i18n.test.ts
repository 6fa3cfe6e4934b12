import { describe, expect, it } from 'vitest';
import { TABLE } from './i18n-table.js';
import { fill, isRtl, KEYS, LANGS, pickLang, strings } from './i18n.js';

describe('UI strings', () => {
  it('cover at least en, es, fr, de, pt, ar and zh, every row with every string', () => {
    expect(Object.keys(TABLE)).toEqual(expect.arrayContaining(['en', 'es', 'fr', 'de', 'pt', 'ar', 'zh']));
    // The widget picks among LANGS; the Worker serves every other row as /widget/i18n/<lang>.
    expect(Object.keys(TABLE)).toEqual(LANGS);
    for (const [lang, row] of Object.entries(TABLE)) {
      expect(row.split('|'), lang).toHaveLength(KEYS.length);
      for (const value of Object.values(strings(row))) expect(value.trim(), lang).not.toBe('');
    }
  });

  it('keep their {0} placeholders in every language', () => {
    const en = strings();
    for (const [lang, row] of Object.entries(TABLE)) {
      const t = strings(row);
      for (const k of KEYS) expect(t[k].includes('{0}'), `${lang}.${k}`).toBe(en[k].includes('{0}'));
    }
  });

  it('pick a supported language from data-lang, then the page, else English', () => {
    expect(pickLang('es', 'de')).toBe('es');
    expect(pickLang(undefined, 'pt-BR')).toBe('pt');
    expect(pickLang('', 'ZH_hans')).toBe('zh');
    expect(pickLang('xx', null)).toBe('en');
  });

  it('know which languages run right to left', () => {
    expect(isRtl('ar')).toBe(true);
    expect(isRtl('he-IL')).toBe(true);
    expect(isRtl('en')).toBe(false);
    expect(isRtl('arn')).toBe(false);
  });

  it('fill in arguments', () => {
    expect(fill(strings(TABLE.fr).retryIn, 7)).toBe('Réessayer dans 7 s');
  });
});
