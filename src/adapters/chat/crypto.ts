/**
 * Web Crypto helpers shared by every webhook verifier. Everything here fails
 * closed: a header that does not decode is a failed check (`false`/`null`),
 * never an exception, and every comparison of secret material happens inside
 * `crypto.subtle.verify`, which compares in constant time.
 *
 * Only standard Web Crypto is used (no `crypto.subtle.timingSafeEqual`, which
 * is Cloudflare-only), so the same code runs in workerd and in Node tests.
 * @module
 */

const encoder = new TextEncoder();

/** Bytes backed by a plain ArrayBuffer (what Web Crypto accepts as `BufferSource`). */
export type Bytes = Uint8Array<ArrayBuffer>;

/** View any byte array as {@link Bytes} (copies only if it sits on a shared buffer). */
function asBytes(u: Uint8Array): Bytes {
  return u.buffer instanceof ArrayBuffer ? (u as Bytes) : new Uint8Array(u);
}

/** UTF-8 bytes of a string. */
export function utf8(s: string): Bytes {
  return new Uint8Array(encoder.encode(s));
}

/** Concatenate byte arrays (e.g. a timestamp and a raw body). */
export function concatBytes(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Decode hex (either case). Returns `null` for odd length, any non-hex
 * character, or a length other than `expectedLength` bytes when given.
 */
export function hexToBytes(hex: string, expectedLength?: number): Bytes | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  if (expectedLength !== undefined && out.length !== expectedLength) return null;
  return out;
}

/**
 * Decode standard base64 (with padding, as Twilio and LINE send it). Returns
 * `null` for anything that is not canonical base64 of `expectedLength` bytes.
 */
export function base64ToBytes(b64: string, expectedLength?: number): Bytes | null {
  if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return null;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  if (expectedLength !== undefined && out.length !== expectedLength) return null;
  return out;
}

export type HmacHash = 'SHA-1' | 'SHA-256';

const MAC_LENGTH: Record<HmacHash, number> = { 'SHA-1': 20, 'SHA-256': 32 };

/**
 * Check `signature` = HMAC(`secret`, `data`) with `crypto.subtle.verify`
 * (constant-time inside the crypto implementation). A `null` signature (a
 * header that did not decode) or one of the wrong length is simply `false`.
 *
 * @example
 * await verifyHmac('SHA-256', secret, hexToBytes(hex, 32), rawBody)
 */
export async function verifyHmac(hash: HmacHash, secret: string, signature: Uint8Array | null, data: Uint8Array): Promise<boolean> {
  if (!signature || signature.length !== MAC_LENGTH[hash] || secret.length === 0) return false;
  const key = await crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash }, false, ['verify']);
  return crypto.subtle.verify('HMAC', key, asBytes(signature), asBytes(data));
}

/**
 * Check an Ed25519 signature (Discord): 32-byte public key and 64-byte
 * signature, both hex. Malformed keys or signatures are `false`.
 */
export async function verifyEd25519(publicKeyHex: string, signatureHex: string, data: Uint8Array): Promise<boolean> {
  const publicKey = hexToBytes(publicKeyHex, 32);
  const signature = hexToBytes(signatureHex, 64);
  if (!publicKey || !signature) return false;
  try {
    const key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, asBytes(data));
  } catch {
    // A 32-byte string that is not a valid curve point is refused by importKey.
    return false;
  }
}

/**
 * Constant-time equality of two strings (Telegram's secret header, WhatsApp's
 * verify token): both are MACed under a one-off random key and one MAC is
 * verified against the other, so neither content nor length leaks through timing.
 */
export async function safeEqual(a: string, b: string): Promise<boolean> {
  const key = (await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])) as CryptoKey;
  const macA = new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(a)));
  return crypto.subtle.verify('HMAC', key, macA, utf8(b));
}

/**
 * A keyed hash (HMAC-SHA-256, hex, 128 bits) of an identifier such as a phone
 * number, for storage keys: stable for one secret, and useless to anyone who
 * reads the storage without it (a plain hash of a phone number is easy to reverse).
 */
export async function hashedId(secret: string, value: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(value)));
  return [...mac.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
