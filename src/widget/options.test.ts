import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCENT, readableOn, readOptions } from './options.js';

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
