import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLineEvents, verifyLineSignature } from '../../../src/adapters/line/index.js';
import signed from '../../fixtures/channels/sdk-signed.json';
import { LINE } from '../../fixtures/channels/vectors.js';
import { call, hmac, json, mockPlatformApi, spyOnAnswerer, toBase64 } from './helpers.js';

const enc = new TextEncoder();
const URL_ = 'https://briefbot.test/webhooks/line';

function post(body: string, signature: string | null) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (signature !== null) headers['x-line-signature'] = signature;
  return new Request(URL_, { method: 'POST', headers, body });
}
const sign = async (body: string, secret = LINE.secret) => toBase64(await hmac('SHA-256', secret, body));
const lineApi = () => mockPlatformApi({ 'https://api.line.me': () => json({ sentMessages: [{ id: '1', quoteToken: 'x' }] }) });

/** The reference's group text event with a mention of the bot. */
function groupEvent(text: string, eventId: string, mentionees: unknown[]) {
  return JSON.stringify({
    destination: 'Ubot',
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: 1462629479859,
        webhookEventId: eventId,
        deliveryContext: { isRedelivery: false },
        replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
        source: { type: 'group', groupId: 'Ca56f94637c...', userId: 'U4af4980629...' },
        message: { id: '444573844083572737', type: 'text', quoteToken: 'q3Plxr4AgKd...', text, mention: { mentionees } },
      },
    ],
  });
}

afterEach(() => vi.restoreAllMocks());

describe('x-line-signature (reference §8.6)', () => {
  it('verifies the vector and rejects the tampered body and malformed headers', async () => {
    expect(await verifyLineSignature(LINE.secret, LINE.signature, enc.encode(LINE.body))).toBe(true);
    expect(await verifyLineSignature(LINE.secret, LINE.signature, enc.encode(LINE.body.replace('Hello, world', 'Hello, World')))).toBe(false);
    for (const h of [null, '', LINE.signature.slice(0, -1), LINE.signature.replace('=', ''), '!' + LINE.signature.slice(1)]) {
      expect(await verifyLineSignature(LINE.secret, h, enc.encode(LINE.body)), String(h)).toBe(false);
    }
  });
});

describe('POST /webhooks/line', () => {
  it('answers the console "Verify" request (no events) with 200', async () => {
    const body = JSON.stringify({ destination: 'Ubot', events: [] });
    const api = lineApi();
    const res = await call(post(body, await sign(body)));
    expect(res.status).toBe(200);
    expect(api.calls).toHaveLength(0);
  });

  it('replies with the reply API: plain text with numbered sources (request checked by @line/bot-sdk)', async () => {
    const api = lineApi();
    const f = signed.line[0]!;
    const res = await call(post(f.body, f.signature));
    expect(res.status).toBe(200);
    expect(api.calls).toHaveLength(1);
    const [req] = api.calls;
    expect(req!.url).toBe('https://api.line.me/v2/bot/message/reply');
    expect(req!.method).toBe('POST');
    expect(req!.headers.get('Authorization')).toBe('Bearer line-test-access-token');
    expect(req!.headers.get('Content-Type')).toMatch(/^application\/json/);
    const sent = JSON.parse(req!.body);
    expect(sent).toEqual({ replyToken: '38ef843bde154d9b91c21320ffd17a10', messages: [{ type: 'text', text: expect.stringContaining('Feb. 3. [1]') }] });
    expect(sent.messages[0].text).toContain('\n\nSources\n[1] Colombian President optimistic about high-stakes White House meeting with Trump');
  });

  it('replies once to a redelivered event (same webhookEventId)', async () => {
    const api = lineApi();
    const first = JSON.parse(LINE.body);
    first.events[0].webhookEventId = '01H810YECXQQZ37VAXPF6REDEL';
    first.events[0].message.text = '/latest';
    const again = structuredClone(first);
    again.events[0].deliveryContext.isRedelivery = true;
    for (const p of [first, again]) {
      const body = JSON.stringify(p);
      expect((await call(post(body, await sign(body)))).status).toBe(200);
    }
    expect(api.calls).toHaveLength(1);
    expect(JSON.parse(api.calls[0]!.body).messages[0].text).toContain('The latest briefs:\nJan. 30, 2026: Colombian President Gustavo Petro said');
  });

  it('in groups answers only when the bot is mentioned, quoting the question', async () => {
    const api = lineApi();
    const ask = spyOnAnswerer();
    const notMe = groupEvent('@Alice When is Petro meeting Trump?', '01GROUP0000000000000000001', [
      { index: 0, length: 6, type: 'user', userId: 'U1', isSelf: false },
    ]);
    await call(post(notMe, await sign(notMe)));
    expect(api.calls).toHaveLength(0);
    const me = groupEvent('@Briefbot When is Petro meeting Trump?', '01GROUP0000000000000000002', [
      { index: 0, length: 9, type: 'user', userId: 'Ubot', isSelf: true },
    ]);
    await call(post(me, await sign(me)));
    expect(ask).toHaveBeenCalledWith('When is Petro meeting Trump?', expect.objectContaining({ history: expect.any(Array) }));
    expect(api.calls).toHaveLength(1);
    expect(JSON.parse(api.calls[0]!.body).messages[0]).toMatchObject({ type: 'text', quoteToken: 'q3Plxr4AgKd...' });
  });

  it.each([
    ['forged (another channel secret)', async (b: string) => sign(b, 'another-channel-secret')],
    ['unsigned', async () => null],
    ['tampered', async (b: string) => sign(b.replace('Trump?', 'Trump!'))],
  ])('rejects a %s webhook with 401 and no reply', async (_, makeSig) => {
    const api = lineApi();
    const ask = spyOnAnswerer();
    const f = signed.line[0]!;
    const res = await call(post(f.body, await makeSig(f.body)));
    expect(res.status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
    expect(api.calls).toHaveLength(0);
  });

  it('logs and survives a reply API timeout', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    mockPlatformApi({ 'https://api.line.me': () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')) });
    const body = JSON.stringify({ ...JSON.parse(LINE.body), events: [{ ...JSON.parse(LINE.body).events[0], webhookEventId: '01TIMEOUT00000000000000001' }] });
    const res = await call(post(body, await sign(body)));
    expect(res.status).toBe(200);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('timed out'));
  });

  it('ignores standby mode and non-text messages', () => {
    const p = JSON.parse(LINE.body);
    p.events.push({ ...p.events[0], mode: 'standby', webhookEventId: 'a' }, { ...p.events[0], message: { type: 'sticker', id: '1' }, webhookEventId: 'b' });
    expect(parseLineEvents(p).map((m) => m.webhookEventId)).toEqual(['01H810YECXQQZ37VAXPF6H9E6T']);
  });
});
