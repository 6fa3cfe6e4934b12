/**
 * Slack request signing: `X-Slack-Signature: v0=<hex HMAC-SHA256(signing
 * secret, "v0:" + X-Slack-Request-Timestamp + ":" + raw body)>`, rejected
 * when the timestamp is more than five minutes away from now.
 * @module
 */
import { concatBytes, hexToBytes, utf8, verifyHmac } from '../chat/crypto.js';

/** Slack's replay window, in seconds. */
const SLACK_MAX_SKEW_SECONDS = 300;

/**
 * @param nowSeconds current Unix time (injectable for the documented test vector)
 *
 * @example
 * await verifySlackSignature(secret, req.headers.get('x-slack-request-timestamp'), req.headers.get('x-slack-signature'), body)
 */
export async function verifySlackSignature(
  signingSecret: string,
  timestamp: string | null | undefined,
  signature: string | null | undefined,
  body: Uint8Array,
  nowSeconds: number = Date.now() / 1000,
): Promise<boolean> {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > SLACK_MAX_SKEW_SECONDS) return false;
  if (!signature.startsWith('v0=')) return false;
  const mac = hexToBytes(signature.slice(3), 32);
  return verifyHmac('SHA-256', signingSecret, mac, concatBytes(utf8(`v0:${timestamp}:`), body));
}
