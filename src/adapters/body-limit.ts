/**
 * A body-size limit that holds for streamed (chunked) bodies too: the body is
 * counted as it arrives and refused once past `maxSize`, never read whole.
 *
 * Like hono's `bodyLimit`, with one difference: on overflow the rest of the
 * stream is cancelled rather than left unread on the connection (workerd
 * otherwise reports "Network connection lost" for it).
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';

export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async function limitBody(c, next) {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.raw.headers.get('content-length');
    if (declared !== null && !c.req.raw.headers.has('transfer-encoding')) {
      if (Number(declared) > maxSize) {
        await body.cancel().catch(() => undefined);
        return onError(c);
      }
      return next();
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) {
        await reader.cancel().catch(() => undefined);
        return onError(c);
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: bytes });
    await next();
  };
}
