/**
 * Telegram authentication: no signature, only the `secret_token` given to
 * setWebhook, echoed in `X-Telegram-Bot-Api-Secret-Token`, compared in
 * constant time.
 * @module
 */
import { safeEqual } from '../chat/crypto.js';

/** `true` when the header is present and equals the configured secret token. */
export async function verifyTelegramSecret(header: string | null | undefined, secretToken: string): Promise<boolean> {
  if (!header || !secretToken) return false;
  return safeEqual(header, secretToken);
}
