/**
 * Widget options, read from the embedding `<script>` tag's `data-*` attributes.
 *
 * @example
 * <script src="https://briefbot.example.workers.dev/widget.js"
 *         data-title="Ask our briefs" data-accent="#0a66c2" async></script>
 * @module
 */

import { palettes, readableOn, type Palette } from './colors.js';
import { isRtl, pickLang, strings, type Strings } from './i18n.js';

export interface WidgetOptions {
  /** Panel heading and launcher label. @default "Ask the briefs" (in the widget's language) */
  title: string;
  /** Accent colour (`#rgb` or `#rrggbb`); invalid values fall back to the default. @default "#0a66c2" */
  accent: string;
  /** Text colour drawn on the accent, chosen for contrast. */
  accentText: string;
  /** Colours derived from the accent that meet WCAG AA in each theme. */
  palette: { light: Palette; dark: Palette };
  /** First message in an empty conversation. */
  greeting: string;
  /** Placeholder of the question input. @default "Ask a question…" */
  placeholder: string;
  /** Corner of the screen. @default "right" ("left" for a right-to-left language) */
  position: 'right' | 'left';
  /** Launcher distance from the corner in px, `[x, y]` (`data-offset="20"` or `"24 96"`, 0–400). @default [20, 20] */
  offset: [number, number];
  /** Open the panel when the page loads (focus is not moved). @default false */
  open: boolean;
  /** Colour scheme; `auto` follows `prefers-color-scheme`. @default "auto" */
  theme: 'auto' | 'light' | 'dark';
  /** Origin of the Briefbot Worker (the API and the brief pages); defaults to the script's origin. */
  api: string;
  /** Suggested questions shown as chips in an empty conversation (`data-suggestions="A?|B?"`). */
  suggestions: string[];
  /** UI language: `data-lang`, else the host page's `<html lang>`, if supported; else `en`. */
  lang: string;
  /** `rtl` when the UI language is written right to left. */
  dir: 'ltr' | 'rtl';
  /** The UI strings in {@link lang}. */
  t: Strings;
}

export const DEFAULT_ACCENT = '#0a66c2';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Parse the `data-*` attributes; `base` is where the script was loaded from, `pageLang` the host page's
 * `lang`, `row` the strings of the chosen language (`/widget/i18n/<lang>`; without it, English).
 */
export function readOptions(data: Record<string, string | undefined>, base: string, pageLang?: string | null, row?: string): WidgetOptions {
  const accent = data.accent && HEX.test(data.accent.trim()) ? data.accent.trim() : DEFAULT_ACCENT;
  const picked = pickLang(data.lang, pageLang);
  const lang = row || picked === 'en' ? picked : 'en';
  const t = strings(lang === 'en' ? undefined : row);
  const dir = isRtl(lang) ? 'rtl' : 'ltr';
  const position = data.position?.trim().toLowerCase();
  return {
    title: text(data.title, 80) || t.title,
    accent,
    accentText: readableOn(accent),
    palette: palettes(accent),
    greeting: text(data.greeting, 300) || t.greeting,
    placeholder: text(data.placeholder, 80) || t.placeholder,
    position: position === 'left' || position === 'right' ? position : dir === 'rtl' ? 'left' : 'right',
    offset: offset(data.offset),
    open: flag(data.open),
    theme: data.theme === 'light' || data.theme === 'dark' ? data.theme : 'auto',
    api: origin(data.api, base),
    suggestions: (data.suggestions ?? '')
      .split('|')
      .map((s) => text(s, 120))
      .filter(Boolean)
      .slice(0, 4),
    lang,
    dir,
    t,
  };
}

/** `"20"` → [20, 20], `"24 96"` or `"24,96"` (px optional) → [24, 96]; anything else (or out of 0–400) → [20, 20]. */
function offset(value: string | undefined): [number, number] {
  const m = (value ?? '').trim().match(/^(\d{1,3})(?:px)?(?:\s*[\s,]\s*(\d{1,3})(?:px)?)?$/);
  const x = m ? Number(m[1]) : NaN;
  const y = m?.[2] !== undefined ? Number(m[2]) : x;
  return x <= 400 && y <= 400 ? [x, y] : [20, 20];
}

function text(value: string | undefined, max: number): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

function flag(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  return v === '' || v === 'true' || v === '1' || v === 'yes';
}

/** The http(s) origin of `value` (resolved against `base`), else `base`'s origin. */
function origin(value: string | undefined, base: string): string {
  for (const candidate of [value, base]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate, base);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
    } catch {
      // try the next candidate
    }
  }
  return '';
}
