/**
 * WhatsApp Cloud API (Meta webhooks) authentication:
 * - POST: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
 *   Meta signs the escaped-unicode bytes it sent, so only the raw body verifies.
 * - GET handshake: `hub.mode=subscribe` and `hub.verify_token` equal to ours.
 * @module
 */
import { hexToBytes, safeEqual, verifyHmac } from '../chat/crypto.js';

export async function verifyMetaSignature(appSecret: string, header: string | null | undefined, body: Uint8Array): Promise<boolean> {
  if (!header || !header.startsWith('sha256=')) return false;
  return verifyHmac('SHA-256', appSecret, hexToBytes(header.slice('sha256='.length), 32), body);
}

/**
 * The subscription handshake: returns the `hub.challenge` to echo when the
 * mode is `subscribe` and the verify token matches (constant time), else `null`.
 */
export async function verifyWhatsAppHandshake(
  query: { mode?: string | null; token?: string | null; challenge?: string | null },
  verifyToken: string,
): Promise<string | null> {
  if (query.mode !== 'subscribe' || !query.token || !query.challenge || !verifyToken) return null;
  return (await safeEqual(query.token, verifyToken)) ? query.challenge : null;
}
