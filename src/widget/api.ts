/**
 * The widget's HTTP client for the Briefbot JSON API, with errors sorted
 * into what the user can do about them.
 * @module
 */
import type { Answer } from '../core/types.js';
import { fill, type Strings } from './i18n.js';

/** `GET /api/ask` body (`kind` as in the core's `ChatReply`: "answer", "no_answer", "latest"…). */
export type AskResult = Answer & { kind?: string; query?: { tookMs: number }; conversationId?: string; answerId?: string };

/** A brief as listed by `GET /api/briefs`. */
export interface BriefItem {
  id: string;
  title: string;
  date: string | null;
}

export type FailureKind = 'network' | 'timeout' | 'rate_limited' | 'server' | 'rejected';

/** A failed request, classified. */
export class RequestFailed extends Error {
  override readonly name = 'RequestFailed';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status = 0,
    /** Seconds to wait, from `Retry-After`, when known. */
    readonly retryAfter?: number,
    /** The API's error code (`error.code`), when it sent one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * What the user sees for a failure (in the UI language), whether "Try again" makes
 * sense, and until when it must wait (a 429's `Retry-After`, as ms since the epoch).
 */
export function describeFailure(err: unknown, t: Strings, now = Date.now()): { text: string; retry: boolean; until?: number } {
  if (!(err instanceof RequestFailed)) return { text: t.errServer, retry: true };
  switch (err.kind) {
    case 'network':
      return { text: t.errNetwork, retry: true };
    case 'timeout':
      return { text: t.errTimeout, retry: true };
    case 'rate_limited': {
      const wait = err.retryAfter ?? 10;
      return { text: fill(t.errRate, wait), retry: true, until: now + wait * 1000 };
    }
    case 'server':
      return { text: t.errServer, retry: true };
    case 'rejected':
      return { text: err.message, retry: false };
  }
}

export interface ClientOptions {
  fetch?: typeof fetch;
  /** Abort a request after this long. @default 15000 */
  timeoutMs?: number;
}

export class ApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(
    readonly base: string,
    options: ClientOptions = {},
  ) {
    // Bound: calling an unbound `window.fetch` throws "Illegal invocation".
    this.fetchImpl = options.fetch ?? fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /**
   * Ask a question, inside a conversation when `conversationId` is given (so
   * "what about the drugs?" is read against the previous questions).
   * A GET is a CORS "simple request": no preflight round trip.
   */
  async ask(question: string, conversationId?: string): Promise<AskResult> {
    const once = (id?: string) =>
      // client=widget: the question log counts the widget's questions apart (docs/insights.md).
      this.get<AskResult>(`/api/ask?q=${encodeURIComponent(question)}${id ? `&conversationId=${encodeURIComponent(id)}` : ''}&client=widget`).then(checkAnswer);
    try {
      return await once(conversationId);
    } catch (err) {
      // The server no longer knows this conversation (long expired, or another deployment): start a new one.
      if (conversationId && err instanceof RequestFailed && err.code === 'invalid_conversation') return once();
      throw err;
    }
  }

  /** A reader's vote on an answer (`POST /api/feedback`); rejects when it was not stored. */
  async feedback(answerId: string, rating: 'up' | 'down'): Promise<void> {
    const res = await this.fetchImpl(this.base + '/api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answerId, rating }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new RequestFailed('rejected', String(res.status), res.status);
  }

  /** The newest briefs. */
  async latest(n: number): Promise<BriefItem[]> {
    const body = await this.get<{ briefs?: BriefItem[] }>(`/api/briefs?limit=${n}`);
    return (Array.isArray(body.briefs) ? body.briefs : []).slice(0, n);
  }

  private async get<T>(path: string): Promise<T> {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), this.timeoutMs);
    let res: Response;
    try {
      res = await this.fetchImpl(this.base + path, { signal: ctrl.signal, headers: { Accept: 'application/json' } });
    } catch {
      throw ctrl.signal.aborted ? new RequestFailed('timeout', 'timed out') : new RequestFailed('network', 'network error');
    } finally {
      clearTimeout(timer);
    }
    if (res.ok) {
      try {
        return (await res.json()) as T;
      } catch {
        throw new RequestFailed('server', 'invalid JSON', res.status);
      }
    }
    const error = await res
      .json()
      .then((b: { error?: { message?: unknown; code?: unknown } }) => b?.error ?? {})
      .catch(() => ({}) as { message?: unknown; code?: unknown });
    const message = typeof error.message === 'string' ? error.message : '';
    const code = typeof error.code === 'string' ? error.code : undefined;
    if (res.status === 429) {
      const after = Number(res.headers.get('Retry-After'));
      throw new RequestFailed('rate_limited', message || 'rate limited', 429, after > 0 && after < 3600 ? Math.ceil(after) : undefined);
    }
    if (res.status >= 500 || res.status === 404) throw new RequestFailed('server', message || `HTTP ${res.status}`, res.status);
    throw new RequestFailed('rejected', message || `The question was not accepted (HTTP ${res.status}).`, res.status, undefined, code);
  }
}

/** Keep only well-formed parts of an answer, so rendering never trips on odd data. */
function checkAnswer(body: AskResult): AskResult {
  if (!body || typeof body.answer !== 'string' || !Array.isArray(body.citations)) {
    throw new RequestFailed('server', 'unexpected answer shape');
  }
  return {
    ...(typeof body.kind === 'string' ? { kind: body.kind } : {}),
    answered: body.answered === true,
    answer: body.answer,
    citations: body.citations.filter((c) => c && typeof c.briefId === 'string' && typeof c.snippet === 'string'),
    ...(Array.isArray(body.related) ? { related: body.related.filter((r) => r && typeof r.briefId === 'string') } : {}),
    ...(typeof body.conversationId === 'string' ? { conversationId: body.conversationId } : {}),
    ...(typeof body.answerId === 'string' ? { answerId: body.answerId } : {}),
    // Dates (issue 17): earlier-context markers, relative days placed on the calendar, expired sources.
    ...(Array.isArray(body.earlier) ? { earlier: body.earlier.filter((n) => typeof n === 'number') } : {}),
    ...(Array.isArray(body.times)
      ? { times: body.times.filter((x) => x && typeof x.marker === 'number' && typeof x.phrase === 'string' && typeof x.date === 'string') }
      : {}),
    ...(Array.isArray(body.expired) ? { expired: body.expired.filter((x) => x && typeof x.marker === 'number' && typeof x.expires === 'string') } : {}),
  };
}
