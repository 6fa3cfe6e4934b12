/**
 * Twilio request validation: `X-Twilio-Signature` is base64 HMAC-SHA1 (key:
 * the primary Auth Token) of the full URL Twilio called followed by every
 * POST parameter as name + value, names in code-unit order (repeated names:
 * each distinct value, sorted), values URL-decoded.
 * @module
 */
import { base64ToBytes, utf8, verifyHmac } from '../chat/crypto.js';

/** The string Twilio signs for a form POST. */
export function twilioSignedString(url: string, params: URLSearchParams): string {
  let s = url;
  const names = [...new Set(params.keys())].sort();
  for (const name of names) {
    for (const value of [...new Set(params.getAll(name))].sort()) s += name + value;
  }
  return s;
}

/**
 * The URL as given, plus the same URL with the default port added or removed:
 * Twilio may sign either form (its own SDK tries both).
 */
export function twilioUrlVariants(url: string): string[] {
  const m = /^(https?):\/\/([^/?#]+)(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme, authority, rest] = m as unknown as [string, string, string, string];
  const defaultPort = scheme.toLowerCase() === 'https' ? '443' : '80';
  const portMatch = /:(\d+)$/.exec(authority);
  if (portMatch) {
    return portMatch[1] === defaultPort ? [url, `${scheme}://${authority.slice(0, -portMatch[0].length)}${rest}`] : [url];
  }
  return [url, `${scheme}://${authority}:${defaultPort}${rest}`];
}

/**
 * @param url    the public URL Twilio requested, byte for byte (query included)
 * @param params the form body as `URLSearchParams` decodes it
 */
export async function verifyTwilioSignature(
  authToken: string,
  signature: string | null | undefined,
  url: string,
  params: URLSearchParams,
): Promise<boolean> {
  const mac = base64ToBytes(signature ?? '', 20);
  if (!mac) return false;
  for (const candidate of twilioUrlVariants(url)) {
    if (await verifyHmac('SHA-1', authToken, mac, utf8(twilioSignedString(candidate, params)))) return true;
  }
  return false;
}
