/// <reference types="vite/client" />
/**
 * `/mcp` with the index in R2 (STORAGE_MODE = "r2", Miniflare's emulated R2):
 * the tools load the shards they need and return exactly what they return
 * from the same index in one piece.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBriefs } from '../../src/core/brief.js';
import { chat } from '../../src/core/chat.js';
import { buildEngine } from '../../src/core/indexer.js';
import { searchPassages } from '../../src/core/search.js';
import { MANIFEST_KEY, splitIntoShards } from '../../src/core/sharded.js';
import type { Env } from '../../src/env.js';
import { resetShardedEngine } from '../../src/storage/r2-shards.js';
import worker, { bundledLexicon } from '../../src/worker.js';

const files = import.meta.glob('../fixtures/eval-sample/briefs/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const engine = buildEngine(
  parseBriefs(Object.entries(files).map(([path, text]) => ({ path: path.split('/').pop()!, bytes: new TextEncoder().encode(text) }))),
  bundledLexicon(),
);
const r2Env = { ...env, STORAGE_MODE: 'r2', SHARDS_REFRESH_SECONDS: '0' };

beforeAll(async () => {
  // As `npm run ingest` does, with small shards so a question needs several: shards first, the manifest last.
  const bucket = (env as unknown as Env).SHARDS!;
  const { objects } = splitIntoShards(engine.serialize(), { postingsShardBytes: 4 * 1024, textShardBytes: 16 * 1024 });
  for (const [key, bytes] of objects) if (key !== MANIFEST_KEY) await bucket.put(key, bytes);
  await bucket.put(MANIFEST_KEY, objects.get(MANIFEST_KEY)!);
  resetShardedEngine();
});

let id = 0;
async function rpc(method: string, params: Record<string, unknown>): Promise<any> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request('https://briefbot.test/mcp', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        Authorization: 'Bearer test-briefbot-key',
        'MCP-Protocol-Version': '2025-11-25',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
    }),
    r2Env as never,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  expect(res.status).toBe(200);
  const text = await res.text();
  const json = JSON.parse(res.headers.get('content-type')?.includes('text/event-stream') ? /^data: (.*)$/m.exec(text)![1]! : text);
  return json.result;
}

describe('MCP tools over R2 shards', () => {
  it('search_briefs returns what the whole index returns', async () => {
    for (const query of ['oil embargo prices', 'plague deaths in Europe', 'pharmacists and prescriptions']) {
      const result = await rpc('tools/call', { name: 'search_briefs', arguments: { query, limit: 5 } });
      const expected = searchPassages(engine, query, 5).map((c) => c.passageId);
      expect(expected.length).toBeGreaterThan(0);
      expect(result.structuredContent.passages.map((p: { passageId: string }) => p.passageId)).toEqual(expected);
    }
  });

  it('ask, get_brief and the brief resources read their text from the shards', async () => {
    const question = 'When did the 1973 oil crisis begin?';
    const asked = await rpc('tools/call', { name: 'ask', arguments: { question } });
    expect(asked.structuredContent.answered).toBe(true);
    expect(asked.structuredContent.answer).toBe(chat(engine, question).reply.answer);
    const brief = engine.briefs[0]!;
    const got = await rpc('tools/call', { name: 'get_brief', arguments: { id: brief.id } });
    expect(got.structuredContent.passages.map((p: { text: string }) => p.text)).toEqual(brief.passages.map((p) => p.text));
    const read = await rpc('resources/read', { uri: `brief://${brief.id}` });
    expect(read.contents[0].text).toContain(`[${brief.passages[0]!.id}] ${brief.passages[0]!.text}`);
  });
});
