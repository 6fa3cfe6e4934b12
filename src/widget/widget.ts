/**
 * The chat widget: a launcher button and a chat panel in a shadow root.
 *
 * Flow: the user asks → a typing indicator shows → the answer arrives with
 * numbered footnotes (or related briefs, or a friendly error with "Try
 * again"). The conversation lives in a {@link Conversation} (sessionStorage).
 * @module
 */
import { ApiClient, describeFailure, type BriefItem } from './api.js';
import type { WidgetOptions } from './options.js';
import { el, plainAnswer, questionChip, renderAnswer, renderChips, renderError, renderUser } from './render.js';
import { Conversation, type KeyValue, type Message } from './store.js';
import { CSS } from './styles.js';
import { FEEDBACK_CSS } from './feedback.js';

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
  private readonly doc: Document;
  private readonly client: ApiClient;
  private readonly frame: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly log: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly send: HTMLButtonElement;
  private readonly status: HTMLElement;
  private intro: HTMLElement | null = null;
  private typing: HTMLElement | null = null;
  private pending = false;
  private latest: BriefItem[] | null = null;

  constructor(
    readonly options: WidgetOptions,
    deps: WidgetDeps,
  ) {
    this.doc = deps.doc;
    this.client = deps.client;
    this.conversation = new Conversation(deps.storage, `briefbot:v1:${options.api}`);
    const doc = this.doc;

    this.host = el(doc, 'div', { id: 'briefbot-widget', 'data-position': options.position });
    this.root = this.host.attachShadow({ mode: 'open' });
    this.adoptStyles();

    this.launcher = el(
      doc,
      'button',
      { type: 'button', class: 'launcher', 'aria-label': `Open chat: ${options.title}`, 'aria-expanded': 'false', 'aria-controls': 'bb-panel' },
      icon(doc, ICON_CHAT, 'i-chat'),
      icon(doc, ICON_CLOSE, 'i-close'),
    );
    this.launcher.addEventListener('click', () => (this.isOpen ? this.close(true) : this.open(true)));

    const clearBtn = el(doc, 'button', { type: 'button', class: 'clear', title: 'Clear the conversation' }, 'Clear');
    clearBtn.addEventListener('click', () => this.clear(true));
    const closeBtn = el(doc, 'button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, '×');
    closeBtn.addEventListener('click', () => this.close(true));

    this.log = el(doc, 'div', { class: 'log', role: 'log', 'aria-live': 'off', 'aria-label': 'Conversation', tabindex: 0 });
    this.input = el(doc, 'input', {
      id: 'bb-input',
      type: 'text',
      name: 'question',
      autocomplete: 'off',
      enterkeyhint: 'send',
      maxlength: 500,
      placeholder: options.placeholder,
    });
    this.send = el(doc, 'button', { type: 'submit', class: 'send', 'aria-label': 'Send question' }, icon(doc, ICON_SEND));
    const form = el(doc, 'form', { class: 'compose' }, el(doc, 'label', { class: 'sr-only', for: 'bb-input' }, 'Your question'), this.input, this.send);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit(this.input.value);
    });
    this.status = el(doc, 'div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });

    this.panel = el(
      doc,
      'section',
      { id: 'bb-panel', class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'bb-title', hidden: true },
      el(doc, 'header', { class: 'head' }, el(doc, 'h2', { id: 'bb-title' }, options.title), clearBtn, closeBtn),
      this.log,
      form,
      el(doc, 'p', { class: 'foot' }, 'Answers quote the news briefs, with sources.'),
      this.status,
    );
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close(true);
      }
    });

    this.frame = el(doc, 'div', { class: 'root', 'data-theme': options.theme, 'data-position': options.position }, this.panel, this.launcher);
    this.frame.style.setProperty('--accent', options.accent);
    this.frame.style.setProperty('--accent-fg', options.accentText);
    this.root.append(this.frame);

    for (const m of this.conversation.messages) this.log.append(this.renderMessage(m));
    this.refreshIntro();
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  /** Put the widget on the page; opens it if the options or the restored session say so. */
  mount(parent: HTMLElement = this.doc.body): this {
    parent.append(this.host);
    if (this.options.open || this.conversation.open) this.open(false);
    return this;
  }

  destroy(): void {
    this.host.remove();
  }

  /** Open the panel; `focus` moves focus to the question input (user actions, not page load). */
  open(focus = true): void {
    if (!this.isOpen) {
      this.panel.hidden = false;
      this.frame.classList.add('is-open');
      this.launcher.setAttribute('aria-expanded', 'true');
      this.launcher.setAttribute('aria-label', `Close chat: ${this.options.title}`);
      this.conversation.setOpen(true);
      this.scrollToEnd();
      if (this.conversation.messages.length === 0 && !this.options.suggestions.length) void this.loadLatest();
    }
    if (focus) this.input.focus();
  }

  /** Close the panel; `focus` returns focus to the launcher. */
  close(focus = true): void {
    if (this.isOpen) {
      this.panel.hidden = true;
      this.frame.classList.remove('is-open');
      this.launcher.setAttribute('aria-expanded', 'false');
      this.launcher.setAttribute('aria-label', `Open chat: ${this.options.title}`);
      this.conversation.setOpen(false);
    }
    if (focus) this.launcher.focus();
  }

  /** Open the panel and ask `text`. */
  ask(text: string): void {
    this.open(true);
    this.submit(String(text ?? ''));
  }

  /** Forget the conversation (here and in sessionStorage). */
  clear(focus = false): void {
    this.conversation.clear();
    this.log.querySelectorAll('[data-msg]').forEach((node) => node.remove());
    this.refreshIntro();
    this.announce('Conversation cleared.');
    if (this.isOpen && this.conversation.messages.length === 0 && !this.options.suggestions.length) void this.loadLatest();
    if (focus) this.input.focus();
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

  private submit(raw: string): void {
    const question = raw.replace(/\s+/g, ' ').trim();
    if (!question || this.pending) return;
    // A new question replaces a failed one still on screen.
    for (const m of this.conversation.failedTail()) this.removeMessage(m.id);
    const user = this.conversation.add({ role: 'user', text: question });
    this.log.append(this.renderMessage(user));
    this.input.value = '';
    void this.fetchAnswer(question);
  }

  private async fetchAnswer(question: string): Promise<void> {
    this.pending = true;
    this.send.setAttribute('aria-disabled', 'true');
    this.refreshIntro();
    this.typing = el(this.doc, 'div', { class: 'typing', 'aria-hidden': 'true' }, el(this.doc, 'i'), el(this.doc, 'i'), el(this.doc, 'i'));
    this.log.append(this.typing);
    this.scrollToEnd();
    this.announce('Searching the briefs…');
    try {
      const { conversationId, ...answer } = await this.client.ask(question, this.conversation.conversationId);
      this.conversation.adopt(conversationId);
      const m = this.conversation.add({ role: 'bot', question, answer });
      this.typing.remove();
      const node = this.renderMessage(m);
      this.log.append(node);
      this.revealAnswer(node);
      const n = answer.citations.length;
      this.announce(`${plainAnswer(answer.answer)}${answer.answered && n ? ` ${n} source${n === 1 ? '' : 's'} listed below.` : ''}`);
    } catch (err) {
      const { text, retry } = describeFailure(err);
      const m = this.conversation.add({ role: 'error', question, text, retry });
      this.typing.remove();
      this.log.append(this.renderMessage(m));
      // Give the user their words back so nothing typed is lost.
      if (!this.input.value) this.input.value = question;
      this.announce(text);
      this.scrollToEnd();
    } finally {
      this.typing = null;
      this.pending = false;
      this.send.removeAttribute('aria-disabled');
    }
  }

  /** Show a new answer from its question down; a long one is read from the top, not its last source. */
  private revealAnswer(node: HTMLElement): void {
    const question = node.previousElementSibling as HTMLElement | null;
    const start = (question?.classList.contains('user') ? question : node).offsetTop - 12;
    this.log.scrollTop = Math.min(start, this.log.scrollHeight - this.log.clientHeight);
  }

  private retry(errorId: number, question: string): void {
    if (this.pending) return;
    this.removeMessage(errorId);
    if (this.input.value.trim() === question) this.input.value = '';
    this.input.focus();
    void this.fetchAnswer(question);
  }

  private removeMessage(id: number): void {
    this.conversation.remove(id);
    this.log.querySelector(`[data-msg="${id}"]`)?.remove();
  }

  private renderMessage(m: Message): HTMLElement {
    const doc = this.doc;
    if (m.role === 'user') return renderUser(doc, m.text, m.id);
    if (m.role === 'error') return renderError(doc, m.text, m.id, m.retry ? () => this.retry(m.id, m.question) : null);
    return renderAnswer(
      doc,
      this.options.api,
      m.answer,
      m.id,
      {
        onMarker: (n, node) => {
          const target = node.querySelector<HTMLElement>(`#fn-${m.id}-${n}`);
          if (!target) return;
          // Scroll the log only: scrollIntoView would also scroll the panel and the host page.
          const log = this.log.getBoundingClientRect();
          const box = target.getBoundingClientRect();
          if (box.top < log.top || box.bottom > log.bottom) this.log.scrollTop += box.top - log.top - 12;
          target.focus({ preventScroll: true });
          target.classList.add('flash');
          setTimeout(() => target.classList.remove('flash'), 1600);
        },
        onFeedback: (answerId, rating) => this.client.feedback(answerId, rating),
      },
      m.question,
    );
  }

  /** Greeting and suggestion chips: shown while the conversation is empty. */
  private refreshIntro(): void {
    const empty = this.conversation.messages.length === 0 && !this.pending;
    if (!empty) {
      this.intro?.remove();
      this.intro = null;
      return;
    }
    if (this.intro) return;
    const doc = this.doc;
    this.intro = el(doc, 'div', { class: 'intro' });
    this.intro.append(el(doc, 'div', { class: 'msg greeting' }, this.options.greeting));
    this.log.prepend(this.intro);
    if (this.options.suggestions.length) {
      this.intro.append(
        renderChips(
          doc,
          'Try asking',
          this.options.suggestions.map((q) => questionChip(doc, q, q, (x) => this.ask(x))),
        ),
      );
    } else if (this.latest) {
      this.showLatest(this.latest);
    }
  }

  private async loadLatest(): Promise<void> {
    if (this.latest) return this.showLatest(this.latest);
    try {
      this.latest = await this.client.latest(3);
      this.showLatest(this.latest);
    } catch {
      // Chips are a nicety: without them the greeting still invites a question.
    }
  }

  private showLatest(briefs: BriefItem[]): void {
    if (!this.intro || !briefs.length || this.intro.querySelector('.chips')) return;
    const doc = this.doc;
    this.intro.append(
      renderChips(
        doc,
        'Latest briefs',
        briefs.map((b) => questionChip(doc, String(b.title), String(b.title), (x) => this.ask(x))),
      ),
    );
  }

  private announce(text: string): void {
    // Clear first so the same text twice is still announced.
    this.status.textContent = '';
    setTimeout(() => (this.status.textContent = text), 50);
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** Constructable stylesheets work under a strict host-page CSP; older browsers get a `<style>`. */
  private adoptStyles(): void {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS + FEEDBACK_CSS);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      this.root.append(el(this.doc, 'style', {}, CSS + FEEDBACK_CSS));
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
