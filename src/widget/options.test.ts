import { TABLE } from './i18n-table.js';
import { describe, expect, it } from 'vitest';
import { readableOn } from './colors.js';
import { DEFAULT_ACCENT, readOptions } from './options.js';

const SRC = 'https://briefbot.example.workers.dev/widget.js';

describe('readOptions', () => {
  it('has sensible defaults and takes the API origin from the script URL', () => {
    const o = readOptions({}, SRC);
    expect(o).toMatchObject({
      title: 'Ask the briefs',
      accent: DEFAULT_ACCENT,
      position: 'right',
      open: false,
      theme: 'auto',
      api: 'https://briefbot.example.workers.dev',
      suggestions: [],
    });
    expect(o.greeting).toMatch(/briefs/);
  });

  it('reads every data-* option', () => {
    const o = readOptions(
      {
        title: '  Ask   our briefs ',
        accent: '#FC0',
        greeting: 'Hello',
        placeholder: 'Your question',
        position: 'LEFT',
        open: '',
        theme: 'dark',
        suggestions: 'One?| Two? ||',
        api: 'http://127.0.0.1:9000/x',
      },
      SRC,
    );
    expect(o).toMatchObject({
      title: 'Ask our briefs',
      accent: '#FC0',
      accentText: '#000000',
      greeting: 'Hello',
      placeholder: 'Your question',
      position: 'left',
      open: true,
      theme: 'dark',
      suggestions: ['One?', 'Two?'],
      api: 'http://127.0.0.1:9000',
    });
  });

  it('rejects values that are not what they claim to be', () => {
    const o = readOptions({ accent: 'red;background:url(x)', position: 'middle', open: 'no', theme: 'neon', api: 'javascript:alert(1)' }, SRC);
    expect(o.accent).toBe(DEFAULT_ACCENT);
    expect(o.position).toBe('right');
    expect(o.open).toBe(false);
    expect(o.theme).toBe('auto');
    expect(o.api).toBe('https://briefbot.example.workers.dev');
  });

  it('takes the UI language from data-lang, else the page, else English; Arabic is right to left and starts on the left', () => {
    // The widget fetches the chosen language's row (/widget/i18n/<lang>) and passes it here.
    expect(readOptions({ lang: 'es' }, SRC, 'fr', TABLE.es)).toMatchObject({
      lang: 'es',
      dir: 'ltr',
      title: 'Pregunta a los resúmenes',
      placeholder: 'Haz una pregunta…',
    });
    expect(readOptions({}, SRC, 'pt-BR', TABLE.pt)).toMatchObject({ lang: 'pt', title: 'Pergunte aos resumos' });
    expect(readOptions({ lang: 'tlh' }, SRC, 'de', TABLE.de)).toMatchObject({ lang: 'de' });
    expect(readOptions({}, SRC, 'he')).toMatchObject({ lang: 'en', dir: 'ltr' });
    const ar = readOptions({ lang: 'ar' }, SRC, 'en', TABLE.ar);
    expect(ar).toMatchObject({ lang: 'ar', dir: 'rtl', position: 'left' });
    expect(readOptions({ lang: 'ar', position: 'right' }, SRC, null, TABLE.ar).position).toBe('right');
    // Options given by the site win over the translated defaults.
    expect(readOptions({ lang: 'zh', title: 'Ask us' }, SRC, null, TABLE.zh).title).toBe('Ask us');
  });

  it('falls back to English, left to right, when the strings of the language could not be fetched', () => {
    expect(readOptions({ lang: 'ar' }, SRC)).toMatchObject({ lang: 'en', dir: 'ltr', title: 'Ask the briefs' });
  });

  it('reads data-offset as one or two pixel distances and ignores anything else', () => {
    expect(readOptions({}, SRC).offset).toEqual([20, 20]);
    expect(readOptions({ offset: '32' }, SRC).offset).toEqual([32, 32]);
    expect(readOptions({ offset: '24 96' }, SRC).offset).toEqual([24, 96]);
    expect(readOptions({ offset: '0px, 120px' }, SRC).offset).toEqual([0, 120]);
    for (const bad of ['-5', '20 30 40', '1e3', '401', '10;top:0', 'calc(1px)', '']) expect(readOptions({ offset: bad }, SRC).offset).toEqual([20, 20]);
  });

  it('bounds the length of text options', () => {
    expect(readOptions({ title: 'x'.repeat(500) }, SRC).title).toHaveLength(80);
  });
});

describe('readableOn', () => {
  it('picks the text colour with more contrast', () => {
    expect(readableOn('#0a66c2')).toBe('#ffffff');
    expect(readableOn('#000')).toBe('#ffffff');
    expect(readableOn('#ffeb3b')).toBe('#000000');
    expect(readableOn('#ffffff')).toBe('#000000');
  });
});
