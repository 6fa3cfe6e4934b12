/// <reference types="vite/client" />
/**
 * R2 storage (STORAGE_MODE = "r2") against Miniflare's emulated R2: the
 * Worker answers from shards exactly as from the bundled index, loads only
 * the shards a question needs, and picks up a newly ingested build.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseBriefs } from '../../src/core/brief.js';
import { replayHistory, renderContent } from '../../src/adapters/openai/index.js';
import { chat } from '../../src/core/chat.js';
import { Engine } from '../../src/core/engine.js';
import type { Turn } from '../../src/core/types.js';
import { buildEngine as indexBriefs } from '../../src/core/indexer.js';
import { MANIFEST_KEY, splitIntoShards } from '../../src/core/sharded.js';
import { resetShardedEngine } from '../../src/storage/r2-shards.js';
import type { Env } from '../../src/env.js';
import worker, { bundledLexicon } from '../../src/worker.js';
import questionsText from '../fixtures/eval-sample/questions.jsonl?raw';

const files = import.meta.glob('../fixtures/eval-sample/briefs/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const questions = questionsText
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; question: string });

function buildEngine(only?: (path: string) => boolean): Engine {
  const briefFiles = Object.entries(files)
    .filter(([path]) => !only || only(path))
    .map(([path, text]) => ({ path: path.split('/').pop()!, bytes: new TextEncoder().encode(text) }));
  return indexBriefs(parseBriefs(briefFiles), bundledLexicon());
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** What `npm run ingest` does: shards (gzipped) first, the manifest last. */
async function ingest(engine: Engine, options = { postingsShardBytes: 4 * 1024, textShardBytes: 16 * 1024 }) {
  const { manifest, objects } = splitIntoShards(engine.serialize(), options);
  for (const [key, bytes] of objects) if (key !== MANIFEST_KEY) await bucket.put(key, await gzip(bytes));
  await bucket.put(MANIFEST_KEY, objects.get(MANIFEST_KEY)!);
  return manifest;
}

const bucket = (env as unknown as Env).SHARDS!;
const r2Env = { ...env, STORAGE_MODE: 'r2', SHARDS_REFRESH_SECONDS: '0' };

async function call(path: string, e: object = r2Env) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request('https://briefbot.test' + path), e as never, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** The answer without its timing. */
function answerOf(body: Record<string, unknown>) {
  // The API's conversation fields (kind, followUp, conversationId) and the question log's answerId are not part of the answer.
  const { query: _q, kind: _k, followUp: _f, conversationId: _c, answerId: _a, ...rest } = body;
  return rest;
}

beforeEach(async () => {
  resetShardedEngine();
  const listed = await bucket.list();
  for (const o of listed.objects) await bucket.delete(o.key);
});

describe('R2 shards', () => {
  it('answers every evaluation question exactly as the bundled index does', async () => {
    const engine = buildEngine();
    const manifest = await ingest(engine);
    expect(manifest.postings.length).toBeGreaterThan(3);
    expect(manifest.text.length).toBeGreaterThan(3);
    const bundled = Engine.load(engine.serialize(), bundledLexicon());
    for (const { question } of questions) {
      const res = await call('/api/ask?q=' + encodeURIComponent(question) + '&limit=3');
      expect(res.status).toBe(200);
      expect(answerOf(await res.json())).toEqual(answerOf(JSON.parse(JSON.stringify(bundled.respond(question, { limit: 3 })))));
    }
  }, 60_000); // every question also starts a conversation (a Durable Object write)

  it('loads only the shards a question needs, and reports them in /health', async () => {
    const engine = buildEngine();
    const manifest = await ingest(engine);
    const total = 1 + manifest.postings.length + manifest.text.length;
    await call('/api/ask?q=' + encodeURIComponent('What did the 1973 oil embargo do to prices?'));
    const health = (await (await call('/health')).json()) as {
      index: { briefs: number };
      storage: { mode: string; objectsFetched: number; bytesFetched: number; build: string };
    };
    expect(health.index.briefs).toBe(6);
    expect(health.storage.mode).toBe('r2');
    expect(health.storage.build).toBe(manifest.build);
    expect(health.storage.objectsFetched).toBeGreaterThan(2);
    expect(health.storage.objectsFetched).toBeLessThan(total);
  });

  it('holds multi-turn conversations over cold shards: OpenAI history replay and remembered API turns', async () => {
    const engine = buildEngine();
    // Small shards, so the replayed turns reach many of them.
    await ingest(engine, { postingsShardBytes: 1024, textShardBytes: 2048 });
    const bundled = Engine.load(engine.serialize(), bundledLexicon());
    const asked = questions.map((q) => q.question);
    for (let start = 0; start < 5; start++) {
      const turns = asked.slice(start * 9, start * 9 + 9);
      resetShardedEngine(); // a cold isolate: nothing loaded
      const ctx = createExecutionContext();
      const res = await worker.fetch(
        new Request('https://briefbot.test/v1/chat/completions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test-briefbot-key' },
          body: JSON.stringify({ messages: turns.map((content) => ({ role: 'user', content })) }),
        }),
        r2Env as never,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { choices: { message: { content: string } }[] };
      const expected = chat(bundled, turns.at(-1)!, replayHistory(bundled, turns.slice(0, -1))).reply;
      expect(body.choices[0]!.message.content).toBe(renderContent(expected));
    }
    // The API's remembered conversation, each turn on a cold isolate.
    let id: string | undefined;
    let history: Turn[] = [];
    for (const q of asked.slice(0, 4)) {
      resetShardedEngine();
      const res = await call(`/api/ask?q=${encodeURIComponent(q)}${id ? `&conversationId=${id}` : ''}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { answer: string; conversationId: string };
      const expected = chat(bundled, q, history);
      history = expected.history;
      expect(body.answer).toBe(expected.reply.answer);
      id = body.conversationId;
    }
  }, 60_000);

  it('serves a brief with its passage text from the shards', async () => {
    const engine = buildEngine();
    await ingest(engine);
    const id = engine.briefs[1]!.id;
    const res = await call('/api/briefs/' + id);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { passages: { id: string; text: string }[] };
    expect(body.passages.map((p) => p.text)).toEqual(engine.briefs[1]!.passages.map((p) => p.text));
  });

  it('picks up a newly ingested build without a redeploy', async () => {
    await ingest(buildEngine((p) => /black-death|pharmacy/.test(p)));
    const first = (await (await call('/health')).json()) as { index: { briefs: number } };
    expect(first.index.briefs).toBe(2);
    const q = '/api/ask?q=' + encodeURIComponent('What year did the oil embargo begin?');
    const before = (await (await call(q)).json()) as { citations: { briefId: string }[] };
    expect(before.citations.some((c) => c.briefId === 'squad1-1973-oil-crisis')).toBe(false);

    await ingest(buildEngine());
    const after = (await (await call(q)).json()) as { citations: { briefId: string }[] };
    expect(after.citations[0]!.briefId).toBe('squad1-1973-oil-crisis');
    expect(((await (await call('/health')).json()) as { index: { briefs: number } }).index.briefs).toBe(6);
  });

  it('says what to do when nothing has been ingested (503, JSON error)', async () => {
    const res = await call('/api/ask?q=oil');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('index_unavailable');
    expect(body.error.message).toMatch(/npm run ingest/);
    // The same failure on /v1 comes in OpenAI's error shape, from the same mapping.
    const ctx = createExecutionContext();
    const v1 = await worker.fetch(
      new Request('https://briefbot.test/v1/chat/completions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test-briefbot-key' },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'oil?' }] }),
      }),
      r2Env as never,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(v1.status).toBe(503);
    const openai = (await v1.json()) as { error: { type: string; code: string; message: string; param: null } };
    expect(openai.error).toMatchObject({ type: 'server_error', code: 'index_unavailable', param: null });
    expect(openai.error.message).toMatch(/npm run ingest/);
  });

  it('keeps serving the bundled index when STORAGE_MODE is not "r2"', async () => {
    const res = await call('/health', { ...env });
    const body = (await res.json()) as { storage: { mode: string } };
    expect(body.storage.mode).toBe('bundled');
  });
});
