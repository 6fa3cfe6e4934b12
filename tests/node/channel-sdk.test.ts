/**
 * The platforms' official SDKs as independent signers and validators of what
 * our Web Crypto verifiers accept (run in Node: the SDKs need Node APIs that
 * workerd does not provide). Also keeps tests/fixtures/channels/sdk-signed.json
 * honest: every request the worker tests send from it is re-checked here.
 */
import { createHmac, generateKeyPairSync, randomBytes, sign as edSign } from 'node:crypto';
import { validateSignature as lineValidateSignature } from '@line/bot-sdk';
import { verifyKey as discordVerifyKey } from 'discord-interactions';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { verifyDiscordSignature } from '../../src/adapters/discord/verify.js';
import { verifyLineSignature } from '../../src/adapters/line/verify.js';
import { verifySlackSignature } from '../../src/adapters/slack/verify.js';
import { MAX_TWILIO_PARAMS, verifyTwilioSignature } from '../../src/adapters/twilio/verify.js';
import { verifyMetaSignature } from '../../src/adapters/whatsapp/verify.js';
import signed from '../fixtures/channels/sdk-signed.json';
import { DISCORD, LINE, SLACK_DOC, TWILIO_DOC, TWILIO_SMS, WHATSAPP } from '../fixtures/channels/vectors.js';

const enc = new TextEncoder();

/** Awkward but realistic values: unicode, emoji, reserved URL characters, empty strings. */
const SAMPLES = [
  'When is Petro meeting Trump?',
  'Hello & welcome',
  'Ça va? 🇨🇴 «Petro»',
  'a+b=c&d',
  '100% sure; 50/50',
  '',
  ' spaces  inside ',
  'line\nbreak',
  '\\u00e4 literal',
];
const pick = (i: number) => SAMPLES[i % SAMPLES.length]!;

describe('twilio SDK (twilio@6.2.0)', () => {
  const token = TWILIO_DOC.authToken;

  it('signs the fixture requests exactly as stored', () => {
    for (const f of signed.twilio) {
      const params = Object.fromEntries(new URLSearchParams(f.body));
      expect(twilio.getExpectedTwilioSignature(token, f.url, params), f.name).toBe(f.signature);
      expect(twilio.validateRequest(token, f.signature, f.url, params), f.name).toBe(true);
    }
  });

  it('agrees with our verifier on the reference vectors', async () => {
    for (const v of [TWILIO_DOC, TWILIO_SMS]) {
      const params = Object.fromEntries(new URLSearchParams(v.body));
      expect(twilio.getExpectedTwilioSignature(v.authToken, v.url, params)).toBe(v.signature);
      expect(await verifyTwilioSignature(v.authToken, v.signature, v.url, new URLSearchParams(v.body))).toBe(true);
    }
  });

  it('every SDK-signed request verifies with ours; a changed value or URL fails both', async () => {
    const urls = [
      'https://briefbot.test/webhooks/twilio',
      'https://bot.example.com/webhooks/twilio?a=1&b=%20x',
      'https://bot.example.com:8443/webhooks/twilio',
    ];
    for (let i = 0; i < 60; i++) {
      const url = urls[i % urls.length]!;
      const params: Record<string, string> = {
        MessageSid: `SM${i}`,
        From: `whatsapp:+1415555${String(i).padStart(4, '0')}`,
        Body: pick(i),
        ProfileName: pick(i + 3),
        [`Z${pick(i + 1).slice(0, 3)}`]: pick(i + 5),
      };
      const body = new URLSearchParams(params).toString();
      const signature = twilio.getExpectedTwilioSignature(token, url, params);
      expect(await verifyTwilioSignature(token, signature, url, new URLSearchParams(body)), body).toBe(true);

      const tampered = { ...params, Body: params.Body + '!' };
      expect(twilio.validateRequest(token, signature, url, tampered)).toBe(false);
      expect(await verifyTwilioSignature(token, signature, url, new URLSearchParams(new URLSearchParams(tampered).toString()))).toBe(false);
      expect(await verifyTwilioSignature(token, signature, url + (url.includes('?') ? '&x=1' : '?x=1'), new URLSearchParams(body))).toBe(false);
    }
  });

  it(`verifies an SDK-signed body of up to ${MAX_TWILIO_PARAMS} parameters and refuses more, signed or not`, async () => {
    const url = 'https://briefbot.test/webhooks/twilio';
    for (const n of [MAX_TWILIO_PARAMS, MAX_TWILIO_PARAMS + 1]) {
      const params = Object.fromEntries(Array.from({ length: n }, (_, i) => [`P${i}`, String(i % 7)]));
      const signature = twilio.getExpectedTwilioSignature(token, url, params);
      expect(twilio.validateRequest(token, signature, url, params)).toBe(true);
      expect(await verifyTwilioSignature(token, signature, url, new URLSearchParams(params))).toBe(n <= MAX_TWILIO_PARAMS);
    }
  });
});

describe('discord-interactions SDK (discord-interactions@4.4.0 verifyKey)', () => {
  it('agrees on the reference PING vector', async () => {
    expect(await discordVerifyKey(DISCORD.body, DISCORD.signature, DISCORD.timestamp, DISCORD.publicKey)).toBe(true);
    expect(await verifyDiscordSignature(DISCORD.publicKey, DISCORD.signature, DISCORD.timestamp, enc.encode(DISCORD.body), null)).toBe(true);
    const tampered = DISCORD.body.replace('"type":1', '"type":2');
    expect(await discordVerifyKey(tampered, DISCORD.signature, DISCORD.timestamp, DISCORD.publicKey)).toBe(false);
    expect(await verifyDiscordSignature(DISCORD.publicKey, DISCORD.signature, DISCORD.timestamp, enc.encode(tampered), null)).toBe(false);
  });

  it('agrees on requests signed with a fresh Node Ed25519 key pair', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pubHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 20; i++) {
      const timestamp = String(now - i);
      const body = JSON.stringify({ id: String(i), type: 2, data: { name: 'ask', options: [{ name: 'question', type: 3, value: pick(i) }] } });
      const signature = edSign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
      expect(await discordVerifyKey(body, signature, timestamp, pubHex)).toBe(true);
      expect(await verifyDiscordSignature(pubHex, signature, timestamp, enc.encode(body))).toBe(true);
      const other = body.replace('"ask"', '"asx"');
      expect(await discordVerifyKey(other, signature, timestamp, pubHex)).toBe(false);
      expect(await verifyDiscordSignature(pubHex, signature, timestamp, enc.encode(other))).toBe(false);
    }
  });
});

describe('@line/bot-sdk validateSignature (@line/bot-sdk@11.0.0)', () => {
  it('accepts the reference vector and the fixture request, as ours does', async () => {
    for (const { body, signature } of [LINE, ...signed.line]) {
      expect(lineValidateSignature(body, LINE.secret, signature)).toBe(true);
      expect(await verifyLineSignature(LINE.secret, signature, enc.encode(body))).toBe(true);
    }
  });

  it('agrees with ours on signed and tampered bodies with unicode and emoji', async () => {
    for (let i = 0; i < 30; i++) {
      const body = JSON.stringify({
        destination: 'U0',
        events: [{ type: 'message', message: { type: 'text', text: pick(i) + pick(i + 2) }, webhookEventId: randomBytes(8).toString('hex') }],
      });
      const signature = createHmac('sha256', LINE.secret).update(body).digest('base64');
      expect(lineValidateSignature(body, LINE.secret, signature)).toBe(true);
      expect(await verifyLineSignature(LINE.secret, signature, enc.encode(body))).toBe(true);
      const tampered = body.replace('"U0"', '"U1"');
      expect(lineValidateSignature(tampered, LINE.secret, signature)).toBe(false);
      expect(await verifyLineSignature(LINE.secret, signature, enc.encode(tampered))).toBe(false);
    }
  });
});

describe('node:crypto cross-checks (Slack and Meta: no official validator run here)', () => {
  it('Slack: node:crypto reproduces the documented signature, and ours accepts node-signed bodies', async () => {
    const mac = (ts: string, body: string) => 'v0=' + createHmac('sha256', SLACK_DOC.secret).update(`v0:${ts}:${body}`).digest('hex');
    expect(mac(SLACK_DOC.timestamp, SLACK_DOC.body)).toBe(SLACK_DOC.signature);
    const ts = String(Math.floor(Date.now() / 1000));
    for (let i = 0; i < 20; i++) {
      const body = JSON.stringify({ type: 'event_callback', event_id: `Ev${i}`, event: { type: 'message', text: pick(i) } });
      expect(await verifySlackSignature(SLACK_DOC.secret, ts, mac(ts, body), enc.encode(body))).toBe(true);
    }
  });

  it('WhatsApp: ours accepts node-signed raw bodies, including escaped unicode', async () => {
    for (const body of [WHATSAPP.body, WHATSAPP.unicodeBody, JSON.stringify({ object: 'whatsapp_business_account', text: 'Ça va 🇨🇴' })]) {
      const header = 'sha256=' + createHmac('sha256', WHATSAPP.secret).update(body).digest('hex');
      expect(await verifyMetaSignature(WHATSAPP.secret, header, enc.encode(body))).toBe(true);
    }
  });
});
