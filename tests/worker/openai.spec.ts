import { env, SELF } from 'cloudflare:test';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { bundledEngine } from '../../src/worker.js';

const BASE = 'https://briefbot.test/v1';
const KEY = 'test-briefbot-key'; // vitest.config.mts
const SEED = '000-3f25df5bcd3f84e8';

/** The official OpenAI client, pointed at the Worker. */
function client(apiKey = KEY): OpenAI {
  return new OpenAI({ apiKey, baseURL: BASE, fetch: SELF.fetch.bind(SELF) as typeof fetch, maxRetries: 0 });
}

interface Extra {
  briefbot: { kind: string; answered: boolean; citations: { briefId: string; passageId: string; snippet: string }[]; followUp?: string };
}

describe('OpenAI-compatible API through the official client', () => {
  it('lists the bot as a model', async () => {
    const models = await client().models.list();
    expect(models.data.map((m) => m.id)).toEqual(['briefbot']);
    const one = await client().models.retrieve('briefbot');
    expect(one.owned_by).toBe('briefbot');
  });

  it('answers a chat completion with [n] markers, a sources list and structured citations', async () => {
    const completion = await client().chat.completions.create({
      model: 'briefbot',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'When is Petro meeting Trump?' },
      ],
      temperature: 0.2,
      max_tokens: 200,
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('briefbot');
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('stop');
    expect(choice.message.role).toBe('assistant');
    const content = choice.message.content!;
    expect(content).toMatch(/Feb\. 3\. \[1\]/);
    // Markdown, as every channel renders the reply: the cited sources, linked when they have a URL.
    expect(content).toMatch(/\n\n\*\*Sources\*\*\n\[1\] Colombian President optimistic about high-stakes White House meeting with Trump \(Jan\. 30, 2026\)$/);
    // Dated: the answer says how old its source is.
    expect(content).toMatch(/^As of Jan\. 30, 2026: /);
    const extra = (completion as unknown as Extra).briefbot;
    expect(extra.kind).toBe('answer');
    expect(extra.answered).toBe(true);
    expect(extra.citations[0]!.briefId).toBe(SEED);
    expect(completion.usage!.total_tokens).toBeGreaterThan(0);
  });

  it('holds a conversation: the history comes from messages', async () => {
    const ai = client();
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'When is Petro meeting Trump?' }];
    const first = await ai.chat.completions.create({ model: 'briefbot', messages });
    messages.push(first.choices[0]!.message as OpenAI.ChatCompletionMessageParam, { role: 'user', content: 'Who is the foreign minister?' });
    const second = await ai.chat.completions.create({ model: 'briefbot', messages });
    expect(second.choices[0]!.message.content).toContain('Rosa Villavicencio');
    expect((second as unknown as Extra).briefbot.followUp).toBe('follow-up');
    messages.push(second.choices[0]!.message as OpenAI.ChatCompletionMessageParam, { role: 'user', content: 'source?' });
    const third = await ai.chat.completions.create({ model: 'briefbot', messages });
    const extra = (third as unknown as Extra).briefbot;
    expect(extra.kind).toBe('source');
    expect(extra.citations.map((c) => c.passageId)).toEqual((second as unknown as Extra).briefbot.citations.map((c) => c.passageId));
  });

  it('streams Server-Sent Events chunks that add up to the same content', async () => {
    const request = { model: 'briefbot', messages: [{ role: 'user' as const, content: 'When is Petro meeting Trump?' }] };
    const whole = await client().chat.completions.create(request);
    const stream = await client().chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let chunks = 0;
    let finish: string | null = null;
    let role: string | undefined;
    let usage: OpenAI.CompletionUsage | undefined | null;
    let extra: Extra['briefbot'] | undefined;
    for await (const chunk of stream) {
      chunks++;
      expect(chunk.object).toBe('chat.completion.chunk');
      const choice = chunk.choices[0];
      if (choice) {
        role ??= choice.delta.role;
        text += choice.delta.content ?? '';
        finish = choice.finish_reason ?? finish;
      }
      if (chunk.usage) usage = chunk.usage;
      extra ??= (chunk as unknown as Partial<Extra>).briefbot;
    }
    expect(role).toBe('assistant');
    expect(chunks).toBeGreaterThan(3);
    expect(text).toBe(whole.choices[0]!.message.content);
    expect(finish).toBe('stop');
    expect(usage!.total_tokens).toBeGreaterThan(0);
    expect(extra!.citations[0]!.briefId).toBe(SEED);
  });

  it('ends the raw stream with data: [DONE]', async () => {
    const res = await SELF.fetch(`${BASE}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'briefbot', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = await res.text();
    const events = body.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    expect(events.slice(0, -1).every((e) => e.startsWith('data: {'))).toBe(true);
  });

  it('answers chat intents without searching', async () => {
    const hello = await client().chat.completions.create({ model: 'briefbot', messages: [{ role: 'user', content: 'Hello!' }] });
    expect((hello as unknown as Extra).briefbot.kind).toBe('greeting');
    expect(hello.choices[0]!.message.content).not.toContain('Sources');
  });

  it('accepts text content parts and any model name', async () => {
    const completion = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Who is the foreign minister of Colombia?' }] }],
    });
    expect(completion.model).toBe('briefbot');
    expect(completion.choices[0]!.message.content).toContain('Rosa Villavicencio');
  });
});

describe('OpenAI-compatible API: errors in OpenAI shape', () => {
  const cases: [string, unknown, string, string | null][] = [
    ['no messages', { model: 'briefbot' }, 'missing_required_parameter', 'messages'],
    ['empty messages', { model: 'briefbot', messages: [] }, 'empty_array', 'messages'],
    ['a wrong role', { messages: [{ role: 'bot', content: 'hi' }] }, 'invalid_value', 'messages[0].role'],
    [
      'the last message not from the user',
      {
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'Hello!' },
        ],
      },
      'invalid_value',
      'messages',
    ],
    ['huge content', { messages: [{ role: 'user', content: 'why '.repeat(2000) }] }, 'context_length_exceeded', 'messages[0].content'],
    [
      'an image part',
      { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }] }] },
      'invalid_value',
      'messages[0].content[0]',
    ],
    ['a non-boolean stream', { stream: 'yes', messages: [{ role: 'user', content: 'hi' }] }, 'invalid_type', 'stream'],
    ['n > 1', { n: 2, messages: [{ role: 'user', content: 'hi' }] }, 'invalid_value', 'n'],
  ];
  it.each(cases)('rejects %s with 400', async (_name, body, code, param) => {
    const err = await client()
      .chat.completions.create(body as never)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    const e = err as InstanceType<typeof OpenAI.BadRequestError>;
    expect(e.status).toBe(400);
    expect(e.code).toBe(code);
    expect(e.param).toBe(param);
    expect(e.type).toBe('invalid_request_error');
    expect(e.message).toBeTruthy();
  });

  it('rejects malformed JSON and oversized bodies', async () => {
    const post = (body: string) =>
      SELF.fetch(`${BASE}/chat/completions`, { method: 'POST', headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, body });
    const bad = await post('{"messages": [');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: { message: 'The request body is not valid JSON.', type: 'invalid_request_error', param: null, code: 'invalid_json' },
    });
    const big = await post(JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(300 * 1024) }] }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('request_too_large');
    // A chunked body (no Content-Length) is counted as it streams in.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 3 * 1024 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const chunked = await SELF.fetch(`${BASE}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { error: { code: string } }).error.code).toBe('request_too_large');
  });

  it('rejects a wrong or missing API key with 401 when BRIEFBOT_API_KEY is set', async () => {
    const err = await client('wrong-key')
      .models.list()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((err as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('invalid_api_key');
    const bare = await SELF.fetch(`${BASE}/models`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect(((await bare.json()) as { error: { code: string; type: string } }).error).toMatchObject({ code: 'invalid_api_key', type: 'invalid_request_error' });
    const malformed = await SELF.fetch(`${BASE}/models`, { headers: { Authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('invalid_api_key');
  });

  it('is open when BRIEFBOT_API_KEY is unset', async () => {
    const app = createApp(bundledEngine);
    const res = await app.request('/v1/models', {}, { ...env, BRIEFBOT_API_KEY: undefined });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { id: string }[] }).data[0]!.id).toBe('briefbot');
  });

  it('answers unknown /v1 paths with an OpenAI-style 404', async () => {
    const res = await SELF.fetch(`${BASE}/embeddings`, { method: 'POST', headers: { Authorization: `Bearer ${KEY}` }, body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown_url');
  });
});
