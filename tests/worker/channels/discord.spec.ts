import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyDiscordSignature } from '../../../src/adapters/discord/index.js';
import { DISCORD } from '../../fixtures/channels/vectors.js';
import { call, discordSign, nowSeconds, spyOnAnswerer, toHex } from './helpers.js';

const enc = new TextEncoder();
const URL_ = 'https://briefbot.test/webhooks/discord';

/** A slash-command interaction shaped as in Discord's Interaction Structure table. */
function command(name: string, options: { name: string; type: number; value: string }[] = [], id = '234567890123456789') {
  return JSON.stringify({
    id,
    application_id: '123456789012345678',
    type: 2,
    token: 'aW50ZXJhY3Rpb246MjM0NTY3ODkwMTIzNDU2Nzg5',
    version: 1,
    data: { id: '345678901234567890', name, type: 1, options },
    guild_id: '456789012345678901',
    channel_id: '567890123456789012',
    context: 0,
    member: { user: { id: '678901234567890123', username: 'alice' }, roles: [], permissions: '2147483647' },
    locale: 'en-US',
    entitlements: [],
  });
}

async function post(body: string, opts: { timestamp?: string; signature?: string | null } = {}) {
  const timestamp = opts.timestamp ?? nowSeconds();
  const signature = opts.signature === undefined ? await discordSign(timestamp, body) : opts.signature;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Signature-Timestamp': timestamp };
  if (signature !== null) headers['X-Signature-Ed25519'] = signature;
  return new Request(URL_, { method: 'POST', headers, body });
}

afterEach(() => vi.restoreAllMocks());

describe('Discord Ed25519 (reference §8.4, RFC 8032 TEST 1 key)', () => {
  it('verifies the PING vector and rejects a tampered body or timestamp', async () => {
    const body = enc.encode(DISCORD.body);
    expect(await verifyDiscordSignature(DISCORD.publicKey, DISCORD.signature, DISCORD.timestamp, body, null)).toBe(true);
    expect(
      await verifyDiscordSignature(DISCORD.publicKey, DISCORD.signature, DISCORD.timestamp, enc.encode(DISCORD.body.replace('"type":1', '"type":2')), null),
    ).toBe(false);
    expect(await verifyDiscordSignature(DISCORD.publicKey, DISCORD.signature, '1700000001', body, null)).toBe(false);
  });
  it('rejects the vector as expired with the clock on, and malformed keys or signatures', async () => {
    const body = enc.encode(DISCORD.body);
    expect(await verifyDiscordSignature(DISCORD.publicKey, DISCORD.signature, DISCORD.timestamp, body)).toBe(false);
    expect(await verifyDiscordSignature(DISCORD.publicKey, DISCORD.signature, DISCORD.timestamp, body, 1700000000 + 299)).toBe(true);
    expect(await verifyDiscordSignature(DISCORD.publicKey, DISCORD.signature.slice(0, 126), DISCORD.timestamp, body, null)).toBe(false);
    expect(await verifyDiscordSignature(DISCORD.publicKey.slice(2), DISCORD.signature, DISCORD.timestamp, body, null)).toBe(false);
    expect(await verifyDiscordSignature('zz' + DISCORD.publicKey.slice(2), DISCORD.signature, DISCORD.timestamp, body, null)).toBe(false);
    expect(await verifyDiscordSignature(DISCORD.publicKey, '', DISCORD.timestamp, body, null)).toBe(false);
  });
});

describe('POST /webhooks/discord', () => {
  it('answers a signed PING with PONG', async () => {
    const ping = JSON.stringify({ ...JSON.parse(DISCORD.body) });
    const res = await call(await post(ping));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('answers /ask inline with a cited Markdown message that cannot ping anyone', async () => {
    const res = await call(await post(command('ask', [{ name: 'question', type: 3, value: 'When is Petro meeting Trump?' }])));
    expect(res.status).toBe(200);
    const body = await res.json<{ type: number; data: { content: string; allowed_mentions: unknown; flags?: number } }>();
    expect(body.type).toBe(4);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.flags).toBeUndefined();
    expect(body.data.content).toContain('Feb. 3. \\[1\\]');
    expect(body.data.content).toContain('**Sources**\n\\[1\\] Colombian President optimistic about high-stakes White House meeting with Trump');
    expect(body.data.content.length).toBeLessThanOrEqual(2000);
  });

  it('answers /latest, and /help only to the asker', async () => {
    const latest = await (await call(await post(command('latest')))).json<{ data: { content: string } }>();
    expect(latest.data.content).toContain('**Sources**\n\\[1\\] Colombian President optimistic');
    const help = await (await call(await post(command('help')))).json<{ data: { content: string; flags: number } }>();
    expect(help.data.flags).toBe(64);
    expect(help.data.content).toContain('I answer questions about the news briefs');
  });

  it.each([
    [
      'forged (signed by another key)',
      async (b: string) => {
        const other = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
        const t = nowSeconds();
        return post(b, { timestamp: t, signature: toHex(await crypto.subtle.sign({ name: 'Ed25519' }, other.privateKey, enc.encode(t + b))) });
      },
    ],
    ['corrupted', async (b: string) => post(b, { signature: (await discordSign(nowSeconds(), b)).replace(/^../, '00') })],
    ['expired (10 minutes old)', async (b: string) => post(b, { timestamp: String(Math.floor(Date.now() / 1000) - 600) })],
    ['unsigned', async (b: string) => post(b, { signature: null })],
    [
      'signed for another timestamp',
      async (b: string) => {
        const r = await post(b, { timestamp: '1700000000' });
        r.headers.set('X-Signature-Timestamp', nowSeconds());
        return r;
      },
    ],
  ])('rejects a %s interaction with 401 and no answer', async (_, make) => {
    const ask = spyOnAnswerer();
    const res = await call(await make(command('ask', [{ name: 'question', type: 3, value: 'When is Petro meeting Trump?' }])));
    expect(res.status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
  });

  it('rejects a tampered interaction with 401', async () => {
    const ask = spyOnAnswerer();
    const signed = await post(command('ask', [{ name: 'question', type: 3, value: 'When is Petro meeting Trump?' }]));
    const res = await call(new Request(signed, { body: command('ask', [{ name: 'question', type: 3, value: 'When is Petro meeting Trump!' }]) }));
    expect(res.status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
  });

  it('answers an unsupported interaction type with a 400 error', async () => {
    const res = await call(await post(JSON.stringify({ id: '1', type: 3, data: { custom_id: 'x' } })));
    expect(res.status).toBe(400);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('bad_request');
  });

  it('is 404 without DISCORD_PUBLIC_KEY', async () => {
    const res = await call(await post(DISCORD.body), { DISCORD_PUBLIC_KEY: '' });
    expect(res.status).toBe(404);
  });
});
