/**
 * Entry of `/widget.js`: reads the embedding script tag's options, mounts the
 * widget and exposes `window.Briefbot` (`open`, `close`, `toggle`, `ask`, `clear`).
 * Fires `briefbot:ready` on `window` once the API exists.
 * @module
 */
import { ApiClient } from './api.js';
import { pickLang } from './i18n.js';
import { readOptions } from './options.js';
import type { KeyValue } from './store.js';
import { Widget, type BriefbotApi } from './widget.js';

declare const __WIDGET_VERSION__: string;

declare global {
  interface Window {
    Briefbot?: BriefbotApi;
  }
}

function sessionStore(): KeyValue | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // blocked (sandboxed iframe, privacy settings)
  }
}

async function start(script: HTMLScriptElement | null): Promise<void> {
  const src = script?.src || location.href;
  const data = script ? { ...script.dataset } : {};
  const pageLang = document.documentElement.lang;
  // Another language's strings come from where the script came from (English if they cannot be had).
  const lang = pickLang(data.lang, pageLang);
  const row =
    lang === 'en'
      ? undefined
      : await fetch(new URL(`/widget/i18n/${lang}?v=${__WIDGET_VERSION__}`, src))
          .then((r) => (r.ok ? r.text() : undefined))
          .catch(() => undefined);
  const options = readOptions(data, src, pageLang, row);
  const widget = new Widget(options, { doc: document, storage: sessionStore(), client: new ApiClient(options.api) }).mount();
  window.Briefbot = widget.api(__WIDGET_VERSION__);
  window.dispatchEvent(new CustomEvent('briefbot:ready'));
}

// Only while the script runs does `currentScript` point at our tag.
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
if (!window.Briefbot) {
  if (document.body) void start(script);
  else document.addEventListener('DOMContentLoaded', () => void start(script), { once: true });
}
