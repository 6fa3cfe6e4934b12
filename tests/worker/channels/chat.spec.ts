import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, formatReply, hexToBytes, LENGTH_LIMITS, respond, safeEqual, splitSentences } from '../../../src/adapters/chat/index.js';
import { chat, type ChatReply } from '../../../src/core/chat.js';
import type { Citation } from '../../../src/core/types.js';
import { bundledEngine } from '../../../src/worker.js';
import { call, testEnv } from './helpers.js';

const sentence = (i: number) => `Sentence number ${i} says that U.S. officials met on Feb. ${i} & agreed <things>. [${i}]`;

function cite(i: number, over: Partial<Citation> = {}): Citation {
  return {
    briefId: `b${i}`,
    title: `Brief ${i} | A & B <c>`,
    byline: null,
    date: '2026-01-30',
    url: `https://news.example/${i}?a=1&b=2`,
    passageId: `b${i}#p1`,
    snippet: 's',
    highlights: [],
    score: 1,
    ...over,
  };
}

function longAnswer(n: number): ChatReply {
  return {
    kind: 'answer',
    answered: true,
    answer: Array.from({ length: n }, (_, i) => sentence(i + 1)).join(' '),
    citations: Array.from({ length: n }, (_, i) => cite(i + 1)),
  };
}

describe('respond (the single entry point)', () => {
  const engine = bundledEngine();
  const say = async (key: string, text: string) => (await respond(engine, testEnv, 'slack', key, text))!;

  it('answers with the very reply the core gives every surface', async () => {
    const reply = await say(`r:${crypto.randomUUID()}`, 'When is Petro meeting Trump?');
    expect(reply).toEqual(chat(engine, 'When is Petro meeting Trump?').reply);
    expect(reply.kind).toBe('answer');
    expect(formatReply(reply, 'plain')).toMatch(/Feb\. 3\. \[1\]\n\nSources\n\[1\] /);
  });

  it('handles commands and intents like every surface', async () => {
    const key = `c:${crypto.randomUUID()}`;
    expect((await say(key, '/start')).kind).toBe('greeting');
    expect((await say(key, 'HELP')).kind).toBe('help');
    expect((await say(key, '')).kind).toBe('help');
    const latest = await say(key, '/latest');
    expect(latest.kind).toBe('latest');
    expect(latest.citations[0]!.title).toBe(engine.list(1)[0]!.title);
    const unknown = await say(key, '/frobnicate');
    expect(unknown.kind).toBe('help');
    expect(unknown.answer).toContain("I don't know the command /frobnicate.");
    // A Telegram group command for this bot, and a question that merely starts with a slash word, are not unknown commands.
    expect((await say(key, '/latest@briefbot_test_bot')).kind).toBe('latest');
    expect((await say(key, '/help me understand the sanctions')).kind).not.toBe('help');
  });
});

describe('formatReply', () => {
  it('dates the answer in every markup: "As of", the earlier context, relative days and expired sources', () => {
    const reply: ChatReply = {
      kind: 'answer',
      answered: true,
      answer: 'The meeting will now take place on Feb. 10. [1] Petro said Friday it was set for Feb. 3. [2]',
      citations: [cite(1, { date: '2026-02-01' }), cite(2)],
      asOf: '2026-02-01',
      earlier: [2],
      times: [{ marker: 2, phrase: 'Friday', date: '2026-01-30', label: 'Jan. 30, 2026' }],
      expired: [{ marker: 1, expires: '2026-02-20' }],
    };
    const plain = formatReply(reply, 'plain');
    expect(plain).toMatch(
      /^As of Feb\. 1, 2026: The meeting will now take place on Feb\. 10\. \[1\] Earlier, on Jan\. 30, 2026: Petro said Friday .* \[2\] \(Friday: Jan\. 30, 2026\)\n\n/,
    );
    expect(plain).toContain('\n\nNote: [1] comes from a brief that expired on Feb. 20, 2026; it may be out of date.\n\n');
    expect(plain).toContain('[1] Brief 1 | A & B <c> https://news.example/1?a=1&b=2 (Feb. 1, 2026)');
    for (const markup of ['telegram', 'slack', 'discord', 'markdown'] as const) {
      expect(formatReply(reply, markup), markup).toMatch(/^As of Feb\. 1, 2026: .*Earlier, on Jan\. 30, 2026: .*\(Friday: Jan\. 30, 2026\)/);
    }
  });

  it('escapes each markup as its platform requires', () => {
    const r = longAnswer(1);
    const tg = formatReply(r, 'telegram');
    expect(tg).toContain('&amp; agreed &lt;things&gt;. [1]');
    expect(tg).toContain('[1] <a href="https://news.example/1?a=1&amp;b=2">Brief 1 | A &amp; B &lt;c&gt;</a> (Jan. 30, 2026)');
    const sl = formatReply(r, 'slack');
    expect(sl).toContain('&amp; agreed &lt;things&gt;. [1]');
    expect(sl).toContain('[1] <https://news.example/1?a=1&amp;b=2|Brief 1 | A &amp; B &lt;c&gt;> (Jan. 30, 2026)');
    const dc = formatReply(r, 'discord');
    expect(dc).toContain('& agreed <things>. \\[1\\]');
    expect(dc).toContain('\\[1\\] [Brief 1 \\| A & B <c>](<https://news.example/1?a=1&b=2>)');
    const md = formatReply(r, 'markdown');
    expect(md).toContain('& agreed \\<things\\>. [1]');
    expect(md).toContain('**Sources**\n[1] [Brief 1 | A & B <c>](<https://news.example/1?a=1&b=2>) (Jan. 30, 2026)');
    const plain = formatReply(r, 'plain');
    expect(plain).toBe(`${sentence(1)}\n\nSources\n[1] Brief 1 | A & B <c> https://news.example/1?a=1&b=2 (Jan. 30, 2026)`);
  });

  it('never links a non-http URL', () => {
    const r = { ...longAnswer(1), citations: [cite(1, { url: 'javascript:alert(1)' })] };
    expect(formatReply(r, 'telegram')).not.toContain('javascript:');
    expect(formatReply(r, 'plain')).not.toContain('javascript:');
  });

  it('lists only the cited sources of an answer, all of a "source?" reply, and the related briefs of no answer', () => {
    const answer: ChatReply = { ...longAnswer(1), citations: [cite(1), cite(2)] };
    expect(formatReply(answer, 'plain')).not.toContain('Brief 2');
    const sources: ChatReply = { kind: 'source', answered: true, answer: 'Sources for my answer to "Q?":', citations: [cite(1), cite(2)] };
    expect(formatReply(sources, 'plain')).toBe(
      'Sources for my answer to "Q?":\n\n1. Brief 1 | A & B <c> https://news.example/1?a=1&b=2 (Jan. 30, 2026)\n2. Brief 2 | A & B <c> https://news.example/2?a=1&b=2 (Jan. 30, 2026)',
    );
    const none: ChatReply = {
      kind: 'no_answer',
      answered: false,
      answer: "I couldn't find that in the briefs.",
      citations: [],
      related: [{ briefId: 'b9', title: 'Nine', date: null, url: 'https://news.example/9' }],
    };
    expect(formatReply(none, 'slack')).toBe("I couldn't find that in the briefs.\n\n*Related briefs*\n1. <https://news.example/9|Nine>");
  });

  it('keeps the lines of a list reply ("latest") on their own lines', () => {
    const latest = chat(bundledEngine(), 'latest news').reply;
    const out = formatReply({ ...latest, answer: `${latest.answer}\nSecond line. [1]` }, 'plain');
    expect(out.split('\n\n')[0]!.split('\n')).toHaveLength(3);
  });

  it.each(Object.entries(LENGTH_LIMITS))('trims a long answer for %s at a sentence, keeping whole citations', (channel, limit) => {
    const markup = channel === 'telegram' || channel === 'slack' || channel === 'discord' ? channel : 'plain';
    const reply = longAnswer(60);
    const out = formatReply(reply, markup, limit);
    expect(out.length).toBeLessThanOrEqual(limit);
    expect(out).toContain('(Shortened: see the sources below.)');
    // Every kept sentence is whole and keeps its marker; every cited source is listed, whole.
    const body = out.split('\n\n')[0]!;
    const kept = [...body.matchAll(/\[(\d+)\\?\]/g)].map((m) => Number(m[1]));
    expect(kept.length).toBeGreaterThan(3);
    expect(kept).toEqual(kept.map((_, i) => i + 1));
    for (const n of kept) expect(out).toContain(`https://news.example/${n}`);
    expect(out).not.toContain(`https://news.example/${kept.length + 1}`);
    expect(body.trimEnd().endsWith('…')).toBe(true);
  });

  it('drops list items from the end, never cutting one', () => {
    const list: ChatReply = {
      kind: 'source',
      answered: true,
      answer: 'Sources for my answer to "Q?":',
      citations: Array.from({ length: 40 }, (_, i) => cite(i + 1, { title: `Brief title number ${i + 1} about something`, date: null, url: null })),
    };
    const out = formatReply(list, 'plain', 300);
    expect(out.length).toBeLessThanOrEqual(300);
    const lines = out.split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(3);
    lines.forEach((l, i) => expect(l).toBe(`${i + 1}. Brief title number ${i + 1} about something`));
  });

  it('splits answers only after citation markers', () => {
    expect(splitSentences('The U.S. said so. [1] Petro met Feb. 3. [2][3] Then more. [1]')).toEqual([
      'The U.S. said so. [1]',
      'Petro met Feb. 3. [2][3]',
      'Then more. [1]',
    ]);
  });
});

describe('crypto helpers fail closed', () => {
  it('decodes only well-formed hex and base64 of the expected length', () => {
    expect(hexToBytes('00ff')).toEqual(new Uint8Array([0, 255]));
    expect(hexToBytes('0f', 2)).toBeNull();
    expect(hexToBytes('0g')).toBeNull();
    expect(hexToBytes('abc')).toBeNull();
    expect(base64ToBytes('AAE=')).toEqual(new Uint8Array([0, 1]));
    expect(base64ToBytes('AAE')).toBeNull();
    expect(base64ToBytes('AA E')).toBeNull();
    expect(base64ToBytes('')).toBeNull();
    expect(base64ToBytes('AAE=', 3)).toBeNull();
  });
  it('compares strings in constant time, exactly', async () => {
    expect(await safeEqual('abc', 'abc')).toBe(true);
    expect(await safeEqual('abc', 'abd')).toBe(false);
    expect(await safeEqual('abc', 'abcd')).toBe(false);
    expect(await safeEqual('', 'a')).toBe(false);
  });
});

describe('/health and disabled channels', () => {
  it('lists every channel as enabled when its secrets are set', async () => {
    const res = await SELF.fetch('https://briefbot.test/health');
    const body = await res.json<{ status: string; index: unknown; channels: Record<string, string> }>();
    expect(body.status).toBe('ok');
    expect(body.index).toBeDefined();
    expect(body.channels).toEqual({ telegram: 'enabled', slack: 'enabled', whatsapp: 'enabled', discord: 'enabled', twilio: 'enabled', line: 'enabled' });
  });

  const none = {
    TELEGRAM_SECRET_TOKEN: undefined,
    SLACK_SIGNING_SECRET: undefined,
    WHATSAPP_APP_SECRET: undefined,
    DISCORD_PUBLIC_KEY: undefined,
    TWILIO_AUTH_TOKEN: undefined,
    LINE_CHANNEL_SECRET: undefined,
  };

  it('lists channels as disabled, and answers 404 on every webhook route, when secrets are missing', async () => {
    const health = await (await call(new Request('https://briefbot.test/health'), none)).json<{ channels: Record<string, string> }>();
    expect(Object.values(health.channels)).toEqual(Array(6).fill('disabled'));
    for (const [method, path] of [
      ['POST', 'telegram'],
      ['POST', 'slack/events'],
      ['POST', 'slack/commands'],
      ['GET', 'whatsapp?hub.mode=subscribe&hub.challenge=1&hub.verify_token=meatyhamhock'],
      ['POST', 'whatsapp'],
      ['POST', 'discord'],
      ['POST', 'twilio'],
      ['POST', 'line'],
    ] as const) {
      const res = await call(new Request(`https://briefbot.test/webhooks/${path}`, { method, body: method === 'POST' ? '{}' : undefined }), none);
      expect(res.status, path).toBe(404);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe('not_found');
    }
  });

  it('refuses an oversized webhook body with 413 before reading it', async () => {
    const res = await call(
      new Request('https://briefbot.test/webhooks/line', { method: 'POST', headers: { 'Content-Length': String(2 * 1024 * 1024) }, body: 'x' }),
    );
    expect(res.status).toBe(413);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('payload_too_large');
  });

  it('refuses a chunked (streamed, no Content-Length) webhook body of 3 MB with 413, counting as it reads', async () => {
    for (const path of ['line', 'twilio', 'slack/events', 'telegram']) {
      let sent = 0;
      const chunk = new Uint8Array(64 * 1024).fill(120);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 3 * 1024 * 1024) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const res = await call(new Request(`https://briefbot.test/webhooks/${path}`, { method: 'POST', body, duplex: 'half' } as RequestInit));
      expect(res.status, path).toBe(413);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe('payload_too_large');
      // Stopped reading once over the limit (1 MB), long before the 3 MB end.
      expect(sent, path).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it('needs the outbound token too where replies are API calls', async () => {
    const health = await (
      await call(new Request('https://briefbot.test/health'), { SLACK_BOT_TOKEN: '', LINE_CHANNEL_ACCESS_TOKEN: undefined, TELEGRAM_BOT_TOKEN: undefined })
    ).json<{ channels: Record<string, string> }>();
    expect(health.channels).toMatchObject({ slack: 'disabled', line: 'disabled', telegram: 'enabled' });
  });
});
