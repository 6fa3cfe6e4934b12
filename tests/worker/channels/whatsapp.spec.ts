import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseWhatsAppMessages, verifyMetaSignature } from '../../../src/adapters/whatsapp/index.js';
import { WHATSAPP } from '../../fixtures/channels/vectors.js';
import { call, hmac, json, mockPlatformApi, spyOnAnswerer, toHex } from './helpers.js';

const enc = new TextEncoder();
const URL_ = 'https://briefbot.test/webhooks/whatsapp';

/** The docs' inbound text notification, with our text and message id. */
function notification(text: string, id: string, phoneNumberId = '106540352242922') {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
              messages: [{ from: '16505551234', id, timestamp: '1749416383', type: 'text', text: { body: text } }],
            },
          },
        ],
      },
    ],
  });
}

async function post(body: string, secret = WHATSAPP.secret, signature?: string | null) {
  const sig = signature === undefined ? 'sha256=' + toHex(await hmac('SHA-256', secret, body)) : signature;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (sig !== null) headers['X-Hub-Signature-256'] = sig;
  return new Request(URL_, { method: 'POST', headers, body });
}

const graph = () => mockPlatformApi({ 'https://graph.facebook.com': () => json({ messaging_product: 'whatsapp', messages: [{ id: 'wamid.OUT' }] }) });

afterEach(() => vi.restoreAllMocks());

describe('X-Hub-Signature-256 (reference §8.3)', () => {
  it('verifies the vector and rejects the tampered body', async () => {
    expect(await verifyMetaSignature(WHATSAPP.secret, WHATSAPP.signature, enc.encode(WHATSAPP.body))).toBe(true);
    expect(await verifyMetaSignature(WHATSAPP.secret, WHATSAPP.signature, enc.encode(WHATSAPP.body.replace('another color?', 'another colour?')))).toBe(false);
  });
  it('verifies escaped unicode over the raw bytes only', async () => {
    expect(await verifyMetaSignature(WHATSAPP.secret, WHATSAPP.unicodeSignature, enc.encode(WHATSAPP.unicodeBody))).toBe(true);
    const reserialized = JSON.stringify(JSON.parse(WHATSAPP.unicodeBody));
    expect(reserialized).toContain('äöå');
    expect(await verifyMetaSignature(WHATSAPP.secret, WHATSAPP.unicodeSignature, enc.encode(reserialized))).toBe(false);
    expect(await verifyMetaSignature(WHATSAPP.secret, WHATSAPP.reserializedSignature, enc.encode(reserialized))).toBe(true);
  });
  it('fails closed on malformed headers', async () => {
    const body = enc.encode(WHATSAPP.body);
    for (const h of [
      null,
      '',
      'sha256=',
      WHATSAPP.signature.slice(7),
      'sha1=' + WHATSAPP.signature.slice(7),
      WHATSAPP.signature.slice(0, -2),
      WHATSAPP.signature + 'zz',
    ]) {
      expect(await verifyMetaSignature(WHATSAPP.secret, h, body), String(h)).toBe(false);
    }
  });
});

describe('GET /webhooks/whatsapp (subscription handshake)', () => {
  it('echoes hub.challenge for the right verify token', async () => {
    const res = await call(new Request(`${URL_}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock`));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1158201444');
  });
  it.each([
    ['a wrong token', 'hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhocks'],
    ['no token', 'hub.mode=subscribe&hub.challenge=1158201444'],
    ['another mode', 'hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock'],
  ])('answers 403 to %s', async (_, query) => {
    const res = await call(new Request(`${URL_}?${query}`));
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('1158201444');
  });
});

describe('POST /webhooks/whatsapp', () => {
  it('acknowledges, then replies through the Graph API with a cited plain-text answer quoting the question', async () => {
    const api = graph();
    const res = await call(await post(notification('When is Petro meeting Trump?', 'wamid.PETRO1')));
    expect(res.status).toBe(200);
    expect(api.calls).toHaveLength(1);
    const [req] = api.calls;
    expect(req!.url).toBe('https://graph.facebook.com/v21.0/106540352242922/messages');
    expect(req!.method).toBe('POST');
    expect(req!.headers.get('Authorization')).toBe('Bearer EAAtest-access-token');
    const sent = JSON.parse(req!.body);
    expect(sent).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '16505551234',
      type: 'text',
      text: { preview_url: false, body: expect.stringContaining('Feb. 3. [1]') },
      context: { message_id: 'wamid.PETRO1' },
    });
    expect(sent.text.body).toContain('\n\nSources\n[1] Colombian President optimistic about high-stakes White House meeting with Trump');
    expect(sent.text.body).not.toMatch(/[<>*]/);
  });

  it('replies once to a redelivered message', async () => {
    const api = graph();
    const body = notification('When is Petro meeting Trump?', 'wamid.RETRY1');
    await call(await post(body));
    const again = await call(await post(body));
    expect(again.status).toBe(200);
    expect(api.calls).toHaveLength(1);
  });

  it('acknowledges status updates and other numbers without replying', async () => {
    const api = graph();
    const statuses = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { phone_number_id: '106540352242922' },
                statuses: [{ id: 'wamid.S', status: 'delivered', recipient_id: '16505551234' }],
              },
            },
          ],
        },
      ],
    });
    expect((await call(await post(statuses))).status).toBe(200);
    expect((await call(await post(notification('hello', 'wamid.OTHER1', '999999')))).status).toBe(200);
    expect(api.calls).toHaveLength(0);
  });

  it.each([
    ['forged (wrong secret)', 'another-app-secret', undefined],
    ['unsigned', WHATSAPP.secret, null],
    ['malformed', WHATSAPP.secret, 'sha256=xyz'],
  ])('rejects a %s notification with 401 and no reply', async (_, secret, signature) => {
    const api = graph();
    const ask = spyOnAnswerer();
    const res = await call(await post(notification('When is Petro meeting Trump?', 'wamid.FORGED'), secret, signature));
    expect(res.status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
    expect(api.calls).toHaveLength(0);
  });

  it('rejects a tampered notification with 401', async () => {
    const api = graph();
    const signed = await post(notification('When is Petro meeting Trump?', 'wamid.TAMPER'));
    const res = await call(new Request(signed, { body: notification('When is Petro meeting Trump??', 'wamid.TAMPER') }));
    expect(res.status).toBe(401);
    expect(api.calls).toHaveLength(0);
  });

  it('survives a Graph API error, logging it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    mockPlatformApi({ 'https://graph.facebook.com': () => json({ error: { message: 'Invalid OAuth access token', code: 190 } }, 401) });
    const res = await call(await post(notification('/latest', 'wamid.FAIL1')));
    expect(res.status).toBe(200);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('"status":401'));
  });
});

describe('parseWhatsAppMessages', () => {
  it('reads the documented notification vector', () => {
    expect(parseWhatsAppMessages(JSON.parse(WHATSAPP.body), '106540352242922')).toEqual([
      {
        id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        from: '16505551234',
        phoneNumberId: '106540352242922',
        text: 'Does it come in another color?',
      },
    ]);
  });
});
