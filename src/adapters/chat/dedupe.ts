/**
 * Webhook de-duplication: platforms retry deliveries (Slack after 3 s,
 * WhatsApp for days, LINE redelivery, Telegram on any non-2xx), and a retry
 * must not produce a second reply. Each handled delivery id is remembered in
 * the `STATE` KV namespace as `dedupe:<channel>:<id>` with a TTL.
 *
 * KV is eventually consistent across locations, so two copies of one delivery
 * arriving at two data centres within the same second could both pass; in
 * practice a retry comes from the same platform region seconds to minutes
 * later, after the key is visible. A Durable Object would make it strict.
 * @module
 */
import type { ChannelName } from './respond.js';

/** How long a delivery id is remembered, per channel (KV's minimum TTL is 60 s). */
export const DEDUPE_TTL_SECONDS: Record<ChannelName, number> = {
  telegram: 24 * 3600, // Telegram keeps undelivered updates for 24 h
  slack: 3600, // last retry comes ~5 minutes after the first attempt
  whatsapp: 7 * 24 * 3600, // Meta retries for up to 7 days
  discord: 3600,
  twilio: 24 * 3600,
  line: 24 * 3600,
};

export function dedupeKey(channel: ChannelName, id: string): string {
  return `dedupe:${channel}:${id}`;
}

/**
 * Record a delivery and say whether it is the first time it was seen.
 * Returns `true` (handle it) on first sight, `false` for a repeat.
 *
 * @example
 * if (!(await firstDelivery(c.env.STATE, 'telegram', String(update.update_id)))) return c.body(null, 200);
 */
export async function firstDelivery(kv: KVNamespace, channel: ChannelName, id: string): Promise<boolean> {
  const key = dedupeKey(channel, id);
  if ((await kv.get(key)) !== null) return false;
  await kv.put(key, new Date().toISOString(), { expirationTtl: Math.max(60, DEDUPE_TTL_SECONDS[channel]) });
  return true;
}
