/**
 * Discord interactions authentication: Ed25519 over
 * `X-Signature-Timestamp + raw body`, checked against the application's
 * public key (hex). Discord documents no replay window; we also refuse
 * timestamps more than five minutes from now.
 * @module
 */
import { concatBytes, utf8, verifyEd25519 } from '../chat/crypto.js';

const DISCORD_MAX_SKEW_SECONDS = 300;

/**
 * @param nowSeconds current Unix time; pass `null` to skip the freshness check
 *                   (only for checking fixed test vectors)
 */
export async function verifyDiscordSignature(
  publicKeyHex: string,
  signatureHex: string | null | undefined,
  timestamp: string | null | undefined,
  body: Uint8Array,
  nowSeconds: number | null = Date.now() / 1000,
): Promise<boolean> {
  if (!signatureHex || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (nowSeconds !== null && Math.abs(nowSeconds - Number(timestamp)) > DISCORD_MAX_SKEW_SECONDS) return false;
  return verifyEd25519(publicKeyHex.trim(), signatureHex, concatBytes(utf8(timestamp), body));
}
