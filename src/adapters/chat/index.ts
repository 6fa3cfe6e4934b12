/**
 * Shared building blocks of the messaging channels. A channel adapter is
 * verify → parse → {@link respond} → {@link formatReply} → reply; everything
 * they have in common lives here, once:
 *
 * - `respond(engine, env, channel, chatKey, text)`: the single entry point
 *   that turns a user's text into a {@link ChatReply} (commands `/start`,
 *   `/help`, `/latest`, `/new`, `/more`, `/sources`; chat intents; questions
 *   go to `engine.ask` with the chat's remembered history, see
 *   docs/conversations.md).
 * - `converse(engine, env, key, text)`: the conversation memory behind it.
 * - `formatReply(reply, markup, limit)`: per-platform markup and length limits.
 * - Web Crypto verification helpers (`verifyHmac`, `verifyEd25519`, `safeEqual`,
 *   fail-closed `hexToBytes` / `base64ToBytes`).
 * - retry de-duplication: `respond(…, deliveryId)` claims the id in the chat's Durable Object.
 * - `postJson(call)`: outbound API calls with a timeout that log and never throw.
 * - `requireChannel`, `channelStatus`, `unauthorized`, `rawBody`: HTTP plumbing.
 * @module
 */
export { respond, sharedReply, SLOW_DOWN, SLOW_DOWN_TEXT } from './respond.js';
export { formatReply, splitSentences, LENGTH_LIMITS } from './format.js';
export { hashedId, safeEqual, hexToBytes, base64ToBytes } from './crypto.js';
export { postJson } from './outbound.js';
export { channelStatus, requireChannel, unauthorized, rawBody, parseJson, defer, obj, type Payload } from './http.js';
