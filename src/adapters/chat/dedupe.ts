/**
 * Webhook de-duplication: platforms retry deliveries (Slack after 3 s,
 * WhatsApp for days, LINE redelivery, Telegram on any non-2xx), and a retry
 * must not produce a second reply. `respond()` passes the delivery id to the
 * chat's Durable Object, which claims it in the same request that reads the
 * conversation (strictly consistent) and forgets it after the channel's retry
 * window below.
 * @module
 */
import type { ChannelName } from './respond.js';

/** How long a delivery id is remembered, per channel. */
export const DEDUPE_TTL_SECONDS: Record<ChannelName, number> = {
  telegram: 24 * 3600, // Telegram keeps undelivered updates for 24 h
  slack: 3600, // last retry comes ~5 minutes after the first attempt
  whatsapp: 7 * 24 * 3600, // Meta retries for up to 7 days
  discord: 3600,
  twilio: 24 * 3600,
  line: 24 * 3600,
};
