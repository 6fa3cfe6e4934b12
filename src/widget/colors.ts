/**
 * Accessible colours from any brand accent: WCAG 2 relative luminance and
 * contrast, and an accent nudged darker (light theme) or lighter (dark theme),
 * keeping its hue, until it meets a contrast target against the widget's
 * actual backgrounds.
 * @module
 */

type Rgb = [number, number, number];

/** Panel and bot-bubble backgrounds of each theme (must match styles.ts). */
export const BACKGROUNDS = { light: ['#ffffff', '#f3f5f7'], dark: ['#16191d', '#22272e'] } as const;

/** `#rgb`/`#rrggbb` → 0–255 channels. */
function parse(hex: string): Rgb {
  let h = hex.slice(1);
  if (h.length === 3) h = h.replace(/./g, '$&$&');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) =>
  '#' +
  rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const gam = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** WCAG relative luminance of a `#rgb`/`#rrggbb` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = parse(hex).map((c) => lin(c / 255)) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio (1–21) of two colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Black or white, whichever contrasts more with `hex` (at least 4.58:1 for any colour). */
export function readableOn(hex: string): string {
  return contrast(hex, '#ffffff') >= contrast(hex, '#000000') ? '#ffffff' : '#000000';
}

/**
 * `hex` mixed with black (`dir` −1) or white (+1) in linear light, which keeps its hue and
 * chromaticity, in the smallest step (of 1/64) that gives it a contrast of at least `min`
 * against every colour of `against`.
 */
export function adjust(hex: string, against: readonly string[], min: number, dir: 1 | -1): string {
  const rgb = parse(hex).map((c) => lin(c / 255));
  for (let step = 0; step <= 64; step++) {
    const k = step / 64;
    const c = toHex(rgb.map((x) => gam(dir < 0 ? x * (1 - k) : x + (1 - x) * k) * 255) as Rgb);
    if (against.every((bg) => contrast(c, bg) >= min)) return c;
  }
  return dir < 0 ? '#000000' : '#ffffff';
}

/** The colours the widget derives from its accent, per theme. */
export interface Palette {
  /** Buttons and markers (3:1 against the panel, as UI components must be). */
  fill: string;
  /** Text on `fill` (black or white). */
  fillText: string;
  /** Links and accent-coloured text (4.5:1 against panel and bubbles). */
  link: string;
  /** Focus ring (3:1 against panel and bubbles). */
  ring: string;
}

/** Palettes for the light and dark themes derived from `accent`. */
export function palettes(accent: string): { light: Palette; dark: Palette } {
  const make = (bgs: readonly string[], dir: 1 | -1): Palette => {
    const fill = adjust(accent, bgs.slice(0, 1), 3, dir);
    return { fill, fillText: readableOn(fill), link: adjust(accent, bgs, 4.5, dir), ring: adjust(accent, bgs, 3, dir) };
  };
  return { light: make(BACKGROUNDS.light, -1), dark: make(BACKGROUNDS.dark, 1) };
}
