/**
 * One error type for the API, mapped to a JSON body in one place.
 * @module
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error a client caused or should know about: `{ error: { code, message } }` with `status`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: string, headers?: Record<string, string>) {
  return c.json({ error: { code, message } }, status, headers);
}

/** `app.onError`: known errors keep their status; anything else is a 500 with no internals. */
export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return errorJson(c, err.status, err.code, err.message);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const malformed = /malformed json/i.test(err.message);
    return errorJson(
      c,
      status,
      malformed ? 'malformed_json' : (CODE_BY_STATUS[status] ?? 'error'),
      malformed ? 'The request body is not valid JSON' : err.message || 'Request failed',
    );
  }
  console.error('briefbot: unhandled error', err);
  return errorJson(c, 500, 'internal_error', 'Something went wrong on our side. Please try again.');
}
