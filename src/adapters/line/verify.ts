/**
 * LINE webhook authentication: `x-line-signature` is base64
 * HMAC-SHA256(channel secret, raw body).
 * @module
 */
import { base64ToBytes, verifyHmac } from '../chat/crypto.js';

export async function verifyLineSignature(channelSecret: string, header: string | null | undefined, body: Uint8Array): Promise<boolean> {
  return verifyHmac('SHA-256', channelSecret, base64ToBytes(header ?? '', 32), body);
}
