import { afterEach, describe, expect, it, vi } from 'vitest';
import { twilioPublicUrl, twilioUrlVariants, verifyTwilioSignature } from '../../../src/adapters/twilio/index.js';
import signed from '../../fixtures/channels/sdk-signed.json';
import { TWILIO_DOC, TWILIO_SMS } from '../../fixtures/channels/vectors.js';
import { call, spyOnAnswerer } from './helpers.js';

const params = (body: string) => new URLSearchParams(body);
const fixture = (name: string) => signed.twilio.find((t) => t.name === name)!;

function post(url: string, body: string, signature: string | null) {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (signature !== null) headers['X-Twilio-Signature'] = signature;
  return new Request(url, { method: 'POST', headers, body });
}

afterEach(() => vi.restoreAllMocks());

describe('X-Twilio-Signature (reference §8.5, §8.5b)', () => {
  it('verifies the documented vector and rejects tampered params and changed URLs', async () => {
    expect(await verifyTwilioSignature(TWILIO_DOC.authToken, TWILIO_DOC.signature, TWILIO_DOC.url, params(TWILIO_DOC.body))).toBe(true);
    // Parameter order in the body does not matter: names are sorted.
    const reordered = TWILIO_DOC.body.split('&').reverse().join('&');
    expect(await verifyTwilioSignature(TWILIO_DOC.authToken, TWILIO_DOC.signature, TWILIO_DOC.url, params(reordered))).toBe(true);
    expect(
      await verifyTwilioSignature(TWILIO_DOC.authToken, TWILIO_DOC.signature, TWILIO_DOC.url, params(TWILIO_DOC.body.replace('Digits=1234', 'Digits=1235'))),
    ).toBe(false);
    expect(
      await verifyTwilioSignature(TWILIO_DOC.authToken, TWILIO_DOC.signature, 'https://mycompany.com/myapp.php?bar=2&foo=1', params(TWILIO_DOC.body)),
    ).toBe(false);
    expect(await verifyTwilioSignature(TWILIO_DOC.authToken, TWILIO_DOC.signature, 'https://mycompany.com/myapp.php?foo=1', params(TWILIO_DOC.body))).toBe(
      false,
    );
    expect(await verifyTwilioSignature('54321', TWILIO_DOC.signature, TWILIO_DOC.url, params(TWILIO_DOC.body))).toBe(false);
  });
  it('verifies the SMS vector (decoded values) and rejects its tampered body', async () => {
    expect(await verifyTwilioSignature(TWILIO_SMS.authToken, TWILIO_SMS.signature, TWILIO_SMS.url, params(TWILIO_SMS.body))).toBe(true);
    expect(
      await verifyTwilioSignature(
        TWILIO_SMS.authToken,
        TWILIO_SMS.signature,
        TWILIO_SMS.url,
        params(TWILIO_SMS.body.replace('Body=Hello+%26+welcome', 'Body=Hello+%26+welcome%21')),
      ),
    ).toBe(false);
  });
  it('accepts the URL with or without the default port, and fails closed on malformed signatures', async () => {
    expect(twilioUrlVariants('https://example.com/twilio/sms')).toEqual(['https://example.com/twilio/sms', 'https://example.com:443/twilio/sms']);
    expect(await verifyTwilioSignature(TWILIO_SMS.authToken, TWILIO_SMS.signature, 'https://example.com:443/twilio/sms', params(TWILIO_SMS.body))).toBe(true);
    for (const sig of [null, '', 'not base64!', TWILIO_SMS.signature.slice(0, -1), TWILIO_SMS.signature + 'AAAA']) {
      expect(await verifyTwilioSignature(TWILIO_SMS.authToken, sig, TWILIO_SMS.url, params(TWILIO_SMS.body)), String(sig)).toBe(false);
    }
  });
  it('builds the public URL from PUBLIC_BASE_URL', () => {
    expect(twilioPublicUrl('http://10.0.0.7:8080/webhooks/twilio?a=1', 'https://bot.example.com/')).toBe('https://bot.example.com/webhooks/twilio?a=1');
    expect(twilioPublicUrl('https://x.test/webhooks/twilio', undefined)).toBe('https://x.test/webhooks/twilio');
  });
});

describe('POST /webhooks/twilio (requests signed by the twilio SDK)', () => {
  it('answers an SMS question with TwiML (plain text, numbered sources, XML-escaped), and its retry once', async () => {
    const f = fixture('sms-question');
    const ask = spyOnAnswerer();
    const res = await call(post(f.requestUrl, f.body, f.signature));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>[^<]*<\/Message><\/Response>$/);
    expect(xml).toContain('Feb. 3. [1]\n\nSources\n[1] Colombian President optimistic about high-stakes White House meeting with Trump');
    const message = /<Message>([\s\S]*)<\/Message>/.exec(xml)![1]!;
    expect(message.length).toBeLessThanOrEqual(1600);

    const retry = await call(post(f.requestUrl, f.body, f.signature));
    expect(retry.status).toBe(200);
    expect(await retry.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('answers WhatsApp-via-Twilio commands on a URL with a query string', async () => {
    const f = fixture('whatsapp-latest');
    const res = await call(post(f.requestUrl, f.body, f.signature));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('The latest briefs:\nJan. 30, 2026: Colombian President Gustavo Petro said');
  });

  it('verifies against PUBLIC_BASE_URL behind a proxy', async () => {
    const f = fixture('behind-proxy');
    const without = await call(post(f.requestUrl, f.body, f.signature));
    expect(without.status).toBe(401);
    const res = await call(post(f.requestUrl, f.body, f.signature), { PUBLIC_BASE_URL: f.publicBaseUrl });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<Message>');
  });

  it.each([
    ['forged (another auth token)', 'Zm9yZ2VkLXNpZ25hdHVyZS0xMjM0NQ=='],
    ['unsigned', null],
  ])('rejects a %s request with 401 and no answer', async (_, sig) => {
    const f = fixture('sms-question');
    const ask = spyOnAnswerer();
    const res = await call(post(f.requestUrl, f.body.replace('SM00000000000000000000000000000001', 'SM0000000000000000000000000000000F'), sig));
    expect(res.status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
  });

  it('rejects a tampered body or a different URL with 401', async () => {
    const f = fixture('sms-question');
    const ask = spyOnAnswerer();
    expect((await call(post(f.requestUrl, f.body.replace('Trump%3F', 'Trump%21'), f.signature))).status).toBe(401);
    expect((await call(post(f.requestUrl + '?x=1', f.body, f.signature))).status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
  });

  it('refuses a body of 32,000 empty parameters with a fake signature (401), without reading it as a question', async () => {
    const spy = spyOnAnswerer();
    const body = Array.from({ length: 32_000 }, (_, i) => `k${i}=`).join('&');
    const res = await call(post('https://briefbot.test/webhooks/twilio', body, 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='));
    expect(res.status).toBe(401);
    expect(spy).not.toHaveBeenCalled();
  });

  it('is 404 without TWILIO_AUTH_TOKEN', async () => {
    const f = fixture('sms-question');
    expect((await call(post(f.requestUrl, f.body, f.signature), { TWILIO_AUTH_TOKEN: undefined })).status).toBe(404);
  });
});
