import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjust, BACKGROUNDS, contrast, luminance, palettes, readableOn } from './colors.js';

const hex = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map((rgb) => '#' + rgb.map((c) => c.toString(16).padStart(2, '0')).join(''));

describe('WCAG contrast', () => {
  it('matches known values', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1, 6);
    expect(luminance('#000')).toBe(0);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    // The measurements: #ffcc00 and #00a651 as text on white.
    expect(contrast('#ffcc00', '#ffffff')).toBeCloseTo(1.51, 2);
    expect(contrast('#00a651', '#ffffff')).toBeCloseTo(3.19, 2);
  });
});

describe('palettes from any accent', () => {
  it('meet WCAG AA against the light and dark backgrounds: links 4.5:1, fills and rings 3:1, text on fills 4.5:1', () => {
    fc.assert(
      fc.property(hex, (accent) => {
        const p = palettes(accent);
        for (const theme of ['light', 'dark'] as const) {
          const { fill, fillText, link, ring } = p[theme];
          for (const bg of BACKGROUNDS[theme]) {
            expect(contrast(link, bg)).toBeGreaterThanOrEqual(4.5);
            expect(contrast(ring, bg)).toBeGreaterThanOrEqual(3);
          }
          expect(contrast(fill, BACKGROUNDS[theme][0])).toBeGreaterThanOrEqual(3);
          expect(contrast(fillText, fill)).toBeGreaterThanOrEqual(4.5);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keep an accent that already passes, and change one that does not as little as needed', () => {
    expect(palettes('#0a66c2').light).toEqual({ fill: '#0a66c2', fillText: '#ffffff', link: '#0a66c2', ring: '#0a66c2' });
    const yellow = palettes('#ffcc00');
    expect(yellow.light.link).not.toBe('#ffcc00');
    // One step lighter would no longer pass: the smallest change.
    expect(contrast(adjust('#ffcc00', BACKGROUNDS.light, 4.5, -1), '#f3f5f7')).toBeLessThan(4.5 + 0.4);
    expect(yellow.dark.link).toBe('#ffcc00');
    // Black vanishes on the dark panel; its dark-theme colours are lightened.
    const black = palettes('#000000').dark;
    expect(contrast(black.fill, BACKGROUNDS.dark[0])).toBeGreaterThanOrEqual(3);
    expect(black.link).not.toBe('#000000');
  });

  it('keep the hue when darkening (a yellow stays warm, not grey)', () => {
    const dark = adjust('#ffcc00', ['#ffffff'], 4.5, -1);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(dark.slice(i, i + 2), 16)) as [number, number, number];
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(b);
  });

  it('readableOn picks the text colour with more contrast', () => {
    expect(readableOn('#0a66c2')).toBe('#ffffff');
    expect(readableOn('#000')).toBe('#ffffff');
    expect(readableOn('#ffeb3b')).toBe('#000000');
    fc.assert(fc.property(hex, (c) => contrast(readableOn(c), c) >= 4.5));
  });
});
