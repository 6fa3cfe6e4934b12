/**
 * The conversation: an ordered list of messages, kept in sessionStorage so it
 * survives a reload within the tab, and cleared on request.
 * @module
 */
import type { AskResult } from './api.js';

export type Message =
  | { id: number; role: 'user'; text: string }
  | { id: number; role: 'bot'; question: string; answer: AskResult }
  | {
      id: number;
      role: 'error';
      question: string;
      text: string;
      retry: boolean;
      /** Time (ms since the epoch) before which "Try again" stays disabled (a 429's `Retry-After`). */
      until?: number;
      /** The error's kind, so its text can be rewritten in the UI language on reload. */
      kind?: string;
    };

/** A message before it gets its id. */
export type NewMessage = Message extends infer M ? (M extends Message ? Omit<M, 'id'> : never) : never;

interface Snapshot {
  v: 1;
  open: boolean;
  messages: Message[];
  /** The server-side conversation these messages belong to (follow-up questions use it). */
  conversationId?: string;
  /** Questions sent or queued and not answered yet, oldest first. */
  pending?: string[];
  /** Whether older messages were dropped (see {@link MAX_MESSAGES}). */
  trimmed?: boolean;
}

/** Oldest messages are dropped beyond this many. */
export const MAX_MESSAGES = 60;

/** The subset of `Storage` the store uses (sessionStorage can be missing or throw). */
export type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class Conversation {
  messages: Message[] = [];
  open = false;
  /**
   * The id the server issued with its first answer, sent with each later question so it
   * can resolve follow-ups; none until the first answer, and none again after `clear()`.
   */
  conversationId: string | undefined;
  /**
   * Questions asked but not answered yet, oldest first (the first is in flight, the
   * rest queued); kept so a reload re-asks them instead of losing them.
   */
  pending: string[] = [];
  /** Older messages were dropped to stay under {@link MAX_MESSAGES}; the widget says so. */
  trimmed = false;
  private nextId = 1;

  constructor(
    private readonly storage: KeyValue | null,
    readonly key: string,
  ) {
    this.load();
  }

  add(message: NewMessage): Message {
    const m = { ...message, id: this.nextId++ } as Message;
    this.messages.push(m);
    if (this.messages.length > MAX_MESSAGES) {
      this.messages.splice(0, this.messages.length - MAX_MESSAGES);
      this.trimmed = true;
    }
    this.save();
    return m;
  }

  /** Remember `question` as asked and not answered yet. */
  addPending(question: string): void {
    this.pending.push(question);
    this.save();
  }

  /** The oldest pending question got its answer (or its error). */
  settlePending(): void {
    this.pending.shift();
    this.save();
  }

  remove(id: number): void {
    this.messages = this.messages.filter((m) => m.id !== id);
    this.save();
  }

  /** The trailing failed exchange (the question and its error), if the last message is an error. */
  failedTail(): Message[] {
    const last = this.messages.at(-1);
    if (last?.role !== 'error') return [];
    const before = this.messages.at(-2);
    return before?.role === 'user' && before.text === last.question ? [before, last] : [last];
  }

  setOpen(open: boolean): void {
    this.open = open;
    this.save();
  }

  /** Keep the conversation id the server returned (a new one when it started a new conversation). */
  adopt(conversationId: string | undefined): void {
    if (conversationId === undefined || conversationId === this.conversationId) return;
    this.conversationId = conversationId;
    this.save();
  }

  clear(): void {
    this.messages = [];
    this.conversationId = undefined;
    this.pending = [];
    this.trimmed = false;
    this.save();
  }

  private load(): void {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return;
      const snap = JSON.parse(raw) as Snapshot;
      if (snap?.v !== 1 || !Array.isArray(snap.messages)) return;
      this.messages = snap.messages.filter(isMessage);
      this.open = snap.open === true;
      if (typeof snap.conversationId === 'string' && /^[\w.:-]{1,128}$/.test(snap.conversationId)) this.conversationId = snap.conversationId;
      if (Array.isArray(snap.pending)) this.pending = snap.pending.filter((q) => typeof q === 'string' && q.length > 0 && q.length <= 500).slice(0, 5);
      this.trimmed = snap.trimmed === true;
      this.nextId = this.messages.reduce((max, m) => Math.max(max, m.id), 0) + 1;
    } catch {
      // Corrupt or unreadable storage: start afresh.
    }
  }

  private save(): void {
    try {
      if (this.messages.length === 0 && !this.open && !this.pending.length) this.storage?.removeItem(this.key);
      else
        this.storage?.setItem(
          this.key,
          JSON.stringify({
            v: 1,
            open: this.open,
            messages: this.messages,
            conversationId: this.conversationId,
            pending: this.pending,
            trimmed: this.trimmed,
          } satisfies Snapshot),
        );
    } catch {
      // Storage full or blocked: the conversation still works, it just won't survive a reload.
    }
  }
}

function isMessage(m: unknown): m is Message {
  if (!m || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  if (typeof x.id !== 'number') return false;
  if (x.role === 'user') return typeof x.text === 'string';
  if (x.role === 'error') return typeof x.text === 'string' && typeof x.question === 'string';
  if (x.role === 'bot') {
    const a = x.answer as Record<string, unknown> | undefined;
    return typeof x.question === 'string' && !!a && typeof a.answer === 'string' && Array.isArray(a.citations);
  }
  return false;
}
