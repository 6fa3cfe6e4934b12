/**
 * Every string of the widget's own UI, one row per language: English is built
 * in, another language is fetched once as a small pack (`/widget/i18n/<lang>`,
 * from `i18n-table.ts`) before the widget mounts, so `/widget.js` carries one
 * language, not seven. The widget's
 * language is `data-lang`, else the host page's `<html lang>`, else English;
 * `{0}` in a string is replaced by an argument. Briefs, questions and answers are
 * not translated: they keep their own language and direction (`dir="auto"`).
 * @module
 */

export const KEYS = [
  'title',
  'greeting',
  'placeholder',
  'open',
  'closeChat',
  'close',
  'clear',
  'log',
  'send',
  'searching',
  'cleared',
  'sources',
  'tryAsking',
  'latestBriefs',
  'related',
  'cited',
  'more',
  'marker',
  'newTab',
  'you',
  'retry',
  'retryIn',
  'errNetwork',
  'errTimeout',
  'errRate',
  'errServer',
  'trimmed',
  'queued',
  'wait',
  'updated',
  'earlier',
  'expired',
  'fbAsk',
  'fbShort',
  'fbUp',
  'fbDown',
  'fbThanks',
  'fbFailed',
] as const;

type Key = (typeof KEYS)[number];

/** The English row, in {@link KEYS} order, fields separated by `|` (the other languages: `i18n-table.ts`). */
export const EN =
  "Ask the briefs|Hi! Ask me about the news briefs. I answer with quotes and cite my sources.|Ask a question…|Open chat: {0}|Close chat: {0}|Close|Clear|Conversation|Send question|Searching the briefs…|Conversation cleared.|Sources: {0}.|Try asking|Latest briefs|Related briefs|Cited|More context|Source {0}|(opens in a new tab)|You:|Try again|Try again in {0} s|Can't reach the service. Check your connection and try again.|The service is taking too long. Please try again.|Too many questions. Please wait {0} seconds and try again.|Something went wrong on our side. Please try again.|Earlier messages were removed.|Still answering: I'll ask this next.|Please wait {0} seconds.|updated {0}|Earlier, {0}:|May be out of date: this brief expired {0}.|Was this answer helpful?|Helpful?|Helpful|Not helpful|Thanks for your feedback!|Couldn't send your feedback.";

/** Languages with a row: English here, the others served as packs at `/widget/i18n/<lang>` (see `i18n-table.ts`). */
export const LANGS = ['en', 'es', 'fr', 'de', 'pt', 'ar', 'zh'];

/** Languages written right to left (of those the widget or a brief may use). */
const RTL = /^(?:ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)$/;

export type Strings = Record<Key, string>;

/** The supported language for `data-lang`/the page's `lang` (`"pt-BR"` → `pt`), else `en`. */
export function pickLang(...candidates: (string | null | undefined)[]): string {
  for (const c of candidates) {
    const primary = (c ?? '').trim().toLowerCase().split(/[-_]/)[0]!;
    if (LANGS.includes(primary)) return primary;
  }
  return 'en';
}

export const isRtl = (lang: string) => RTL.test(lang.toLowerCase().split(/[-_]/)[0]!);

/** The UI strings of a row (English by default); a field a row lacks falls back to English. */
export function strings(row = EN): Strings {
  const fields = row.split('|');
  const en = EN.split('|');
  return Object.fromEntries(KEYS.map((k, i) => [k, fields[i] || en[i]!])) as Strings;
}

/** `s` with `{0}` replaced by `arg`. */
export const fill = (s: string, arg: string | number) => s.replace('{0}', String(arg));
