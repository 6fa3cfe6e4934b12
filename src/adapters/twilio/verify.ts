/**
 * Twilio request validation: `X-Twilio-Signature` is base64 HMAC-SHA1 (key:
 * the primary Auth Token) of the full URL Twilio called followed by every
 * POST parameter as name + value, names in code-unit order (repeated names:
 * each distinct value, sorted), values URL-decoded.
 * @module
 */
import { base64ToBytes, utf8, verifyHmac } from '../chat/crypto.js';

/**
 * Most form parameters a Twilio webhook is verified with: Twilio sends a few
 * dozen; a body with more is refused before any work is done on it.
 */
export const MAX_TWILIO_PARAMS = 1000;

/** The string Twilio signs for a form POST (one pass over the parameters, then a sort: n log n). */
function twilioSignedString(url: string, params: URLSearchParams): string {
  const byName = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    let values = byName.get(name);
    if (!values) byName.set(name, (values = new Set()));
    values.add(value);
  }
  const parts = [url];
  for (const name of [...byName.keys()].sort()) {
    for (const value of [...byName.get(name)!].sort()) parts.push(name, value);
  }
  return parts.join('');
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
export async function verifyTwilioSignature(authToken: string, signature: string | null | undefined, url: string, params: URLSearchParams): Promise<boolean> {
  const mac = base64ToBytes(signature ?? '', 20);
  if (!mac) return false;
  let count = 0;
  for (const _ of params.keys()) if (++count > MAX_TWILIO_PARAMS) return false;
  for (const candidate of twilioUrlVariants(url)) {
    if (await verifyHmac('SHA-1', authToken, mac, utf8(twilioSignedString(candidate, params)))) return true;
  }
  return false;
}
