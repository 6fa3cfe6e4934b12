/**
 * The chat widget: a launcher button and a chat panel in a shadow root.
 *
 * Flow: the user asks → a typing indicator shows → the answer arrives as a
 * quotation with numbered footnotes (or related briefs, or a friendly error
 * with "Try again"). The conversation, including questions not answered yet,
 * lives in a {@link Conversation} (sessionStorage). On a phone or a short
 * screen the panel is a full-screen modal dialog: focus stays in it, the host
 * page is inert, and Back closes it.
 * @module
 */
import { ApiClient, describeFailure, type BriefItem } from './api.js';
import { fill } from './i18n.js';
import type { WidgetOptions } from './options.js';
import { el, plainAnswer, questionChip, relativeDate, renderAnswer, renderChips, renderError, renderUser, speaker, type Ctx } from './render.js';
import { Conversation, type KeyValue, type Message } from './store.js';
import { CSS } from './styles.js';
import { FEEDBACK_CSS } from './feedback.js';

/** Below this width or height the panel is a full-screen modal (must match styles.ts). */
const MODAL_QUERY = '(max-width: 560px), (max-height: 560px)';

const SVG = 'http://www.w3.org/2000/svg';
/** Icons as path data (constants, not data): chat bubble, close, send. */
const ICON_CHAT =
  'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z';
const ICON_CLOSE = 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z';
const ICON_SEND = 'M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z';

export interface WidgetDeps {
  doc: Document;
  storage: KeyValue | null;
  client: ApiClient;
}

/** The public JS API: `window.Briefbot`. */
export interface BriefbotApi {
  open(): void;
  close(): void;
  toggle(): void;
  ask(text: string): void;
  clear(): void;
  readonly version: string;
}

export class Widget {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly conversation: Conversation;
  readonly #doc: Document;
  readonly #client: ApiClient;
  readonly #ctx: Ctx;
  readonly #frame: HTMLElement;
  readonly #launcher: HTMLButtonElement;
  readonly #panel: HTMLElement;
  readonly #log: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #send: HTMLButtonElement;
  readonly #status: HTMLElement;
  readonly #hint: HTMLElement;
  #intro: HTMLElement | null = null;
  #typing: HTMLElement | null = null;
  #pending = false;
  #latest: BriefItem[] | null = null;
  readonly #modalQuery: MediaQueryList | null;
  #modal = false;
  /** Host-page elements this widget made inert (and only those get it back). */
  #inerted: Element[] = [];
  /** Whether a history entry was pushed for the open modal panel (Back closes it). */
  #pushed = false;
  readonly #onPopState = () => {
    if (!this.#pushed || this.#win?.history.state?.briefbot) return;
    this.#pushed = false;
    this.close(true);
  };
  readonly #onModalChange = () => this.#setModal(this.isOpen && !!this.#modalQuery?.matches);

  constructor(
    readonly options: WidgetOptions,
    deps: WidgetDeps,
  ) {
    this.#doc = deps.doc;
    this.#client = deps.client;
    this.conversation = new Conversation(deps.storage, `briefbot:v1:${options.api}`);
    const doc = this.#doc;
    const t = options.t;
    const here = this.#win?.location?.href;
    this.#ctx = { doc, api: options.api, t, lang: options.lang, ...(here ? { from: here.replace(/#.*$/, '') } : {}) };
    this.#modalQuery = this.#win?.matchMedia?.(MODAL_QUERY) ?? null;

    this.host = el(doc, 'div', { id: 'briefbot-widget', 'data-position': options.position });
    this.root = this.host.attachShadow({ mode: 'open' });
    this.#adoptStyles();

    this.#launcher = el(
      doc,
      'button',
      { type: 'button', class: 'launcher', 'aria-label': fill(t.open, options.title), 'aria-expanded': 'false', 'aria-controls': 'bb-panel' },
      icon(doc, ICON_CHAT, 'i-chat'),
      icon(doc, ICON_CLOSE, 'i-close'),
    );
    this.#launcher.addEventListener('click', () => (this.isOpen ? this.close(true) : this.open(true)));

    const clearBtn = el(doc, 'button', { type: 'button', class: 'clear' }, t.clear);
    clearBtn.addEventListener('click', () => this.clear(true));
    // The visible label is the accessible name (WCAG 2.5.3 label in name).
    const closeBtn = el(doc, 'button', { type: 'button', class: 'close' }, icon(doc, ICON_CLOSE), t.close);
    closeBtn.addEventListener('click', () => this.close(true));

    this.#log = el(doc, 'div', { class: 'log', role: 'log', 'aria-live': 'off', 'aria-label': t.log, tabindex: 0 });
    this.#input = el(doc, 'input', {
      id: 'bb-input',
      type: 'text',
      name: 'question',
      autocomplete: 'off',
      enterkeyhint: 'send',
      maxlength: 500,
      dir: 'auto',
      placeholder: options.placeholder,
    });
    this.#send = el(doc, 'button', { type: 'submit', class: 'send', 'aria-label': t.send }, icon(doc, ICON_SEND, 'i-send'));
    const form = el(doc, 'form', { class: 'compose' }, el(doc, 'label', { class: 'sr-only', for: 'bb-input' }, options.placeholder), this.#input, this.#send);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#submit(this.#input.value);
    });
    this.#status = el(doc, 'div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    // The same notices, visible (the live region above is what screen readers hear).
    this.#hint = el(doc, 'p', { class: 'hint', 'aria-hidden': 'true', hidden: true });

    this.#panel = el(
      doc,
      'div',
      { id: 'bb-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'bb-title', hidden: true },
      el(doc, 'div', { class: 'head' }, el(doc, 'h2', { id: 'bb-title', dir: 'auto' }, options.title), clearBtn, closeBtn),
      this.#log,
      this.#hint,
      form,
      this.#status,
    );
    this.#panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close(true);
      } else if (e.key === 'Tab' && this.#modal) {
        this.#trapTab(e);
      }
    });

    this.#frame = el(
      doc,
      'div',
      { class: 'root', 'data-theme': options.theme, 'data-position': options.position, lang: options.lang, dir: options.dir },
      this.#panel,
      this.#launcher,
    );
    const { light, dark } = options.palette;
    const vars: Record<string, string> = {
      '--accent': options.accent,
      '--accent-fg': options.accentText,
      '--fill-l': light.fill,
      '--fill-fg-l': light.fillText,
      '--link-l': light.link,
      '--ring-l': light.ring,
      '--fill-d': dark.fill,
      '--fill-fg-d': dark.fillText,
      '--link-d': dark.link,
      '--ring-d': dark.ring,
      '--ox': `${options.offset[0]}px`,
      '--oy': `${options.offset[1]}px`,
    };
    for (const [k, v] of Object.entries(vars)) this.#frame.style.setProperty(k, v);
    this.root.append(this.#frame);

    if (this.conversation.trimmed) this.#log.append(this.#trimNote());
    for (const m of this.conversation.messages) this.#log.append(this.#renderMessage(m));
    this.#refreshIntro();
  }

  get #win(): (Window & typeof globalThis) | null {
    return this.#doc.defaultView as (Window & typeof globalThis) | null;
  }

  get isOpen(): boolean {
    return !this.#panel.hidden;
  }

  /** Put the widget on the page; opens it if the options or the restored session say so, and re-asks unanswered questions. */
  mount(parent: HTMLElement = this.#doc.body): this {
    parent.append(this.host);
    this.#win?.addEventListener('popstate', this.#onPopState);
    this.#modalQuery?.addEventListener?.('change', this.#onModalChange);
    if (this.options.open || this.conversation.open) this.open(false);
    // A question whose answer never came (the page was reloaded meanwhile) is asked again.
    const next = this.conversation.pending[0];
    if (next !== undefined) void this.#fetchAnswer(next);
    return this;
  }

  destroy(): void {
    this.#setModal(false);
    this.#win?.removeEventListener('popstate', this.#onPopState);
    this.#modalQuery?.removeEventListener?.('change', this.#onModalChange);
    this.host.remove();
  }

  /** Open the panel; `focus` moves focus to the question input (user actions, not page load). */
  open(focus = true): void {
    if (!this.isOpen) {
      this.#panel.hidden = false;
      this.#frame.classList.add('is-open');
      this.#launcher.setAttribute('aria-expanded', 'true');
      this.#launcher.setAttribute('aria-label', fill(this.options.t.closeChat, this.options.title));
      this.conversation.setOpen(true);
      this.#setModal(!!this.#modalQuery?.matches);
      this.#scrollToEnd();
      if (this.conversation.messages.length === 0 && !this.options.suggestions.length) void this.#loadLatest();
    }
    if (focus) this.#input.focus();
  }

  /** Close the panel; `focus` returns focus to the launcher. */
  close(focus = true): void {
    if (this.isOpen) {
      this.#panel.hidden = true;
      this.#frame.classList.remove('is-open');
      this.#launcher.setAttribute('aria-expanded', 'false');
      this.#launcher.setAttribute('aria-label', fill(this.options.t.open, this.options.title));
      this.conversation.setOpen(false);
      this.#setModal(false);
    }
    if (focus) this.#launcher.focus();
  }

  /**
   * Full-screen modal or not: `aria-modal`, the host page's other top-level
   * elements inert (restoring exactly those this widget changed), and a history
   * entry so that Back closes the panel rather than leaving the page.
   */
  #setModal(on: boolean): void {
    if (on === this.#modal) return;
    this.#modal = on;
    this.#panel.setAttribute('aria-modal', String(on));
    const win = this.#win;
    if (on) {
      for (const node of Array.from(this.#doc.body?.children ?? [])) {
        if (node === this.host || node.hasAttribute('inert') || /^(SCRIPT|STYLE|LINK|TEMPLATE)$/.test(node.tagName)) continue;
        node.setAttribute('inert', '');
        this.#inerted.push(node);
      }
      if (win?.history && !this.#pushed) {
        // After a reload the entry is already there.
        if (!win.history.state?.briefbot) win.history.pushState({ ...(win.history.state ?? {}), briefbot: 1 }, '');
        this.#pushed = true;
      }
    } else {
      for (const node of this.#inerted) node.removeAttribute('inert');
      this.#inerted = [];
      if (this.#pushed) {
        this.#pushed = false;
        if (win?.history.state?.briefbot) win.history.back();
      }
    }
  }

  /** Keep Tab and Shift+Tab inside the modal panel. */
  #trapTab(e: KeyboardEvent): void {
    const items = Array.from(this.#panel.querySelectorAll<HTMLElement>('a[href],button:not([disabled]),input,[tabindex="0"]')).filter(
      (x) => x.getClientRects().length > 0,
    );
    const first = items[0];
    const last = items.at(-1);
    const active = this.root.activeElement;
    if (!first || !last) return;
    if (e.shiftKey ? active === first || !this.#panel.contains(active) : active === last || !this.#panel.contains(active)) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  }

  /** Open the panel and ask `text`. */
  ask(text: string): void {
    this.open(true);
    this.#submit(String(text ?? ''));
  }

  /** Forget the conversation (here and in sessionStorage). */
  clear(focus = false): void {
    this.conversation.clear();
    this.#log.querySelectorAll('[data-msg],.trimmed').forEach((node) => node.remove());
    this.#refreshIntro();
    this.#announce(this.options.t.cleared);
    if (this.isOpen && this.conversation.messages.length === 0 && !this.options.suggestions.length) void this.#loadLatest();
    if (focus) this.#input.focus();
  }

  /** The JS API object exposed as `window.Briefbot`. */
  api(version: string): BriefbotApi {
    return {
      open: () => this.open(true),
      close: () => this.close(false),
      toggle: () => (this.isOpen ? this.close(false) : this.open(true)),
      ask: (text: string) => this.ask(text),
      clear: () => this.clear(false),
      version,
    };
  }

  /** Seconds left before the service takes questions again (after a 429). */
  #cooldown(): number {
    const until = Math.max(0, ...this.conversation.messages.map((m) => (m.role === 'error' ? (m.until ?? 0) : 0)));
    return Math.max(0, Math.ceil((until - Date.now()) / 1000));
  }

  #submit(raw: string): void {
    const question = raw.replace(/\s+/g, ' ').trim();
    if (!question) return;
    const t = this.options.t;
    const wait = this.#cooldown();
    if (wait > 0) return this.#notice(fill(t.wait, wait));
    if (this.#pending && this.conversation.pending.length >= 3) return this.#notice(t.queued);
    // A new question replaces a failed one still on screen.
    if (!this.#pending) for (const m of this.conversation.failedTail()) this.#removeMessage(m.id);
    this.#addMessage({ role: 'user', text: question });
    this.#input.value = '';
    this.conversation.addPending(question);
    // While an answer is on its way the question waits its turn, and the user is told so.
    if (this.#pending) return this.#notice(t.queued);
    void this.#fetchAnswer(question);
  }

  async #fetchAnswer(question: string): Promise<void> {
    const t = this.options.t;
    this.#pending = true;
    this.#send.setAttribute('aria-disabled', 'true');
    this.#refreshIntro();
    this.#typing = el(this.#doc, 'div', { class: 'typing', 'aria-hidden': 'true' }, el(this.#doc, 'i'), el(this.#doc, 'i'), el(this.#doc, 'i'));
    this.#log.append(this.#typing);
    this.#scrollToEnd();
    this.#announce(t.searching);
    let failed = false;
    try {
      const { conversationId, ...answer } = await this.#client.ask(question, this.conversation.conversationId);
      this.conversation.adopt(conversationId);
      this.#typing.remove();
      const node = this.#addMessage({ role: 'bot', question, answer });
      this.#revealAnswer(node);
      const n = answer.citations.length;
      this.#announce(`${plainAnswer(answer.answer)}${answer.answered && n ? ` ${fill(t.sources, n)}` : ''}`);
    } catch (err) {
      failed = true;
      const { text, retry, until } = describeFailure(err, t);
      this.#typing.remove();
      this.#addMessage({ role: 'error', question, text, retry, ...(until ? { until } : {}) });
      // Questions queued behind a failed one go back to the user rather than into the same failure.
      const queued = this.conversation.pending.slice(1);
      this.conversation.pending = this.conversation.pending.slice(0, 1);
      // Give the user their words back so nothing typed is lost.
      if (!this.#input.value) this.#input.value = queued[0] ?? question;
      this.#announce(text);
      this.#scrollToEnd();
    } finally {
      this.#typing = null;
      this.#pending = false;
      this.conversation.settlePending();
      this.#send.removeAttribute('aria-disabled');
      this.#hint.hidden = true;
    }
    const next = this.conversation.pending[0];
    if (!failed && next !== undefined) void this.#fetchAnswer(next);
  }

  /** Say something now, visibly and to screen readers. */
  #notice(text: string): void {
    this.#hint.textContent = text;
    this.#hint.hidden = false;
    this.#announce(text);
  }

  /** Show a new answer from its question down; a long one is read from the top, not its last source. */
  #revealAnswer(node: HTMLElement): void {
    const question = node.previousElementSibling as HTMLElement | null;
    const start = (question?.classList.contains('user') ? question : node).offsetTop - 12;
    this.#log.scrollTop = Math.min(start, this.#log.scrollHeight - this.#log.clientHeight);
  }

  #retry(errorId: number, question: string): void {
    if (this.#pending || this.#cooldown() > 0) return;
    this.#removeMessage(errorId);
    if (this.#input.value.trim() === question) this.#input.value = '';
    this.#input.focus();
    this.conversation.addPending(question);
    void this.#fetchAnswer(question);
  }

  /** Store and show a message; older ones dropped by the store leave the screen too, with a note saying so. */
  #addMessage(message: Parameters<Conversation['add']>[0]): HTMLElement {
    const m = this.conversation.add(message);
    const node = this.#renderMessage(m);
    this.#log.append(node);
    if (this.conversation.trimmed) {
      const keep = new Set(this.conversation.messages.map((x) => String(x.id)));
      this.#log.querySelectorAll<HTMLElement>('[data-msg]').forEach((x) => !keep.has(x.dataset.msg!) && x.remove());
      if (!this.#log.querySelector('.trimmed')) this.#log.prepend(this.#trimNote());
    }
    return node;
  }

  #trimNote(): HTMLElement {
    return el(this.#doc, 'p', { class: 'trimmed' }, this.options.t.trimmed);
  }

  #removeMessage(id: number): void {
    this.conversation.remove(id);
    this.#log.querySelector(`[data-msg="${id}"]`)?.remove();
  }

  #renderMessage(m: Message): HTMLElement {
    const doc = this.#doc;
    const t = this.options.t;
    if (m.role === 'user') return renderUser(doc, t, m.text, m.id);
    if (m.role === 'error') return renderError(doc, t, m.text, m.id, m.retry ? () => this.#retry(m.id, m.question) : null, m.until);
    return renderAnswer(
      this.#ctx,
      m.answer,
      m.id,
      {
        onMarker: (n, node) => {
          const target = node.querySelector<HTMLElement>(`#fn-${m.id}-${n}`);
          if (!target) return;
          // Scroll the log only: scrollIntoView would also scroll the panel and the host page.
          const log = this.#log.getBoundingClientRect();
          const box = target.getBoundingClientRect();
          if (box.top < log.top || box.bottom > log.bottom) this.#log.scrollTop += box.top - log.top - 12;
          target.focus({ preventScroll: true });
          target.classList.add('flash');
          setTimeout(() => target.classList.remove('flash'), 1600);
        },
        onFeedback: (answerId, rating) => this.#client.feedback(answerId, rating),
      },
      m.question,
    );
  }

  /** Greeting and suggestion chips: shown while the conversation is empty. */
  #refreshIntro(): void {
    const empty = this.conversation.messages.length === 0 && !this.#pending;
    if (!empty) {
      this.#intro?.remove();
      this.#intro = null;
      return;
    }
    if (this.#intro) return;
    const doc = this.#doc;
    this.#intro = el(doc, 'div', { class: 'intro' });
    this.#intro.append(el(doc, 'div', { class: 'msg greeting' }, speaker(doc), el(doc, 'span', { dir: 'auto' }, this.options.greeting)));
    this.#log.prepend(this.#intro);
    if (this.options.suggestions.length) {
      this.#intro.append(
        renderChips(
          doc,
          this.options.t.tryAsking,
          this.options.suggestions.map((q) => questionChip(doc, q, q, (x) => this.ask(x))),
        ),
      );
    } else if (this.#latest) {
      this.#showLatest(this.#latest);
    }
  }

  async #loadLatest(): Promise<void> {
    if (this.#latest) return this.#showLatest(this.#latest);
    try {
      this.#latest = await this.#client.latest(3);
      this.#showLatest(this.#latest);
    } catch {
      // Chips are a nicety: without them the greeting still invites a question.
    }
  }

  #showLatest(briefs: BriefItem[]): void {
    if (!this.#intro || !briefs.length || this.#intro.querySelector('.chips')) return;
    const doc = this.#doc;
    this.#intro.append(
      renderChips(
        doc,
        this.options.t.latestBriefs,
        briefs.map((b) => questionChip(doc, String(b.title), String(b.title), (x) => this.ask(x), relativeDate(b.date, this.options.lang))),
      ),
    );
  }

  #announce(text: string): void {
    // Clear first so the same text twice is still announced.
    this.#status.textContent = '';
    setTimeout(() => (this.#status.textContent = text), 50);
  }

  #scrollToEnd(): void {
    this.#log.scrollTop = this.#log.scrollHeight;
  }

  /** Constructable stylesheets work under a strict host-page CSP; older browsers get a `<style>`. */
  #adoptStyles(): void {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS + FEEDBACK_CSS);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      this.root.append(el(this.#doc, 'style', {}, CSS + FEEDBACK_CSS));
    }
  }
}

function icon(doc: Document, path: string, cls?: string): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  if (cls) svg.setAttribute('class', cls);
  const p = doc.createElementNS(SVG, 'path');
  p.setAttribute('d', path);
  p.setAttribute('fill', 'currentColor');
  svg.append(p);
  return svg;
}
