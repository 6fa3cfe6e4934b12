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
export { respond, sharedReply, SLOW_DOWN, SLOW_DOWN_TEXT, type ChannelName } from './respond.js';
export { formatReply, splitSentences, escapeDiscord, escapeSlack, escapeTelegramHtml, LENGTH_LIMITS, type Markup } from './format.js';
export { verifyHmac, verifyEd25519, hashedId, safeEqual, hexToBytes, base64ToBytes, bytesToBase64, utf8, concatBytes } from './crypto.js';
export { DEDUPE_TTL_SECONDS } from './dedupe.js';
export { converse, conversationTtlSeconds, DEFAULT_CONVERSATION_TTL_MINUTES, STATE_TIMEOUT_MS, type ConverseResult } from './memory.js';
export { postJson, OUTBOUND_TIMEOUT_MS, type OutboundCall, type OutboundResult } from './outbound.js';
export { CHANNEL_REQUIREMENTS, channelEnabled, channelStatus, requireChannel, unauthorized, rawBody, parseJson, defer } from './http.js';
