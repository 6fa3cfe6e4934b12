/**
 * One error type for every surface, and the one place that decides what any
 * failure looks like.
 *
 * Handlers and middleware `throw new ApiError(status, code, message)`; each
 * surface's `onError` turns whatever was thrown into an {@link ApiError} with
 * {@link asApiError} and renders it in its shape: `{ error: { code, message } }`
 * for the JSON API, the widget pages and the webhooks ({@link jsonError}), and
 * OpenAI's `{ error: { message, type, param, code } }` on `/v1`
 * (`adapters/openai`). Index and shard problems are a 503 that names the fix;
 * anything unexpected is a 500 with no internals, logged once.
 * @module
 */
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { IndexError } from '../core/errors.js';
import { ShardMissing } from '../core/sharded.js';

export interface ApiErrorOptions {
  /** The request field at fault (OpenAI's `param`). */
  param?: string | null;
  /** OpenAI's error `type`, when the status does not say it (default from the status). */
  type?: string;
  /** Extra response headers (`Allow`, `Retry-After`). */
  headers?: Record<string, string>;
}

/** A failure to report to the client: HTTP status, a stable machine code, a sentence for people. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly options: ApiErrorOptions = {},
  ) {
    super(message);
  }
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Whatever was thrown, as the error the client sees. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  // The index cannot be opened or read (e.g. R2 storage with nothing ingested, a shard gone): say what the operator must do.
  if (err instanceof IndexError || err instanceof ShardMissing) return new ApiError(503, 'index_unavailable', err.message);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return new ApiError(status, CODE_BY_STATUS[status] ?? 'error', err.message || 'Request failed');
  }
  console.error('briefbot: unhandled error', err);
  return new ApiError(500, 'internal_error', 'Something went wrong on our side. Please try again.');
}

/** The JSON API's error body: `{ error: { code, message } }`. */
export function jsonError(c: Context, err: ApiError): Response {
  return c.json({ error: { code: err.code, message: err.message } }, err.status, err.options.headers);
}

/** `app.onError` for the JSON surfaces. */
export const onJsonError: ErrorHandler = (err, c) => jsonError(c, asApiError(err));
