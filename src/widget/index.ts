/**
 * Entry of `/widget.js`: reads the embedding script tag's options, mounts the
 * widget and exposes `window.Briefbot` (`open`, `close`, `toggle`, `ask`, `clear`).
 * Fires `briefbot:ready` on `window` once the API exists.
 * @module
 */
import { ApiClient } from './api.js';
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

function start(script: HTMLScriptElement | null): void {
  const src = script?.src || location.href;
  const options = readOptions(script ? { ...script.dataset } : {}, src, document.documentElement.lang);
  const widget = new Widget(options, { doc: document, storage: sessionStore(), client: new ApiClient(options.api) }).mount();
  window.Briefbot = widget.api(__WIDGET_VERSION__);
  window.dispatchEvent(new CustomEvent('briefbot:ready'));
}

// Only while the script runs does `currentScript` point at our tag.
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
if (!window.Briefbot) {
  if (document.body) start(script);
  else document.addEventListener('DOMContentLoaded', () => start(script), { once: true });
}
