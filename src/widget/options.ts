/**
 * Widget options, read from the embedding `<script>` tag's `data-*` attributes.
 *
 * @example
 * <script src="https://briefbot.example.workers.dev/widget.js"
 *         data-title="Ask our briefs" data-accent="#0a66c2" async></script>
 * @module
 */

export interface WidgetOptions {
  /** Panel heading and launcher label. @default "Ask the briefs" */
  title: string;
  /** Accent colour (`#rgb` or `#rrggbb`); invalid values fall back to the default. @default "#0a66c2" */
  accent: string;
  /** Text colour drawn on the accent, chosen for contrast. */
  accentText: string;
  /** First message in an empty conversation. */
  greeting: string;
  /** Placeholder of the question input. @default "Ask a question…" */
  placeholder: string;
  /** Corner of the screen. @default "right" */
  position: 'right' | 'left';
  /** Open the panel when the page loads (focus is not moved). @default false */
  open: boolean;
  /** Colour scheme; `auto` follows `prefers-color-scheme`. @default "auto" */
  theme: 'auto' | 'light' | 'dark';
  /** Origin of the Briefbot Worker (the API and the brief pages); defaults to the script's origin. */
  api: string;
  /** Suggested questions shown as chips in an empty conversation (`data-suggestions="A?|B?"`). */
  suggestions: string[];
}

export const DEFAULT_ACCENT = '#0a66c2';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Parse the `data-*` attributes; `base` is where the script was loaded from. */
export function readOptions(data: Record<string, string | undefined>, base: string): WidgetOptions {
  const accent = data.accent && HEX.test(data.accent.trim()) ? data.accent.trim() : DEFAULT_ACCENT;
  const title = text(data.title, 80) || 'Ask the briefs';
  return {
    title,
    accent,
    accentText: readableOn(accent),
    greeting: text(data.greeting, 300) || 'Hi! Ask me about the latest news briefs. I answer with quotes from the briefs and cite my sources.',
    placeholder: text(data.placeholder, 80) || 'Ask a question…',
    position: data.position?.trim().toLowerCase() === 'left' ? 'left' : 'right',
    open: flag(data.open),
    theme: data.theme === 'light' || data.theme === 'dark' ? data.theme : 'auto',
    api: origin(data.api, base),
    suggestions: (data.suggestions ?? '')
      .split('|')
      .map((s) => text(s, 120))
      .filter(Boolean)
      .slice(0, 4),
  };
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

/** Black or white, whichever contrasts more with a `#rgb`/`#rrggbb` colour (WCAG relative luminance). */
export function readableOn(hex: string): string {
  let h = hex.slice(1);
  if (h.length === 3) h = h.replace(/./g, '$&$&');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is 1.05/(l+0.05), with black (l+0.05)/0.05.
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}
